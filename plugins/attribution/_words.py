"""Default word lists of the attribution rules (rules.yaml repeats them, for newsrooms to tune)."""

from __future__ import annotations

#: Words and phrases that tie a statement to a speaker or a source: verbs of saying
#: in their common forms, and the phrases news copy uses instead of a verb.
REPORTING_VERBS = [
    "say", "says", "said", "saying", "tell", "tells", "told", "telling",
    "add", "adds", "added", "ask", "asks", "asked", "announce", "announces", "announced",
    "confirm", "confirms", "confirmed", "deny", "denies", "denied", "state", "states", "stated",
    "write", "writes", "wrote", "written", "tweet", "tweets", "tweeted", "post", "posts", "posted",
    "cite", "cites", "cited", "citing", "quote", "quotes", "quoted", "quoting",
    "explain", "explains", "explained", "argue", "argues", "argued", "insist", "insists", "insisted",
    "claim", "claims", "claimed", "warn", "warns", "warned", "note", "notes", "noted",
    "reply", "replies", "replied", "respond", "responds", "responded", "continue", "continues", "continued",
    "comment", "comments", "commented", "remark", "remarks", "remarked", "declare", "declares", "declared",
    "admit", "admits", "admitted", "concede", "concedes", "conceded", "acknowledge", "acknowledges",
    "acknowledged", "suggest", "suggests", "suggested", "urge", "urges", "urged", "describe", "describes",
    "described", "recall", "recalls", "recalled", "joke", "jokes", "joked", "quip", "quipped",
    "shout", "shouted", "yell", "yelled", "cry", "cried", "whisper", "whispered", "plead", "pleaded",
    "promise", "promised", "vow", "vows", "vowed", "pledge", "pledged", "boast", "boasted",
    "predict", "predicts", "predicted", "complain", "complains", "complained", "protest", "protested",
    "agree", "agrees", "agreed", "reiterate", "reiterated", "stress", "stresses", "stressed",
    "emphasise", "emphasised", "emphasize", "emphasized", "maintain", "maintains", "maintained",
    "counter", "countered", "retort", "retorted", "observe", "observes", "observed", "allege", "alleges",
    "alleged", "accuse", "accuses", "accused", "reveal", "reveals", "revealed", "report", "reports",
    "reported", "conclude", "concludes", "concluded", "testify", "testified",
    "blog", "blogged", "message", "messaged", "text", "texted", "email", "emailed", "exclaim", "exclaimed",
    "confess", "confessed", "call", "calls", "called", "dub", "dubbed", "brand", "branded", "label",
    "labelled", "labeled", "slam", "slammed", "blast", "blasted", "hit out", "hits out",
    "intimate", "intimated", "hint", "hinted", "muse", "mused", "reflect", "reflected", "lament", "lamented",
    "bemoan", "bemoaned", "caution", "cautioned", "indicate", "indicated", "signal", "signalled",
    "underline", "underlined", "highlight", "highlighted", "assure", "assured", "reassure", "reassured",
    "inform", "informed", "remind", "reminded", "disclose", "disclosed", "confide", "confided", "sigh",
    "sighed", "laugh", "laughed", "gush", "gushed", "rave", "raved", "enthuse", "enthused", "rage", "raged",
    "fume", "fumed", "snap", "snapped", "thunder", "thundered", "bark", "barked", "growl", "growled",
    "tease", "teased", "object", "objected", "interject", "interjected", "beg", "begged", "demand",
    "demanded", "appeal", "appealed", "opine", "opined", "venture", "ventured", "surmise", "surmised",
    "criticise", "criticised", "criticize", "criticized", "praise", "praised", "hail", "hailed", "welcome",
    "welcomed", "question", "questioned", "wonder", "wondered", "query", "queried", "challenge",
    "challenged", "accept", "accepted", "concur", "concurred", "elaborate", "elaborated", "clarify",
    "clarified", "thank", "thanked", "apologise", "apologised", "apologize", "apologized",
    "recount", "recounted", "remember", "remembered", "summed up", "sums up", "put it", "puts it",
    "in the words of", "adding", "explaining", "warning", "arguing", "insisting",
    "claiming", "admitting", "conceding", "noting", "stressing", "calling", "describing", "asking",
    "declaring", "suggesting", "urging", "writing", "replying", "responding", "accusing", "alleging",
    "according to", "pointed out", "points out", "went on", "goes on", "in a statement", "in an interview",
    "in a post", "in a tweet", "in a letter", "in an email", "in a speech", "in remarks", "as saying",
    "spokesman", "spokeswoman", "spokesperson", "statement",
]

#: For claims, also the words that give a source without a verb of saying: beliefs and
#: estimates of a named subject, and evidence (figures, polls, studies, records).
SOURCE_WORDS = [
    "believe", "believes", "believed", "think", "thinks", "fear", "feared",
    "expect", "expects", "estimate", "estimates", "estimated", "forecast", "forecasts",
    "calculate", "calculates", "calculated", "reckon", "reckons", "reckoned", "accuse", "accuses", "accused",
    "blame", "blames", "consider", "considers", "regard", "regards", "criticise", "criticised", "criticize",
    "criticized", "condemn", "condemned", "judge", "judged", "ruled", "verdict",
    "showed", "shown", "found", "finds", "suggest", "suggests", "suggested", "indicate",
    "indicates", "indicated", "figures show", "figures showed", "figures suggest", "figures from",
    "figures released", "official figures", "data show", "data shows", "data showed", "data from",
    "statistics show", "statistics from", "survey", "surveys", "poll", "polls", "study", "studies",
    "research by", "research from", "research for", "report by", "report from", "census", "records show",
    "documents show", "analysis by", "analysis of", "spokesman", "spokeswoman", "spokesperson",
    "statement", "citing", "quoting",
]

#: Judgments in the reporter's voice: evaluations an editor must see sourced.
JUDGMENTS = [
    "a disaster", "a total disaster", "an utter disaster", "an unmitigated disaster", "a complete disaster",
    "disastrous", "a catastrophe", "catastrophic failure", "a fiasco", "a debacle", "a shambles", "a farce",
    "a sham", "a travesty", "a betrayal", "a scandal", "scandalous", "shameful", "disgraceful",
    "outrageous", "humiliating", "humiliation", "a humiliating", "an embarrassment", "embarrassing",
    "incompetent", "incompetence", "inept", "ineptitude", "botched", "bungled", "reckless", "recklessly",
    "irresponsible", "cowardly", "a blunder", "a huge mistake", "a grave mistake", "pathetic",
    "ridiculous", "absurd", "in disarray", "in turmoil", "in chaos", "in crisis", "in meltdown", "chaotic",
    "dysfunctional", "was rigged", "were rigged", "is rigged", "was fixed", "a sham election",
    "doomed", "was a failure", "is a failure", "been a failure", "be a failure", "an abject failure",
    "a dismal failure", "a mess", "a cover-up", "a publicity stunt", "a ploy", "hypocritical", "hypocrisy",
    "dishonest", "deceitful", "a lie", "a whitewash", "draconian", "heavy-handed", "shoddy", "appalling",
    "woeful", "woefully", "abysmal", "lamentable", "deplorable", "notorious", "infamous", "scandalously",
    "shamefully", "disgracefully", "incompetently", "a national embarrassment", "a laughing stock",
]

#: States of mind: what someone feels, which the reporter cannot see without a source.
STATES_OF_MIND = [
    "is worried", "are worried", "was worried", "were worried", "increasingly worried", "is upset",
    "are upset", "was upset", "were upset", "is unhappy", "are unhappy", "was unhappy", "were unhappy",
    "morale", "low morale", "is angry", "are angry", "was angry", "were angry", "increasingly angry",
    "grown angry", "growing anger", "furious", "livid", "incensed", "enraged", "outraged", "seething", "fuming",
    "frustrated", "exasperated", "terrified", "panicked", "panicking",
    "in a panic", "demoralised", "demoralized", "dejected", "despondent", "humiliated", "resentful",
    "paranoid", "fed up", "deeply unhappy", "dismayed", "horrified", "alarmed", "rattled",
    "in despair", "disillusioned", "jittery", "more nervous", "increasingly nervous", "anxious", "uneasy",
    "wary", "reluctant", "reluctantly", "grudgingly", "secretly wants", "secretly hopes",
    "secretly believes", "privately believes", "privately fears",
]

#: Sweeping characterizations: claims about everyone, or beyond anyone's knowledge.
SWEEPING = [
    "overwhelmingly", "overwhelming majority", "widely regarded", "widely seen", "widely considered",
    "widely viewed", "widely criticised", "widely criticized", "widely condemned", "widely blamed",
    "widely acknowledged", "widely accepted", "widely expected", "widely praised", "widely derided",
    "widely ridiculed", "widely mocked", "widely unpopular", "widely popular", "widely feared",
    "widely disliked", "widely despised", "widely trusted", "widely distrusted",
    "far more than anyone", "than anyone admits", "than anyone will admit", "than anyone cares to admit",
    "than officials admit", "than the government admits", "everyone knows", "everybody knows",
    "no one doubts", "nobody doubts", "no one believes", "nobody believes", "there is no doubt",
    "there can be no doubt", "undoubtedly", "unquestionably", "indisputably", "undeniably",
    "without question", "without doubt", "beyond doubt", "obviously", "universally", "notoriously",
    "the vast majority of", "most people", "most voters", "most americans", "most britons",
    "the public is", "the public are", "the country is", "the nation is", "nobody wants", "no one wants",
    "everyone wants", "everybody wants", "all too often", "as everyone", "as everybody",
    "the real reason", "the real motive", "the real aim", "unprecedented", "everyone agrees",
    "nobody disputes", "no one disputes", "it is clear that", "it is obvious that", "there is little doubt",
    "no doubt that", "beyond question",
]

#: Words of killing, injury and damage: a claim when a count goes with them.
CASUALTIES = [
    "killed", "killing", "kills", "dead", "died", "die", "dies", "deaths", "death toll", "death-toll",
    "wounded", "injured", "injuring", "injuries", "hurt", "casualties", "massacred", "slaughtered",
    "executed", "murdered", "lost their lives", "destroyed", "damaged", "razed", "flattened",
    "displaced", "made homeless", "left homeless", "raped", "tortured", "abducted", "kidnapped",
]

#: Motives and causes: why someone acted, or what caused something.
MOTIVES = [
    "in retaliation for", "in retaliation against", "in revenge for", "as revenge for", "to punish",
    "to humiliate", "to intimidate", "to distract", "as a distraction", "to divert attention",
    "to curry favour", "to curry favor", "out of fear", "out of spite", "out of desperation",
    "out of revenge", "out of jealousy", "out of greed", "motivated by", "driven by fear",
    "driven by greed", "driven by hatred", "driven by revenge", "a desperate attempt", "a desperate bid",
    "desperate to", "in a desperate", "ulterior motive", "hidden agenda", "to cover up", "to silence critics",
    "to deflect", "to appease", "to placate", "to win votes", "to score political points", "was caused by", "were caused by",
    "is caused by", "are caused by", "was to blame", "were to blame", "is to blame", "are to blame",
    "blamed on",
]

#: Groups of people that a percentage or a "one in five" makes a survey-like claim about.
POPULATION_NOUNS = [
    "people", "adults", "children", "voters", "americans", "britons", "women", "men", "workers",
    "employees", "teenagers", "pupils", "students", "parents", "households", "families", "consumers",
    "users", "patients", "doctors", "nurses", "teachers", "residents", "citizens", "soldiers", "troops",
    "the population", "the public", "respondents", "young people", "older people", "the country",
]

#: Words before a quotation that make it a title or a term, not a quotation.
TITLE_CUES = [
    "film", "films", "movie", "movies", "album", "song", "songs", "single", "book", "books", "novel",
    "play", "show", "series", "programme", "program", "documentary", "sitcom", "drama", "musical",
    "opera", "poem", "track", "hit", "video", "game", "exhibition", "report", "paper", "article",
    "column", "headline", "slogan", "motto", "banner", "sign", "placard", "campaign", "titled",
    "entitled", "called", "named", "dubbed", "nicknamed", "branded", "labelled", "labeled",
    "so-called", "known as", "the phrase", "the term", "the word", "the words", "the expression",
    "the label", "the tag", "the name", "hashtag",
]

#: Nouns before a colon that introduce a quotation as someone's words.
SPEAKER_NOUNS = [
    "statement", "message", "letter", "reply", "response", "answer", "words", "tweet", "post", "note",
    "verdict", "warning", "plea", "speech", "remarks", "comment", "comments", "explanation", "view",
    "spokesman", "spokeswoman", "spokesperson", "official", "source", "he", "she", "they", "we", "i",
    "it", "his", "her", "their",
]

#: Loaded verbs of attribution, by their past form, with what each implies.
LOADED_VERBS = {
    "claimed": "casts doubt on the speaker",
    "admitted": "implies a confession of something wrong",
    "conceded": "implies the speaker gave ground reluctantly",
    "insisted": "implies the speaker is defensive or doubted",
    "alleged": "casts doubt on the speaker (keep it for legal allegations)",
    "confessed": "implies an admission of wrongdoing",
    "slammed": "is tabloid hyperbole for criticised",
    "blasted": "is tabloid hyperbole for criticised",
    "boasted": "implies vanity",
    "revealed": "implies the fact was hidden and is now proven",
}

#: Words showing a sentence is about a legal allegation (where "alleged" is the right word).
LEGAL_CONTEXT = [
    "court", "courts", "trial", "prosecutor", "prosecutors", "prosecution", "police", "charge", "charges",
    "charged", "lawsuit", "suit", "sued", "indictment", "indicted", "plaintiff", "plaintiffs", "claimant",
    "complaint", "lawyer", "lawyers", "attorney", "attorneys", "judge", "jury", "tribunal", "defendant",
    "accused", "allegations", "allegation", "case", "hearing", "inquest", "investigation", "investigators",
    "writ", "legal", "barrister", "solicitor", "counsel", "crown", "magistrates",
]

#: Vague sources: who "says" with no name or description.
VAGUE_SUBJECTS = [
    "some", "some people", "many", "many people", "most people", "others", "critics",
    "some critics", "many critics", "experts", "some experts", "many experts", "most experts",
    "observers", "some observers", "many observers", "commentators", "some commentators", "scholars",
    "many scholars", "some scholars", "insiders", "sources", "a source", "one source", "some sources",
    "unnamed sources", "anonymous sources", "an unnamed source", "an anonymous source", "analysts",
    "some analysts", "many analysts", "most analysts", "some economists", "many economists",
    "some scientists", "many scientists", "some researchers", "some officials", "some diplomats",
    "rumours", "rumors", "reports", "some reports", "unconfirmed reports",
]

#: The verbs that, straight after a vague subject, make a vague attribution.
VAGUE_VERBS = [
    "say", "says", "said", "believe", "believes", "believed", "think", "thinks", "thought", "argue",
    "argues", "argued", "claim", "claims", "claimed", "suggest", "suggests", "suggested", "fear", "fears",
    "feared", "warn", "warns", "warned", "agree", "agrees", "agreed", "maintain", "maintains", "contend",
    "state", "states", "stated", "assert", "asserted",
    "insist", "insisted", "declare", "declared", "feel", "feels", "felt", "reckon", "reckons",
    "speculate", "speculated",
    "told", "indicate", "indicated", "point out", "pointed out", "note", "noted", "estimate", "estimated",
]

#: Participles of "it is said" constructions: believed by whom?
IMPERSONAL = [
    "believed", "thought", "said", "understood", "reported", "claimed", "feared", "rumoured", "rumored",
    "suggested", "argued", "estimated", "felt", "assumed", "known", "accepted",
]

#: Evidence named only vaguely: research has shown.
VAGUE_EVIDENCE = [
    "research has shown", "research shows", "research suggests", "research has found",
    "research proves", "research has proved", "research has proven", "studies show", "studies have shown",
    "studies suggest", "studies have found", "studies prove", "a study found", "a study showed",
    "a study shows", "one study found", "a survey found", "a survey showed", "a poll found",
    "a poll showed", "a report found", "a report says", "a report said", "evidence suggests",
    "evidence shows", "science says", "science shows", "surveys show",
    "polls show", "polls suggest", "surveys suggest", "statistics show", "figures show",
]
