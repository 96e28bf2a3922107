"""What counts as content: typed blocks made only of placeholders never do."""

from __future__ import annotations

from decimal import Decimal

import pytest

from boardreport import model
from boardreport.rules._content import block_has_content

TODO = "TODO: write this"


@pytest.mark.parametrize(
    ("placeholder", "real"),
    [
        (
            model.Table(
                id="t",
                caption="c",
                columns=(model.Column(key="a", label="A"),),
                rows=((TODO,),),
            ),
            model.Table(
                id="t",
                caption="c",
                columns=(model.Column(key="a", label="A"),),
                rows=(("2014/15",),),
            ),
        ),
        (
            model.Budget(
                period="2015-16",
                income=(model.IncomeLine(contributor=TODO, amount=0),),
                expenditure=(),
            ),
            model.Budget(
                period="2015-16",
                income=(model.IncomeLine(contributor="Police", amount=Decimal("14770")),),
                expenditure=(),
            ),
        ),
        (
            model.Attendance(body="Board", entries=(model.AttendanceEntry(name=TODO),)),
            model.Attendance(
                body="Board", entries=(model.AttendanceEntry(name="Police", percent=80),)
            ),
        ),
        (
            model.ChildDeathReview(panel="Exampleshire CDOP", deaths_reviewed=0),
            model.ChildDeathReview(panel="Exampleshire CDOP", deaths_reviewed=22),
        ),
        (
            model.Glossary(entries=(model.GlossaryEntry(term="TODO", meaning=TODO),)),
            model.Glossary(entries=(model.GlossaryEntry(term="LSCB", meaning="Board"),)),
        ),
    ],
)
def test_typed_blocks_of_placeholders_are_not_content(
    placeholder: model.Block, real: model.Block
) -> None:
    """A block whose labels are all TODO is missing content; the same block filled in is not."""
    assert not block_has_content(placeholder)
    assert block_has_content(real)
