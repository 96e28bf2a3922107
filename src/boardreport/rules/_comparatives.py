"""What comparative words in prose claim: "higher than", "fell", "doubled", "the same as"."""

from __future__ import annotations

import enum
import re
from decimal import Decimal


class Relation(enum.Enum):
    """How a figure compares with another, as words state it."""

    GREATER = "greater"
    LESS = "less"
    EQUAL = "equal"
    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    DOUBLE = "double"
    HALF = "half"
    TREBLE = "treble"


_PHRASES: tuple[tuple[Relation, str], ...] = (
    (Relation.DOUBLE, r"doubled|doubling|twice as (?:many|much|high)|two-fold|twofold"),
    (Relation.TREBLE, r"trebled|tripled|three times as (?:many|much|high)|three-fold|threefold"),
    (Relation.HALF, r"halved|halving|half as (?:many|much|high)"),
    (
        Relation.EQUAL,
        r"(?:the )?same as|unchanged|stayed the same|remained the same|equal to|equalled|"
        r"equals|level with|no change|stable",
    ),
    (
        Relation.GREATER,
        r"higher than|more than|greater than|larger than|bigger than|above|exceed(?:ed|s|ing)?|"
        r"outnumber(?:ed|s)?|r[io]s(?:e|en)|rising|increas(?:e|ed|es|ing)|gr[eo]w(?:n|th)?|"
        r"went up|gone up|up (?:by|from|on)|higher|more|greater|larger",
    ),
    (
        Relation.LESS,
        r"lower than|less than|fewer than|smaller than|below|f[ae]ll(?:en)?|falling|"
        r"decreas(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|dropped|reduc(?:ed|tion|ing)|went down|"
        r"gone down|down (?:by|from|on)|lower|fewer|less|smaller",
    ),
)
_PATTERNS = tuple(
    (relation, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE))
    for relation, words in _PHRASES
)
_NEGATION = re.compile(r"(?<![\w-])(?:not|no|never)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATED = {Relation.GREATER: Relation.AT_MOST, Relation.LESS: Relation.AT_LEAST}

RATIO_TOLERANCE = Decimal("0.1")
"""How far "doubled", "halved" and "trebled" may be from the exact ratio (10% of it)."""


def relation_of(text: str) -> Relation | None:
    """The relation the first comparative word in ``text`` states, or None.

    "not higher than" and "no more than" state at most; "not lower than" at least.
    """
    best: tuple[int, Relation] | None = None
    for relation, pattern in _PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), relation)
    if best is None:
        return None
    start, relation = best
    if _NEGATION.search(text[:start]) and relation in _NEGATED:
        return _NEGATED[relation]
    return relation


def holds(relation: Relation, subject: Decimal, other: Decimal, tolerance: Decimal) -> bool:
    """Whether ``subject`` stands in ``relation`` to ``other``.

    Equality allows ``tolerance``; ratios allow :data:`RATIO_TOLERANCE` of the exact ratio.
    """
    if relation is Relation.GREATER:
        return subject > other
    if relation is Relation.LESS:
        return subject < other
    if relation is Relation.AT_MOST:
        return subject <= other
    if relation is Relation.AT_LEAST:
        return subject >= other
    if relation is Relation.EQUAL:
        return abs(subject - other) <= tolerance
    factor = {Relation.DOUBLE: Decimal(2), Relation.HALF: Decimal("0.5")}.get(relation, Decimal(3))
    expected = other * factor
    return abs(subject - expected) <= abs(expected) * RATIO_TOLERANCE


WORDS = {
    Relation.GREATER: "greater than",
    Relation.LESS: "less than",
    Relation.EQUAL: "the same as",
    Relation.AT_MOST: "at most",
    Relation.AT_LEAST: "at least",
    Relation.DOUBLE: "twice",
    Relation.HALF: "half",
    Relation.TREBLE: "three times",
}
"""Each relation as a finding states it."""


def direction_of_change(text: str) -> Relation | None:
    """The direction a change claim's words state: GREATER (rose), LESS (fell), or None."""
    relation = relation_of(text)
    if relation in (Relation.DOUBLE, Relation.TREBLE):
        return Relation.GREATER
    if relation is Relation.HALF:
        return Relation.LESS
    return relation if relation in (Relation.GREATER, Relation.LESS, Relation.EQUAL) else None
