"""Generated news-like copy for benchmarks: deterministic, written for newslint, any size.

    from newsgen import article, articles
    text = article(seed=1, paragraphs=12)
"""

from __future__ import annotations

import random

PEOPLE = ["Maria Okafor", "Tomas Lindqvist", "Aisha Rahman", "Daniel Reyes", "Olena Marchenko",
          "Hiroshi Tanaka", "Grace Mwangi", "Luca Bianchi", "Sofia Andersen", "Rahul Mehta"]
ROLES = ["the finance minister", "a council spokesperson", "the chief executive", "the union's general secretary",
         "a senior diplomat", "the regional governor", "the head of the port authority", "an economist at the bank"]
PLACES = ["Kyiv", "Lagos", "Manila", "Lima", "Gdansk", "Mombasa", "Valencia", "Porto", "Leeds", "Osaka"]
SUBJECTS = ["The government", "The company", "The council", "Regulators", "The central bank", "Prosecutors",
            "The ministry", "Local officials", "The union", "The board"]
ACTIONS = ["announced a review of", "approved new rules on", "delayed a decision on", "published figures on",
           "opened talks about", "set aside funds for", "postponed a vote on", "launched an inquiry into"]
TOPICS = ["housing subsidies", "port expansion", "energy prices", "teacher pay", "rail fares", "water supplies",
          "farm exports", "hospital waiting times", "broadband coverage", "road repairs"]
TIMES = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "on Friday", "last week", "in March",
         "earlier this year", "after a two-hour meeting", "at a press conference"]
QUOTES = ["We expect the first results within weeks", "This is a fair settlement for everyone involved",
          "Nobody should pay more than they can afford", "The figures speak for themselves",
          "We will keep talking until there is a deal", "It is too early to say what this means"]


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return (f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(TOPICS)} in "
                f"{rng.choice(PLACES)} {rng.choice(TIMES)}.")
    if kind < 0.75:
        return f"“{rng.choice(QUOTES)},” said {rng.choice(PEOPLE)}, {rng.choice(ROLES)}."
    if kind < 0.9:
        return (f"According to {rng.choice(ROLES)}, {rng.choice(TOPICS)} cost {rng.randint(2, 90)} million "
                f"dollars in {rng.randint(2015, 2025)}.")
    return (f"{rng.choice(PEOPLE)} told reporters {rng.choice(TIMES)} that {rng.choice(TOPICS)} "
            f"would be discussed again.")


def article(seed: int = 0, paragraphs: int = 10) -> str:
    rng = random.Random(seed)
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(TOPICS)}"
    body = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(paragraphs)]
    return headline + "\n\n" + "\n\n".join(body) + "\n"


def text_of_size(size: int, seed: int = 0) -> str:
    """One article of about ``size`` characters."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"
