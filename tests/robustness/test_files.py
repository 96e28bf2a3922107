"""Part files stay inside the report folder and are read once; odd files give clear errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import boardreport
from boardreport.errors import LoadError, Problem

from ._support import assert_located, time_limit

HEAD = """board = "B"
area = "A"
title = "T"
period_start = 2014-04-01
period_end = 2015-03-31
"""


def _part(section_id: str, parts: list[str] | None = None) -> str:
    listed = f"parts = [{', '.join(repr(p) for p in parts)}]\n" if parts else ""
    return f'id = "{section_id}"\ntitle = "Title"\n{listed}'


def _report(folder: Path, parts: list[str], files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    listed = ", ".join(f'"{p}"' for p in parts)
    (folder / "report.toml").write_text(HEAD + f"parts = [{listed}]\n", encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[Problem]:
    with time_limit(30), pytest.raises(LoadError) as info:
        boardreport.load(folder)
    assert_located(info.value)
    return info.value.problems


def _only(folder: Path) -> Problem:
    (problem,) = _problems(folder)
    return problem


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.toml").write_text(_part("secret"), encoding="utf-8")
    return outside


def test_dot_dot_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    """A part path climbing out with '..' is refused at its entry, although the file exists."""
    _outside(tmp_path)
    folder = _report(tmp_path / "r", ["../outside/secret.toml"])
    problem = _only(folder)
    assert Path(problem.file or "").name == "report.toml"
    assert (problem.line, problem.path) == (6, "parts[0]")
    assert "leads outside the report folder" in problem.message


def test_dot_dot_out_of_a_nested_part_is_refused(tmp_path: Path) -> None:
    """A nested part's '../..' path is refused, located in that part file."""
    _outside(tmp_path)
    folder = _report(
        tmp_path / "r",
        ["parts/a.toml"],
        {"parts/a.toml": _part("a", ["../../outside/secret.toml"])},
    )
    problem = _only(folder)
    assert Path(problem.file or "").name == "a.toml"
    assert (problem.line, problem.path) == (3, "parts[0]")
    assert "leads outside the report folder" in problem.message


def test_dot_dot_that_stays_inside_is_allowed(tmp_path: Path) -> None:
    """'..' that stays inside the report folder is a normal relative path."""
    folder = _report(
        tmp_path / "r",
        ["parts/a.toml"],
        {"parts/a.toml": _part("a", ["../shared/b.toml"]), "shared/b.toml": _part("b")},
    )
    report = boardreport.load(folder)
    assert [s.id for s in report.sections[0].sections] == ["b"]


@pytest.mark.parametrize("entry", ["/etc/hostname", "/dev/zero", "/proc/self/environ"])
def test_absolute_paths_are_refused(tmp_path: Path, entry: str) -> None:
    """An absolute part path is refused without being opened (so /dev/zero cannot hang it)."""
    problem = _only(_report(tmp_path / "r", [entry]))
    assert problem.message == f"part path must be relative to the report folder: {entry!r}"
    assert (problem.line, problem.path) == (6, "parts[0]")


def test_symlinked_part_file_pointing_outside_is_refused(tmp_path: Path) -> None:
    """A part file that is a symlink to a file outside the folder is refused."""
    outside = _outside(tmp_path)
    folder = _report(tmp_path / "r", ["parts/link.toml"])
    (folder / "parts").mkdir()
    (folder / "parts" / "link.toml").symlink_to(outside / "secret.toml")
    problem = _only(folder)
    assert "leads outside the report folder" in problem.message
    assert problem.path == "parts[0]"


def test_symlinked_directory_pointing_outside_is_refused(tmp_path: Path) -> None:
    """A part under a symlinked directory that points outside the folder is refused."""
    outside = _outside(tmp_path)
    folder = _report(tmp_path / "r", ["linked/secret.toml"])
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    problem = _only(folder)
    assert "leads outside the report folder" in problem.message


def test_symlink_to_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    """A part symlinked to /dev/zero is refused as outside the folder, not read forever."""
    folder = _report(tmp_path / "r", ["zero.toml"])
    (folder / "zero.toml").symlink_to("/dev/zero")
    assert "leads outside the report folder" in _only(folder).message


def test_symlink_inside_the_folder_is_allowed(tmp_path: Path) -> None:
    """A symlink to a part inside the folder is followed."""
    folder = _report(tmp_path / "r", ["alias.toml"], {"real/a.toml": _part("a")})
    (folder / "alias.toml").symlink_to(folder / "real" / "a.toml")
    assert [s.id for s in boardreport.load(folder).sections] == ["a"]


def test_part_that_includes_itself_is_refused(tmp_path: Path) -> None:
    """A part listing itself is refused at its own parts entry."""
    folder = _report(tmp_path / "r", ["a.toml"], {"a.toml": _part("a", ["a.toml"])})
    problem = _only(folder)
    assert problem.message == "part includes itself: 'a.toml'"
    assert Path(problem.file or "").name == "a.toml"
    assert (problem.line, problem.path) == (3, "parts[0]")


def test_part_that_includes_the_root_file_is_refused(tmp_path: Path) -> None:
    """A part listing report.toml (directly or via '..') is a cycle and is refused."""
    folder = _report(tmp_path / "r", ["p/a.toml"], {"p/a.toml": _part("a", ["../report.toml"])})
    assert _only(folder).message == "part includes itself: '../report.toml'"


def test_cycle_of_parts_is_refused(tmp_path: Path) -> None:
    """a -> b -> c -> a is refused where the cycle closes; the rest still loads up to it."""
    folder = _report(
        tmp_path / "r",
        ["a.toml"],
        {
            "a.toml": _part("a", ["b.toml"]),
            "b.toml": _part("b", ["c.toml"]),
            "c.toml": _part("c", ["a.toml"]),
        },
    )
    problem = _only(folder)
    assert Path(problem.file or "").name == "c.toml"
    assert problem.message == "part includes itself: 'a.toml'"


def test_cycle_through_a_symlink_is_refused(tmp_path: Path) -> None:
    """A cycle hidden behind a symlinked name is still found (files compare by real path)."""
    folder = _report(tmp_path / "r", ["a.toml"], {"a.toml": _part("a", ["alias.toml"])})
    (folder / "alias.toml").symlink_to(folder / "a.toml")
    assert _only(folder).message == "part includes itself: 'alias.toml'"


def test_part_listed_twice_is_refused(tmp_path: Path) -> None:
    """The same part file listed twice (here from two parts) is refused the second time."""
    folder = _report(
        tmp_path / "r",
        ["a.toml", "b.toml"],
        {
            "a.toml": _part("a", ["c.toml"]),
            "b.toml": _part("b", ["./c.toml"]),
            "c.toml": _part("c"),
        },
    )
    problem = _only(folder)
    assert Path(problem.file or "").name == "b.toml"
    assert problem.message == "part is included more than once: './c.toml'"


def test_missing_part_is_located_at_its_entry(tmp_path: Path) -> None:
    """A part that does not exist is reported at the parts entry that names it."""
    problem = _only(_report(tmp_path / "r", ["gone.toml"]))
    assert problem.message.startswith("file not found: ")
    assert (Path(problem.file or "").name, problem.line, problem.path) == (
        "report.toml",
        6,
        "parts[0]",
    )


def test_part_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    """A part path naming a folder is refused as a folder."""
    folder = _report(tmp_path / "r", ["parts"])
    (folder / "parts").mkdir()
    assert _only(folder).message.startswith("expected a file, found a folder")


def test_part_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe is refused as not a regular file; opening it would block for ever."""
    folder = _report(tmp_path / "r", ["pipe.toml"])
    os.mkfifo(folder / "pipe.toml")
    problem = _only(folder)
    assert problem.message.startswith("not a regular file")
    assert problem.path == "parts[0]"


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    """Two symlinks pointing at each other give a located read error."""
    folder = _report(tmp_path / "r", ["x.toml"])
    (folder / "x.toml").symlink_to(folder / "y.toml")
    (folder / "y.toml").symlink_to(folder / "x.toml")
    problem = _only(folder)
    assert problem.path == "parts[0]"


def test_nul_in_a_part_path_is_refused(tmp_path: Path) -> None:
    """A part path with an escaped NUL character is a located error, not a ValueError."""
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "report.toml").write_text(HEAD + 'parts = ["a\\u0000.toml"]\n', encoding="utf-8")
    assert _only(folder).message == "part path contains a NUL character"


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ('parts = "a.toml"', "expected an array of file paths"),
        ("parts = [1]", "expected a file path (text in quotes)"),
        ('parts = [""]', "expected a file path (text in quotes)"),
    ],
)
def test_malformed_parts_are_refused(tmp_path: Path, parts: str, message: str) -> None:
    """A parts key that is not an array of non-empty paths is a located error."""
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "report.toml").write_text(HEAD + parts + "\n", encoding="utf-8")
    problem = _only(folder)
    assert problem.message == message
    assert problem.line == 6


def test_part_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """A part in another encoding is refused, naming the byte."""
    folder = _report(tmp_path / "r", ["latin.toml"])
    (folder / "latin.toml").write_bytes(b'id = "a"\ntitle = "Caf\xe9"\n')
    problem = _only(folder)
    assert Path(problem.file or "").name == "latin.toml"
    assert problem.message.startswith("file is not UTF-8 text")


def test_root_file_that_is_a_folder_is_located(tmp_path: Path) -> None:
    """A report.toml that is a folder gives a problem that names it."""
    (tmp_path / "r" / "report.toml").mkdir(parents=True)
    problem = _only(tmp_path / "r")
    assert problem.file is not None
    assert "found a folder" in problem.message


def test_missing_report_is_located(tmp_path: Path) -> None:
    """A folder without report.toml is a LoadError naming the folder."""
    (tmp_path / "empty").mkdir()
    problem = _only(tmp_path / "empty")
    assert problem.message == f"no report.toml in {tmp_path / 'empty'}"


def test_loads_refuses_parts() -> None:
    """boardreport.loads has no folder, so a parts key is refused."""
    with pytest.raises(LoadError) as info:
        boardreport.loads(HEAD + 'parts = ["a.toml"]\n')
    assert_located(info.value, {Path("<string>"): HEAD + 'parts = ["a.toml"]\n'})
    assert info.value.problems[0].path == "parts"


def test_device_given_as_the_report_is_refused_without_reading() -> None:
    """Loading /dev/zero as a report file is refused as not a regular file, not read for ever."""
    problem = _only(Path("/dev/zero"))
    assert problem.message == "not a regular file: /dev/zero"


def test_fifo_given_as_the_report_is_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe in place of report.toml is refused without opening it."""
    (tmp_path / "r").mkdir()
    os.mkfifo(tmp_path / "r" / "report.toml")
    assert _only(tmp_path / "r").message.startswith("not a regular file")


@pytest.mark.parametrize("cache", ["cache", "no-cache"])
def test_a_fifo_put_in_place_of_a_part_after_a_load_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cache: str
) -> None:
    """A report checked once, then a part swapped for a named pipe: the next check, reusing
    the kept load or not, refuses the pipe at once (the kept load's freshness test opened it)."""
    from boardreport.cli import main

    folder = _report(tmp_path / "r", ["a.toml"], {"a.toml": _part("a")})
    options = [] if cache == "cache" else ["--no-cache"]
    with time_limit(60):
        assert main(["check", str(folder), *options]) in {0, 1}
        (folder / "a.toml").unlink()
        os.mkfifo(folder / "a.toml")
        assert main(["check", str(folder), *options]) == 2
    assert "not a regular file" in capsys.readouterr().out  # load problems are findings


def test_a_part_grown_past_the_size_limit_after_a_load_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kept load never reads a part without the size limit: a sparse 300 MB file in place
    of a part is refused without being read into memory."""
    from boardreport.cli import main

    folder = _report(tmp_path / "r", ["a.toml"], {"a.toml": _part("a")})
    assert main(["check", str(folder)]) in {0, 1}
    with (folder / "a.toml").open("r+b") as handle:
        handle.truncate(300 * 1024 * 1024)
    tracemalloc.start()
    try:
        with time_limit(30):
            assert main(["check", str(folder)]) == 2
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "the limit is" in capsys.readouterr().out  # load problems are findings
    assert peak < 50 * 1024 * 1024


_WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]
"""As root, permissions are enforced only once the capabilities that override them are gone."""


def _as_unprivileged(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    prefix = _WITHOUT_OVERRIDE if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    environment = {**os.environ, "BOARDREPORT_CACHE": str(cwd / "cache")}
    return subprocess.run(
        [*prefix, *command], cwd=cwd, capture_output=True, text=True, timeout=120, env=environment
    )


@pytest.mark.parametrize(
    ("unreadable", "where", "expected"),
    [
        ("r", "r", "cannot read r: Permission denied"),
        ("r/parts", "r/report.toml:6:", "cannot read r/parts/a.toml: Permission denied"),
    ],
)
def test_an_unreadable_folder_is_a_located_error_not_a_traceback(
    tmp_path: Path, unreadable: str, where: str, expected: str
) -> None:
    """check on a report whose folder (or parts folder) cannot be read exits 2 with the file
    and the reason; build too."""
    folder = _report(tmp_path / "r", ["parts/a.toml"], {"parts/a.toml": _part("a")})
    assert folder.exists()
    (tmp_path / unreadable).chmod(0)
    try:
        for command in (["check", "r"], ["build", "r", "--out", "out"]):
            result = _as_unprivileged([sys.executable, "-m", "boardreport", *command], tmp_path)
            assert result.returncode == 2, result.stderr
            assert "Traceback" not in result.stderr
            output = result.stderr + result.stdout
            assert expected in output
            assert any(line.startswith(where) and expected in line for line in output.splitlines())
    finally:
        (tmp_path / unreadable).chmod(0o755)
