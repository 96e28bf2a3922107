"""Loading report folders: parts, and one located error per kind of bad input."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import boardreport
from boardreport.errors import LoadError, Problem
from boardreport.io import load_with_sources

ROOT = """\
board = "Testshire Safeguarding Children Board"
area = "Testshire"
title = "Annual Report 2014-15"
period_start = 2014-04-01
period_end = 2015-03-31
parts = ["parts/budget.toml"]

[chair]
name = "A. Chair"
independent = true
"""

PART = """\
id = "budget"
title = "Income and expenditure"

[[blocks]]
type = "budget"
id = "budget-2014-15"
period = "2014-15"
income = [
  { contributor = "Police", amount = 14770 },
  { contributor = "Council", amount = 100.50, kind = "one_off" },
]
expenditure = [{ item = "Chair", amount = 15000, category = "independent_chair" }]
"""


def write_report(folder: Path, root: str = ROOT, part: str = PART) -> Path:
    """Write a two-file report into ``folder`` and return the folder."""
    (folder / "parts").mkdir(parents=True, exist_ok=True)
    (folder / "report.toml").write_text(root, encoding="utf-8")
    (folder / "parts" / "budget.toml").write_text(part, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list[Problem]:
    """Load ``folder`` expecting failure; return the problems."""
    with pytest.raises(LoadError) as caught:
        boardreport.load(folder)
    return caught.value.problems


def only(problems: list[Problem]) -> Problem:
    """Return the single problem, failing when there are more or none."""
    assert len(problems) == 1, problems
    return problems[0]


def test_a_valid_folder_loads_with_its_parts(tmp_path: Path) -> None:
    """The root file and its part file become one Report with exact decimals."""
    report = boardreport.load(write_report(tmp_path))
    budget = report.sections[0].blocks[0]
    assert isinstance(budget, boardreport.Budget)
    assert budget.income[1].amount == Decimal("100.50")
    assert isinstance(budget.income[1].amount, Decimal)
    assert report.chair is not None and report.chair.independent


def test_the_source_map_locates_a_field_in_its_part_file(tmp_path: Path) -> None:
    """A stable path resolves to the part file and the line of the value."""
    _, sources = load_with_sources(write_report(tmp_path))
    file, line = sources.locate("budget/budget-2014-15.income[1].amount")
    assert file is not None and file.name == "budget.toml"
    assert line == 10
    root_file, root_line = sources.locate("chair.name")
    assert root_file is not None and root_file.name == "report.toml"
    assert root_line == 9


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    """A syntax error names the file, the line and the column."""
    problem = only(
        problems_of(write_report(tmp_path, part=PART.replace('title = "Income', "title = Income")))
    )
    assert problem.file is not None and problem.file.name == "budget.toml"
    assert problem.line == 2
    assert "TOML syntax error" in problem.message and "column" in problem.message


def test_wrong_type_names_the_data_path(tmp_path: Path) -> None:
    """Text where a number belongs names the path, the line and what was expected."""
    problem = only(problems_of(write_report(tmp_path, part=PART.replace("14770", '"14,770"'))))
    assert problem.path == "blocks[0].income[0].amount"
    assert problem.line == 9
    assert "expected a number" in problem.message and "'14,770'" in problem.message


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    """A misspelt key is rejected with a suggestion (and the real key is then missing)."""
    problems = problems_of(write_report(tmp_path, root=ROOT.replace("title =", "titel =")))
    problem, missing = sorted(problems, key=lambda p: p.path)
    assert missing.path == "title" and "missing required key 'title'" in missing.message
    assert problem.path == "titel"
    assert problem.file is not None and problem.file.name == "report.toml"
    assert problem.line == 3
    assert "unknown key 'titel'; did you mean 'title'?" in problem.message


def test_missing_required_field_is_named(tmp_path: Path) -> None:
    """A missing required key names the key and its table."""
    part = PART.replace('{ item = "Chair", ', "{ ")
    problem = only(problems_of(write_report(tmp_path, part=part)))
    assert problem.path == "blocks[0].expenditure[0].item"
    assert problem.line == 12
    assert "missing required key 'item'" in problem.message


def test_bad_enum_value_lists_the_allowed_values(tmp_path: Path) -> None:
    """An unknown enum value gets a suggestion and the allowed values."""
    problem = only(problems_of(write_report(tmp_path, part=PART.replace('"one_off"', '"one-off"'))))
    assert problem.path == "blocks[0].income[1].kind"
    assert "did you mean 'one_off'?" in problem.message
    assert "carried_forward" in problem.message


def test_bad_date_explains_toml_dates(tmp_path: Path) -> None:
    """A date written as text is explained, with the line."""
    problem = only(
        problems_of(write_report(tmp_path, root=ROOT.replace("2015-03-31", '"31/03/2015"')))
    )
    assert problem.path == "period_end"
    assert problem.line == 5
    assert "expected a date" in problem.message and "without quotes" in problem.message


def test_missing_part_file_is_named_where_it_is_listed(tmp_path: Path) -> None:
    """A part that does not exist is reported at the root file's parts entry."""
    folder = write_report(
        tmp_path, root=ROOT.replace('"parts/budget.toml"', '"parts/budget.toml", "parts/gone.toml"')
    )
    problem = only(problems_of(folder))
    assert problem.path == "parts[1]"
    assert problem.file is not None and problem.file.name == "report.toml"
    assert problem.line == 6
    assert "file not found" in problem.message and "gone.toml" in problem.message


def test_unknown_block_type_is_suggested(tmp_path: Path) -> None:
    """A misspelt block type gets a suggestion."""
    problem = only(
        problems_of(write_report(tmp_path, part=PART.replace('"budget"\nid', '"budgett"\nid')))
    )
    assert problem.path == "blocks[0]"
    assert "unknown block type 'budgett'; did you mean 'budget'?" in problem.message


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    """Problems in the root file and a part file are all reported together."""
    folder = write_report(
        tmp_path,
        root=ROOT.replace("title =", "titel ="),
        part=PART.replace("14770", "true").replace("15000", '"lots"'),
    )
    paths = sorted(p.path for p in problems_of(folder))
    assert paths == [
        "blocks[0].expenditure[0].amount",
        "blocks[0].income[0].amount",
        "titel",
        "title",
    ]


def test_invalid_id_is_reported_with_its_path(tmp_path: Path) -> None:
    """A model validator (ids must be lower-case) becomes a located problem."""
    problem = only(
        problems_of(write_report(tmp_path, part=PART.replace('id = "budget"', 'id = "Budget"')))
    )
    assert problem.path == "id"
    assert problem.line == 1
    assert "lower-case" in problem.message


def test_loads_rejects_parts_and_reads_one_document() -> None:
    """loads() reads a single document and refuses part files, which need a folder."""
    with pytest.raises(LoadError, match="needs a report folder"):
        boardreport.loads(ROOT)
    report = boardreport.loads(ROOT.replace('parts = ["parts/budget.toml"]\n', ""))
    assert report.area == "Testshire"


def test_missing_report_folder_is_a_load_error(tmp_path: Path) -> None:
    """Pointing at a folder without report.toml is a located load error."""
    problem = only(problems_of(tmp_path))
    assert "no report.toml" in problem.message


def test_a_missing_number_says_a_number_is_expected(tmp_path: Path) -> None:
    """A missing KPI value is described as a number, not as a Python type."""
    part = 'id = "context"\ntitle = "Context"\n\n[[blocks]]\ntype = "kpi"\nlabel = "Children"\n'
    problem = only(problems_of(write_report(tmp_path, part=part)))
    assert problem.path == "blocks[0].value"
    assert problem.message == "missing required key 'value' (a number)"
