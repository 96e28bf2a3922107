"""Reusing a load: only with every file read unchanged, never a failed load or a foreign file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boardreport import model
from boardreport.cache import Cache
from boardreport.errors import LoadError
from boardreport.io import _load, _reuse, load_reusing, load_with_sources

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache")


@pytest.fixture
def report(tmp_path: Path, reference_report_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the reference report, loaded from its parent folder as a user would."""
    shutil.copytree(reference_report_path, tmp_path / "work" / "report")
    monkeypatch.chdir(tmp_path / "work")
    return Path("report")


def _entries(cache: Cache) -> list[Path]:
    return sorted((cache.root / _reuse.KIND).glob("*/*.json"))


def _forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: object) -> None:
        raise AssertionError("the report was parsed again")

    monkeypatch.setattr(_load, "load_with_sources", fail)


def test_unchanged_report_is_reused_equal(
    cache: Cache, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second load parses nothing and gives the same report and the same lines."""
    first, first_sources = load_reusing(report, cache=cache)
    assert len(_entries(cache)) == 1
    _forbid_loading(monkeypatch)
    again, sources = load_reusing(report, cache=cache)
    assert again == first
    assert sources.anchors == first_sources.anchors
    for stable in first_sources.anchors:
        for suffix in ("", ".title", ".blocks[0]"):
            assert sources.locate(stable + suffix) == first_sources.locate(stable + suffix)


def test_an_edited_part_is_loaded_afresh(cache: Cache, report: Path) -> None:
    """Changing any file read (here a part, not the root) means an ordinary load."""
    load_reusing(report, cache=cache)
    part = report / "parts" / "01-foreword.toml"
    text = part.read_text(encoding="utf-8")
    assert 'title = "Chair\'s Foreword"' in text
    edited = text.replace('title = "Chair\'s Foreword"', 'title = "Chair\'s Foreword (revised)"')
    part.write_text(edited, encoding="utf-8")
    loaded, _ = load_reusing(report, cache=cache)
    assert loaded == load_with_sources(report)[0]
    titles = [located.item.title for located in model.iter_sections(loaded)]
    assert "Chair's Foreword (revised)" in titles


def test_a_part_replaced_by_a_symlink_to_the_same_text_is_loaded_afresh(
    cache: Cache, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same text at another real path is not the same file."""
    load_reusing(report, cache=cache)
    part = report / "parts" / "01-foreword.toml"
    moved = report / "parts" / "elsewhere.toml"
    part.rename(moved)
    part.symlink_to(moved.resolve())
    calls: list[object] = []
    real = _load.load_with_sources

    def counting(path: object) -> object:
        calls.append(path)
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(_load, "load_with_sources", counting)
    load_reusing(report, cache=cache)
    assert calls == [report]


def test_a_failed_load_is_never_stored(cache: Cache, report: Path) -> None:
    """Problems are always found afresh: a load that fails leaves no entry."""
    (report / "parts" / "01-foreword.toml").write_text("title = [", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LoadError):
            load_reusing(report, cache=cache)
    assert _entries(cache) == []


def test_no_cache_reads_and_writes_nothing(cache: Cache, report: Path) -> None:
    """With no cache it is an ordinary load, and the cache folder is left alone."""
    assert load_reusing(report, cache=None)[0] == load_reusing(report, cache=cache)[0]
    (entry,) = _entries(cache)
    stamp = entry.stat().st_mtime_ns
    load_reusing(report, cache=None)
    assert _entries(cache) == [entry] and entry.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "not-a-report", "pickle"])
def test_a_damaged_entry_is_ignored_and_replaced(cache: Cache, report: Path, damage: str) -> None:
    """An entry that is not exactly a report is rejected; the load happens and is kept anew."""
    expected, _ = load_reusing(report, cache=cache)
    (entry,) = _entries(cache)
    data = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        entry.write_bytes(data.replace(b'"title":', b'"titel":', 1))
    elif damage == "not-a-report":
        entry.write_bytes(data.replace(b'"sections":[', b'"sections":[1,', 1))
    elif damage == "pickle":
        import pickle

        entry.write_bytes(pickle.dumps(expected))
    else:
        entry.write_bytes(b"\x80\x04not json" + b"\x00" * 32)
    assert _reuse.reuse(cache, report) is None
    assert load_reusing(report, cache=cache)[0] == expected
    assert _reuse.reuse(cache, report) is not None


def test_an_entry_others_may_write_is_never_read(
    cache: Cache, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries are read only from files and folders no other user may write."""
    load_reusing(report, cache=cache)
    (entry,) = _entries(cache)
    entry.chmod(0o666)
    assert _reuse.reuse(cache, report) is None
    entry.chmod(0o600)
    entry.parent.chmod(0o777)
    assert _reuse.reuse(cache, report) is None
    entry.parent.chmod(0o700)
    assert _reuse.reuse(cache, report) is not None


def test_the_current_folder_is_part_of_the_key(
    cache: Cache, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File names in problems and findings are relative to the current folder."""
    load_reusing(report, cache=cache)
    monkeypatch.chdir(report)
    _, sources = load_reusing(".", cache=cache)
    assert len(_entries(cache)) == 2
    assert Path("report.toml") in sources.texts


def test_unwritable_cache_only_costs_time(
    tmp_path: Path, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder that cannot be made (here a file is in the way) never fails a load."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    blocked = Cache(blocker / "cache")
    assert load_reusing(report, cache=blocked)[0] == load_reusing(report, cache=blocked)[0]


def test_check_of_an_unchanged_report_needs_no_toml_parser(
    tmp_path: Path, reference_report_path: Path
) -> None:
    """The second ``boardreport check`` never imports a TOML parser, and prints the same.

    (cattrs is imported: the kept load is data, structured and checked by it.)"""
    env = {**os.environ, "BOARDREPORT_CACHE": str(tmp_path / "cache")}
    script = (
        "import sys\n"
        "from boardreport.cli import main\n"
        "code = main(['check', '--severity', 'info', '--show-suppressed', sys.argv[1]])\n"
        "print('LOADED', sorted(m for m in ('tomli', 'tomllib', 'cattrs') if m in sys.modules))\n"
        "raise SystemExit(code)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(reference_report_path)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            check=False,
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    first, second = (r.stdout.splitlines() for r in runs)
    assert first[-1] == "LOADED ['cattrs', 'tomli']"
    assert second[-1] == "LOADED ['cattrs']"
    assert first[:-1] == second[:-1]
    assert len(first) > 50
