"""The documentation builds as a site: mkdocs.yml lists every page, and ``mkdocs build --strict``
passes (no missing page, broken link or broken anchor)."""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def _nav_files(entries: list[Any]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found.extend(_nav_files(value))
        else:
            found.append(str(value))
    return found


def test_every_page_is_in_the_nav() -> None:
    """Each Markdown page under docs/ is in the nav, or (one page per rule) declared not_in_nav."""
    config = _config()
    listed = set(_nav_files(config["nav"]))
    patterns = [p.strip() for p in config.get("not_in_nav", "").splitlines() if p.strip()]
    pages = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")]
    unlisted = [
        page
        for page in pages
        if page not in listed and not any(fnmatch.fnmatch(f"/{page}", pat) for pat in patterns)
    ]
    assert unlisted == []
    assert {"quickstart.md", "authoring.md", "cli.md", "rules/index.md"} <= listed


def test_mkdocs_build_strict_passes(tmp_path: Path) -> None:
    """``mkdocs build --strict`` succeeds: every nav page exists and every link resolves."""
    if shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[bench]')")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "quickstart" / "index.html").is_file()
