"""``newslint.hookimpl``: marks a plugin's hook implementations, as ``pluggy.HookimplMarker`` does.

It records the same options, in the same attribute (``newslint_impl``), so pluggy's plugin
manager reads functions marked with it exactly as its own marker's; defining it here spares
every run the import of pluggy (and of what pluggy imports) when the registry can call plain
hook functions itself (newslint.registry).
"""

from __future__ import annotations


class HookimplMarker:
    """Decorator for marking functions as hook implementations (``pluggy.HookimplMarker``)."""

    __slots__ = ("project_name",)

    def __init__(self, project_name: str) -> None:
        self.project_name = project_name

    def __call__(self, function=None, hookwrapper: bool = False, optionalhook: bool = False,
                 tryfirst: bool = False, trylast: bool = False, specname: str | None = None,
                 wrapper: bool = False):
        def mark(func):
            setattr(func, self.project_name + "_impl", {
                "wrapper": wrapper,
                "hookwrapper": hookwrapper,
                "optionalhook": optionalhook,
                "tryfirst": tryfirst,
                "trylast": trylast,
                "specname": specname,
            })
            return func

        if function is None:
            return mark
        return mark(function)
