"""The contract for document parsers (contributed through ``newslint_parsers``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from newslint.document import Document


class Parser:
    #: The format's name, e.g. "text", "markdown", "html".
    name: ClassVar[str] = ""
    #: File extensions (with the dot, lowercase) this parser reads by default.
    extensions: ClassVar[tuple[str, ...]] = ()

    def parse(self, source: str, path: str | None = None) -> "Document":
        raise NotImplementedError
