"""attribution/unattributed-claim: a claim in the reporter's own voice that needs a source."""

from __future__ import annotations

import re

from newslint import Flag, Option, Pass, Rule
from newslint.lazyre import lazy

from . import _words
from ._common import _START, Hit, _new, lexicon, analysis, normalise, trie_pattern

_CATEGORIES = (
    ("motives", "motive"),
    ("judgments", "judgment"),
    ("states-of-mind", "state"),
    ("sweeping", "sweeping"),
    ("casualties", "casualty"),
)

_MESSAGES = {
    "judgment": "“{cue}” is a judgment in the reporter’s own voice. Who says so? Add a source or "
                "attribute the claim",
    "state": "“{cue}” describes what people feel or think. Who says so? Add a source or attribute the claim",
    "sweeping": "“{cue}” is a sweeping characterization. Who says so? Add a source (figures, a poll, "
                "a named person) or attribute the claim",
    "motive": "“{cue}” asserts a motive or a cause. Who says so? Add a source or attribute the claim",
    "casualty": "“{cue}”: a casualty or damage figure with no source. Who says so? Add a source (police, "
                "officials, a named body) or attribute the figure",
    "statistic": "“{cue}”: a statistic with no source. Who says so? Name where the figure comes from",
}

# A count: digits (not a year, an ordinal, a score or a time) or a number word.
_NUMBER = (r"(?<![\w.,£$€:-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?!\d|[.,:-]\d|st\b|nd\b|rd\b|th\b)"
           r"(?:\s+(?:million|billion))?|dozens|hundreds|thousands|scores|millions|"
           r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
           r"sixty|seventy|eighty|ninety|a hundred|a thousand|a dozen|several hundred|several thousand)\b")
#: What marks a casualty count as a fresh, contestable claim rather than settled background
#: ("Around 140,000 people were killed in 2004"): an estimate's hedge or the present perfect.
_FRESH = lazy(re.compile, r"\b(?:at least|as many as|up to|feared|have been|has been|have died|has risen|have risen|"
                    r"has climbed|has reached|death toll|death-toll|are dead|were feared)\b", re.IGNORECASE)
_YEAR = lazy(re.compile, r"(?:1[5-9]|20)\d\d")
#: A "%" that ``_percent_of`` can match after (white space, "of", white space; the same case rule).
_PERCENT_OF = lazy(re.compile, r"%(?=\s+of\s)", re.IGNORECASE)
_MATCH_START = re.Match.start  # a match's start, read in C
_COUNT_NOUNS = ("civilians soldiers troops police officers policemen fighters militants insurgents rebels "
                "protesters demonstrators passengers miners villagers refugees prisoners hostages pilgrims "
                "tourists victims bodies lives homes houses buildings villages vehicles tanks aircraft "
                "dead killed wounded injured missing deaths casualties")


# UnattributedClaim's patterns around a group of people ("population-nouns").
def _percent_of_pattern(population: frozenset[str]) -> "re.Pattern[str]":
    """After a percentage: "of (all|the)? (adjective)? <group>"."""
    return re.compile(r"\s+of\s+(?:all\s+|the\s+|those\s+|british\s+|us\s+)?"
                      r"(?:[a-z’'-]+\s+)?" + (trie_pattern(population) or "(?!)") + r"\b", re.IGNORECASE)


def _one_in_pattern(population: frozenset[str]) -> "re.Pattern[str]":
    """After "one in": "<n> (adjective)? <group>"."""
    return re.compile(r"one\s+in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)\s+"
                      r"(?:[a-z’'-]+\s+)?" + (trie_pattern(population) or "(?!)") + r"\b", re.IGNORECASE)


def _count_pattern(population: frozenset[str]) -> "re.Pattern[str]":
    count = _NUMBER + r"(?:\s+[\w’'-]+){0,3}?\s+(?:" + trie_pattern(set(_COUNT_NOUNS.split()) | population) + r")\b"
    return re.compile(count, re.IGNORECASE)


class UnattributedClaim(Rule):
    """Flags a claim in the reporter's own voice that needs a source and has none.

    **What.** A sentence outside quotation marks that asserts something only a
    source can vouch for:

    - a *judgment* ("a disaster", "incompetent", "in disarray": `judgments`);
    - a *state of mind* ("low morale", "furious", "are angry": `states-of-mind`);
    - a *sweeping characterization* ("overwhelmingly", "widely seen as",
      "far more than anyone admits": `sweeping`);
    - a *casualty or damage claim*: a killing, injury or damage word with a
      count, as a fresh claim is put ("at least 40 civilians were killed",
      "thousands have been displaced": `casualties`; "around 3,000 died in the
      1908 earthquake", settled background, passes), or a
      *statistic* about people (a percentage or "one in five" of a group in
      `population-nouns`);
    - a *motive or cause* ("in retaliation for", "desperate to", "was caused
      by": `motives`)

    with no attribution: no reporting verb or source word (`reporting-verbs`,
    `source-words`: said, according to, believes, figures show, a poll…)
    outside quotation marks in the sentence, nor in the sentence before it in
    its paragraph or the paragraph's first sentence (a paragraph that is one
    attributed statement).

    **Why.** Editors and readers must be able to tell what the reporter saw or
    checked from what someone asserts. An unsourced judgment reads as the
    newsroom's opinion; an unsourced figure cannot be checked.

    **Precision first.** Background facts, dates, scheduling and direct
    observations carry none of these cues and stay silent; so do questions,
    headlines and headings, and anything inside quotation marks.

    **Example.** "The army has faced low morale amid a barrage of attacks." is
    flagged; "The army has faced low morale, commanders told reporters." is
    not.

    **Fix:** attribute the claim to a named source ("…, officials said",
    "according to the UN"), cite the figures, or cut the judgment. No
    automatic fix.
    """

    id = "attribution/unattributed-claim"
    summary = "A judgment, state of mind, sweeping claim, casualty figure or motive with no source"
    severity = "warning"
    fix = None
    options = {
        "reporting-verbs": Option(list(_words.REPORTING_VERBS),
                                  "Words and phrases that attribute a statement (as for unattributed-quote).",
                                  "list"),
        "source-words": Option(list(_words.SOURCE_WORDS),
                               "More words that give a claim a source: beliefs, estimates, evidence.", "list"),
        "judgments": Option(list(_words.JUDGMENTS), "Judgments that need a source.", "list"),
        "states-of-mind": Option(list(_words.STATES_OF_MIND), "States of mind that need a source.", "list"),
        "sweeping": Option(list(_words.SWEEPING), "Sweeping characterizations that need a source.", "list"),
        "casualties": Option(list(_words.CASUALTIES),
                             "Killing, injury and damage words: a claim when a count goes with them.", "list"),
        "motives": Option(list(_words.MOTIVES), "Motives and causes that need a source.", "list"),
        "population-nouns": Option(list(_words.POPULATION_NOUNS),
                                   "Groups a percentage or a “one in five” makes a statistic about.", "list"),
    }
    examples = [
        Flag("Since the spring offensive, the army has faced low morale amid a barrage of attacks.",
             "low morale"),
        Flag("The minister is furious about the leak.", "furious"),
        Flag("The new ticketing system has been a disaster for commuters.", "a disaster"),
        Flag("Voters overwhelmingly reject the plan.", "overwhelmingly"),
        Flag("At least 40 civilians were killed in the shelling overnight.", "killed"),
        Flag("The strike was launched in retaliation for the raid on the port.", "in retaliation for"),
        Flag("About 30% of adults in the region have no savings at all.", "30%"),
        Pass("Since the spring offensive, the army has faced low morale, two commanders told reporters."),
        Pass("The minister is furious about the leak, according to three people who spoke to him."),
        Pass("At least 40 civilians were killed in the shelling overnight, local officials said."),
        Pass("The talks will resume in Geneva on 3 March."),
        Pass("The bridge was built in 1932 and carries 40,000 vehicles a day."),
        Pass("The company said the launch was a disaster. Its shares fell by a third, and it is now "
             "in disarray."),
        Pass("“Morale is low and everyone is furious,” one soldier said."),
        Pass("Is the army facing low morale?"),
    ]

    def setup(self) -> None:
        settings = self.settings
        self._reporting = lexicon(settings["reporting-verbs"], rule=self.id, option="reporting-verbs")
        self._sources = lexicon(settings["source-words"], rule=self.id, option="source-words")
        cues: dict[str, str] = {}
        for option, category in _CATEGORIES:
            for phrase in settings[option]:
                cues.setdefault(phrase, category)
        for phrase in ("per cent", "percent", "one in"):
            cues.setdefault(phrase, "statistic")
        self._cues = lexicon(cues, rule=self.id, option="judgments")
        # The patterns (and their tries) are built on first use: most documents never need them.
        population = frozenset(normalise(p) for p in settings["population-nouns"])
        self._percent_of = lazy(_percent_of_pattern, population)
        self._one_in = lazy(_one_in_pattern, population)
        self._count = lazy(_count_pattern, population)

    def check(self, document):
        info = analysis(document)
        text = info.text
        sentences = info.sentences
        hits = info.find(self._cues)
        if "%" in text:
            # Only a "%" followed by "of" can be flagged (``_statistic`` needs ``_percent_of`` to match
            # after it): the others are not made hits at all.
            percents = [_new(Hit, (start, start + 1, "%", "statistic"))
                        for start in map(_MATCH_START, _PERCENT_OF.finditer(text))]
            if percents:
                hits = sorted(hits + percents, key=_START)
        if not hits:
            return
        attributed = None
        done: set[int] = set()
        # Whether a hit is flagged depends on the hit (its own tests below) and on its sentence (in
        # prose, not a question, not attributed). Both are pure, so the hit's tests come first: the
        # sentence's attribution, the costliest, is then computed only for a hit that passes them.
        # (A sentence that fails is ``done``: its later hits would fail too.)
        for hit in hits:
            if hit.value is None or info.quoted(hit.start):
                continue
            index = info.sentence_index(hit.start)
            if index < 0 or index in done or hit.start >= sentences[index].end:
                continue
            sentence = sentences[index]
            category = hit.value
            start, end = hit.start, hit.end
            if category != "statistic" and text[start].isupper() and \
                    text[sentence.start:start].strip(" \"'“‘([-–—"):
                continue  # part of a name or a title in mid-sentence: Desperate Housewives
            if category == "casualty":
                if not _FRESH.search(text, sentence.start, sentence.end) or \
                        not self._has_count(text, sentence.start, sentence.end, hit.start, hit.end):
                    continue
            elif category == "statistic":
                found = self._statistic(text, sentence.start, sentence.end, hit)
                if found is None:
                    continue
                start, end = found
            if not info.in_prose(index) or \
                    text[sentence.start:sentence.end].rstrip(" \"'”’)").endswith("?"):
                done.add(index)
                continue
            if attributed is None:
                attributed = info.attributed(self._reporting, self._sources, mask=self._cues)
            if info.covered(attributed, index):
                done.add(index)
                continue
            done.add(index)
            cue = text[start:end]
            yield self.problem(start, end, _MESSAGES[str(category)].format(cue=cue))

    def _has_count(self, text: str, start: int, end: int, cue_start: int, cue_end: int) -> bool:
        """A count of people or things goes with the casualty word: "40 civilians", "killing 12"."""
        window_start = max(start, cue_start - 80)
        for match in self._count.finditer(text, window_start, min(end, cue_end + 80)):
            if not _YEAR.fullmatch(match.group().split()[0]):
                return True
        return False

    def _statistic(self, text: str, start: int, end: int, hit) -> tuple[int, int] | None:
        """The span of a percentage of a group, or "one in five" of a group; None when there is none."""
        if hit.phrase == "one in":
            match = self._one_in.match(text, hit.start, end)
            return (match.start(), match.end()) if match else None
        # Back from "%" / "per cent" to its number.
        position = hit.start
        while position > start and text[position - 1] == " ":
            position -= 1
        number_end = position
        while position > start and (text[position - 1].isdigit() or text[position - 1] == "."):
            position -= 1
        if position == number_end:
            return None
        if not self._percent_of.match(text, hit.end, end):
            return None
        return position, hit.end
