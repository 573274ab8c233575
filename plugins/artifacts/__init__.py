"""artifacts: leftovers of the production process: source tags, boilerplate, editor notes, doubled words."""

from newslint import hookimpl

from .editor_note import EditorNote
from .repeated_word import RepeatedWord
from .stray_tag import StrayTag


@hookimpl
def newslint_rules():
    return [StrayTag, EditorNote, RepeatedWord]
