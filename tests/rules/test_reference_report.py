"""The reference report (reports/wolverhampton_2014_15): what the checks find, and mutations.

Each mutation works on a copy (loaded, changed in the model, dumped to tmp_path); reports/ is
never modified. Removing a statutory component makes `boardreport check` exit 1 naming the
matching WT13 rule; changing one figure makes the consistency pack fire.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import boardreport
from boardreport import model
from boardreport.cli import main
from boardreport.model import Requirement, ReviewKind
from boardreport.rules import Finding, Severity, check

REFERENCE = Path(__file__).resolve().parents[2] / "reports" / "wolverhampton_2014_15"

Mutation = Callable[[model.Report], model.Report]


@pytest.fixture(scope="module")
def reference() -> model.Report:
    """The reference report as loaded from reports/."""
    return boardreport.load(REFERENCE)


def _map_sections(
    report: model.Report, change: Callable[[model.Section], model.Section | None]
) -> model.Report:
    """Apply ``change`` to every section, depth first; None drops the section."""

    def walk(sections: tuple[model.Section, ...]) -> tuple[model.Section, ...]:
        out = []
        for section in sections:
            changed = change(attrs.evolve(section, sections=walk(section.sections)))
            if changed is not None:
                out.append(changed)
        return tuple(out)

    return attrs.evolve(report, sections=walk(report.sections))


def _map_blocks(
    report: model.Report, change: Callable[[model.Block], model.Block | None]
) -> model.Report:
    """Apply ``change`` to every block; None drops the block."""

    def per_section(section: model.Section) -> model.Section:
        blocks = tuple(b for b in (change(block) for block in section.blocks) if b is not None)
        return attrs.evolve(section, blocks=blocks)

    return _map_sections(report, per_section)


def _strip(report: model.Report, requirement: Requirement) -> model.Report:
    """Remove ``requirement`` from every section's ``meets``."""
    return _map_sections(
        report,
        lambda s: attrs.evolve(s, meets=tuple(m for m in s.meets if m is not requirement)),
    )


def _drop_sections_declaring(report: model.Report, requirement: Requirement) -> model.Report:
    return _map_sections(report, lambda s: None if requirement in s.meets else s)


def remove_budget(report: model.Report) -> model.Report:
    """No budget block, and no section carrying the expenditure."""
    dropped = _map_blocks(report, lambda b: None if isinstance(b, model.Budget) else b)
    return _strip(dropped, Requirement.EXPENDITURE)


def remove_partner_contributions(report: model.Report) -> model.Report:
    """No income lines, and no section carrying the contributions."""

    def no_income(block: model.Block) -> model.Block:
        if isinstance(block, model.Budget):
            return attrs.evolve(block, income=(), income_total=None)
        return block

    return _strip(_map_blocks(report, no_income), Requirement.PARTNER_CONTRIBUTIONS)


def remove_child_death_review(report: model.Report) -> model.Report:
    """The section holding the CDOP figures (and any section carrying them) is gone."""

    def keep(section: model.Section) -> model.Section | None:
        holds = any(isinstance(b, model.ChildDeathReview) for b in section.blocks)
        return None if holds or Requirement.CHILD_DEATH_REVIEWS in section.meets else section

    return _map_sections(report, keep)


def remove_serious_case_reviews(report: model.Report) -> model.Report:
    """No serious case review block, and no section carrying the account."""

    def no_scr(block: model.Block) -> model.Block | None:
        is_scr = isinstance(block, model.Review) and block.kind is ReviewKind.SERIOUS_CASE_REVIEW
        return None if is_scr else block

    return _strip(_map_blocks(report, no_scr), Requirement.SERIOUS_CASE_REVIEWS)


def remove_lessons(report: model.Report) -> model.Report:
    """No review gives lessons or says none were undertaken; no section carries lessons."""

    def no_lessons(block: model.Block) -> model.Block:
        if isinstance(block, model.Review):
            return attrs.evolve(block, lessons=(), none_in_period=False)
        return block

    return _strip(_map_blocks(report, no_lessons), Requirement.LESSONS_FROM_REVIEWS)


def remove_chair_statement(report: model.Report) -> model.Report:
    """The Chair's foreword is gone."""
    return _drop_sections_declaring(report, Requirement.CHAIR_STATEMENT)


def _errors(findings: tuple[Finding, ...], rule: str) -> list[Finding]:
    return [
        f for f in findings if f.rule == rule and f.severity is Severity.ERROR and not f.suppressed
    ]


def test_reference_report_round_trips_through_dump(reference: model.Report, tmp_path: Path) -> None:
    """The mutation tests dump copies; a plain copy must load back equal."""
    boardreport.dump(reference, tmp_path / "copy")
    assert boardreport.load(tmp_path / "copy") == reference


def test_reference_report_meets_the_statutory_content(reference: model.Report) -> None:
    """The published report has every statutory component these mutations remove."""
    findings = check(reference).findings
    for rule in ("WT13-002", "WT13-006", "WT13-007", "WT13-008", "WT13-011", "WT13-012"):
        assert _errors(findings, rule) == [], rule


def test_reference_report_published_inconsistencies_are_found(reference: model.Report) -> None:
    """The general checks find the published report's own errors (suppressed or not)."""
    findings = check(reference, select=["CONS"]).findings
    budget = [f for f in findings if f.rule == "CONS-003" and f.path.endswith(".income_total")]
    assert len(budget) == 1
    assert "-165,226" in budget[0].message
    deaths = [f for f in findings if f.rule == "CONS-006"]
    assert any("adds up to 21 but 22 deaths" in f.message for f in deaths)


@pytest.mark.parametrize(
    ("mutation", "rule"),
    [
        (remove_budget, "WT13-008"),
        (remove_partner_contributions, "WT13-007"),
        (remove_child_death_review, "WT13-011"),
        (remove_serious_case_reviews, "WT13-012"),
        (remove_lessons, "WT13-006"),
        (remove_chair_statement, "WT13-002"),
    ],
    ids=lambda v: v if isinstance(v, str) else v.__name__,
)
def test_removing_statutory_content_fails_the_check(
    reference: model.Report,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    mutation: Mutation,
    rule: str,
) -> None:
    """Removing the component makes `boardreport check` exit 1 naming the WT13 rule."""
    mutated = mutation(reference)
    assert mutated != reference
    boardreport.dump(mutated, tmp_path / "report")
    code = main(["check", "--select", "WT13", str(tmp_path / "report")])
    out = capsys.readouterr().out
    assert code == 1
    assert f" {rule} error " in out
    assert _errors(check(reference).findings, rule) == []


def _numbers_in_use(report: model.Report) -> tuple[str, int, int, str] | None:
    """A table cell that some published total or row sum depends on: (path, row, col, key)."""
    for located in model.iter_blocks(report, model.Table):
        table: model.Table = located.item
        columns = [t.column for t in table.totals] + [rs.total for rs in table.row_sums]
        for key in columns:
            col = table.column_index(key)
            if col is None:
                continue
            for r, row in enumerate(table.rows):
                label = str(row[0]).strip().lower() if row else ""
                if col < len(row) and isinstance(row[col], int | Decimal) and label != "total":
                    return located.path, r, col, key
    return None


def _cons(findings: tuple[Finding, ...]) -> set[tuple[str, str, str]]:
    return {(f.rule, f.path, f.message) for f in findings if f.rule.startswith("CONS")}


def test_changing_one_table_cell_fires_the_consistency_pack(
    reference: model.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adding 1,000 to a cell that a published total depends on is a new CONS finding."""
    target = _numbers_in_use(reference)
    assert target is not None, "the reference report has no table with totals or row sums"
    path, r, col, _ = target

    def bump(block: model.Block) -> model.Block:
        if isinstance(block, model.Table) and path.endswith("/" + block.id):
            rows = [list(row) for row in block.rows]
            rows[r][col] = rows[r][col] + 1000  # type: ignore[operator]
            return attrs.evolve(block, rows=tuple(tuple(row) for row in rows))
        return block

    mutated = _map_blocks(reference, bump)
    new = _cons(check(mutated).findings) - _cons(check(reference).findings)
    assert any(p.startswith(path) for _, p, _ in new), new
    boardreport.dump(mutated, tmp_path / "report")
    assert main(["check", "--select", "CONS-001,CONS-002", str(tmp_path / "report")]) == 1
    capsys.readouterr()


def test_changing_one_budget_line_fires_the_consistency_pack(
    reference: model.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adding 1 to the first expenditure line breaks the published expenditure total."""
    budgets = list(model.iter_blocks(reference, model.Budget))
    assert budgets and budgets[0].item.expenditure_total is not None

    def bump(block: model.Block) -> model.Block:
        if block is budgets[0].item:
            lines = list(block.expenditure)
            lines[0] = attrs.evolve(lines[0], amount=lines[0].amount + 1)
            return attrs.evolve(block, expenditure=tuple(lines))
        return block

    mutated = _map_blocks(reference, bump)
    new = _cons(check(mutated).findings) - _cons(check(reference).findings)
    assert ("CONS-003", f"{budgets[0].path}.expenditure_total") in {(r, p) for r, p, _ in new}
    boardreport.dump(mutated, tmp_path / "report")
    code = main(["check", "--select", "CONS-003", str(tmp_path / "report")])
    assert code == 1
    assert "the expenditure lines add up to" in capsys.readouterr().out
