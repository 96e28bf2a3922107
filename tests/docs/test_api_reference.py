"""The Python API page (docs/api.md) is generated from the docstrings by mkdocstrings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def api_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The built API reference page's HTML."""
    pytest.importorskip("mkdocstrings", reason="mkdocstrings[python] builds the API page")
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return (site / "api" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    [
        "boardreport.io.load",
        "boardreport.io.loads",
        "boardreport.io.dump",
        "boardreport.io.dumps",
        "boardreport.io.find_reports",
        "boardreport.rules.check",
        "boardreport.render.render",
        "boardreport.errors.LoadError",
        "boardreport.model.Report",
    ],
)
def test_public_api_is_documented(api_page: str, name: str) -> None:
    """Each entry point has its own heading on the page."""
    assert f'id="{name}"' in api_page


def test_model_fields_carry_their_docs(api_page: str) -> None:
    """Field docstrings (the format reference's Meanings) appear under their class."""
    from boardreport import model
    from boardreport.schema import field_docs

    assert field_docs(model.Report)["area"] in api_page
