"""Cache entries: JSON data under kind and key, read only through the trust policy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from boardreport.cache import CACHE_ENV, Cache, cache_dir, installed_version
from boardreport.cache._files import MAX_ENTRY_BYTES, read_entry

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "report"


@pytest.fixture
def store(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache")


def test_an_entry_is_kept_as_json_and_read_back(store: Cache) -> None:
    assert store.put("kind", ("a", "b"), {"x": [1, "two", None]})
    assert store.get("kind", ("a", "b")) == {"x": [1, "two", None]}
    path = store.path("kind", ("a", "b"))
    assert json.loads(path.read_text(encoding="utf-8"))["value"] == {"x": [1, "two", None]}
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_every_part_of_the_key_and_the_kind_count(store: Cache) -> None:
    store.put("kind", ("a", "b"), "one")
    assert store.get("kind", ("a", "c")) is None
    assert store.get("other", ("a", "b")) is None


@pytest.mark.parametrize(
    "damage",
    [b"", b"{", b"\x80\x04pickle", b'{"format": 1, "kind": "kind", "key": "x", "value": "v"}'],
)
def test_a_damaged_or_misplaced_entry_is_not_there(store: Cache, damage: bytes) -> None:
    """Truncated text, a pickle, or an entry copied from another key are all rejected."""
    store.put("kind", ("a",), "v")
    store.path("kind", ("a",)).write_bytes(damage)
    assert store.get("kind", ("a",)) is None
    assert store.put("kind", ("a",), "again")
    assert store.get("kind", ("a",)) == "again"


def test_an_entry_copied_to_another_key_is_rejected(store: Cache) -> None:
    store.put("kind", ("a",), "for a")
    store.put("kind", ("b",), "for b")
    store.path("kind", ("b",)).write_bytes(store.path("kind", ("a",)).read_bytes())
    assert store.get("kind", ("b",)) is None


def test_links_are_never_followed(store: Cache, tmp_path: Path) -> None:
    """Neither an entry nor a folder below the root may be a symbolic link."""
    store.put("kind", ("a",), "v")
    entry = store.path("kind", ("a",))
    moved = tmp_path / "moved.json"
    entry.rename(moved)
    entry.symlink_to(moved)
    assert store.get("kind", ("a",)) is None
    entry.unlink()
    moved.rename(entry)
    folder = entry.parent
    folder.rename(tmp_path / "folder")
    folder.symlink_to(tmp_path / "folder")
    assert store.get("kind", ("a",)) is None


def test_a_fifo_or_an_oversized_entry_is_not_read(store: Cache) -> None:
    store.put("kind", ("a",), "v")
    entry = store.path("kind", ("a",))
    entry.unlink()
    os.mkfifo(entry, 0o600)
    assert store.get("kind", ("a",)) is None  # returns at once: no blocking open, not regular
    entry.unlink()
    with entry.open("wb") as handle:
        handle.truncate(MAX_ENTRY_BYTES + 1)
    entry.chmod(0o600)
    assert read_entry(store.root, ("kind", entry.parent.name, entry.name)) is None


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    store = Cache(blocker / "cache")
    assert not store.put("kind", ("a",), "v")
    assert store.get("kind", ("a",)) is None


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "a"))
    assert cache_dir() == tmp_path / "a"
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "boardreport"


def test_installed_version_matches_the_package_metadata() -> None:
    assert installed_version("altair", "altair") == metadata.version("altair")
    assert installed_version("vl-convert-python", "vl_convert") == metadata.version(
        "vl-convert-python"
    )


BUILD_AND_REPORT_IMPORTS = """
import sys
from boardreport.cli import main
code = main(["build", sys.argv[1], "--out", sys.argv[2]])
print(code, "altair" in sys.modules, "vl_convert" in sys.modules, "pickle" in sys.modules)
"""


def _build(out: Path, cache: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_REPORT_IMPORTS, str(FIXTURE), str(out)],
        capture_output=True,
        text=True,
        env={CACHE_ENV: str(cache), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_a_rebuild_reads_unchanged_charts_from_the_cache(tmp_path: Path) -> None:
    """The second build imports neither Altair nor vl-convert, and writes the same files."""
    cache = tmp_path / "cache"
    assert _build(tmp_path / "first", cache).startswith("0 True True")
    assert _build(tmp_path / "second", cache).startswith("0 False False")
    for first in sorted((tmp_path / "first").rglob("*")):
        if first.is_file():
            second = tmp_path / "second" / first.relative_to(tmp_path / "first")
            assert second.read_bytes() == first.read_bytes(), first.name
    assert not list(cache.rglob("*.pickle"))
