"""Consistency rules beyond the fixtures: tolerances, odd tables and claims."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from boardreport import model
from boardreport.model import ClaimKind, ColumnType
from boardreport.rules import Finding, check
from boardreport.rules.packs.consistency_refs import written_figure

Make = Callable[..., model.Report]
MakeSection = Callable[..., model.Section]


def _run(report: model.Report, rule: str) -> list[Finding]:
    return [f for f in check(report, select=[rule]).findings if f.rule == rule]


def _table(rows: tuple[tuple[model.Cell, ...], ...], **fields: object) -> model.Table:
    return model.Table(
        id=str(fields.pop("id", "t")),
        caption="T",
        columns=(
            model.Column(key="label", label="Label"),
            model.Column(key="a", label="A", type=ColumnType.DECIMAL),
            model.Column(key="b", label="B", type=ColumnType.PERCENT),
        ),
        rows=rows,
        **fields,  # type: ignore[arg-type]
    )


def test_rounded_decimals_may_be_half_a_unit_out(
    make_report: Make, make_section: MakeSection
) -> None:
    """Three values rounded to one decimal may miss their total by up to 0.15."""
    rows = (("x", Decimal("1.1"), 1), ("y", Decimal("2.2"), 2), ("z", Decimal("3.3"), 3))
    ok = _table(rows, totals=(model.ColumnTotal(column="a", value=Decimal("6.7")),))
    bad = _table(rows, totals=(model.ColumnTotal(column="a", value=Decimal("6.9")),))
    assert _run(make_report(sections=(make_section("s", ok),)), "CONS-001") == []
    [finding] = _run(make_report(sections=(make_section("s", bad),)), "CONS-001")
    assert "adds up to 6.6 but its stated total is 6.9" in finding.message
    assert finding.path == "s/t.totals[0]"


def test_total_rows_are_not_counted_twice(make_report: Make, make_section: MakeSection) -> None:
    """A row labelled Total is left out of the column sum."""
    rows = (("x", 1, 10), ("y", 2, 20), ("Total", 3, 30))
    table = _table(rows, totals=(model.ColumnTotal(column="a", value=3),))
    assert _run(make_report(sections=(make_section("s", table),)), "CONS-001") == []


def test_short_rows_and_text_cells_do_not_crash(
    make_report: Make, make_section: MakeSection
) -> None:
    """Missing cells and text in numeric columns are skipped, not errors of the engine."""
    rows: tuple[tuple[model.Cell, ...], ...] = (("x",), ("y", "n/a", ""), ("z", 3, 5))
    table = _table(
        rows,
        totals=(model.ColumnTotal(column="a", value=3),),
        row_sums=(model.RowSum(total="b", parts=("a",)),),
        percent_of="t",
    )
    result = check(make_report(sections=(make_section("s", table),)), select=["CONS"])
    assert not any("could not check" in f.message for f in result.findings)
    assert {f.rule for f in result.findings} == {"CONS-002", "CONS-004"}


def test_percent_of_a_missing_table(make_report: Make, make_section: MakeSection) -> None:
    """percent_of naming no table is an error at that key."""
    table = _table((("x", 1, 50),), percent_of="nowhere")
    [finding] = _run(make_report(sections=(make_section("s", table),)), "CONS-004")
    assert finding.path == "s/t.percent_of"


def test_period_naming_two_years_including_the_reports_passes(
    make_report: Make, make_section: MakeSection
) -> None:
    """A label that names the report's year among others is not stale."""
    kpi = model.KPI(label="x", value=1, period="2013-14 and 2014-15")
    assert _run(make_report(sections=(make_section("s", kpi),)), "CONS-008") == []


def test_percent_change_kpi_is_not_a_share(make_report: Make, make_section: MakeSection) -> None:
    """Only the unit "%" is a share; "% change" may be negative."""
    kpis = (
        model.KPI(label="change", value=-27, unit="% change"),
        model.KPI(label="share", value=-27, unit=" % "),
    )
    [finding] = _run(make_report(sections=(make_section("s", *kpis),)), "CONS-009")
    assert finding.path == "s/blocks[1].value"


def _prose(*claims: model.Claim, text: str = "The figure is 58%.") -> model.Prose:
    return model.Prose(text=text, claims=claims)


def _kpis() -> tuple[model.KPI, ...]:
    return (
        model.KPI(id="a", label="a", value=58),
        model.KPI(id="b", label="b", value=42),
    )


@pytest.mark.parametrize(
    ("claim", "rule"),
    [
        (
            model.Claim(kind=ClaimKind.VALUE, text="58%", stated=58, refs=("kpi:a", "kpi:b")),
            "CONS-014",
        ),
        (model.Claim(kind=ClaimKind.SHARE, text="58%", stated=58, refs=("kpi:a",)), "CONS-014"),
        (model.Claim(kind=ClaimKind.SUM, text="58%", stated=58, refs=()), "CONS-014"),
        (
            model.Claim(
                kind=ClaimKind.SHARE, text="58%", stated=58, refs=("kpi:a",), of=("kpi:z",)
            ),
            "CONS-014",
        ),
        (model.Claim(kind=ClaimKind.VALUE, text="57%", stated=58, refs=("kpi:a",)), "CONS-013"),
        (
            model.Claim(kind=ClaimKind.VALUE, text="58%", stated=57, refs=("kpi:a",)),
            "CONS-012 CONS-013",
        ),
        (
            model.Claim(
                kind=ClaimKind.SHARE, text="58%", stated=58, refs=("kpi:a",), of=("kpi:a", "kpi:a")
            ),
            "CONS-012",
        ),
    ],
)
def test_claim_problems_go_to_the_right_rule(
    make_report: Make, make_section: MakeSection, claim: model.Claim, rule: str
) -> None:
    """Bad references, wrong text and wrong figures are three different rules."""
    report = make_report(sections=(make_section("s", _prose(claim), *_kpis()),))
    result = check(report, select=["CONS-012", "CONS-013", "CONS-014"])
    assert [f.rule for f in result.findings] == rule.split()
    assert result.findings[0].path == "s/blocks[0].claims[0]"


def test_share_with_zero_whole_is_reported(make_report: Make, make_section: MakeSection) -> None:
    """A share of nothing cannot be checked and says so."""
    zero = model.KPI(id="z", label="z", value=0)
    claim = model.Claim(kind=ClaimKind.SHARE, text="58%", stated=58, refs=("kpi:z",), of=("kpi:z",))
    [finding] = _run(make_report(sections=(make_section("s", _prose(claim), zero),)), "CONS-014")
    assert "adds up to 0" in finding.message


def test_claim_tolerance_is_used(make_report: Make, make_section: MakeSection) -> None:
    """A wider tolerance accepts a rounder figure."""
    claim = model.Claim(
        kind=ClaimKind.SHARE,
        text="60%",
        stated=60,
        refs=("kpi:a",),
        of=("kpi:a", "kpi:b"),
        tolerance=Decimal(2),
    )
    report = make_report(sections=(make_section("s", _prose(claim, text="About 60%."), *_kpis()),))
    assert _run(report, "CONS-012") == []


def test_duplicate_block_ids_in_a_section(make_report: Make, make_section: MakeSection) -> None:
    """Two blocks with one id in a section are reported once."""
    report = make_report(
        sections=(make_section("s", model.Prose(id="p", text="a"), model.Prose(id="p", text="b")),)
    )
    [finding] = _run(report, "CONS-011")
    assert finding.path == "s/p"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("£165,226", Decimal(165226)),
        ("58%", Decimal(58)),
        ("a fall of 27.5%", Decimal("27.5")),
        ("£15.5k", Decimal(15500)),
        ("£2 million", Decimal(2000000)),
        ("2 in 5", None),
        ("16/22", None),
        ("more than half", None),
        ("KS2", None),
    ],
)
def test_written_figure(text: str, figure: Decimal | None) -> None:
    """The one figure a claim's text shows, scaled by k/million; none when ambiguous."""
    assert written_figure(text) == figure
