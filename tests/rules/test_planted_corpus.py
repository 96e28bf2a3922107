"""Score the checks on the fictional boards with planted errors (tests/corpus/planted-*).

Each board's ANSWERS.toml lists planted errors (rule and data path), placeholders that must
never be a duty's evidence, and control parts that must give no finding at all.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import boardreport
from boardreport.rules import CheckResult, check

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BOARDS = sorted(p for p in CORPUS.glob("planted-*") if (p / "ANSWERS.toml").is_file())


def _under(path: str, prefix: str) -> bool:
    return (
        not prefix or path == prefix or path.startswith((prefix + "/", prefix + ".", prefix + "["))
    )


def _score(board: Path) -> tuple[dict[str, Any], CheckResult]:
    answers = tomllib.loads((board / "ANSWERS.toml").read_text(encoding="utf-8"))
    return answers, check(boardreport.load(board))


def test_there_are_planted_boards() -> None:
    """The corpus holds fictional boards with answer keys."""
    assert len(BOARDS) >= 3


@pytest.mark.parametrize("board", BOARDS, ids=lambda p: p.name)
def test_every_planted_error_is_found_by_its_rule(board: Path) -> None:
    """Each planted error gives an unsuppressed finding of the right rule at its path.

    Where the key says what the finding ``contains`` (a hint, what the report has nearby),
    the message must say it.
    """
    answers, result = _score(board)
    live = [f for f in result.findings if not f.suppressed]
    missed = [
        planted
        for planted in answers["planted"]
        if not any(
            f.rule == planted["rule"]
            and _under(f.path, planted["path"])
            and planted.get("contains", "") in f.message
            for f in live
        )
    ]
    assert missed == []


@pytest.mark.parametrize("board", BOARDS, ids=lambda p: p.name)
def test_control_parts_give_no_finding(board: Path) -> None:
    """Nothing is reported on the parts that are right."""
    answers, result = _score(board)
    noise = [
        (f.rule, f.path, f.message)
        for control in answers.get("control", [])
        for f in result.findings
        if _under(f.path, control["path"])
    ]
    assert noise == []


@pytest.mark.parametrize("board", BOARDS, ids=lambda p: p.name)
def test_no_duty_is_passed_on_placeholder_content(board: Path) -> None:
    """Placeholder content is never recorded as a duty's evidence."""
    answers, result = _score(board)
    passed = [
        (entry["rule"], path)
        for entry in answers.get("placeholder", [])
        for path in result.evidence.get(entry["rule"], ())
        if _under(path, entry["path"])
    ]
    assert passed == []
