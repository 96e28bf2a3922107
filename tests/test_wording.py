"""Reader wording has one home, and every value of the model has its words there."""

from __future__ import annotations

import datetime as dt
import enum

import pytest

from boardreport import formatting as _format
from boardreport import model, wording

ENUM_WORDING: list[tuple[type[enum.Enum], dict[str, str]]] = [
    (model.UnknownReason, wording.UNKNOWN_REASONS),
    (model.BoundRelation, wording.BOUND_RELATIONS),
    (model.RecipientRole, wording.RECIPIENTS),
    (model.StatutoryPartner, wording.STATUTORY_PARTNERS),
]


@pytest.mark.parametrize(("kind", "words"), ENUM_WORDING, ids=lambda v: getattr(v, "__name__", ""))
def test_every_enumeration_value_has_its_words(
    kind: type[enum.Enum], words: dict[str, str]
) -> None:
    """No value is said by its TOML spelling, and no words are kept for a value that is gone."""
    assert set(words) == {member.value for member in kind}


def test_every_agency_return_question_belongs_to_a_field() -> None:
    """Each standard question is a field of AgencyReturn, and says its year when it has one."""
    fields = {a.name for a in model.AgencyReturn.__attrs_attrs__}
    assert set(wording.AGENCY_RETURN_QUESTIONS) <= fields
    asked = model.agency_return_question("objectives", dt.date(2014, 4, 1))
    assert asked == "What were the agreed safeguarding objectives for 2014/15?"


def test_model_and_renderers_say_figures_with_the_same_words() -> None:
    """An unknown and a bound read the same in the model's text and the renderers'."""
    unknown = model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)
    assert str(unknown) == "not published"
    bound = model.Bound(relation=model.BoundRelation.MORE_THAN, value=5000)
    assert _format.number(bound) == "over 5,000"
    assert _format.words("nhs_england") == "NHS England"


def test_a_recipient_of_every_role_is_named_to_readers() -> None:
    """Every role reads as words at the top of the page; `other` by the recipient's name."""
    from boardreport.render._context import _recipient

    for role in model.RecipientRole:
        named = _recipient(model.Recipient(role=role, name="A. Person"))
        assert named.rstrip(")").endswith("A. Person")
        if role is not model.RecipientRole.OTHER:
            assert named.startswith("the ")
            assert _recipient(model.Recipient(role=role)) == wording.RECIPIENTS[role.value]
