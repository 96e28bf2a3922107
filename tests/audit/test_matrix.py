"""A duty's status from its findings: met, not met, accepted, data not published."""

from __future__ import annotations

import datetime as dt

from boardreport import model
from boardreport.audit import Status, not_published
from boardreport.audit._matrix import status
from boardreport.rules import Finding, Severity

UNPUBLISHED = model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)
NOT_KNOWN = model.Unknown(reason=model.UnknownReason.NOT_KNOWN)


def _report() -> model.Report:
    budget = model.Budget(
        id="b",
        period="2020-21",
        income=(model.IncomeLine(contributor="Council", amount=UNPUBLISHED),),
        expenditure=(model.ExpenditureLine(item="Unit", amount=NOT_KNOWN),),
    )
    missing = model.MissingFigure(title="Deaths", description="Not in the source.")
    return model.Report(
        board="B",
        area="A",
        title="T",
        period_start=dt.date(2020, 4, 1),
        period_end=dt.date(2021, 3, 31),
        sections=(
            model.Section(id="money", title="Money", blocks=(budget,)),
            model.Section(id="deaths", title="Deaths", blocks=(missing,)),
            model.Section(id="words", title="Words", blocks=(model.Prose(text="Hello"),)),
        ),
    )


def _finding(path: str, *, suppressed: bool = False) -> Finding:
    return Finding(
        rule="X-001", severity=Severity.WARNING, message="m", path=path, suppressed=suppressed
    )


def test_paths_that_hold_data_stated_as_not_published() -> None:
    report = _report()
    assert not_published(report, "money/b")
    assert not_published(report, "money/b.income[0].amount")
    assert not not_published(report, "money/b.expenditure")  # "not known" is not unpublished
    assert not_published(report, "deaths.meets")
    assert not not_published(report, "words")
    assert not not_published(report, "")
    assert not not_published(report, "arrangement.partners[0]")


def test_status_of_a_duty() -> None:
    report = _report()
    assert status(report, []) is Status.MET
    assert status(report, [_finding("words", suppressed=True)]) is Status.ACCEPTED
    assert status(report, [_finding("money/b")]) is Status.NOT_PUBLISHED
    assert status(report, [_finding("money/b"), _finding("words")]) is Status.NOT_MET
    assert status(report, [_finding("words"), _finding("x", suppressed=True)]) is Status.NOT_MET
