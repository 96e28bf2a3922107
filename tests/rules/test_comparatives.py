"""Comparative words: what relation they state, and whether figures bear it out."""

from __future__ import annotations

from decimal import Decimal

import pytest

from boardreport.rules._comparatives import Relation, direction_of_change, holds, relation_of


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("higher than those received", Relation.GREATER),
        ("more were concluded than received", Relation.GREATER),
        ("rose", Relation.GREATER),
        ("fell", Relation.LESS),
        ("fewer than last year", Relation.LESS),
        ("doubled", Relation.DOUBLE),
        ("halved", Relation.HALF),
        ("the same as", Relation.EQUAL),
        ("not higher than", Relation.AT_MOST),
        ("no lower than", Relation.AT_LEAST),
        ("in 2014", None),
    ],
)
def test_relation_of(text: str, relation: Relation | None) -> None:
    """The first comparative word decides; a negation turns 'higher' into 'at most'."""
    assert relation_of(text) is relation


def test_holds() -> None:
    """152 is not higher than 161; 60 is not double 40; 81 is double 40 within 10%."""
    zero = Decimal(0)
    assert not holds(Relation.GREATER, Decimal(152), Decimal(161), zero)
    assert holds(Relation.LESS, Decimal(152), Decimal(161), zero)
    assert not holds(Relation.DOUBLE, Decimal(60), Decimal(40), zero)
    assert holds(Relation.DOUBLE, Decimal(81), Decimal(40), zero)
    assert holds(Relation.EQUAL, Decimal("10.4"), Decimal(10), Decimal("0.5"))


def test_direction_of_change() -> None:
    """Change words give a direction: 'gone down' fell, 'doubled' rose."""
    assert direction_of_change("gone down by 27%") is Relation.LESS
    assert direction_of_change("an increase of 11%") is Relation.GREATER
    assert direction_of_change("doubled") is Relation.GREATER
    assert direction_of_change("27%") is None
