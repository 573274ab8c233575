"""names plugin."""

from newslint import hookimpl


@hookimpl
def newslint_rules():
    return []
