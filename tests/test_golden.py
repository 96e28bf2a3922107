"""The reference report's Markdown, HTML and Vega-Lite, byte for byte, from ``boardreport build``.

The inlined vl-convert script bundle (and its hash in the page's policy) is replaced by a marker
before comparing: it is the installed vl-convert's own text, checked on its own in the cache
tests. Regenerate with ``BOARDREPORT_UPDATE_GOLDEN=1`` when a change to the output is intended.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import re
from pathlib import Path

import pytest
import vl_convert

from boardreport.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden" / "wolverhampton_2014_15"
UPDATE = "BOARDREPORT_UPDATE_GOLDEN"
BUNDLE_MARK = "/* vl-convert script bundle */"
HASH_MARK = "sha256-of-the-vl-convert-bundle"


def _without_bundle(page: str) -> str:
    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]
    digest = base64.b64encode(hashlib.sha256(bundle.encode("utf-8")).digest()).decode("ascii")
    assert page.count(bundle) == 1, "the page does not inline vl-convert's own bundle once"
    assert page.count(f"sha256-{digest}") == 1, "the page's policy does not allow the bundle"
    return page.replace(bundle, BUNDLE_MARK).replace(f"sha256-{digest}", HASH_MARK)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The reference report built with nothing cached, as relative path → compared text."""
    from tests.conftest import REFERENCE

    out = tmp_path_factory.mktemp("golden") / "out"
    assert main(["build", str(REFERENCE), "--out", str(out), "--no-cache"]) == 0
    files = {"report.md": (out / "report.md").read_text(encoding="utf-8")}
    files["index.html"] = _without_bundle((out / "index.html").read_text(encoding="utf-8"))
    for spec in sorted((out / "charts").glob("*.vl.json")):
        files[f"charts/{spec.name}"] = spec.read_text(encoding="utf-8")
    return files


def _compare(built: dict[str, str], names: list[str]) -> None:
    for name in names:
        path = GOLDEN / name
        if os.environ.get(UPDATE) == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(built[name], encoding="utf-8", newline="\n")
        assert path.is_file(), f"no golden file {path}; run the tests with {UPDATE}=1"
        assert built[name] == path.read_text(encoding="utf-8"), f"{name} differs from its golden"


def test_markdown_matches_its_golden(built: dict[str, str]) -> None:
    """report.md is byte-identical to the golden file."""
    _compare(built, ["report.md"])


def test_html_matches_its_golden(built: dict[str, str]) -> None:
    """index.html, apart from vl-convert's own bundle, is byte-identical to the golden file."""
    _compare(built, ["index.html"])


def test_vega_lite_matches_its_golden(built: dict[str, str]) -> None:
    """Every charts/*.vl.json, and no other, is byte-identical to its golden file."""
    names = sorted(name for name in built if name.startswith("charts/"))
    expected = sorted(f"charts/{p.name}" for p in (GOLDEN / "charts").glob("*.vl.json"))
    assert names == expected
    _compare(built, names)


@pytest.mark.parametrize("name", ["report.md", "index.html"])
def test_headings_never_skip_a_level(built: dict[str, str], name: str) -> None:
    """Each heading is at most one level below the one before it (WCAG 1.3.1: a screen
    reader's outline has no gaps), including where a block's heading was dropped because it
    repeated its section's."""
    text = built[name]
    if name.endswith(".md"):
        levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", text, flags=re.MULTILINE)]
    else:
        levels = [int(m.group(1)) for m in re.finditer(r"<h([1-6])\b", text)]
    assert len(levels) > 50
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == []
