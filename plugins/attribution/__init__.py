"""attribution: accuracy checks on who says what: unattributed quotations and claims, loaded verbs, vague sources."""

from newslint import hookimpl

from .loaded_verb import LoadedVerb
from .unattributed_claim import UnattributedClaim
from .unattributed_quote import UnattributedQuote
from .vague_source import VagueSource


@hookimpl
def newslint_rules():
    return [UnattributedQuote, UnattributedClaim, LoadedVerb, VagueSource]
