"""attribution/loaded-verb: an attribution verb that passes judgment (claimed, admitted, insisted)."""

from __future__ import annotations

import re
from bisect import bisect_left

from newslint import Flag, Option, Pass, Rule
from newslint.lazyre import lazy

from . import _words
from ._common import lexicon, analysis, phrase_regex

_AUX = (r"(?:was|were|is|are|had|has|have|would|will|could|should|did|does|do|can|must|might|may|"
        r"wanted|needed|knew|felt|thought|believed|hoped|intended|planned|never|not)")
_SUBJECT_PRONOUN = lazy(re.compile, 
    r"\s+(?:he|she|it|they|we|i|you|there)\s+(?:[a-z]+ly\s+)?(?:" + _AUX[3:-1] + r"|[a-z]+ed)\b",
    re.IGNORECASE)
_NOT_IN_SUBJECT = (r"(?!(?i:which|who|whom|that|when|where|while|after|before|because|and|but|to|in|on|at|"
                   r"for|by|with|from|of|as|than)\b)")
#: A clause after the verb: a subject (a determiner and up to three words, or a name) and a finite
#: verb: "insisted the plan was sound", "claims its new battery lasts twice as long".
_NOUN_CLAUSE = lazy(re.compile, 
    r"\s+(?:(?:(?i:the|a|an|his|her|their|its|this|these|those|mr|mrs|ms|dr|some|many|most|all|no)"
    r"|[A-Z][\w’'-]*)(?:\s+" + _NOT_IN_SUBJECT + r"[\w’'-]+){0,3}?\s+(?i:" + _AUX + r")\b"
    r"|(?i:the|a|an|his|her|their|its|this|these|those)(?:\s+" + _NOT_IN_SUBJECT + r"[\w’'-]+){1,3}?"
    r"\s+" + _NOT_IN_SUBJECT + r"[a-z]+(?:ed|[^s’']s)\b)")
_THAT = lazy(re.compile, r"\s+that\b", re.IGNORECASE)
_INTRODUCES_QUOTE = lazy(re.compile, r"\s*[:,]\s*[“\"‘']|\s*:\s*$")
_CLAIMED_TO = lazy(re.compile, r"\s+to\s+(?:be|have|be\w*|know|own|represent|speak)\b", re.IGNORECASE)
_CRITICISED_AS = lazy(re.compile, r"(?:\s+[\w’'-]+){1,6}?\s+as\b|(?:\s+[\w’'-]+){1,8}?,\s+saying\b", re.IGNORECASE)
#: Between a quotation's closing mark and the verb: a comma, then at most five words naming the
#: speaker (“…,” he insisted / “…,” the club's chairman claimed / “…,” insisted Smith).
_AFTER_QUOTE = lazy(re.compile, r",?\s+(?:(?!(?i:to|will|would|do|did|does|is|was|were|are|can|could|and|but|that|which|"
                          r"who|not|little|of|in|on|at|for|with|from|by)\b)[\w’'.-]+,?\s+){0,5}$")
#: Before "claims", "boasts", "reveals": words showing a noun (the claims that…, denied claims that…).
_NOUN_BEFORE = frozenset(
    "the these those this a an his her their its our your my such new false similar any no fresh unproven "
    "earlier previous recent many some all of wild dubious bogus latest further repeated renewed counter "
    "amid over about to after following despite against on by with from in into for at as than "
    "deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed dismissing "
    "address addresses addressed addressing investigate investigates investigated investigating "
    "examine examined examining probe probed probing make makes made making face faces faced facing "
    "rebut rebutted refute refuted counter countered back backed support supported repeat repeated "
    "answer answered respond responded dispute disputed disputes challenge challenged contest "
    "contested contests hear heard consider considered considering deal dealing "
    "counterclaims insurance compensation damages expenses benefit benefits".split())
_OBJECT_VERBS = frozenset(("slammed", "blasted"))
_SAID = {"past": "said", "present": "says", "ing": "saying", "base": "say"}


def _forms(past: str) -> dict[str, str]:
    """The forms of a regular verb from its past form: claimed → claim, claims, claiming."""
    past = past.strip().lower()
    if not past.endswith("ed") or len(past) < 4:
        return {past: "past"}
    stem = past[:-2]
    ing_stem = stem
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "slz":
        base = stem[:-1]                     # admitted → admit (admitting)
    elif stem[-1] in "cdgvz" or (stem[-1] == "s" and stem[-2] in "aeiou"):
        base = stem + "e"                    # conceded → concede, alleged → allege
        ing_stem = stem
    else:
        base = stem
    present = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return {past: "past", present: "present", ing_stem + "ing": "ing", base: "base"}


class LoadedVerb(Rule):
    """Flags attribution verbs that pass judgment on the speaker: claimed, admitted, conceded,
    insisted, alleged, confessed, slammed, blasted, boasted, revealed (the `verbs` map).

    **What.** One of those verbs, in any form (claimed, claims, claiming),
    outside quotation marks, used to report speech:

    - introducing a quotation ("conceded: “…”") or following one ("“…,” she
      insisted", "“…,” claimed Mr Patel");
    - introducing a clause ("claimed that…", "claims the plan is sound",
      "boasted that…"); "slammed" and "blasted" when they report criticism
      ("slammed the budget as…"); "claimed to be / to have".

    The verbs in `quote-only` (admitted, conceded, confessed, revealed,
    insisted) are flagged only in the first case: their plain meaning is often
    exactly right ("the former treasurer admitted he had taken the money"
    reports a real admission; "the bank revealed that…" a disclosure), but standing in for
    "said" beside a quotation they only colour it. Other senses are left alone:
    "claimed the title", "admitted to hospital", "conceded a goal", "slammed the
    door", "the city boasts a cathedral", "insisted on paying", "the claims
    that…" and "denied claims that…" (nouns). "Alleged" is not flagged in a
    legal context (court, police, charges: the `legal-context` list), where it
    is the right word.

    **Why.** AP: "said" is the neutral attribution verb. "Claimed" casts doubt
    on the speaker, "admitted" and "conceded" imply wrongdoing or reluctance,
    "insisted" implies they are doubted, "revealed" that the fact was hidden
    and is now established, "slammed" and "blasted" are tabloid hyperbole: the
    reporter takes sides without saying so.

    **Example.** "The minister claimed that the figures were accurate." is
    flagged; the fix makes it "The minister said that the figures were
    accurate."

    **Fix (unsafe):** replace the verb with the matching form of "said"
    (said, says, saying) where it simply reports speech. Unsafe because the
    judgment may be deliberate and sourced (a court finding, a confession on
    record); "slammed the plan as…" (use "criticised") and "claimed to be…"
    get no automatic fix. A newsroom following AP to the letter can empty
    `quote-only`.
    """

    id = "attribution/loaded-verb"
    summary = "An attribution verb that implies a judgment (claimed, admitted, insisted): use “said”"
    severity = "warning"
    fix = "unsafe"
    options = {
        "verbs": Option(dict(_words.LOADED_VERBS),
                        "Loaded verbs by their past form (other forms are derived), each with what it implies.",
                        "map"),
        "quote-only": Option(["admitted", "conceded", "confessed", "revealed", "insisted"],
                             "Verbs (past forms) whose plain meaning is often apt (he admitted he took the money): "
                             "flagged only where they introduce or follow a direct quotation.", "list"),
        "legal-context": Option(list(_words.LEGAL_CONTEXT),
                                "Words showing a sentence is about a legal allegation, where “alleged” is right.",
                                "list"),
    }
    examples = [
        Flag("The minister claimed that the figures were accurate.", "claimed",
             "The minister said that the figures were accurate."),
        Flag("“We did nothing wrong,” the chairman insisted.", "insisted",
             "“We did nothing wrong,” the chairman said."),
        Flag("The coach claimed he had picked the right team.", "claimed",
             "The coach said he had picked the right team."),
        Flag("She conceded: “It was not our best day.”", "conceded", "She said: “It was not our best day.”"),
        Flag("“Profits fell by a third,” the company revealed.", "revealed",
             "“Profits fell by a third,” the company said."),
        Flag("The mayor claims the budget is balanced.", "claims", "The mayor says the budget is balanced."),
        Flag("Opposition leaders slammed the budget as a betrayal of pensioners.", "slammed"),
        Flag("The singer boasted that the tour had sold out in an hour.", "boasted",
             "The singer said that the tour had sold out in an hour."),
        Pass("The minister said that the figures were accurate."),
        Pass("The champions claimed the title with two games to spare."),
        Pass("Three people were admitted to hospital after the crash."),
        Pass("United conceded two goals in the last ten minutes."),
        Pass("The claims that he lied were rejected by the inquiry."),
        Pass("Prosecutors alleged that the pair had laundered the money through shell companies."),
        Pass("She insisted on paying for the repairs herself."),
        Pass("“He claimed that he was never there,” the officer said."),
        Pass("The town boasts a medieval castle and two museums."),
        Pass("The former treasurer admitted he had taken money from the club."),
    ]

    def setup(self) -> None:
        verbs = self.settings["verbs"]
        self._form_of: dict[str, tuple[str, str]] = {}
        for past in verbs:
            for form, kind in _forms(str(past)).items():
                self._form_of.setdefault(form, (past.strip().lower(), kind))
        self._notes = {str(past).strip().lower(): str(note) for past, note in verbs.items()}
        self._lexicon = lexicon(self._form_of, rule=self.id, option="verbs")
        self._quote_only = frozenset(str(v).strip().lower() for v in self.settings["quote-only"])
        self._legal = phrase_regex(self.settings["legal-context"], self.id, "legal-context")

    def check(self, document):
        info = analysis(document)
        hits = info.find(self._lexicon)
        if not hits:
            return
        text = info.text
        sentences = info.sentences
        closes = sorted(q.close.offset for q in info.quotations if q.close is not None)
        for hit in hits:
            if info.quoted(hit.start):
                continue
            index = info.sentence_index(hit.start)
            if not info.in_prose(index):
                continue
            sentence = sentences[index]
            past, kind = hit.value  # type: ignore[misc]
            verdict = self._reporting_use(text, sentence.start, sentence.end, hit, past, kind, closes,
                                          past in self._quote_only)
            if verdict is None:
                continue
            if past == "alleged" and self._legal.search(text, sentence.start, sentence.end):
                continue
            word = text[hit.start:hit.end]
            note = self._notes.get(past, "implies a judgment")
            if verdict == "fix":
                replacement = _SAID[kind]
                if word[:1].isupper():
                    replacement = replacement.capitalize()
                yield self.problem(hit.start, hit.end,
                                   f"“{word}” {note}: use the neutral “{replacement}”, or source the judgment",
                                   replacement=replacement)
            else:
                suggestion = "criticised" if past in _OBJECT_VERBS else "said"
                yield self.problem(hit.start, hit.end,
                                   f"“{word}” {note}: use a neutral verb (“{suggestion}”), or source the judgment",
                                   suggestions=[suggestion], edits=())

    @staticmethod
    def _reporting_use(text: str, start: int, end: int, hit, past: str, kind: str, closes: list[int],
                       quote_only: bool):
        """"fix" when the verb simply reports speech, "flag" when it reports speech in a way
        "said" cannot replace word for word, None when it is not a verb of attribution."""
        before_word = text[max(start, hit.start - 20):hit.start].split()
        previous = before_word[-1].lower() if before_word else ""
        if kind in ("present", "base") and (previous in _NOUN_BEFORE or previous.endswith(("'s", "’s", "s'"))):
            return None  # the claims that…, denied claims that…, his boasts, Mr Smith's claim that…
        # After a quotation: “…,” she insisted / “…,” insisted the mayor.
        index = bisect_left(closes, hit.start) - 1
        if index >= 0 and closes[index] >= start:
            close = closes[index]
            comma = text[close - 1:close] in (",", "!", "?", "…") or text[close + 1:close + 2] == ","
            if comma and _AFTER_QUOTE.match(text, close + 1, hit.start):
                return "fix"
        if _INTRODUCES_QUOTE.match(text, hit.end, end):
            return "fix"
        if quote_only:
            return None
        if past in _OBJECT_VERBS:
            return "flag" if _CRITICISED_AS.match(text, hit.end, end) else None
        if _THAT.match(text, hit.end, end) or _SUBJECT_PRONOUN.match(text, hit.end, end):
            return "fix"
        if _NOUN_CLAUSE.match(text, hit.end, end):
            return "fix"
        if past == "claimed" and _CLAIMED_TO.match(text, hit.end, end):
            return "flag"
        return None
