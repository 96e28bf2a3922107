"""The build cache: unchanged charts are not drawn again, and a damaged entry is made again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boardreport import _cachedir
from boardreport.render import _cache

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "report"

BUILD_AND_REPORT_IMPORTS = """
import sys
from boardreport.cli import main
code = main(["build", sys.argv[1], "--out", sys.argv[2], "--format", "md,html,vega"])
print(code, "altair" in sys.modules, "vl_convert" in sys.modules)
"""


def _build(out: Path, cache: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_REPORT_IMPORTS, str(FIXTURE), str(out)],
        capture_output=True,
        text=True,
        env={"BOARDREPORT_CACHE": str(cache), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_a_rebuild_reads_unchanged_charts_from_the_cache(tmp_path: Path) -> None:
    """The second build imports neither Altair nor vl-convert, and writes the same files."""
    cache = tmp_path / "cache"
    assert _build(tmp_path / "first", cache) == "0 True True"
    assert _build(tmp_path / "second", cache) == "0 False False"
    for first in sorted((tmp_path / "first").rglob("*")):
        if first.is_file():
            second = tmp_path / "second" / first.relative_to(tmp_path / "first")
            assert second.read_bytes() == first.read_bytes(), first.name


def test_a_damaged_entry_is_ignored_and_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry whose checksum does not match is produced again, never returned."""
    monkeypatch.setenv(_cachedir.CACHE_ENV, str(tmp_path))
    assert _cache.cached("kind", ("a", "b"), lambda: "first") == "first"
    (entry,) = (tmp_path / "kind").rglob("*.txt")
    entry.write_text(entry.read_text(encoding="utf-8").replace("first", "evil!"), encoding="utf-8")
    assert _cache.cached("kind", ("a", "b"), lambda: "again") == "again"
    assert _cache.cached("kind", ("a", "b"), lambda: "never") == "again"


def test_different_inputs_have_different_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key covers every part, so a changed chart or table is drawn again."""
    monkeypatch.setenv(_cachedir.CACHE_ENV, str(tmp_path))
    assert _cache.cached("kind", ("a", "b"), lambda: "one") == "one"
    assert _cache.cached("kind", ("a", "c"), lambda: "two") == "two"


def test_installed_version_matches_the_package_metadata() -> None:
    """The fast version lookup agrees with importlib.metadata."""
    from importlib import metadata

    assert _cachedir.installed_version("altair", "altair") == metadata.version("altair")
    assert _cachedir.installed_version("vl-convert-python", "vl_convert") == metadata.version(
        "vl-convert-python"
    )


def test_compiled_templates_come_only_from_a_private_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja2 runs the compiled code it caches, so a folder others may write is not used."""
    monkeypatch.setenv(_cachedir.CACHE_ENV, str(tmp_path / "cache"))
    assert _cache.template_cache("test") is not None
    (tmp_path / "cache" / "jinja" / "test").chmod(0o777)
    assert _cache.template_cache("test") is None
