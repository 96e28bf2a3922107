"""Every rule has a failing and a passing report in tests/fixtures/rules/<RULE-ID>/.

A fixture's first lines may say what it expects and which rules to run::

    # expect: error=1 warning=2
    # select: SUP-001, CONS-003

Failing fixtures (``fail*.toml``) must give exactly the expected unsuppressed findings of
their rule; passing fixtures (``pass*.toml``) must give none. A ``previous.toml`` beside them is
last year's report, given to the year-on-year rules (pack YOY).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import boardreport
from boardreport import rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
_EXPECT = re.compile(r"^# expect: (.*)$", re.MULTILINE)
_SELECT = re.compile(r"^# select: (.*)$", re.MULTILINE)


def _cases(prefix: str) -> list[Path]:
    return sorted(FIXTURES.glob(f"*/{prefix}*.toml"))


def _run(file: Path) -> tuple[str, list[rules.Finding], str]:
    text = file.read_text(encoding="utf-8")
    rule_id = file.parent.name
    select = _SELECT.search(text)
    report = boardreport.loads(text, name=str(file))
    before = file.parent / "previous.toml"  # last year's report, for the year-on-year rules
    previous = (
        boardreport.loads(before.read_text(encoding="utf-8"), name=str(before))
        if before.exists()
        else None
    )
    result = rules.check(
        report, select=[select.group(1)] if select else [rule_id], previous=previous
    )
    return rule_id, [f for f in result.findings if f.rule == rule_id], text


def test_every_rule_has_a_failing_and_a_passing_fixture() -> None:
    """Adding a rule without fixtures fails here."""
    missing = [
        rule.id
        for rule in rules.all_rules()
        if not list((FIXTURES / rule.id).glob("fail*.toml"))
        or not list((FIXTURES / rule.id).glob("pass*.toml"))
    ]
    assert missing == []


@pytest.mark.parametrize("file", _cases("fail"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_failing_fixture_gives_the_expected_findings(file: Path) -> None:
    """A failing fixture gives exactly the unsuppressed findings its header expects."""
    _, findings, text = _run(file)
    header = _EXPECT.search(text)
    assert header, f"{file} has no '# expect:' line"
    expected = Counter({k: int(v) for k, v in (p.split("=") for p in header.group(1).split())})
    got = Counter(f.severity.value for f in findings if not f.suppressed)
    assert got == expected, [f.message for f in findings]
    assert all(f.message and f.citations for f in findings)


@pytest.mark.parametrize("file", _cases("pass"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_passing_fixture_gives_no_finding(file: Path) -> None:
    """A passing fixture gives no finding of its rule."""
    _, findings, _ = _run(file)
    assert [f.message for f in findings] == []
