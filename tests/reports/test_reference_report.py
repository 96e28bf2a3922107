"""The reference report: it loads, passes its checks with reasoned suppressions, renders the
reviewed golden Markdown, and keeps the published figures and sentences."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import boardreport
from boardreport.cli import main
from boardreport.io import load_with_sources
from boardreport.render import render_markdown
from boardreport.rules import Severity, check

from .coverage import (
    context_coverage,
    number_coverage,
    repeated_sentences,
    sentence_coverage,
)

REPORT = Path(__file__).resolve().parents[2] / "reports" / "wolverhampton_2014_15"
GOLDEN = REPORT / "expected" / "report.md"
BODY_START = "#### Chair's Foreword"
"""Where the published text begins: the PDF's contents page before it is page numbers and
run-together headings, layout rather than content (see SOURCES.md)."""


@pytest.fixture(scope="module")
def rendered() -> str:
    """The reference report's Markdown, rendered with its check results."""
    report, sources = load_with_sources(REPORT)
    result = check(report, sources=sources)
    return render_markdown(report, result.findings, evidence=result.evidence)


@pytest.fixture(scope="module")
def source() -> str:
    """The published text, from its first section on."""
    text = (REPORT / "source" / "annual-report.txt").read_text(encoding="utf-8")
    return text[text.index(BODY_START) :]


def test_the_source_text_is_kept_as_provenance() -> None:
    """The published text is in the report folder, so tests never reach outside the repo."""
    text = (REPORT / "source" / "annual-report.txt").read_text(encoding="utf-8")
    assert "WOLVERHAMPTON SAFEGUARDING CHILDREN BOARD" in text
    assert len(text.splitlines()) > 2000


def test_check_passes_with_every_published_inconsistency_suppressed() -> None:
    """`boardreport check` exits 0; every error it finds is suppressed with a reason."""
    assert main(["check", str(REPORT)]) == 0
    report, sources = load_with_sources(REPORT)
    findings = check(report, sources=sources).findings
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert errors, "the published report has known inconsistencies the checks must find"
    assert all(f.suppressed and f.reason.strip() for f in errors)


def test_the_general_checks_find_the_published_inconsistencies() -> None:
    """Without its suppressions the report fails on the errors the published text contains."""
    report = boardreport.load(REPORT)
    bare = check(report.__class__(**{**_fields(report), "suppressions": ()})).findings
    found = {(f.rule, f.path) for f in bare if f.severity is Severity.ERROR}
    assert ("CONS-003", "appendix-2/budget-2014-15.income_total") in found
    assert any(rule == "CONS-006" and "cdop-2014-15" in path for rule, path in found)
    assert any(rule == "CONS-012" and path.startswith("allegations/") for rule, path in found)


def _fields(report: boardreport.Report) -> dict[str, object]:
    import attrs

    return {a.name: getattr(report, a.name) for a in attrs.fields(type(report))}


def test_markdown_matches_the_reviewed_golden_copy(rendered: str) -> None:
    """The rendered Markdown equals expected/report.md (BOARDREPORT_UPDATE_GOLDEN=1 rewrites it)."""
    if os.environ.get("BOARDREPORT_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


def test_every_published_number_survives(rendered: str, source: str) -> None:
    """Every distinct number of the published text is in the Markdown."""
    coverage = number_coverage(source, rendered)
    assert coverage.total > 100
    assert coverage.ratio == 1.0, " ".join(coverage.missing)


def test_at_least_99_percent_of_the_figures_survive_in_context(rendered: str, source: str) -> None:
    """Each published figure follows the same word in the Markdown as in the published text."""
    coverage = context_coverage(source, rendered)
    assert coverage.total > 400
    assert coverage.ratio >= 0.99, " | ".join(coverage.missing)


def test_at_least_97_percent_of_the_sentences_survive(rendered: str, source: str) -> None:
    """The published sentences are in the Markdown word for word; a table's caption, header
    row and rows follow each other as published."""
    coverage = sentence_coverage(source, rendered)
    assert coverage.total > 1000
    assert coverage.ratio >= 0.97, "\n".join(m[:160] for m in coverage.missing)


def test_no_published_sentence_is_rendered_more_often_than_published(
    rendered: str, source: str
) -> None:
    """Typed blocks never repeat the prose beside them: each sentence is printed once (or as
    often as the published report prints it)."""
    # the contents list and the compliance appendix name sections by their headings, by design
    body = re.sub(r"(?m)^ *- \[.*\]\(#r:[^)]*\)\n", "", rendered)
    body = body[: body.index("## Statutory compliance")]
    assert repeated_sentences(source, body) == []


def test_the_repetition_measure_catches_a_repeated_paragraph(source: str) -> None:
    """A paragraph printed twice is found: the check above can fail."""
    paragraph = next(line for line in source.splitlines() if len(line.split()) > 30)
    assert repeated_sentences(source, source + "\n" + paragraph)


def test_coverage_measures_catch_a_dropped_paragraph(source: str) -> None:
    """The coverage measures fall far below their thresholds when half the text is missing."""
    half = source[: len(source) // 2]
    assert sentence_coverage(source, half).ratio < 0.7
    assert context_coverage(source, half).ratio < 0.9
