"""``boardreport new`` and boardreport.skeleton: a skeleton that loads, builds and fails the check.

The skeleton has a section for every duty of its edition's pack, with placeholders where the
board must write; ``boardreport check`` on it lists exactly the statutory content still missing,
and filling the placeholders (tests/fixtures/quickstart/answers/) makes it pass. The skeletons
are package data written through ``io.dump``; each edition has its own (``--framework``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tomllib
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

import boardreport
from boardreport import model
from boardreport.cli import main
from boardreport.io import load_with_sources
from boardreport.model import ExpenditureCategory, MemberRole, RecipientRole, StatutoryPartner
from boardreport.rules import Severity, check
from boardreport.schema import part_schema, report_schema
from boardreport.skeleton import (
    parse_period,
    placeholders,
    skeleton,
    skeleton_files,
    write_skeleton,
)

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "tests" / "fixtures" / "quickstart" / "answers"
BOARD = "Brackenford Safeguarding Children Board"
ARGS = ["--board", BOARD, "--area", "Brackenford", "--period", "2015-16"]

SKELETON_RULES = {
    "WT15-001",
    "WT15-002",
    "WT15-004",
    "WT15-005",
    "WT15-006",
    "WT15-007",
    "WT15-008",
    "WT15-013",
    "WT15-014",
    "WT15-015",
    "WT15-016",
    "WT15-017",
    "WT15-018",
}
"""Every WT15 duty of a 2015-16 LSCB but the recipients (WT15-003), which the guidance fixes and
the skeleton records, and the end of LSCBs (WT15-010), which a 2015-16 report is far from."""

FILLS = {
    "WT15-002": ["report.toml"],
    "WT15-001": ["report.toml", "parts/01-chair-foreword.toml"],
    "WT15-004": ["parts/04-effectiveness.toml"],
    "WT15-005": ["parts/13-challenges.toml"],
    "WT15-006": ["parts/08-case-reviews.toml", "parts/09-quality-assurance.toml"],
    "WT15-007": [
        "parts/15-appendix-budget.toml",
        "parts/05-the-board.toml",
        "parts/agencies/05-return-nhs-england.toml",
    ],
    "WT15-008": ["parts/15-appendix-budget.toml"],
    "WT15-013": ["parts/05-the-board.toml"],
    "WT15-014": ["parts/05-the-board.toml"],
    "WT15-015": ["parts/07-child-death-reviews.toml"],
    "WT15-016": ["parts/08-case-reviews.toml"],
    "WT15-017": [
        "parts/05-the-board.toml",
        "parts/09-quality-assurance.toml",
        "parts/11-policies-and-procedures.toml",
        "parts/12-communication.toml",
    ],
    "WT15-018": ["parts/10-learning-and-development.toml"],
}
"""For each rule the skeleton fails, the answer files that write the missing content.

WT15-006 takes the lessons of the case reviews and of the multi-agency audit; WT15-007 needs the
contributions and the spending, the membership (whose prison seat becomes "not applicable") and
NHS England's return (which explains why it made no contribution)."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A freshly written skeleton of the Brackenford board for 2015-16."""
    target = tmp_path / "brackenford"
    assert main(["new", str(target), *ARGS]) == 0
    return target


def _report_files(folder: Path) -> list[Path]:
    """The report's TOML files: every .toml but the editor's own .taplo.toml."""
    return sorted(f for f in folder.rglob("*.toml") if f.name != ".taplo.toml")


def _jsonable(value: object) -> object:
    """TOML values as an editor's schema validator sees them (dates as text)."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------------------------------------
# the period


@pytest.mark.parametrize("text", ["2015-16", "2015/16", " 2015-16 "])
def test_period_is_one_financial_year(text: str) -> None:
    """2015-16 and 2015/16 both mean 1 April 2015 to 31 March 2016."""
    assert parse_period(text) == (dt.date(2015, 4, 1), dt.date(2016, 3, 31))


def test_period_across_a_century() -> None:
    """1999-00 is the year from 1 April 1999."""
    assert parse_period("1999-00") == (dt.date(1999, 4, 1), dt.date(2000, 3, 31))


@pytest.mark.parametrize("text", ["2015-17", "2015", "2015-2016", "15-16", "", "2015–16", "x"])
def test_other_periods_are_rejected(text: str) -> None:
    """Anything but YYYY-YY or YYYY/YY of consecutive years is refused."""
    with pytest.raises(ValueError, match="financial year"):
        parse_period(text)


def test_bad_period_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--period 2015-2016`` exits 2 naming the expected form; nothing is written."""
    target = tmp_path / "report"
    with pytest.raises(SystemExit) as raised:
        main(["new", str(target), "--board", BOARD, "--area", "B", "--period", "2015-2016"])
    assert raised.value.code == 2
    assert "such as 2015-16 or 2015/16" in capsys.readouterr().err
    assert not target.exists()


def test_blank_board_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A blank --board is refused with exit 2."""
    with pytest.raises(SystemExit) as raised:
        main(["new", str(tmp_path / "r"), "--board", " ", "--area", "B", "--period", "2015-16"])
    assert raised.value.code == 2
    assert "--board" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# the files


def test_skeleton_loads_with_the_period_and_names(folder: Path) -> None:
    """The new report loads, for the board and area given, over the financial year given."""
    report = boardreport.load(folder)
    assert report.board == BOARD and report.area == "Brackenford"
    assert (report.period_start, report.period_end) == (dt.date(2015, 4, 1), dt.date(2016, 3, 31))
    assert report.title == f"{BOARD} Annual Report 2015-16"
    assert report.framework == "", "the period selects the edition, so none is written"
    assert report.arrangement is not None
    assert report.arrangement.kind is model.ArrangementKind.LSCB


def test_every_toml_file_names_its_schema(folder: Path) -> None:
    """Each TOML file starts with ``#:schema`` and a relative path to the right schema file."""
    tomls = _report_files(folder)
    assert len(tomls) == 27
    for file in tomls:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"#:schema (\S+)", first)
        assert match, file
        target = (file.parent / match.group(1)).resolve()
        expected = "report.schema.json" if file.name == "report.toml" else "part.schema.json"
        assert target == (folder / expected).resolve(), file
    assert (folder / "report.toml").read_text().startswith("#:schema ./report.schema.json\n")
    assert (
        (folder / "parts/01-chair-foreword.toml")
        .read_text()
        .startswith("#:schema ../part.schema.json\n")
    )


def test_schema_files_are_the_models_schemas(folder: Path) -> None:
    """report.schema.json and part.schema.json are boardreport.schema's, as JSON."""
    assert json.loads((folder / "report.schema.json").read_text()) == report_schema()
    assert json.loads((folder / "part.schema.json").read_text()) == part_schema()


def test_every_file_is_valid_under_its_schema(folder: Path) -> None:
    """What an editor validates against the named schema, it accepts (no false alarms)."""
    for file in _report_files(folder):
        text = file.read_text(encoding="utf-8")
        schema_path = (file.parent / text.splitlines()[0].split(" ", 1)[1]).resolve()
        schema = json.loads(schema_path.read_text())
        data = _jsonable(tomllib.loads(text, parse_float=Decimal))
        jsonschema.validate(data, schema)


def test_commented_examples_load(folder: Path, tmp_path: Path) -> None:
    """The examples at the end of some files, uncommented, are valid blocks of that file."""
    marker = "# Example, to copy above and adapt:"
    seen = 0
    for file in sorted(folder.rglob("*.toml")):
        text = file.read_text(encoding="utf-8")
        if marker not in text:
            continue
        seen += 1
        example = "\n".join(
            line.removeprefix("#").removeprefix(" ")
            for line in text.split(marker, 1)[1].splitlines()
        )
        probe = tmp_path / f"probe-{file.stem}"
        probe.mkdir()
        (probe / "part.toml").write_text(f'id = "example"\ntitle = "Example"\n{example}')
        (probe / "report.toml").write_text(
            'board = "B"\narea = "A"\ntitle = "T"\nperiod_start = 2015-04-01\n'
            'period_end = 2016-03-31\nparts = ["part.toml"]\n'
        )
        loaded = boardreport.load(probe)
        assert loaded.sections[0].blocks, file
    assert seen >= 4


def test_skeleton_files_cover_sections_and_returns() -> None:
    """One part file per section, one return file per statutory partner, and two schemas."""
    report = skeleton(board=BOARD, area="Brackenford", period="2015-16")
    files = skeleton_files(report)
    parts = [name for name in files if name.startswith("parts/") and "/agencies/" not in name]
    returns = [name for name in files if "/agencies/" in name]
    assert len(parts) == len(report.sections)
    assert len(returns) == len(StatutoryPartner)
    assert {"report.toml", "report.schema.json", "part.schema.json"} <= set(files)


# ---------------------------------------------------------------------------------------------
# never overwriting


def test_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing, non-empty folder is refused with exit 2, and nothing in it changes."""
    target = tmp_path / "report"
    target.mkdir()
    (target / "report.toml").write_text("# my report\n")
    assert main(["new", str(target), *ARGS]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (target / "report.toml").read_text() == "# my report\n"
    assert sorted(p.name for p in target.iterdir()) == ["report.toml"]


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    """An existing empty folder is fine."""
    target = tmp_path / "report"
    target.mkdir()
    assert main(["new", str(target), *ARGS]) == 0
    assert (target / "report.toml").is_file()


def test_force_writes_the_skeleton_but_deletes_nothing(tmp_path: Path) -> None:
    """With --force, the skeleton's files replace theirs; every other file stays as it was."""
    target = tmp_path / "report"
    (target / "parts").mkdir(parents=True)
    (target / "report.toml").write_text("# old\n")
    (target / "notes.txt").write_text("keep me\n")
    (target / "parts" / "99-mine.toml").write_text("# mine\n")
    assert main(["new", str(target), *ARGS, "--force"]) == 0
    assert (target / "notes.txt").read_text() == "keep me\n"
    assert (target / "parts" / "99-mine.toml").read_text() == "# mine\n"
    assert boardreport.load(target).board == BOARD
    assert not list(target.rglob("*.tmp")), "atomic writes leave no temporary files"


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    """DIR naming a file is refused even with force."""
    target = tmp_path / "report"
    target.write_text("x")
    with pytest.raises(boardreport.DumpError):
        write_skeleton(target, board=BOARD, area="B", period="2015-16", force=True)
    assert target.read_text() == "x"


# ---------------------------------------------------------------------------------------------
# the content


def test_skeleton_has_every_statutory_component() -> None:
    """Partners, lay members, recipients, budget categories and returns are all there."""
    report = skeleton(board=BOARD, area="Brackenford", period="2015/16")
    assert {r.role for r in report.recipients} == {
        RecipientRole.CHIEF_EXECUTIVE,
        RecipientRole.LEADER_OF_THE_COUNCIL,
        RecipientRole.POLICE_AND_CRIME_COMMISSIONER,
        RecipientRole.HEALTH_AND_WELLBEING_BOARD_CHAIR,
    }
    (membership,) = [loc.item for loc in model.iter_blocks(report, model.Membership)]
    assert {m.partner for m in membership.members if m.partner} == set(StatutoryPartner)
    assert sum(m.role is MemberRole.LAY_MEMBER for m in membership.members) == 2
    (budget,) = [loc.item for loc in model.iter_blocks(report, model.Budget)]
    assert {line.partner for line in budget.income} == set(StatutoryPartner)
    assert {
        ExpenditureCategory.CHILD_DEATH_REVIEW,
        ExpenditureCategory.SERIOUS_CASE_REVIEW,
        ExpenditureCategory.TRAINING,
    } <= {line.category for line in budget.expenditure}
    returns = [loc.item for loc in model.iter_blocks(report, model.AgencyReturn)]
    assert {r.partner for r in returns} == set(StatutoryPartner)
    assert list(model.iter_blocks(report, model.Glossary))
    assert list(model.iter_blocks(report, model.Attendance))
    assert len(list(model.iter_blocks(report, model.KPI))) >= 3
    met = {req for loc in model.iter_sections(report) for req in loc.item.meets}
    lscb = {
        model.Requirement.CHAIR_STATEMENT,
        model.Requirement.EFFECTIVENESS_ASSESSMENT,
        model.Requirement.LESSONS_FROM_REVIEWS,
        model.Requirement.CHILD_DEATH_REVIEWS,
        model.Requirement.SERIOUS_CASE_REVIEWS,
        model.Requirement.POLICIES_AND_PROCEDURES,
        model.Requirement.COMMUNICATION,
        model.Requirement.MONITORING_EFFECTIVENESS,
        model.Requirement.PLANNING_SERVICES,
        model.Requirement.TRAINING_EVALUATION,
        model.Requirement.WEAKNESSES,
    }
    assert met == lscb


def test_placeholders_say_what_to_write() -> None:
    """Every placeholder block's prompt and every text still to write starts with "TODO:"."""
    report = skeleton(board=BOARD, area="Brackenford", period="2015-16")
    found = placeholders(report)
    assert "chair.name" in found
    assert len(found) > 100
    for located in model.iter_blocks(report, model.Placeholder):
        assert located.item.prompt.startswith("TODO: ")


def test_check_fails_with_exactly_the_statutory_gaps(folder: Path) -> None:
    """check exits 1; its statutory findings are the skeleton's gaps, each with file and line."""
    report, sources = load_with_sources(folder)
    result = check(report, sources=sources)
    assert result.failed()
    statutory = [f for f in result.findings if f.rule.startswith("WT15-")]
    assert {f.rule for f in statutory} == SKELETON_RULES
    others = [f for f in result.findings if not f.rule.startswith("WT15-")]
    assert all(f.severity is not Severity.ERROR for f in others)
    assert {f.rule for f in others} <= {"QUAL-004", "QUAL-005"}
    for finding in statutory:
        assert finding.file and finding.line, finding
    assert main(["check", str(folder)]) == 1


def test_skeleton_builds(folder: Path, tmp_path: Path) -> None:
    """The skeleton renders at once, as a draft: build writes Markdown and HTML, marks them
    as drafts and exits 1, as its errors are unresolved."""
    out = tmp_path / "draft"
    assert main(["build", str(folder), "--out", str(out), "--format", "md,html"]) == 1
    assert "Draft: not for publication." in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "report.md").read_text(encoding="utf-8").startswith("> **Draft:")
    assert "TODO" not in (out / "report.md").read_text(encoding="utf-8").split("\n", 1)[0]
    assert BOARD in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", sorted(FILLS))
def test_filling_a_duty_clears_its_rule(folder: Path, rule: str) -> None:
    """Writing the content a rule asks for clears that rule, and only the rules it covers."""
    copied = set(FILLS[rule])
    for name in copied:
        shutil.copyfile(ANSWERS / name, folder / name)
    report, sources = load_with_sources(folder)
    remaining = {f.rule for f in check(report, sources=sources).findings}
    cleared = SKELETON_RULES - remaining
    assert {other for other, files in FILLS.items() if set(files) <= copied} <= cleared
    assert cleared <= {other for other, files in FILLS.items() if set(files) & copied}


def test_filling_every_placeholder_passes(folder: Path) -> None:
    """With every placeholder written, check finds nothing at all and exits 0."""
    shutil.copytree(ANSWERS, folder, dirs_exist_ok=True)
    report = boardreport.load(folder)
    assert placeholders(report) == []
    assert check(report).findings == ()
    assert main(["check", str(folder), "--strict"]) == 0


# ---------------------------------------------------------------------------------------------
# every edition


EDITIONS = {
    "WT2013": ("WT13", "2014-15"),
    "WT2015": ("WT15", "2015-16"),
    "WT2018": ("WT18", "2019-20"),
    "WT2023": ("WT23", "2024-25"),
    "CA2014": ("CA14", "2019-20"),
}


@pytest.mark.parametrize("framework", sorted(EDITIONS))
def test_new_for_each_edition_then_check_lists_its_missing_content(
    framework: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`new --framework X` writes X's skeleton; check applies X and most of its rules fire."""
    pack, period = EDITIONS[framework]
    target = tmp_path / "report"
    args = ["--board", "Brackenford Board", "--area", "Brackenford", "--period", period]
    assert main(["new", str(target), *args, "--framework", framework]) == 0
    assert f"({framework})" in capsys.readouterr().out.splitlines()[0]
    report, sources = load_with_sources(target)
    result = check(report, sources=sources)
    assert result.edition is not None and result.edition.name == framework
    pack_rules = {r.id for r in result.rules if r.pack == pack}
    fired = {f.rule for f in result.findings if f.rule in pack_rules}
    assert len(fired) >= 0.8 * len(pack_rules), sorted(pack_rules - fired)
    assert not {f.rule for f in result.findings if f.rule[:2] in {"WT", "CA"}} - pack_rules
    assert result.failed()
    assert all(f.file and f.line for f in result.findings if f.rule in pack_rules)
    assert main(["check", str(target)]) == 1
    capsys.readouterr()


def test_the_period_alone_chooses_the_edition(tmp_path: Path) -> None:
    """Without --framework, 2015-16 gives an LSCB's WT2015 skeleton, 2019-20 a WT2018 one."""
    for period, edition in (("2015-16", "WT2015"), ("2019-20", "WT2018"), ("2024-25", "WT2023")):
        report = skeleton(board=BOARD, area="B", period=period)
        assert report.framework == ""
        assert check(report).edition.name == edition  # type: ignore[union-attr]


def test_framework_is_written_only_when_the_period_would_choose_another(tmp_path: Path) -> None:
    """WT2023 for a 2019-20 period says so in report.toml; the rest follows from the period."""
    report = skeleton(board=BOARD, area="B", period="2019-20", framework="WT2023")
    assert report.framework == "WT2023"
    target = tmp_path / "r"
    write_skeleton(target, board=BOARD, area="B", period="2019-20", framework="WT2023")
    assert 'framework = "WT2023"' in (target / "report.toml").read_text(encoding="utf-8")
    assert boardreport.load(target) == report


def test_an_unknown_framework_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--framework WT2099 exits 2 naming the editions; nothing is written."""
    target = tmp_path / "r"
    with pytest.raises(SystemExit) as raised:
        main(["new", str(target), *ARGS, "--framework", "WT2099"])
    assert raised.value.code == 2
    assert "WT2013, WT2015, WT2018, WT2023, CA2014" in capsys.readouterr().err
    assert not target.exists()


def test_the_partnership_skeleton_has_every_part_of_the_yearly_report() -> None:
    """Lead partners, agencies, scrutiny, practice and rapid reviews, voice, impact, progress."""
    report = skeleton(board=BOARD, area="B", period="2024-25", framework="WT2023")
    arrangement = report.arrangement
    assert arrangement is not None
    assert arrangement.kind is model.ArrangementKind.SAFEGUARDING_PARTNERSHIP
    assert {p.body for p in arrangement.partners} == {
        model.PartnerBody.LOCAL_AUTHORITY,
        model.PartnerBody.POLICE,
        model.PartnerBody.INTEGRATED_CARE_BOARD,
    }
    assert all(p.lead.startswith("TODO") for p in arrangement.partners)
    assert arrangement.relevant_agencies and arrangement.education
    assert arrangement.scrutiny is not None and arrangement.scrutiny.contribution
    kinds = {loc.item.kind for loc in model.iter_blocks(report, model.Review)}
    assert kinds == {
        model.ReviewKind.CHILD_SAFEGUARDING_PRACTICE_REVIEW,
        model.ReviewKind.RAPID_REVIEW,
    }
    met = {req for loc in model.iter_sections(report) for req in loc.item.meets}
    assert {
        model.Requirement.ACTIVITY,
        model.Requirement.EFFECTIVENESS_ASSESSMENT,
        model.Requirement.IMPACT_EVIDENCE,
        model.Requirement.LITTLE_OR_NO_PROGRESS,
        model.Requirement.PRACTICE_REVIEW_ACTIONS,
        model.Requirement.FEEDBACK_FROM_CHILDREN_AND_FAMILIES,
        model.Requirement.INDEPENDENT_SCRUTINY,
    } <= met


def test_a_2019_partnership_skeleton_names_a_clinical_commissioning_group() -> None:
    """Before integrated care boards (July 2022), the health partner is a CCG."""
    report = skeleton(board=BOARD, area="B", period="2019-20", framework="WT2018")
    assert report.arrangement is not None
    bodies = {p.body for p in report.arrangement.partners}
    assert model.PartnerBody.CLINICAL_COMMISSIONING_GROUP in bodies
    assert model.PartnerBody.INTEGRATED_CARE_BOARD not in bodies


def test_the_adults_board_skeleton_has_every_item_of_the_care_act() -> None:
    """Strategy, what each member did, reviews concluded and ongoing, findings not implemented."""
    report = skeleton(board=BOARD, area="B", period="2019-20", framework="CA2014")
    assert report.arrangement is not None
    assert report.arrangement.kind is model.ArrangementKind.SAFEGUARDING_ADULTS_BOARD
    assert all(p.activity.startswith("TODO") for p in report.arrangement.partners)
    assert {r.role for r in report.recipients} == {
        RecipientRole.CHIEF_EXECUTIVE,
        RecipientRole.LEADER_OF_THE_COUNCIL,
        RecipientRole.POLICE_AND_CRIME_COMMISSIONER,
        RecipientRole.LOCAL_HEALTHWATCH,
        RecipientRole.HEALTH_AND_WELLBEING_BOARD_CHAIR,
    }
    met = {req for loc in model.iter_sections(report) for req in loc.item.meets}
    assert {
        model.Requirement.ACTIVITY,
        model.Requirement.STRATEGY,
        model.Requirement.SAFEGUARDING_ADULTS_REVIEWS_ONGOING,
        model.Requirement.FINDINGS_NOT_IMPLEMENTED,
    } <= met
    reviews = [loc.item for loc in model.iter_blocks(report, model.Review)]
    assert [r.kind for r in reviews] == [model.ReviewKind.SAFEGUARDING_ADULTS_REVIEW]


@pytest.mark.parametrize("framework", sorted(EDITIONS))
def test_every_edition_skeleton_is_package_data_that_loads(framework: str) -> None:
    """The files written load back to the skeleton, and every TOML file names its schema."""
    _, period = EDITIONS[framework]
    report = skeleton(board='A "quoted" board', area="B", period=period, framework=framework)
    files = skeleton_files(report)
    for name, text in files.items():
        if name.endswith(".toml"):
            assert text.startswith("#:schema "), name
            assert "${" not in text, f"{name} keeps a template token"
    assert 'board = "A \\"quoted\\" board"' in files["report.toml"]


def test_the_skeleton_is_written_through_io_dump(tmp_path: Path) -> None:
    """What write_skeleton writes is io.dump's text of the report, with comments around it."""
    target = tmp_path / "r"
    write_skeleton(target, board=BOARD, area="B", period="2019-20", framework="WT2018")
    report = boardreport.load(target)
    plain = tmp_path / "plain"
    boardreport.dump(report, plain)
    ours = (target / "parts" / "03-what-we-did.toml").read_text(encoding="utf-8")
    theirs = (plain / "parts" / "03-what-we-did.toml").read_text(encoding="utf-8")
    data = "".join(line + "\n" for line in ours.splitlines() if not line.startswith("#"))
    assert data.strip() == theirs.strip()


def test_new_writes_an_editor_config_naming_both_schemas(folder: Path) -> None:
    """.taplo.toml maps report.toml and the part files to the schemas beside report.toml."""
    config = tomllib.loads((folder / ".taplo.toml").read_text(encoding="utf-8"))
    rules = {tuple(rule["include"]): rule["schema"]["path"] for rule in config["rule"]}
    assert rules == {
        ("report.toml",): "./report.schema.json",
        ("parts/**/*.toml",): "./part.schema.json",
    }
    for path in rules.values():
        assert (folder / path).is_file()
