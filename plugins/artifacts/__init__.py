"""artifacts: leftovers of the production process: source tags, boilerplate, editor notes, doubled words."""

from newslint import hookimpl

from .repeated_word import RepeatedWord


@hookimpl
def newslint_rules():
    return [RepeatedWord]
