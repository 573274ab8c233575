"""artifacts/stray-tag: a line that is a leftover source tag or a piece of web page furniture."""

from __future__ import annotations

import re

from newslint import Flag, Option, Pass, Rule
from newslint.rule import TextEdit
from newslint.fastre import is_plain
from newslint.lazyre import lazy, regex_compile

from ._common import compile_patterns, fewest_needles, required_literals

# The patterns of literal characters are in ``re``, which matches them exactly as ``regex`` does:
# a plain check need not import ``regex`` for them (newslint.lazyre).
_LINE = lazy(re.compile, r"[^\r\n]+")
# Ends of a boilerplate line that do not change what it is: "Read more »", "Advertisement:".
_TRAILING = " \t.:;,!|>›»→–—-…"
# A line ending with one of these ends its sentence; otherwise the next line may continue it.
_SENTENCE_END = ".!?:;…\"'”’)]»"
# The line before a line (ending where the line starts), and the line after it.
_LINE_BEFORE = lazy(regex_compile, r"([^\r\n]*)(?:\r\n|\r|\n)[ \t]*$")
_LINE_AFTER = lazy(regex_compile, r"[ \t]*(?:\r\n|\r|\n)[ \t]*(\S[^\r\n]*?)[ \t]*(?:\r|\n|$)")
# Boilerplate and tags are short; longer lines are never looked at.
_MAX_LINE = 200


# One lowercase word, maybe a web address: "portwirenews", "wire.example.com".
_LONE_WORD = lazy(re.compile, r"[a-z][a-z0-9]{3,}(?:\.[a-z0-9]{2,})*")


class StrayTag(Rule):
    """Flags a line that is not copy at all: a source tag left over from the wire
    or the CMS ("nbcnews", "cnn.com"), or web page furniture pasted in with the
    text ("Advertisement", "Read more: …", "Share this article", "Sign up for
    our newsletter", "(Image: Getty)").

    **Why.** These lines come from copying a story out of a web page or a
    feed. Readers see them as junk in the middle of the story.

    **Example.** A story whose last line is `reuters` is flagged there.

    **What counts.** Only a whole line, matched against data you can extend in
    rules.yaml (the shipped lists live there, under this rule):

    - `tags`: lone lowercase source tags, also as a web address ("reuters",
      "reuters.com", "www.reuters.com", with the endings in `tag-domains`);
    - `boilerplate`: whole lines, compared ignoring case and trailing
      punctuation or arrows ("Advertisement", "Story continues below");
    - `patterns`: regular expressions for lines that vary ("Read more: …",
      "Click here to …"); a pattern must match the whole line and is
      case-sensitive unless it starts with `(?i)`;
    - `credits`: picture-credit lines ("(Image: Getty)", "Photo: AP"), not
      flagged in a caption, where a credit belongs.

    A capitalised byline or credit ("NBC News", "Reuters") is not a tag, and a
    line that continues the sentence of the line before it (hard-wrapped
    copy) is never flagged.

    **Fix (unsafe):** delete the whole line, with its line break. The fix is
    unsafe because a line can be a deliberate link or credit; check before
    applying.
    """

    id = "artifacts/stray-tag"
    summary = "A leftover source tag or web boilerplate line (“nbcnews”, “Advertisement”)"
    severity = "warning"
    fix = "unsafe"
    scopes = ("~frontmatter",)
    options = {
        "lone-word-at-edges": Option(True, "Also flag a first or last paragraph that is one lowercase word "
                                           "(“portwirenews”): a feed's tag not in the list.", "bool"),
        "tags": Option([], "Lone source tags, lowercase, matched case-sensitively as a whole line "
                           "(the shipped list is in rules.yaml).", "list"),
        "tag-domains": Option([], "Web-address endings a tag may carry (com, co.uk, ...): "
                                  "“cnn.com” and “www.cnn.com” are the tag “cnn”.", "list"),
        "boilerplate": Option([], "Whole lines of web furniture, compared ignoring case and "
                                  "trailing punctuation (the shipped list is in rules.yaml).", "list"),
        "patterns": Option([], "Regular expressions that must match a whole boilerplate line "
                               "(case-sensitive unless they start with (?i)).", "list"),
        "credits": Option([], "Regular expressions that must match a whole picture-credit line; "
                              "not applied to captions.", "list"),
    }
    examples = [
        Flag("Storms closed the coast road on Monday.\nnbcnews", "nbcnews",
             "Storms closed the coast road on Monday."),
        Flag("Storms closed the coast road on Monday.\nharbourwire", "harbourwire",
             "Storms closed the coast road on Monday."),
        Flag("The mayor opened the bridge.\nAdvertisement\nTraffic was light.", "Advertisement",
             "The mayor opened the bridge.\nTraffic was light."),
        Flag("The vote is on Tuesday.\r\nREAD MORE\r\nTurnout is expected to be low.\r\n", "READ MORE",
             "The vote is on Tuesday.\r\nTurnout is expected to be low.\r\n"),
        Flag("The port reopened.\n\nRead more: How the strike unfolded\n\nShips queued overnight.",
             "Read more: How the strike unfolded", "The port reopened.\n\n\nShips queued overnight."),
        Flag("Rail fares will rise in March.\ncnn.com\n", "cnn.com", "Rail fares will rise in March.\n"),
        Flag("The club confirmed the signing.\nSign up for our sport newsletter\n",
             "Sign up for our sport newsletter", "The club confirmed the signing.\n"),
        Flag("The flood barrier held.\nFollow us on Twitter\n", "Follow us on Twitter"),
        Flag("Crowds gathered in the square.\n(Image: Getty)\nPolice watched.", "(Image: Getty)"),
        Flag("Prices fell again.\nStory continues below advertisement\nAnalysts were surprised.",
             "Story continues below advertisement"),
        Pass("NBC News could not verify the claims.\nReuters contributed reporting."),
        Pass("Reporting by the Associated Press\nReuters"),
        Pass("The advertisement, which ran for a week, was banned.\nRegulators said it misled viewers."),
        Pass("Ministers want to read more of the report before deciding.\nA vote is due next week."),
        Pass("The new rules cover every\nadvertisement\nshown before 9pm."),
        Pass("Shares in the firm rose 3%.\nThe firm said it would follow the advice."),
        Pass("A photo of the crash was shared widely.\nPicture the scene: a packed stadium, and no roof."),
    ]

    def setup(self) -> None:
        settings = self.settings
        tags = sorted(settings["tags"], key=len, reverse=True)
        endings = sorted(settings["tag-domains"], key=len, reverse=True)
        self._tag = None
        if tags:
            # Literal words: in ``re`` (see _LINE).
            domain = "|".join(re.escape(ending) for ending in endings)
            self._tag = lazy(re.compile,
                             r"(?:www\.)?(?:" + "|".join(re.escape(tag) for tag in tags) + r")"
                             + (rf"(?:\.(?:{domain}))?" if domain else ""))
        self._boilerplate = frozenset(_normalise(line) for line in settings["boilerplate"])
        self._patterns = compile_patterns(self.id, "patterns", settings["patterns"])
        self._credits = compile_patterns(self.id, "credits", settings["credits"])
        self._pattern_literals = [required_literals(p) for p in settings["patterns"]]
        self._credit_literals = [required_literals(p) for p in settings["credits"]]
        # Cheap tests before the patterns (see _classify): the characters a tag line can start with
        # (None when a tag is empty), and all the patterns' required literals in one search each.
        self._tag_initials = frozenset("w" + "".join(tag[0] for tag in tags)) if all(tags) else None
        self._literal_gate = _LiteralGate(self._pattern_literals + self._credit_literals)
        # The same for all the lines of a document at once, each after a line break (check): a tag
        # line starts with "www." or a tag; a boilerplate line, in casefold, with the first word of
        # an entry after characters of _TRAILING and white space (_normalise strips and splits them
        # off; neither has a case). None: no such test (an empty tag or entry).
        self._tag_starts = lazy(re.compile, "\n(?:www\\.|" + "|".join(map(re.escape, tags)) + ")") \
            if tags and all(tags) else None
        firsts = sorted({entry.split(" ")[0] for entry in self._boilerplate})
        self._boilerplate_starts = lazy(re.compile, "\n[" + re.escape(_TRAILING) + "\\s]*(?:"
                                        + "|".join(map(re.escape, firsts)) + ")") \
            if firsts and all(firsts) else None
        self._lone_words = settings["lone-word-at-edges"]

    def check(self, document):
        """The lines to look at, with what the cheap tests tell of them: see _problems."""
        text = document.text
        returns = "\r" in text
        short = []  # the lines short enough to look at, in order: (paragraph, start, end, line)
        for paragraph in document.paragraphs:
            start, end = paragraph.start, paragraph.end
            piece = text[start:end]  # (a slice and ``in`` cost less than find's bounds)
            if "\n" not in piece and (not returns or "\r" not in piece):
                # One line (most paragraphs): no pattern needed, and none to look at when it is too
                # long even without the spaces or tabs around it (most are: neither is there).
                if end - start > _MAX_LINE and text[start] not in " \t" and text[end - 1] not in " \t":
                    continue
                lines = ((start, end),)
            else:
                lines = [line.span() for line in _LINE.finditer(text, start, end)]
            for start, end in lines:
                while start < end and text[start] in " \t":
                    start += 1
                while end > start and text[end - 1] in " \t":
                    end -= 1
                if start == end or end - start > _MAX_LINE:
                    continue
                short.append((paragraph, start, end, text[start:end]))
        if not short:
            return ()
        # The tests of _classify for all the lines at once, joined by line breaks (which no line
        # holds: what is found across two lines only sends them to the tests of each line).
        joined = "\n" + "\n".join([line for _, _, _, line in short])
        tags = self._tag is not None and (self._tag_starts is None or self._tag_starts.search(joined) is not None)
        boilerplate = bool(self._boilerplate) and (
            self._boilerplate_starts is None or self._boilerplate_starts.search(joined.casefold()) is not None)
        # (Plain lines: all of them when the document is plain, told once by the shared word scan.)
        literals = None if self._literal_gate.may_match(joined, document.words.plain or None) else False
        paragraphs = document.paragraphs
        edges = (0, len(paragraphs) - 1) if self._lone_words and len(paragraphs) >= 2 else ()
        if not (tags or boilerplate or literals is None):
            # Only a lone word at an edge is left to look for: a line of a first or last paragraph
            # that starts with a lowercase letter (_LONE_WORD).
            short = [item for item in short if item[0].index in edges and "a" <= item[3][0] <= "z"]
        return self._problems(document, short, literals, tags, boilerplate, edges) if short else ()

    def _problems(self, document, short, literals, tags, boilerplate, edges):
        text = document.text
        for paragraph, start, end, line in short:
            message = self._classify(line, paragraph.scope, literals, tags, boilerplate) \
                if tags or boilerplate or literals is None else None
            if message is None and paragraph.index in edges and self._lone_word(document, paragraph, start, end):
                message = f"Lone lowercase word “{line}” at the edge of the article: " \
                          f"a leftover source tag? Delete the line"
            if message is None or self._inside_sentence(text, start, end, paragraph.scope):
                continue
            edit = _line_deletion(text, start, end)
            yield self.problem(start, end, message, edits=[edit] if edit else [])

    def _lone_word(self, document, paragraph, start: int, end: int) -> bool:
        """A first or last paragraph that is a single lowercase word, as feeds tag their copy."""
        if not self.settings["lone-word-at-edges"] or len(document.paragraphs) < 2:
            return False
        if paragraph.index not in (0, len(document.paragraphs) - 1):
            return False
        if (start, end) != (paragraph.start, paragraph.end):
            return False
        return bool(_LONE_WORD.fullmatch(document.text, start, end))

    def _classify(self, line: str, scope: str, literals: bool | None = None, tags: bool = True,
                  boilerplate: bool = True) -> str | None:
        """What the line is, if it is a stray line. False for ``literals``, ``tags`` or
        ``boilerplate``: the line is known to hold none of the patterns' literals, to be no tag
        line, to be no boilerplate line (check)."""
        # Each pattern is tried only when a cheap test shows it might match: a tag line starts with
        # "www." or a tag; a pattern or credit needs one of its required literals, the test
        # _any_fullmatch makes for each, made here for all of them at once (_LiteralGate).
        initials = self._tag_initials
        if tags and self._tag is not None and (initials is None or line[:1] in initials) and self._tag.fullmatch(line):
            return f"Leftover source tag “{line}”: delete the line"
        if literals is None:
            literals = self._literal_gate.may_match(line)
        if (boilerplate and _normalise(line) in self._boilerplate) or (
                literals and _any_fullmatch(self._patterns, self._pattern_literals, line)):
            return f"Web page boilerplate “{_short(line)}” left in the copy: delete the line"
        if scope != "caption" and literals and _any_fullmatch(self._credits, self._credit_literals, line):
            return f"Picture credit “{_short(line)}” on a line of its own: delete it or move it to the caption"
        return None

    def _inside_sentence(self, text: str, start: int, end: int, scope: str) -> bool:
        """True when the line holding text[start:end] is a word of a hard-wrapped sentence: the
        line before runs on without closing its sentence and the line after goes on in lowercase
        (neither of them a stray line itself)."""
        before = _LINE_BEFORE.search(text, max(0, start - _MAX_LINE), start)
        if before is None:
            return False
        previous = before.group(1).strip()
        if not previous or previous[-1] in _SENTENCE_END or self._classify(previous, scope):
            return False
        after = _LINE_AFTER.match(text, end, min(len(text), end + _MAX_LINE))
        return after is not None and after.group(1)[0].islower() and not self._classify(after.group(1), scope)


def _any_fullmatch(patterns, literals, line: str) -> bool:
    """Whether a pattern matches the whole line; a pattern needing words the line lacks is not
    tried (nor compiled: see _common.required_literals)."""
    lowered = None
    for pattern, needed in zip(patterns, literals):
        if needed is not None:
            words, ignorecase = needed
            if ignorecase:
                if lowered is None:
                    lowered = line.lower() if is_plain(line) else ""
                if lowered and not any(word in lowered for word in words):
                    continue
            elif not any(word in line for word in words):
                continue
        if pattern.fullmatch(line):
            return True
    return False


class _LiteralGate:
    """Whether _any_fullmatch could try any of a list of patterns on a line: False only when it
    would skip every one, each needing literals the line lacks (case-sensitive ones in the line,
    those ignoring case in the line in lowercase, only on plain text, as in _any_fullmatch). One
    test for all the patterns instead of one per pattern and literal, with as few needles as tell
    it (_common.fewest_needles). A literal is looked for without the spaces around it (" continues
    "): a line without "continues" has no " continues " either."""

    def __init__(self, literals) -> None:
        self.always = any(needed is None for needed in literals)
        needed = [needed for needed in literals if needed is not None]
        sensitive = fewest_needles([word.strip() or word for words, ignorecase in needed if not ignorecase
                                    for word in words])
        # Needles that start with a capital letter: one search, which stops only at the capitals of
        # the line (a character-set prefix; there are few in prose). The others: ``in``, one by one.
        capitals = [needle for needle in sensitive if needle[:1].isupper()]
        self._capitals = lazy(re.compile, "|".join(map(re.escape, capitals))) if capitals else None
        self._sensitive = tuple(needle for needle in sensitive if not needle[:1].isupper())
        self._insensitive = fewest_needles([word.strip() or word for words, ignorecase in needed if ignorecase
                                            for word in words])

    def may_match(self, line: str, plain: bool | None = None) -> bool:
        """``plain``: whether the line is plain (newslint.fastre), if known."""
        if self.always:
            return True
        if self._capitals is not None and self._capitals.search(line) is not None:
            return True
        for needle in self._sensitive:
            if needle in line:
                return True
        if self._insensitive:
            if not (plain or is_plain(line)):
                return True
            lowered = line.lower()
            for needle in self._insensitive:
                if needle in lowered:
                    return True
        return False


def _normalise(line: str) -> str:
    return " ".join(line.strip(_TRAILING).split()).casefold()


def _short(line: str, limit: int = 40) -> str:
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def _line_deletion(text: str, start: int, end: int) -> TextEdit | None:
    """The edit deleting the line holding text[start:end] and one line break, or None when
    the line holds anything else."""
    line_start = start
    while line_start > 0 and text[line_start - 1] not in "\r\n":
        line_start -= 1
    line_end = end
    while line_end < len(text) and text[line_end] not in "\r\n":
        line_end += 1
    if text[line_start:start].strip() or text[end:line_end].strip():
        return None
    if line_end < len(text):  # delete the line and the break that ends it
        width = 2 if text.startswith("\r\n", line_end) else 1
        return TextEdit(line_start, line_end + width, "")
    if line_start > 0:  # the last line, with no break of its own: delete the break before it
        width = 2 if line_start >= 2 and text[line_start - 2:line_start] == "\r\n" else 1
        return TextEdit(line_start - width, line_end, "")
    return TextEdit(line_start, line_end, "")
