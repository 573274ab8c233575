"""The hooks a newslint plugin can implement.

A plugin is a module (or object) with functions marked ``@newslint.hookimpl``
and named after these specifications. Built-in plugins use exactly these hooks.
Third-party plugins are found through the ``newslint`` entry-point group::

    [project.entry-points.newslint]
    mystyle = "mystyle_newslint"

Every hook here is documented in docs/plugins.md; a test fails when one is not.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("newslint")


@hookspec
def newslint_rules():
    """Return the rule classes this plugin contributes.

    Each item is a subclass of ``newslint.Rule`` with a unique id of the form
    ``plugin/rule-name``. Rules are instantiated per configuration with their
    options; their ``check(document)`` yields problems in prose offsets.

    :return: a list of ``newslint.Rule`` subclasses.
    """


@hookspec
def newslint_parsers():
    """Return document parsers this plugin contributes.

    Each item is an instance of ``newslint.parser.Parser``: a ``name``, the
    file ``extensions`` it reads by default, and ``parse(source, path)``
    returning a ``newslint.Document`` whose source map points every prose
    character back into ``source``.

    :return: a list of ``newslint.parser.Parser`` instances.
    """


@hookspec
def newslint_reporters():
    """Return output formats this plugin contributes.

    Each item is an instance of ``newslint.reporter.Reporter``: a ``name``
    (the value of ``--format``) and ``render(report, context)`` returning the
    text to print.

    :return: a list of ``newslint.reporter.Reporter`` instances.
    """
