"""names: house-style spellings of names (Kyiv, not Kiev) and names written in lowercase (kyiv)."""

from newslint import hookimpl

from .inconsistent_spelling import InconsistentSpelling
from .lowercase_proper_noun import LowercaseProperNoun
from .preferred_spelling import PreferredSpelling


@hookimpl
def newslint_rules():
    return [PreferredSpelling, LowercaseProperNoun, InconsistentSpelling]
