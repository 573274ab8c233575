"""capitalization: sentences and paragraphs that open in lowercase."""

from newslint import hookimpl

from .sentence_start import SentenceStart


@hookimpl
def newslint_rules():
    return [SentenceStart]
