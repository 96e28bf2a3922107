"""What counts as content: typed blocks made only of placeholders never do."""

from __future__ import annotations

from decimal import Decimal

import pytest

from boardreport import model
from boardreport.blocks import has_content as block_has_content

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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "TODO",
        "TBC",
        "tba",
        "To follow",
        "to be confirmed",
        "N/A",
        "n/a.",
        "Not visible",
        "-",
        "—",
        "0",
        "None",
        "Not applicable",
        "[Insert figures]",
        "xxx",
        "Not published.",
        "The data was not published",
        "Figures withheld",
    ],
)
def test_no_substance(text: str) -> None:
    """Placeholders, non-statements and 'not published' are never substance."""
    assert not model.has_substance(text)


@pytest.mark.parametrize(
    "text",
    [
        "The panel reviewed 22 deaths.",
        "None of the cases met the criteria.",
        "Nothing to report",
    ],
)
def test_substance(text: str) -> None:
    """Sentences that say something have substance, even when they start with 'None'."""
    assert model.has_substance(text)


def test_not_published_is_told_apart_from_placeholders() -> None:
    """A statement that the data was not published is not a placeholder still to be written."""
    assert model.states_not_published("Data not published.")
    assert not model.is_placeholder("Data not published.")
    assert model.is_placeholder("TBC") and not model.states_not_published("TBC")


@pytest.mark.parametrize(
    "block",
    [
        model.Table(
            id="t",
            caption="Referrals",
            columns=(model.Column(key="a", label="A"), model.Column(key="n", label="N")),
            rows=(("2014/15", 0), ("2013/14", 0)),
        ),
        model.Budget(
            period="2014-15",
            income=(model.IncomeLine(contributor="Council", amount=0),),
            expenditure=(model.ExpenditureLine(item="Staff", amount=0),),
        ),
        model.Review(kind=model.ReviewKind.SERIOUS_CASE_REVIEW, title="SCRs", summary="TBC"),
        model.Prose(text="N/A"),
    ],
)
def test_zero_only_and_tbc_blocks_are_not_content(block: model.Block) -> None:
    """Zero-only tables, £0 budgets and a review whose only summary is TBC say nothing."""
    assert not block_has_content(block)


def test_placeholder_prompt_drops_the_marker() -> None:
    """Readers see a placeholder's words without its marker; a bare marker leaves nothing."""
    assert model.placeholder_prompt("TODO: write the foreword") == "write the foreword"
    assert model.placeholder_prompt("TBC - figures from the CDOP") == "figures from the CDOP"
    assert model.placeholder_prompt("TODO") == ""
