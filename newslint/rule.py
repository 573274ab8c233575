"""The contract between the engine and a rule.

A rule is a class: metadata (id, severity, summary, documentation, options,
examples) as class attributes, and ``check(document)`` yielding ``Problem``s
in prose offsets. The engine turns problems into findings with source
positions; a rule never computes a line or column itself.

    class NoWhom(Rule):
        \"\"\"What it flags, why, an example and the fix: the rule's documentation.\"\"\"
        id = "deskstyle/no-whom"
        summary = "Avoid “whom”"
        severity = "info"
        fix = "unsafe"
        examples = [Flag("To whom it may concern.", "whom", "To who it may concern."),
                    Pass("Who said it?")]

        def check(self, document):
            for match in re.finditer(r"\\bwhom\\b", document.text):
                yield self.problem(match.start(), match.end(), "Use who", replacement="who")
"""

from __future__ import annotations

from newslint._records import FrozenRecord

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Any, ClassVar, Iterable, Mapping

    from newslint.document import Document

FIX_KINDS = (None, "safe", "unsafe")


# Frozen records (newslint._records): what @dataclass(frozen=True, slots=True) made of them, without
# the cost of making dataclasses at every start-up.
class Option(FrozenRecord):
    """A documented, typed option of a rule, settable in rules.yaml or a user config."""

    __slots__ = ("default", "help", "type")
    default: Any
    help: str
    #: The YAML types accepted: "bool", "int", "str", "list", "map".
    type: str

    def __init__(self, default: Any, help: str, type: str = "str") -> None:
        _set = object.__setattr__
        _set(self, "default", default)
        _set(self, "help", help)
        _set(self, "type", type)


class Flag(FrozenRecord):
    """An example the rule must flag; ``match`` is the exact text of the flagged span."""

    __slots__ = ("text", "match", "fixed")
    text: str
    match: str
    #: The text after applying the rule's fix, when it has one.
    fixed: str | None

    def __init__(self, text: str, match: str, fixed: str | None = None) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "match", match)
        _set(self, "fixed", fixed)


class Pass(FrozenRecord):
    """An example the rule must not flag."""

    __slots__ = ("text",)
    text: str

    def __init__(self, text: str) -> None:
        object.__setattr__(self, "text", text)


class TextEdit(FrozenRecord):
    """Replace prose[start:end] with ``text``."""

    __slots__ = ("start", "end", "text")
    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)


class Problem(FrozenRecord):
    """A rule's report, in prose offsets. The engine adds path, position and severity."""

    __slots__ = ("start", "end", "message", "suggestions", "edits", "safe")
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]
    edits: tuple[TextEdit, ...]
    safe: bool

    def __init__(self, start: int, end: int, message: str, suggestions: tuple[str, ...] = (),
                 edits: tuple[TextEdit, ...] = (), safe: bool = True) -> None:
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "message", message)
        _set(self, "suggestions", suggestions)
        _set(self, "edits", edits)
        _set(self, "safe", safe)


class Rule:
    """Base class for rules. Subclasses set the metadata and implement ``check``."""

    #: Public, stable id: ``plugin/rule-name``.
    id: ClassVar[str] = ""
    #: One line, for ``newslint rules`` and the rule reference.
    summary: ClassVar[str] = ""
    #: Default severity: "info", "warning" or "error".
    severity: ClassVar[str] = "warning"
    #: None (no fix), "safe" or "unsafe".
    fix: ClassVar[str | None] = None
    #: Options with defaults and help; values arrive in ``self.options``.
    options: ClassVar[Mapping[str, Option]] = {}
    #: Where the rule applies by default: block scopes (body, headline, heading, list,
    #: table, caption, frontmatter[.field]) and "quote"; "~scope" excludes. Empty: everywhere.
    scopes: ClassVar[tuple[str, ...]] = ()
    #: Should-flag / should-pass examples, run by the test suite and shown in the docs.
    examples: ClassVar[list[Flag | Pass]] = []

    def __init__(self, options: Mapping[str, Any] | None = None,
                 data: Mapping[str, Any] | None = None) -> None:
        values = {name: option.default for name, option in self.options.items()}
        values.update(options or {})
        #: This rule's option values (defaults merged with configuration).
        self.settings: dict[str, Any] = values
        #: Shared house-style data from the configuration (e.g. the ``names`` dictionary).
        self.data: Mapping[str, Any] = data or {}
        self.setup()

    def setup(self) -> None:
        """Compile patterns once, after options are known. Override as needed."""

    def check(self, document: "Document") -> Iterable[Problem]:
        raise NotImplementedError

    # -- helpers for subclasses ------------------------------------------------
    def problem(self, start: int, end: int, message: str, *, replacement: str | None = None,
                suggestions: Iterable[str] = (), edits: Iterable[TextEdit] = (),
                safe: bool | None = None) -> Problem:
        """Build a problem. ``replacement`` is shorthand for a one-edit fix of the span."""
        edit_list = tuple(edits)
        suggestion_list = tuple(suggestions)
        if replacement is not None:
            edit_list = (TextEdit(start, end, replacement),) + edit_list
            if not suggestion_list and replacement:
                suggestion_list = (replacement,)
        if self.fix is None:
            edit_list = ()
        is_safe = (self.fix == "safe") if safe is None else safe
        return Problem(start, end, message, suggestion_list, edit_list, is_safe)

    @classmethod
    def plugin(cls) -> str:
        return cls.id.split("/", 1)[0]

    @classmethod
    def documentation(cls) -> str:
        import inspect  # only for the docs (rules, explain): costly to import

        return inspect.cleandoc(cls.__doc__ or "")


def validate_rule_class(rule: type) -> list[str]:
    """Problems with a rule class's metadata (empty when it is well formed)."""
    problems = []
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return [f"{rule!r} is not a newslint.Rule subclass"]
    import re

    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9-]*", rule.id or ""):
        problems.append(f"{rule.__name__}: id {rule.id!r} is not of the form plugin/rule-name")
    if rule.severity not in ("info", "warning", "error"):
        problems.append(f"{rule.id}: default severity {rule.severity!r} is not info, warning or error")
    if rule.fix not in FIX_KINDS:
        problems.append(f"{rule.id}: fix {rule.fix!r} is not None, 'safe' or 'unsafe'")
    if not rule.summary:
        problems.append(f"{rule.id}: no summary")
    return problems
