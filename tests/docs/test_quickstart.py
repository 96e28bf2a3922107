"""docs/quickstart.md works as written: its commands, run verbatim, take a new board to a draft.

The quickstart's one ``console`` block is run step by step in an empty folder (see conftest.py
for how a console block is read). At its ``$ #`` step, where the reader writes the report, the
test fills every placeholder from a prepared answer: tests/fixtures/quickstart/answers/, the
complete part files of a small board, written over the skeleton's files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import boardreport
from boardreport.skeleton import placeholders

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = ROOT / "docs" / "quickstart.md"
ANSWERS = ROOT / "tests" / "fixtures" / "quickstart" / "answers"

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
"""The statutory rules a fresh 2015-16 skeleton (Working Together 2015) fails: every WT15 duty but
the recipients (WT15-003), which the skeleton records, and the end of LSCBs in 2019 (WT15-010)."""

_FINDING = re.compile(r"^(\S+):(\d+): ([A-Z][A-Z0-9]*-\d{3}) (error|warning|info) ", re.MULTILINE)


def _findings(output: str) -> list[tuple[str, int, str, str]]:
    return [(m[0], int(m[1]), m[2], m[3]) for m in _FINDING.findall(output)]


def _run_quickstart(samples: Any, console: Any) -> dict[str, Any]:
    """Run the quickstart's console block; return what each kind of step produced."""
    blocks = samples.fenced(QUICKSTART, "console")
    assert len(blocks) == 1, "the quickstart has its commands in one console block"
    line, body = blocks[0]
    ran: dict[str, Any] = {"checks": [], "filled": False, "page": None}
    for step in samples.console_steps(body, line):
        if step.is_comment:
            folder = console.cwd / ran["folder"]
            shutil.copytree(ANSWERS, folder, dirs_exist_ok=True)
            ran["filled"] = True
            continue
        words = step.words
        if words[:2] == ["boardreport", "serve"]:
            ran["page"] = console.serve(step)
            continue
        result = console.run(step)
        if words[:2] == ["boardreport", "new"]:
            ran["folder"] = words[2]
        elif words[:2] == ["boardreport", "check"]:
            ran["checks"].append(result.stdout)
        elif words[:2] == ["boardreport", "build"]:
            ran["out"] = words[words.index("--out") + 1]
    return ran


def test_quickstart_commands_run_verbatim_from_skeleton_to_draft(
    samples: Any, console: Any
) -> None:
    """new, check (exit 1, the statutory gaps), fill, check (exit 0), build, serve all work."""
    ran = _run_quickstart(samples, console)
    assert ran["filled"], "the block has a `$ #` step where the reader writes the report"
    assert len(ran["checks"]) == 2

    before = _findings(ran["checks"][0])
    statutory = {rule for _, _, rule, _ in before if rule.startswith("WT15-")}
    assert statutory == SKELETON_RULES
    errors = {rule for _, _, rule, severity in before if severity == "error"}
    assert errors and all(rule.startswith("WT15-") for rule in errors)
    folder = console.cwd / ran["folder"]
    for file, number, _, _ in before:
        assert (console.cwd / file).is_file() and number >= 1

    assert _findings(ran["checks"][1]) == []
    assert placeholders(boardreport.load(folder)) == []

    out = console.cwd / ran["out"]
    assert (out / "report.md").read_text(encoding="utf-8").strip()
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Brackenford Safeguarding Children Board" in page
    assert "__version" not in page, "built files never carry the reload script"

    served = ran["page"]
    assert served is not None and "Brackenford Safeguarding Children Board" in served
    assert "__version" in served


def test_rule_table_lists_what_the_skeleton_misses(samples: Any, console: Any) -> None:
    """The quickstart's table of rules names exactly the statutory rules the skeleton fails."""
    text = QUICKSTART.read_text(encoding="utf-8")
    table = text.split("| Rule |", 1)[1].split("\n\n", 1)[0]
    assert set(re.findall(r"^\| (WT15-\d{3}) \|", table, re.MULTILINE)) == SKELETON_RULES


def test_answers_replace_skeleton_files_only() -> None:
    """Every prepared answer is a complete file standing in for one of the skeleton's files."""
    from boardreport.skeleton import skeleton, skeleton_files

    report = boardreport.load(ANSWERS)
    files = skeleton_files(skeleton(board=report.board, area=report.area, period="2015-16"))
    answers = {p.relative_to(ANSWERS).as_posix() for p in ANSWERS.rglob("*.toml")}
    assert answers <= set(files)
    assert "report.toml" in answers
    assert placeholders(report) == []
