"""The contract for document parsers (contributed through ``newslint_parsers``)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Any, ClassVar, Mapping

    from newslint.document import Document


class Parser:
    #: The format's name, e.g. "text", "markdown", "html".
    name: ClassVar[str] = ""
    #: File extensions (with the dot, lowercase) this parser reads by default.
    extensions: ClassVar[tuple[str, ...]] = ()

    #: Options this parser accepts from ``parser-options.<name>`` in the configuration.
    options: ClassVar[dict[str, str]] = {}

    def parse(self, source: str, path: str | None = None, options: Mapping[str, Any] | None = None) -> "Document":
        """Return the document's prose with a source map into ``source``; never raise on odd input."""
        raise NotImplementedError
