"""The engine: selection, framework packs, crash safety, ordering, locations and evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from boardreport import model
from boardreport.errors import UnknownRuleError
from boardreport.io import load_with_sources
from boardreport.rules import CheckResult, Counts, check, resolve_selection
from boardreport.rules._registry import Citation, Finding, RuleContext, Severity, pack


def _ids(result: CheckResult) -> set[str]:
    return {f.rule for f in result.findings}


def test_select_by_id_pack_and_comma_list_case_insensitively(
    make_report: Callable[..., model.Report],
) -> None:
    """--select takes ids, pack prefixes and comma-separated lists, in any case."""
    report = make_report()
    assert resolve_selection(["wt13-001,WT13-003"]) == {"WT13-001", "WT13-003"}
    assert resolve_selection(["SUP"]) == {"SUP-001", "SUP-002", "SUP-003"}
    only = check(report, select=["WT13-003"])
    assert _ids(only) == {"WT13-003"}
    pack_only = check(report, select=["WT13"])
    assert _ids(pack_only) and all(r.startswith("WT13-") for r in _ids(pack_only))
    assert {r.id for r in pack_only.rules} == {f"WT13-{n:03d}" for n in range(1, 15)}


def test_ignore_removes_rules_and_packs(make_report: Callable[..., model.Report]) -> None:
    """--ignore drops ids and packs from what runs."""
    report = make_report()
    everything = check(report)
    assert "WT13-003" in _ids(everything)
    result = check(report, ignore=["WT13-003", "QUAL"])
    assert "WT13-003" not in _ids(result)
    assert not any(r.pack == "QUAL" for r in result.rules)
    assert "WT13-001" in _ids(result)


@pytest.mark.parametrize("token", ["WT14", "WT13-099", "nonsense", "WT13-1"])
def test_unknown_selection_raises(make_report: Callable[..., model.Report], token: str) -> None:
    """An id or prefix that names nothing is a usage error, not an empty selection."""
    with pytest.raises(UnknownRuleError, match="unknown rule or pack"):
        check(make_report(), select=[token])
    with pytest.raises(UnknownRuleError):
        check(make_report(), ignore=[token])


def test_report_chooses_its_statutory_pack(make_report: Callable[..., model.Report]) -> None:
    """WT13 runs for framework wt2013 only; an unknown framework is itself an error."""
    assert any(r.pack == "WT13" for r in check(make_report()).rules)
    other = check(make_report(framework="wt2099"))
    assert not any(r.pack == "WT13" for r in other.rules)
    assert [f.path for f in other.findings if f.rule == "QUAL-003"] == ["framework"]
    assert other.failed()


def test_a_crashing_rule_becomes_a_finding(make_report: Callable[..., model.Report]) -> None:
    """A rule that raises yields an error finding naming it; check itself never raises."""
    from boardreport.rules import _registry

    test_pack = pack("TESTE", title="Crash")

    def crash(ctx: RuleContext) -> Iterator[Finding]:
        """
        ## What it checks
        x
        ## Why it matters
        x
        ## How to fix
        x
        ## Example
        x
        """
        yield ctx.finding("first")
        raise ZeroDivisionError("boom")

    try:
        test_pack.rule(
            "TESTE-001", name="crash", severity=Severity.INFO, citations=(Citation(document="d"),)
        )(crash)
        result = check(make_report(), select=["TESTE"])
        assert [(f.rule, f.severity) for f in result.findings] == [("TESTE-001", Severity.ERROR)]
        assert "ZeroDivisionError: boom" in result.findings[0].message
    finally:
        _registry.REGISTRY.pop("TESTE-001", None)
        _registry.PACKS.pop("TESTE", None)
        _registry.PACK_FRAMEWORK.pop("TESTE", None)


def test_findings_are_located_and_sorted(tmp_path: Path) -> None:
    """With a source map, findings carry file and line and come sorted by file, line, rule."""
    folder = tmp_path / "r"
    (folder / "parts").mkdir(parents=True)
    (folder / "report.toml").write_text(
        'board = "B"\narea = "A"\ntitle = "T"\nperiod_start = 2014-04-01\n'
        'period_end = 2015-03-31\nparts = ["parts/a.toml"]\n',
        encoding="utf-8",
    )
    (folder / "parts" / "a.toml").write_text(
        'id = "a"\ntitle = "A"\n\n[[blocks]]\ntype = "kpi"\nlabel = "x"\nvalue = 150\n'
        'unit = "%"\nperiod = "2012-13"\n',
        encoding="utf-8",
    )
    report, sources = load_with_sources(folder)
    result = check(report, sources=sources)
    located = {(f.rule, Path(f.file).resolve(), f.line) for f in result.findings if f.file}
    part = (folder / "parts" / "a.toml").resolve()
    assert ("CONS-009", part, 7) in located
    assert ("CONS-008", part, 9) in located
    assert ("WT13-003", (folder / "report.toml").resolve(), 1) in located
    keys = [(f.file or "", f.line or 0, f.rule) for f in result.findings]
    assert keys == sorted(keys)
    assert all(f.line and f.line >= 1 for f in result.findings)


def test_without_sources_findings_have_no_file(make_report: Callable[..., model.Report]) -> None:
    """Library callers without a source map get paths but no file or line."""
    result = check(make_report())
    assert result.findings
    assert all(f.file is None and f.line is None for f in result.findings)


def test_evidence_maps_requirements_to_sections(
    make_report: Callable[..., model.Report], make_section: Callable[..., model.Section]
) -> None:
    """Rules record where each requirement is met; the renderer reads CheckResult.evidence."""
    report = make_report(
        chair=model.Chair(name="A Chair", independent=True),
        sections=(
            make_section(
                "foreword",
                model.Prose(text="My report."),
                meets=(model.Requirement.CHAIR_STATEMENT,),
            ),
            make_section(
                "cdop",
                model.ChildDeathReview(id="cdop-2014-15", panel="P", deaths_reviewed=3),
            ),
        ),
    )
    result = check(report)
    assert result.evidence["WT13-002"] == ("foreword",)
    assert result.evidence["WT13-011"] == ("cdop/cdop-2014-15",)
    assert "WT13-014" not in result.evidence


def test_counts_and_failure(make_report: Callable[..., model.Report]) -> None:
    """Errors fail; warnings fail only when strict; the count line is pluralised."""
    clean = make_report(publication_date=dt.date(2015, 9, 1))
    result = check(clean, select=["WT13-001", "WT13-003"])
    assert result.counts == Counts(errors=0, warnings=4, info=0, suppressed=0)
    assert not result.failed()
    assert result.failed(strict=True)
    assert str(result.counts) == "0 errors, 4 warnings, 0 info (0 suppressed)"
    assert str(Counts(errors=1, warnings=1)) == "1 error, 1 warning, 0 info (0 suppressed)"
