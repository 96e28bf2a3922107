"""The Python API: render() picks a renderer by format and returns text or specs, no files."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardreport import model
from boardreport.errors import RenderError
from boardreport.render import FORMATS, render, render_markdown, render_vega

from .support import EVIDENCE, FINDINGS, RULES


def test_markdown_by_either_name(fixture_report: model.Report) -> None:
    """ "md" and "markdown" give the same document as render_markdown."""
    expected = render_markdown(fixture_report, FINDINGS, evidence=EVIDENCE, rules=RULES)
    for name in ("md", "markdown", "Markdown"):
        assert render(fixture_report, name, FINDINGS, evidence=EVIDENCE, rules=RULES) == expected


def test_vega_returns_specs_by_chart_id(fixture_report: model.Report) -> None:
    """ "vega" returns a dict of chart id to Vega-Lite spec."""
    specs = render(fixture_report, "vega")
    assert isinstance(specs, dict) and specs == render_vega(fixture_report)


def test_an_unknown_format_is_a_render_error(fixture_report: model.Report) -> None:
    """The error lists the formats there are."""
    with pytest.raises(RenderError, match="unknown format 'docx'; choose one of html, markdown"):
        render(fixture_report, "docx")
    assert set(FORMATS.values()) == {"markdown", "html", "vega", "pdf"}


def test_the_registered_rules_are_used_by_default(fixture_report: model.Report) -> None:
    """Without rules=, the compliance appendix lists the registered rules of the framework."""
    text = render(fixture_report, "md", evidence={})
    assert isinstance(text, str)
    assert "| WT13-001 |" in text and "| CONS-" not in text


def test_rendering_writes_no_file(
    fixture_report: model.Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering every format leaves the current folder as it was."""
    monkeypatch.chdir(tmp_path)
    for name in ("md", "html", "vega"):
        render(fixture_report, name, rules=RULES)
    assert list(tmp_path.iterdir()) == []
