"""attribution/vague-source: an attribution to nobody in particular (critics say, it is believed)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newslint import Flag, Option, Pass, Rule
from newslint.lazyre import lazy

from . import _words
from ._common import lexicon, analysis, normalise, trie_pattern

#: Words that may stand between a clause's start and a vague subject.
_CONNECTORS = frozenset("and but or yet so while whereas though although however as because since when if that "
                        "now also even still".split())
_CLAUSE_PUNCTUATION = ".,;:!?()[]—–-\"“”‘’«»"
#: Participles after "it is" that are a vague attribution only before "that" (it is known as…).
_NEED_THAT = frozenset(("known", "accepted", "agreed", "assumed"))
#: After "according to sources", words that describe the sources.
_DESCRIBED = lazy(re.compile, r"\s+(?:close|in|at|within|familiar|inside|from|who|involved|with|of|quoted|cited|on|"
                        r"briefed|for|near|linked|loyal|working|speaking)\b", re.IGNORECASE)
#: After "according to analysts": a name in apposition (according to analysts Brightfield) or a possessive.
_NAMED_AFTER = lazy(re.compile, r"['’]|\s+[A-Z]")
_ENDS_SENTENCE = lazy(re.compile, r"\s*[.!?]?[\"'”’)]*\s*$")
_BY = lazy(re.compile, r"\s+by\b", re.IGNORECASE)
_THAT = lazy(re.compile, r"\s+that\b", re.IGNORECASE)


# VagueSource's patterns after a vague subject, built from its options.
def _verb_pattern(verbs: frozenset[str]) -> "re.Pattern[str]":
    return re.compile(
        r"\s+(?:(?:have|had|has|do|did|also|often|long|now|privately|widely|"
        r"generally|still|increasingly|even|already|openly|repeatedly)\s+){0,2}(?:" + (trie_pattern(verbs) or "(?!)")
        + r")(?![^\W_])", re.IGNORECASE)


def _participle_pattern(participles: frozenset[str]) -> "re.Pattern[str]":
    return re.compile(
        r"\s+(?:(?:widely|generally|commonly|often|increasingly|popularly|frequently|largely|firmly|"
        r"now|also|still|further|strongly|privately|locally|officially|unofficially)\s+)?("
        + (trie_pattern(participles) or "(?!)") + r")(?![^\W_])", re.IGNORECASE)


def _subject_pattern(subjects: frozenset[str]) -> "re.Pattern[str]":
    return re.compile(r"\s+(?:" + (trie_pattern(subjects) or "(?!)") + r")(?![^\W_])", re.IGNORECASE)


class VagueSource(Rule):
    """Flags attributions to nobody in particular: "some say", "critics say", "experts
    believe", "it is believed", "it is widely thought", "research has shown", "sources said".

    **What.** Outside quotation marks:

    - at the start of a clause (so that no description comes before it), a
      vague subject (`vague-subjects`: some, many people, critics, experts,
      observers, analysts, sources…) directly followed by a verb of saying or
      believing (`vague-verbs`), "have", "also" or "long" allowed between;
    - "it is / was / has been" with a participle of saying or believing
      (`impersonal`: believed, thought, understood, reported…), "widely",
      "generally" and the like allowed between, and not followed by "by"
      (which names the source); and the personal passive, "the senator is
      said to", "the gang are believed to";
    - evidence named only vaguely (`vague-evidence`: "research has shown",
      "studies suggest"), except at the end of a sentence ("…, research
      suggests."), the lede convention where the study is named next;
    - "according to" a vague subject ("according to sources") with no
      description or name after it ("according to sources close to the talks",
      "according to analysts Brightfield" pass).

    Described sources pass: "government sources said", "film critics said",
    "experts at the Met Office say", "the critics said" (already introduced).
    An impersonal or passive attribution also passes when the sentence names
    its source after all ("It is thought to be the largest, the agency
    reported": `reporting-verbs`).

    **Why.** Wikipedia's "words to watch" and the style guides: an unsupported
    attribution lends a claim authority without a source anyone can weigh.
    Readers need to know who says so and why they would know.

    **Example.** "Critics say the scheme will cost twice as much." is flagged;
    "Two Labour councillors say the scheme will cost twice as much." is not.

    **Fix:** name the source, or describe it (their job, their side, how they
    know); cite the study by its authors or publisher. No automatic fix.
    Default severity is info: anonymous sourcing is sometimes unavoidable.
    """

    id = "attribution/vague-source"
    summary = "An unsupported attribution: some say, critics say, it is believed, research has shown"
    severity = "info"
    fix = None
    options = {
        "reporting-verbs": Option(list(_words.REPORTING_VERBS),
                                  "Words that attribute a statement: “it is thought …, the BBC reported” names "
                                  "its source after all (as for unattributed-quote).", "list"),
        "vague-subjects": Option(list(_words.VAGUE_SUBJECTS),
                                 "Subjects that name nobody in particular.", "list"),
        "vague-verbs": Option(list(_words.VAGUE_VERBS),
                              "Verbs that, straight after a vague subject, make a vague attribution.", "list"),
        "impersonal": Option(list(_words.IMPERSONAL),
                             "Participles of “it is believed” constructions.", "list"),
        "vague-evidence": Option(list(_words.VAGUE_EVIDENCE),
                                 "Evidence named only vaguely (“research has shown”).", "list"),
    }
    examples = [
        Flag("Critics say the scheme will cost twice as much.", "Critics say"),
        Flag("It is widely thought that the minister will resign.", "It is widely thought"),
        Flag("Research has shown that the drug works.", "Research has shown"),
        Flag("The talks, sources said, had stalled over the border.", "sources said"),
        Flag("Some believe the vote was rigged.", "Some believe"),
        Flag("According to sources, the deal is close.", "According to sources"),
        Flag("It is believed the gang fled abroad.", "It is believed"),
        Pass("Two Labour councillors say the scheme will cost twice as much."),
        Pass("Government sources said the talks had stalled."),
        Pass("According to sources close to the talks, the deal is close."),
        Pass("It was reported by the Financial Times that the deal is close."),
        Pass("Experts at the Met Office say the summer will be wet."),
        Pass("It is known as the Golden Mile."),
        Pass("“Critics say we are too slow, but we are careful,” the chief executive said."),
        Pass("Film critics said the sequel was better than the original."),
    ]

    def setup(self) -> None:
        settings = self.settings
        phrases: dict[str, str] = {}
        for phrase in settings["vague-subjects"]:
            phrases.setdefault(phrase, "subject")
        for phrase in settings["vague-evidence"]:
            phrases.setdefault(phrase, "evidence")
        for phrase in ("it is", "it was", "it has been", "it had been", "it's", "it is now", "it was also",
                       "it is also", "it has long been", "it has also been"):
            phrases.setdefault(phrase, "it")
        phrases.setdefault("according to", "according")
        # The personal passive: "the senator is said to be", "the gang are believed to have".
        for participle in settings["impersonal"]:
            participle = normalise(participle)
            if participle in _NEED_THAT or participle == "alleged":
                continue
            for aux in ("is", "are", "was", "were", "is also", "are also", "is now", "had been", "has been",
                        "have been", "is widely", "are widely", "was widely", "were widely", "is generally"):
                phrases.setdefault(f"{aux} {participle} to", "passive")
        self._lexicon = lexicon(phrases, rule=self.id, option="vague-subjects")
        self._reporting = lexicon(settings["reporting-verbs"], rule=self.id, option="reporting-verbs")
        # The patterns (and their tries) are built on first use: most documents never need them.
        self._verb = lazy(_verb_pattern, frozenset(normalise(v) for v in settings["vague-verbs"]))
        self._participle = lazy(_participle_pattern, frozenset(normalise(p) for p in settings["impersonal"]))
        self._vague_after_according = lazy(_subject_pattern,
                                           frozenset(normalise(s) for s in settings["vague-subjects"]))

    def check(self, document):
        info = analysis(document)
        hits = info.find(self._lexicon)
        if not hits:
            return
        text = info.text
        sentences = info.sentences
        attributed = None
        last_end = -1
        sentence_starts = info.sentence_starts
        # A hit is flagged when its own pattern goes on as a vague attribution, it is outside
        # quotation marks in prose, at the start of a clause (but "according to" and the passive),
        # and its sentence names no source after all. All are pure, so the cheapest tests come first.
        for hit in hits:
            if hit.start < last_end:
                continue
            index = bisect_right(sentence_starts, hit.start) - 1  # info.sentence_index
            if index < 0:
                continue  # not in prose
            sentence_start, sentence_end = sentences[index].start, sentences[index].end
            kind = hit.value
            if kind == "according":
                found = self._vague_after_according.match(text, hit.end, sentence_end)
                if not found or _DESCRIBED.match(text, found.end(), sentence_end) or \
                        _NAMED_AFTER.match(text, found.end(), sentence_end):
                    continue
                end = found.end()
            elif kind == "subject":
                found = self._verb.match(text, hit.end, sentence_end)
                if not found:
                    continue
                end = found.end()
            elif kind == "evidence":
                if _ENDS_SENTENCE.match(text, hit.end, sentence_end):
                    continue  # a lede's "…, research suggests." names the study in what follows
                end = hit.end
            elif kind == "passive":
                end = hit.end - 2  # without "to"
                while text[end - 1].isspace():
                    end -= 1
            elif kind == "it":
                found = self._participle.match(text, hit.end, sentence_end)
                if not found or _BY.match(text, found.end(), sentence_end) or (
                        found.group(1).lower() in _NEED_THAT and not _THAT.match(text, found.end(), sentence_end)):
                    continue
                end = found.end()
            else:
                continue
            if info.quoted(hit.start) or not info.in_prose(index):
                continue
            if kind not in ("according", "passive") and not _clause_start(text, sentence_start, hit.start):
                continue
            if kind in ("it", "passive", "evidence"):
                # "It is thought …, the agency reported": the source is named after all.
                if attributed is None:
                    attributed = [start for start in info.starts(self._reporting) if not info.quoted(start)]
                in_sentence = bisect_left(attributed, sentence_end) - bisect_left(attributed, sentence_start)
                in_phrase = bisect_left(attributed, end) - bisect_left(attributed, hit.start)
                if in_sentence > in_phrase:
                    continue
            last_end = end
            phrase = text[hit.start:end]
            if kind == "according":
                message = (f"“{phrase}”: which? Who says so? Name the source, "
                           f"or describe it (who they are, how they know)")
            elif kind == "subject":
                message = (f"“{phrase}”: who, exactly? Name the source, or describe it "
                           f"(who they are, how they know)")
            elif kind == "evidence":
                message = (f"“{phrase}”: which? Name the study, its authors or its publisher, "
                           f"so readers can check it")
            elif kind == "passive":
                message = (f"“{phrase}”: {hit.phrase.split()[-2]} by whom? Name the source "
                           f"or attribute the claim")
            else:
                message = (f"“{phrase}”: {found.group(1).lower()} by whom? Name the source "
                           f"or attribute the claim")
            yield self.problem(hit.start, end, message)


def _clause_start(text: str, sentence_start: int, offset: int) -> bool:
    """Only a clause boundary or a connective ("but", "and", "while") comes before ``offset``."""
    position = offset
    while position > sentence_start and text[position - 1].isspace():
        position -= 1
    if position <= sentence_start or text[position - 1] in _CLAUSE_PUNCTUATION:
        return True
    word_end = position
    while position > sentence_start and text[position - 1].isalpha():
        position -= 1
    return text[position:word_end].lower() in _CONNECTORS
