"""newslint: a plugin-based linter for news copy.

The public API is small and stable::

    import newslint
    findings = newslint.check_text("Officials in Kiev said.")
    report = newslint.check_paths(["articles/"])

Everything else (the rules themselves) arrives through plugins.
"""

from __future__ import annotations

from newslint._marker import HookimplMarker

TYPE_CHECKING = False  # typing is not imported at run time: start-up cost
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

#: Decorator marking a plugin's hook implementations (see ``newslint.hookspecs``); it marks them
#: exactly as ``pluggy.HookimplMarker("newslint")`` does.
hookimpl = HookimplMarker("newslint")

__all__ = [
    "__version__",
    "hookimpl",
    "check_text",
    "check_paths",
    "Finding",
    "Fix",
    "Edit",
    "Report",
    "Rule",
    "Option",
    "Flag",
    "Pass",
    "Document",
    "load_config",
    "NewslintError",
]

# The rest of the API is imported on first use, so that `import newslint`
# (and the pre-commit hook's start-up) stays cheap.
_LAZY = {
    "check_text": "newslint.api",
    "check_paths": "newslint.api",
    "Finding": "newslint.findings",
    "Fix": "newslint.findings",
    "Edit": "newslint.findings",
    "Report": "newslint.findings",
    "Rule": "newslint.rule",
    "Option": "newslint.rule",
    "Flag": "newslint.rule",
    "Pass": "newslint.rule",
    "Document": "newslint.document",
    "load_config": "newslint.config",
    "NewslintError": "newslint.errors",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # pragma: no cover
    from newslint.api import check_paths, check_text
    from newslint.config import load_config
    from newslint.document import Document
    from newslint.errors import NewslintError
    from newslint.findings import Edit, Finding, Fix, Report
    from newslint.rule import Flag, Option, Pass, Rule
