"""Writing report files: dump never overwrites silently, and replaces files atomically."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest

import boardreport
from boardreport.errors import DumpError
from boardreport.model import Report

from ._support import FIXTURE


class Crash(Exception):
    """Stands for the process dying at the patched step."""


@pytest.fixture(scope="module")
def old() -> Report:
    """The fixture report, as already on disk."""
    return boardreport.load(FIXTURE)


@pytest.fixture(scope="module")
def new(old: Report) -> Report:
    """A changed version of it (every file differs), to be written over the old files."""
    sections = tuple(attrs.evolve(s, title=f"{s.title} (new)") for s in old.sections[:2])
    return attrs.evolve(old, title="A new title", sections=sections)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _crash(*args: Any, **kwargs: Any) -> Any:
    raise Crash("simulated crash")


# ---------------------------------------------------------------------------------------------
# refusing to overwrite


def test_dump_refuses_an_existing_toml_file(tmp_path: Path, old: Report) -> None:
    """dump to an existing .toml file raises DumpError and leaves the file byte for byte."""
    target = tmp_path / "report.toml"
    target.write_bytes(b"# someone's work\n")
    with pytest.raises(DumpError, match="overwrite=True"):
        boardreport.dump(old, target)
    assert _snapshot(tmp_path) == {"report.toml": b"# someone's work\n"}


def test_dump_refuses_a_folder_with_any_existing_file(
    tmp_path: Path, old: Report, new: Report
) -> None:
    """dump to a folder that already holds the report refuses and writes nothing at all."""
    boardreport.dump(old, tmp_path / "r")
    before = _snapshot(tmp_path / "r")
    with pytest.raises(DumpError, match="refusing to overwrite"):
        boardreport.dump(new, tmp_path / "r")
    assert _snapshot(tmp_path / "r") == before


def test_dump_refuses_when_only_one_part_exists(tmp_path: Path, old: Report) -> None:
    """One existing part file is enough to refuse; report.toml is then not created either."""
    part = tmp_path / "r" / "parts" / f"02-{old.sections[1].id}.toml"
    part.parent.mkdir(parents=True)
    part.write_text("# keep me\n", encoding="utf-8")
    with pytest.raises(DumpError):
        boardreport.dump(old, tmp_path / "r")
    assert _snapshot(tmp_path / "r") == {f"parts/{part.name}": b"# keep me\n"}


def test_write_atomic_refuses_without_overwrite(tmp_path: Path) -> None:
    """The low-level writer refuses an existing file too."""
    target = tmp_path / "a.toml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(DumpError):
        boardreport.io.write_atomic(target, "new", overwrite=False)
    assert target.read_text(encoding="utf-8") == "old"


def test_dump_with_overwrite_replaces_and_round_trips(
    tmp_path: Path, old: Report, new: Report
) -> None:
    """overwrite=True replaces the files; the folder then loads as the new report, no temp files."""
    boardreport.dump(old, tmp_path / "r")
    boardreport.dump(new, tmp_path / "r", overwrite=True)
    assert boardreport.load(tmp_path / "r") == new
    assert not [name for name in _snapshot(tmp_path / "r") if name.endswith(".tmp")]


def test_dump_single_file_with_overwrite(tmp_path: Path, old: Report, new: Report) -> None:
    """overwrite=True replaces a single .toml file with the new report."""
    target = tmp_path / "all.toml"
    boardreport.dump(old, target)
    boardreport.dump(new, target, overwrite=True)
    assert boardreport.loads(target.read_text(encoding="utf-8")) == new
    assert list(tmp_path.iterdir()) == [target]


# ---------------------------------------------------------------------------------------------
# crashes while writing


@pytest.mark.parametrize("step", ["replace", "fsync", "write"])
def test_crash_while_replacing_a_file_leaves_the_old_one(
    tmp_path: Path, old: Report, new: Report, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """A crash during the write, the flush to disk or the rename leaves the old file intact
    and no temporary file behind."""
    target = tmp_path / "all.toml"
    boardreport.dump(old, target)
    before = _snapshot(tmp_path)
    if step == "replace":
        monkeypatch.setattr(os, "replace", _crash)
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", _crash)
    else:
        real_fdopen = os.fdopen

        def half_then_crash(fd: int, *args: Any, **kwargs: Any) -> Any:
            handle = real_fdopen(fd, *args, **kwargs)

            def write(text: str) -> int:
                type(handle).write(handle, text[: len(text) // 2])
                handle.flush()
                raise Crash("simulated crash half way through the write")

            handle.write = write
            return handle

        monkeypatch.setattr(os, "fdopen", half_then_crash)
    with pytest.raises(Crash):
        boardreport.dump(new, target, overwrite=True)
    monkeypatch.undo()
    assert _snapshot(tmp_path) == before
    assert boardreport.loads(target.read_text(encoding="utf-8")) == old


def test_interrupt_while_writing_a_new_file_leaves_nothing(
    tmp_path: Path, old: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C (KeyboardInterrupt) before the rename leaves no file at all, and propagates."""

    def interrupt(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        boardreport.dump(old, tmp_path / "all.toml")
    assert list(tmp_path.iterdir()) == []


def test_crash_during_a_folder_dump_leaves_each_file_whole(
    tmp_path: Path, old: Report, new: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after some files of a folder are replaced leaves every file wholly old or wholly
    new (never mixed) and no temporary file."""
    boardreport.dump(old, tmp_path / "old")
    boardreport.dump(new, tmp_path / "new")
    boardreport.dump(old, tmp_path / "r")
    old_files, new_files = _snapshot(tmp_path / "old"), _snapshot(tmp_path / "new")
    real_replace = os.replace
    calls = {"n": 0}

    def replace_then_crash(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise Crash("simulated crash at the second file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_crash)
    with pytest.raises(Crash):
        boardreport.dump(new, tmp_path / "r", overwrite=True)
    monkeypatch.undo()
    after = _snapshot(tmp_path / "r")
    assert set(after) == set(old_files)
    replaced = [
        name for name, data in after.items() if data == new_files.get(name) != old_files[name]
    ]
    kept = [name for name, data in after.items() if data == old_files[name]]
    assert len(replaced) == 1
    assert sorted(replaced + kept) == sorted(after)


def test_killed_process_leaves_the_old_file(tmp_path: Path, old: Report) -> None:
    """A process killed (SIGKILL) after writing the temporary file but before the rename leaves
    the old report.toml intact and the report still loads."""
    folder = tmp_path / "r"
    boardreport.dump(old, folder)
    before = (folder / "report.toml").read_bytes()
    script = textwrap.dedent(
        f"""
        import os, signal
        import attrs, boardreport
        report = boardreport.load({str(folder)!r})
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
        boardreport.dump(attrs.evolve(report, title="Killed"), {str(folder)!r}, overwrite=True)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert result.returncode == -9
    assert (folder / "report.toml").read_bytes() == before
    assert boardreport.load(folder) == old


def test_a_file_created_after_the_existence_check_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without overwrite, a file that appears between the check and the write is kept."""
    from boardreport.io import write_atomic

    target = tmp_path / "report.toml"
    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_someone_writes(*args: object, **kwargs: object) -> tuple[int, str]:
        result = real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]
        target.write_text("written by someone else\n", encoding="utf-8")
        return result  # type: ignore[no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_someone_writes)
    with pytest.raises(DumpError, match="exists"):
        write_atomic(target, "new text\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "written by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.toml"]
