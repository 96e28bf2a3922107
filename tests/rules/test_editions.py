"""Which edition a report is checked against, and why; the edition packs as the catalogue says.

The statutory-editions catalogue fixes the dates: an LSCB's period from 26 March 2015 is WT2015, a
partnership's WT2018 until a period starts on or after 15 December 2023 (WT2023), an adults
board's CA2014. ``framework`` in the report and ``--framework`` override; every output names the
edition and the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest

import boardreport
from boardreport import model
from boardreport.cli import main
from boardreport.model import ArrangementKind
from boardreport.render.markdown import render_markdown
from boardreport.rules import all_rules, check, explain
from boardreport.rules._editions import EDITIONS, find_edition, select_edition
from boardreport.rules._registry import REGISTRY

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EDITION_REPORTS = {
    "WT2015": CORPUS / "edition-wt15-fernbridge",
    "WT2018": CORPUS / "edition-wt18-ashcombe",
    "WT2023": CORPUS / "edition-wt23-kestrel",
    "CA2014": CORPUS / "edition-ca14-wyvern",
}


def _report(start_year: int, kind: ArrangementKind | None, framework: str = "") -> model.Report:
    arrangement = None if kind is None else model.Arrangement(kind=kind)
    return model.Report(
        board="Testshire Board",
        area="Testshire",
        title="Annual Report",
        period_start=dt.date(start_year, 4, 1),
        period_end=dt.date(start_year + 1, 3, 31),
        arrangement=arrangement,
        framework=framework,
    )


# ---------------------------------------------------------------------------------------------
# selection


@pytest.mark.parametrize(
    ("year", "kind", "edition", "reason"),
    [
        (2014, ArrangementKind.LSCB, "WT2013", "period 2014-15, LSCB"),
        (2015, ArrangementKind.LSCB, "WT2015", "period 2015-16, LSCB"),
        (2018, ArrangementKind.LSCB, "WT2015", "period 2018-19, LSCB"),
        (
            2019,
            ArrangementKind.SAFEGUARDING_PARTNERSHIP,
            "WT2018",
            "period 2019-20, safeguarding partnership",
        ),
        (
            2023,
            ArrangementKind.SAFEGUARDING_PARTNERSHIP,
            "WT2018",
            "period 2023-24, safeguarding partnership",
        ),
        (
            2024,
            ArrangementKind.SAFEGUARDING_PARTNERSHIP,
            "WT2023",
            "period 2024-25, safeguarding partnership",
        ),
        (
            2019,
            ArrangementKind.SAFEGUARDING_ADULTS_BOARD,
            "CA2014",
            "period 2019-20, safeguarding adults board",
        ),
        (
            2024,
            ArrangementKind.SAFEGUARDING_ADULTS_BOARD,
            "CA2014",
            "period 2024-25, safeguarding adults board",
        ),
    ],
)
def test_the_period_and_kind_select_the_edition(
    year: int, kind: ArrangementKind, edition: str, reason: str
) -> None:
    """The catalogue's dates and kinds choose the edition; the reason says which and why."""
    chosen = select_edition(_report(year, kind))
    assert chosen.name == edition
    assert str(chosen) == f"{reason}: {edition}"


def test_a_period_from_26_march_2015_is_wt2015() -> None:
    """The boundary is the start of the period, on or after 26 March 2015."""
    report = _report(2015, ArrangementKind.LSCB)
    before = attrs.evolve(report, period_start=dt.date(2015, 3, 25))
    on = attrs.evolve(report, period_start=dt.date(2015, 3, 26))
    assert (select_edition(before).name, select_edition(on).name) == ("WT2013", "WT2015")


def test_without_an_arrangement_the_kind_is_assumed_from_the_date() -> None:
    """An LSCB while LSCBs existed, a partnership after 29 September 2019; the reason says so."""
    early, late = select_edition(_report(2015, None)), select_edition(_report(2019, None))
    assert early.name == "WT2015" and "LSCB assumed" in early.reason
    assert late.name == "WT2018" and "safeguarding partnership assumed" in late.reason


@pytest.mark.parametrize("value", ["WT2018", "wt2018", "WT18", "wt18"])
def test_framework_in_the_report_overrides(value: str) -> None:
    """framework = "WT2018" (any spelling of it) wins over period and kind."""
    chosen = select_edition(_report(2015, ArrangementKind.LSCB, framework=value))
    assert chosen.name == "WT2018"
    assert chosen.reason == f'framework = "{value}", overriding period 2015-16, LSCB (WT2015)'


def test_old_framework_values_keep_working() -> None:
    """framework = "wt2013" still selects WT13 for any period."""
    chosen = select_edition(_report(2016, ArrangementKind.LSCB, framework="wt2013"))
    assert chosen.name == "WT2013"
    assert {r.pack for r in check(_report(2016, None, framework="wt2013")).rules} >= {"WT13"}


def test_the_command_line_overrides_the_report() -> None:
    """--framework (check's framework=) wins over the report's framework."""
    report = _report(2019, ArrangementKind.SAFEGUARDING_PARTNERSHIP, framework="WT2018")
    result = check(report, framework="WT2023")
    assert result.edition is not None and result.edition.name == "WT2023"
    assert result.edition.reason.startswith("--framework WT2023, overriding")
    packs = {r.pack for r in result.rules if r.framework}
    assert packs == {"WT23"}


def test_an_unknown_framework_runs_no_statutory_pack() -> None:
    """An unknown framework is a QUAL-003 error, and no statutory pack runs."""
    result = check(_report(2019, None, framework="wt2099"))
    assert not [r for r in result.rules if r.framework]
    assert any(f.rule == "QUAL-003" for f in result.findings)


@pytest.mark.parametrize(
    ("year", "kind", "pack"),
    [
        (2015, ArrangementKind.LSCB, "WT15"),
        (2019, ArrangementKind.SAFEGUARDING_PARTNERSHIP, "WT18"),
        (2024, ArrangementKind.SAFEGUARDING_PARTNERSHIP, "WT23"),
        (2019, ArrangementKind.SAFEGUARDING_ADULTS_BOARD, "CA14"),
    ],
)
def test_check_runs_only_the_selected_pack(year: int, kind: ArrangementKind, pack: str) -> None:
    """2015-16 runs WT15, 2019-20 WT18, 2024-25 WT23, an adults board CA14, and no other."""
    result = check(_report(year, kind))
    assert {r.pack for r in result.rules if r.framework} == {pack}
    assert {f.rule.split("-")[0] for f in result.findings if f.rule[:2] in {"WT", "CA"}} == {pack}


# ---------------------------------------------------------------------------------------------
# the complete fictional report of each edition


@pytest.mark.parametrize("edition", sorted(EDITION_REPORTS))
def test_a_complete_report_of_each_edition_passes(edition: str) -> None:
    """Each edition-* corpus report is checked against its edition and gives no finding."""
    report = boardreport.load(EDITION_REPORTS[edition])
    result = check(report)
    assert result.edition is not None and result.edition.name == edition
    assert [f"{f.rule} {f.message}" for f in result.findings] == []
    assert main(["check", str(EDITION_REPORTS[edition]), "--strict"]) == 0


@pytest.mark.parametrize("edition", ["WT2018", "WT2023", "CA2014"])
def test_the_complete_report_fails_another_edition(edition: str) -> None:
    """The same complete WT2015 report checked against a later edition misses its content."""
    report = boardreport.load(EDITION_REPORTS["WT2015"])
    result = check(report, framework=edition)
    assert result.failed()


# ---------------------------------------------------------------------------------------------
# the edition in every output


@pytest.fixture
def partnership_draft(tmp_path: Path) -> Path:
    """The WT2018 report with one duty removed, so every format has a finding to show."""
    source = EDITION_REPORTS["WT2018"]
    target = tmp_path / "ashcombe"
    report = boardreport.load(source)
    boardreport.dump(attrs.evolve(report, recipients=()), target)
    return target


EXPECTED = "period 2019-20, safeguarding partnership: WT2018"


def test_text_names_the_edition(
    partnership_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text output's first line names the report, the edition and why."""
    assert main(["check", str(partnership_draft)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"{partnership_draft}: edition: {EXPECTED}"


def test_json_names_the_edition(
    partnership_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every JSON finding carries the edition its report was checked against, and why."""
    main(["check", str(partnership_draft), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data and {d["edition"] for d in data} == {"WT2018"}
    assert {d["edition_reason"] for d in data} == {"period 2019-20, safeguarding partnership"}


def test_sarif_names_the_edition(
    partnership_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The SARIF run's properties give each report's edition and reason; results carry it."""
    main(["check", str(partnership_draft), "--format", "sarif"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    [entry] = run["properties"]["editions"]
    assert entry["edition"] == "WT2018"
    assert entry["reason"] == "period 2019-20, safeguarding partnership"
    assert {r["properties"]["edition"] for r in run["results"]} == {"WT2018"}


def test_github_names_the_edition_even_when_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """A log line names the edition although the report has no finding at all (a plain line,
    not an annotation: GitHub shows only a few annotations per step)."""
    assert main(["check", str(EDITION_REPORTS["WT2018"]), "--format", "github"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert any(": edition: " in line and line.endswith(EXPECTED) for line in lines)


def test_the_compliance_appendix_names_the_edition() -> None:
    """The rendered appendix lists the edition's rules and says which edition applies and why."""
    report = boardreport.load(EDITION_REPORTS["WT2018"])
    result = check(report)
    text = render_markdown(report, result.findings, evidence=result.evidence, rules=all_rules())
    appendix = text.split("Rule pack: ", 1)[1]
    assert appendix.startswith("Working Together 2018")
    assert f"(edition: {EXPECTED})" in appendix.splitlines()[0]
    listed = set(re.findall(r"\| (WT18-\d{3}) \|", appendix))
    assert listed == {r.id for r in all_rules() if r.pack == "WT18"}
    assert not re.search(r"\| WT13-\d{3} \|", appendix)


def test_build_framework_names_the_override(tmp_path: Path) -> None:
    """build --framework WT2023 renders the WT23 appendix and names the override."""
    out = tmp_path / "out"
    code = main(
        [
            "build",
            str(EDITION_REPORTS["WT2018"]),
            "--out",
            str(out),
            "--format",
            "md",
            "--framework",
            "WT2023",
        ]
    )
    assert code == 0
    text = (out / "report.md").read_text(encoding="utf-8")
    assert 'framework = "WT2023", overriding period 2019-20' in text
    assert "| WT23-001 |" in text and "| WT18-001 |" not in text


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_unknown_framework_option_is_a_usage_error(
    command: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--framework WT2099 exits 2 naming the editions."""
    extra = ["--out", str(tmp_path / "o")] if command == "build" else []
    code = main([command, str(EDITION_REPORTS["WT2018"]), *extra, "--framework", "WT2099"])
    assert code == 2
    assert "WT2013, WT2015, WT2018, WT2023, CA2014" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# the packs as the catalogue has them


CATALOGUE_RULES = {
    **dict.fromkeys(["WT15-001", "WT15-010"], "error"),
    **dict.fromkeys([f"WT15-00{n}" for n in range(2, 9)], "warning"),
    **dict.fromkeys(["WT18-001", "WT18-002", "WT18-013"], "error"),
    **dict.fromkeys(
        ["WT18-003", "WT18-004", "WT18-005", "WT18-006", "WT18-007", "WT18-009", "WT18-011"],
        "warning",
    ),
    "WT18-008": "warning",  # "believed to be must", unconfirmed: a warning until confirmed
    "WT18-010": "info",  # local practice, not a national requirement
    "WT18-012": "warning",
    **dict.fromkeys(["WT23-001", "WT23-004", "WT23-008"], "error"),
    **dict.fromkeys(["WT23-002", "WT23-003", "WT23-005", "WT23-006", "WT23-009"], "warning"),
    **dict.fromkeys([f"CA14-00{n}" for n in range(1, 10)], "error"),
    "CA14-010": "warning",
}
"""The catalogue's rule rows and their severities (a must is an error, a should a warning)."""

CATALOGUE_NOTES = [
    "WT15-009",
    "WT15-011",
    "WT15-012",
    "WT18-014",
    "WT18-015",
    "WT23-007",
    "WT23-010",
    "WT23-011",
    "WT23-012",
    "CA14-011",
]
"""The catalogue's rows that are dates or notes: documented, never checked on a report."""


def test_every_catalogue_row_is_a_rule_or_a_note() -> None:
    """Each rule row is registered with its severity; each note is on the editions page."""
    from boardreport.rules._docs import render_docs

    for rule_id, severity in CATALOGUE_RULES.items():
        assert REGISTRY[rule_id].severity.value == severity, rule_id
    notes = render_docs()["editions.md"]
    for rule_id in CATALOGUE_NOTES:
        assert rule_id not in REGISTRY
        assert f"| {rule_id} |" in notes, rule_id
    catalogue_packs = {"WT15", "WT18", "WT23", "CA14"}
    extra = {r.id for r in all_rules() if r.pack in catalogue_packs and r.id not in CATALOGUE_RULES}
    assert extra == {f"WT15-0{n}" for n in range(13, 19)}, "only the WT13 statute aliases"


def test_unsure_citations_say_so_in_the_rule_doc() -> None:
    """Each rule citing an M source says how sure it is, in its doc and its references."""
    unsure = [r for r in all_rules() if any(c.unsure for c in r.citations)]
    assert {"WT18-007", "WT18-008", "WT23-005", "WT23-006", "WT15-007"} <= {r.id for r in unsure}
    for rule in unsure:
        page = explain(rule.id)
        assert "How sure the citation is: M" in page, rule.id
        assert "confidence M, unconfirmed" in page, rule.id


def test_shared_duties_are_one_implementation() -> None:
    """An edition's shared duty is the same check function, not a copy."""
    same = [
        ("WT15-001", "WT13-002"),
        ("WT15-002", "WT13-001"),
        ("WT15-013", "WT13-009"),
        ("CA14-001", "WT13-001"),
        ("WT18-001", "WT23-001"),
        ("WT18-002", "WT23-004"),
        ("WT18-007", "CA14-010"),
    ]
    for one, other in same:
        assert REGISTRY[one].check is REGISTRY[other].check, (one, other)


def test_every_edition_has_its_pack() -> None:
    """Each edition's framework value selects its pack, and each pack has rules."""
    for edition in EDITIONS:
        assert find_edition(edition.name) is edition
        assert any(r.pack == edition.pack for r in all_rules()), edition.pack


@pytest.mark.parametrize(
    ("month", "expected"),
    [((2020, 9), []), ((2020, 2), ["error"]), ((2021, 6), ["warning"])],
)
def test_a_month_only_publication_date_is_judged_by_the_whole_month(
    month: tuple[int, int], expected: list[str]
) -> None:
    """Published in September 2020 is fine; February 2020 is early; June 2021 is late."""
    report = boardreport.load(EDITION_REPORTS["WT2018"])
    dated = attrs.evolve(report, publication_date=model.Month(year=month[0], month=month[1]))
    found = [f.severity.value for f in check(dated, select=["WT18-001"]).findings]
    assert found == expected
