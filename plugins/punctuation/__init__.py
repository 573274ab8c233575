"""punctuation: quotation marks (foreign, unbalanced, nested) and misplaced or doubled marks."""

from newslint import hookimpl

from .doubled import Doubled
from .foreign_quotes import ForeignQuotes
from .nested_quotes import NestedQuotes
from .space_before import SpaceBefore
from .unbalanced_quotes import UnbalancedQuotes


@hookimpl
def newslint_rules():
    return [ForeignQuotes, UnbalancedQuotes, NestedQuotes, SpaceBefore, Doubled]
