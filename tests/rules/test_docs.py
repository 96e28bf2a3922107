"""Rule documentation: one text for ``rules explain`` and docs/rules/, which must not go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardreport.errors import UnknownRuleError
from boardreport.rules import all_rules, explain, render_docs, stale_docs, write_docs
from boardreport.rules._docs import GENERATED

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_docs_rules_is_up_to_date() -> None:
    """docs/rules/ is exactly what `boardreport rules docs` generates (run it to fix)."""
    assert stale_docs(DOCS) == []


def test_every_page_is_marked_generated_and_matches_explain() -> None:
    """Each page starts with the generated marker and holds the explain text."""
    pages = render_docs()
    packs = {f"pack-{r.pack}.md" for r in all_rules()}
    assert set(pages) == {f"{r.id}.md" for r in all_rules()} | {"index.md", "editions.md"} | packs
    for rule in all_rules():
        assert f"## {rule.id} {rule.name}\n" in pages[f"pack-{rule.pack}.md"]
    for rule in all_rules():
        page = pages[f"{rule.id}.md"]
        assert page.startswith(GENERATED + "\n")
        assert page.endswith(explain(rule.id))
    assert pages["index.md"].startswith(GENERATED)
    for rule in all_rules():
        assert f"[{rule.id}]({rule.id}.md)" in pages["index.md"]


def test_explain_gives_every_part_of_a_rule() -> None:
    """What it checks, why, how to fix, a TOML example and the references with full titles."""
    text = explain("wt13-012")
    assert text.startswith("# WT13-012 serious-case-reviews\n")
    for heading in ("## What it checks", "## Why it matters", "## How to fix", "## Example"):
        assert heading in text
    assert "```toml" in text
    assert "- Severity: error" in text
    assert "Local Safeguarding Children Boards Regulations 2006 (SI 2006/90) reg 5(1)(e)" in text
    assert "Working Together to Safeguard Children (HM Government, March 2013) ch4" in text


def test_explain_unknown_rule_raises() -> None:
    """An unknown id is an error naming it."""
    with pytest.raises(UnknownRuleError, match="WT13-099"):
        explain("WT13-099")


def test_write_docs_replaces_stale_pages_and_keeps_hand_written_ones(tmp_path: Path) -> None:
    """Regenerating fixes stale pages, removes generated pages of gone rules, keeps others."""
    (tmp_path / "WT13-001.md").write_text("old", encoding="utf-8")
    (tmp_path / "WT13-999.md").write_text(GENERATED + "\nold rule", encoding="utf-8")
    (tmp_path / "notes.md").write_text("hand-written", encoding="utf-8")
    problems = stale_docs(tmp_path)
    assert f"out of date {tmp_path / 'WT13-001.md'}" in problems
    assert f"no longer generated {tmp_path / 'WT13-999.md'}" in problems
    assert f"missing {tmp_path / 'index.md'}" in problems
    write_docs(tmp_path)
    assert stale_docs(tmp_path) == []
    assert not (tmp_path / "WT13-999.md").exists()
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "hand-written"
