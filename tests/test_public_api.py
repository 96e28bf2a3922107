"""The public surface: what ``import boardreport`` offers, and that it stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import boardreport
from boardreport import model


def test_all_is_unique_and_importable() -> None:
    """__all__ names each export once and every name exists (ruff RUF022 keeps it sorted)."""
    assert len(set(boardreport.__all__)) == len(boardreport.__all__)
    for name in boardreport.__all__:
        assert hasattr(boardreport, name), name


def test_every_block_type_is_exported() -> None:
    """Every block class a report can hold is importable from the top level."""
    for cls in model.BLOCK_TYPES.values():
        assert getattr(boardreport, cls.__name__) is cls


def test_the_core_functions_are_exported() -> None:
    """load, loads, dump and dumps are the documented entry points."""
    assert {"load", "loads", "dump", "dumps", "Report", "Section", "LoadError"} <= set(
        boardreport.__all__
    )


def test_importing_boardreport_does_not_import_heavy_libraries() -> None:
    """Altair, Jinja2 and markdown-it are imported only by the renderers."""
    code = (
        "import sys, boardreport, boardreport.io, boardreport.model;"
        "heavy = ('altair', 'jinja2', 'markdown_it', 'vl_convert');"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_version_is_a_string() -> None:
    """The installed version is exposed."""
    assert isinstance(boardreport.__version__, str) and boardreport.__version__


def test_help_lists_load_and_dump() -> None:
    """help(boardreport) shows the TOML reader and writer, which are imported on first use."""
    import pydoc

    text = pydoc.render_doc(boardreport, renderer=pydoc.plaintext)
    for name in ("load", "loads", "dump", "dumps"):
        assert f"    {name}(" in text, name


def test_render_is_typed_by_its_format() -> None:
    """render() has overloads: a str for Markdown and HTML, a dict of specs for Vega-Lite."""
    import typing

    from boardreport.render import render

    returns = [typing.get_type_hints(o)["return"] for o in typing.get_overloads(render)]
    assert returns[:2] == [str, dict[str, dict[str, typing.Any]]]


SAMPLE = """\
from typing import Any
from boardreport import Report
from boardreport.render import render

def page(report: Report) -> str:
    html = render(report, "html")
    return html[:15] + render(report, "markdown")

def charts(report: Report) -> dict[str, dict[str, Any]]:
    return render(report, "vega")
"""


def test_documented_render_sample_passes_mypy(tmp_path: Path) -> None:
    """The authoring guide's use of render() type-checks under mypy --strict."""
    api = pytest.importorskip("mypy.api", reason="mypy comes with the lint extra")
    sample = tmp_path / "sample.py"
    sample.write_text(SAMPLE, encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", str(sample)])
    assert status == 0, out + err
