"""`boardreport rules`: list, explain, and regenerate or verify docs/rules/."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardreport.cli import main
from boardreport.rules import all_rules, explain

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_rules_lists_every_rule_by_pack(capsys: pytest.CaptureFixture[str]) -> None:
    """The listing names each pack, then each rule with severity, name and citation."""
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("WT13: ")
    for rule in all_rules():
        assert f"{rule.id}" in out
    assert "  WT13-008  error    expenditure" in out
    heads = [line.split(":")[0] for line in out.splitlines() if line and not line[0].isspace()]
    assert heads[:5] == ["WT13", "WT15", "WT18", "WT23", "CA14"]
    assert "  applies to reports checked against WT2018: safeguarding partnership reports" in out
    assert main(["rules", "list", "--select", "SUP"]) == 0
    assert [ln.split()[0] for ln in capsys.readouterr().out.splitlines()[2:]] == [
        "SUP-001",
        "SUP-002",
        "SUP-003",
    ]


def test_rules_explain(capsys: pytest.CaptureFixture[str]) -> None:
    """`rules explain ID` prints the rule's page."""
    assert main(["rules", "explain", "wt13-007"]) == 0
    assert capsys.readouterr().out == explain("WT13-007")
    assert main(["rules", "explain", "NOPE-001"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_rules_docs_writes_and_checks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`rules docs --output DIR` writes the pages; `--check` exits 1 when they are stale."""
    target = tmp_path / "rules"
    assert main(["rules", "docs", "--output", str(target), "--check"]) == 1
    assert "missing" in capsys.readouterr().err
    assert main(["rules", "docs", "--output", str(target)]) == 0
    assert main(["rules", "docs", "--output", str(target), "--check"]) == 0
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in DOCS.iterdir())
    capsys.readouterr()
