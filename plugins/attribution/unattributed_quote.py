"""attribution/unattributed-quote: a direct quotation with no speaker."""

from __future__ import annotations

import re
from operator import attrgetter

from newslint import Flag, Option, Pass, Rule
from newslint.lazyre import lazy

from . import _words
from ._common import lexicon, analysis, phrase_regex, shorten, words_in

#: A quotation's start (``Quotation.start``), read in C.
_START = attrgetter("open.offset")
_LOWER_WORDS = frozenset("a an and at by for from in into of on or the to with is are was be as vs".split())
#: Words on a sign, a banner, a letter: “…,” read the banner / a placard reading “…”.
_READ_AFTER = lazy(re.compile, r"[\s,]*(?:read|reads|reading)\b", re.IGNORECASE)
_READ_BEFORE = lazy(re.compile, r"\b(?:read|reads|reading)[\s:,]*$", re.IGNORECASE)


class UnattributedQuote(Rule):
    """Flags a direct quotation that nobody is said to have said.

    **What.** A quotation of at least `min-words` words (so not a scare quote or
    a quoted word or short phrase) with no attribution tying it to a speaker:
    no reporting verb (`said`, `told`, `added`, `wrote`: the `reporting-verbs`
    list; pronoun speakers such as "he said" count) and no "according to",
    outside quotation marks, in the sentences the quotation spans, the sentence
    before it or the sentence after it. A partial quotation (a fragment inside a
    sentence: "described the plan as “a betrayal of every family”") may also
    be tied to its source by the wider `source-words` (believes, hailed for,
    a report…) anywhere in its paragraph.

    **Why.** A quotation without a speaker is an assertion nobody stands
    behind: readers cannot weigh it, and an editor cannot check it.

    **Not flagged:**

    - the continuation of a multi-paragraph quotation (each paragraph opens
      with a quotation mark and only the last closes) when any part of it is
      attributed, and a quotation that directly follows an attributed one
      (“…,” she said. “…” “…”);
    - a quotation introduced by a colon after a speaker ("The minister also said:
      “…”", "The ministry's statement: “…”", the `speaker-nouns`), or labelled
      by a name at the start of its paragraph ("- United manager Jo Banks
      “…”");
    - titles and terms: capitalised words, or after `title-cues` (*album*,
      *called*, *so-called*, *dubbed*), and words on a sign or banner
      ("read one banner");
    - quotations in headlines and headings, and quotation marks never closed
      (see `punctuation/unbalanced-quotes`).

    Curly and straight quotation marks are handled alike.

    **Example.** `“We will not retreat from the city.”` standing alone is
    flagged; `“We will not retreat from the city,” the mayor said.` is not.

    **Fix:** say who said it (“…,” she said), or paraphrase and attribute the
    paraphrase; cut it if nobody can be named. No automatic fix.
    """

    id = "attribution/unattributed-quote"
    summary = "A direct quotation with no speaker"
    severity = "warning"
    fix = None
    options = {
        "min-words": Option(4, "A quotation of fewer words is a scare quote or a quoted phrase, not checked.",
                            "int"),
        "reporting-verbs": Option(list(_words.REPORTING_VERBS),
                                  "Words and phrases attributing a quotation (matched as whole words, any case).",
                                  "list"),
        "source-words": Option(list(_words.SOURCE_WORDS),
                               "For a partial quotation (a fragment inside a sentence), more words that name "
                               "its source: beliefs, evaluations, documents.", "list"),
        "title-cues": Option(list(_words.TITLE_CUES),
                             "Words just before a quotation that make it a title or a term.", "list"),
        "speaker-nouns": Option(list(_words.SPEAKER_NOUNS),
                                "Words before a colon that introduce a quotation as someone's words.", "list"),
    }
    examples = [
        Flag("The mayor visited the flooded streets on Monday.\n\n“We will rebuild every home that was lost.”\n\n"
             "Repairs are expected to take months.", "“We will rebuild every home that was lost.”"),
        Flag("\"Nobody here has been paid for three months.\"", "\"Nobody here has been paid for three months.\""),
        Flag("The council met on Tuesday. It was “the worst budget we have ever seen”.",
             "“the worst budget we have ever seen”"),
        Flag("House prices fell again in March.\n\n“The market has simply run out of buyers.”",
             "“The market has simply run out of buyers.”"),
        Flag("Shops stayed shut on the high street.\n\n‘We cannot afford to open any more.’",
             "‘We cannot afford to open any more.’"),
        Pass("“We will rebuild every home that was lost,” the mayor said."),
        Pass("The mayor was asked about the cost. “We will rebuild every home that was lost.”"),
        Pass("“We will rebuild every home that was lost.” That was how she put it, she said later."),
        Pass("The mayor also said: “The city has been given what it deserves at last.”"),
        Pass("“We will rebuild every home,” he said.\n\n“It will take years, and it will cost a great deal.\n\n"
             "“But we will not leave anyone behind.”"),
        Pass("Critics called it a “tax on working families”, and the party pledged to scrap it."),
        Pass("The plan was dubbed “the great leap backwards by everyone”."),
        Pass("She starred in “The Lord of the Rings” last year."),
        Pass("The so-called “peace dividend” never arrived."),
        Pass("According to the ministry, “all units are fully supplied and ready”."),
    ]

    def setup(self) -> None:
        self._reporting = lexicon(self.settings["reporting-verbs"], rule=self.id, option="reporting-verbs")
        self._sources = lexicon(self.settings["source-words"], rule=self.id, option="source-words")
        # Checked only around candidate quotations, so plain searches rather than document scans.
        self._title_before = phrase_regex(self.settings["title-cues"], self.id, "title-cues",
                                          suffix=r"[\s,:]*$")
        self._speaker = phrase_regex(self.settings["speaker-nouns"], self.id, "speaker-nouns")
        self._min_words = int(self.settings["min-words"])

    def check(self, document):
        quotations = document.quotes.quotations
        if not quotations:
            return
        info = analysis(document)
        text = info.text
        sentences = info.sentences
        attributed = info.attributed(self._reporting)
        if info.all_near(attributed, map(_START, quotations)):
            # Every quotation opens in a sentence with an attribution, or next to one: so does the
            # first quotation of every chain, which is then attributed (below), and none is flagged.
            return
        sourced = None
        # A quotation is flagged when it is a real one (``_qualifies``: in prose, long enough, not a
        # title or a sign), does not go on with the previous speaker's words (below), and no
        # attribution ties it to a speaker. The cheapest of these is tested first: most quotations
        # are attributed in the sentences around them, and a real quotation's other tests are pure,
        # so their order does not change what is flagged.
        #
        # A quotation that follows the previous one with nothing but white space between goes on
        # with the same speaker's words (“A,” he said. “B.” “C.”) when that one was a real quotation
        # and not flagged: ``previous`` is (its chain, where it ends, whether it was flagged, whether
        # it qualifies: None until known).
        previous = None
        for chain in _chains(quotations):
            first, last = chain[0], chain[-1]
            end_of_chain = last.close.offset + 1 if last.close is not None else last.end
            before, previous = previous, [chain, end_of_chain, False, None]
            first_index = info.sentence_index(first.start)
            if first_index < 0:
                previous[3] = False  # before the first sentence: not in prose
                continue
            last_end = last.close.offset if last.close is not None else last.end - 1
            last_index = max(first_index, info.sentence_index(last_end))
            low = max(0, first_index - 1)
            high = min(len(sentences) - 1, last_index + 1)
            if True in attributed[low:high + 1]:
                continue
            content = _content(text, chain)
            qualifies = previous[3] = self._qualifies(info, chain, first_index, end_of_chain, content)
            if not qualifies:
                continue
            if before is not None and not before[2] and not text[before[1]:first.start].strip():
                if before[3] is None:
                    before[3] = self._qualifies(info, before[0], info.sentence_index(before[0][0].start),
                                                before[1], _content(text, before[0]))
                if before[3]:
                    continue  # carried on from the previous quotation
            paragraph = info.paragraphs[sentences[first_index].paragraph]
            if self._introduced(text, first.start, sentences[first_index].start, paragraph.start):
                continue
            if _partial(content):
                # A fragment quoted inside a sentence ("hailed for his “remarkable visual beauty”")
                # is attributed by a wider range of words, anywhere in its paragraph.
                if sourced is None:
                    sourced = info.attributed(self._reporting, self._sources)
                if True in sourced[low:high + 1] or info.paragraph_has(sourced, first_index):
                    continue
            previous[2] = True
            end = first.close.offset + 1 if first.close is not None else first.end
            yield self.problem(
                first.start, end,
                f"Who said “{shorten(content, 40)}”? No speaker is named: attribute the quotation "
                f"(“…,” she said) or paraphrase it with a source",
            )

    def _qualifies(self, info, chain, first_index: int, end_of_chain: int, content: str) -> bool:
        """The chain is a real quotation to check: in prose, at least ``min-words`` words long, not a
        title or a term (capitalised words, after a title cue) nor the words on a sign."""
        if not info.in_prose(first_index):
            return False
        words = words_in(content)
        if len(words) < self._min_words or _is_title(words, content):
            return False
        text = info.text
        start = chain[0].start
        window = text[max(info.sentences[first_index].start, start - 40):start]
        return not (self._title_before.search(window) or _READ_BEFORE.search(window) or
                    _READ_AFTER.match(text, end_of_chain))

    def _introduced(self, text: str, start: int, sentence_start: int, paragraph_start: int) -> bool:
        """The quotation follows a colon after a speaker (a name, a pronoun or a speaker noun:
        "The minister also said: “…”", "Her reply: “…”"), or a speaker's name labels it at the start of
        its paragraph ("- United manager Jo Banks “…”", ": “…”" after a lost heading)."""
        position = start
        while position > sentence_start and text[position - 1].isspace():
            position -= 1
        if position > sentence_start and text[position - 1] == ":":
            clause = text[sentence_start:position - 1]
            if not clause.strip(" -–—•*") and sentence_start == paragraph_start:
                return True
            names = [word for word in words_in(clause)[1:] if word[:1].isupper()]
            return bool(names) or bool(self._speaker.search(clause))
        if sentence_start == paragraph_start and position > sentence_start:
            label = text[sentence_start:position]
            words = words_in(label)
            return (0 < len(words) <= 8 and words[-1][:1].isupper() and not any(c in label for c in ".!?,;")
                    and sum(1 for word in words if word[:1].isupper()) >= 2)
        return False


def _content(text: str, chain) -> str:
    """The words of a chain's quotations, without their marks."""
    return " ".join(text[q.start + 1:(q.close.offset if q.close else q.end)] for q in chain)


def _chains(quotations):
    """Outermost quotations, a multi-paragraph (or reopened) quotation's parts grouped together."""
    chain: list = []
    pending = None
    holds: dict[int, bool] = {}  # _nested's walk up, shared by the quotations of one ancestry
    for quotation in quotations:
        if _nested(quotation, holds):
            continue
        if quotation.close is None and not quotation.continues:
            continue  # never closed: punctuation/unbalanced-quotes reports it
        joins = pending is not None and quotation.family == pending.family and (
            quotation.start == pending.reopened_at or quotation.open.paragraph == pending.open.paragraph + 1)
        if joins:
            chain.append(quotation)
        else:
            if chain:
                yield chain
            chain = [quotation]
        pending = quotation if quotation.close is None and quotation.continues else None
    if chain:
        yield chain


def _nested(quotation, holds: dict[int, bool] | None = None) -> bool:
    """Inside another quotation that closes or runs on to the next paragraph.

    ``holds`` remembers, by quotation (``id``), whether one of it and its ancestors closes or runs
    on: each quotation is then looked at once, however deep the nesting (a text of thousands of
    opening marks and no closing one nests each in the last: walking every ancestry anew would cost
    the square of their number)."""
    parent = quotation.parent
    if holds is None:
        holds = {}
    walked = []
    found = False
    while parent is not None:
        known = holds.get(id(parent))
        if known is not None:
            found = known
            break
        if parent.close is not None or parent.continues:
            found = True
            walked.append(parent)
            break
        walked.append(parent)
        parent = parent.parent
    for ancestor in walked:
        holds[id(ancestor)] = found
    return found


def _partial(content: str) -> bool:
    """A fragment rather than a whole quoted sentence: it starts in lowercase or ends without punctuation."""
    stripped = content.strip()
    return not stripped[:1].isupper() or not stripped.endswith((".", ",", "!", "?", "…", ";", ":", "-", "—"))


def _is_title(words: list[str], content: str) -> bool:
    """Capitalised words with no sentence punctuation: a title or a name, not a quotation."""
    if content.rstrip().endswith((".", ",", "!", "?", "…", ";", ":")):
        return False
    significant = [word for word in words if word.lower() not in _LOWER_WORDS]
    return bool(significant) and all(word[:1].isupper() or word[:1].isdigit() for word in significant)
