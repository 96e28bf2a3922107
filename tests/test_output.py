"""Writing the output folder: all or nothing, and never over files a build did not make."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from boardreport import output

FILES = {"report.md": "# Report\n", "index.html": "<!doctype html>\n", "charts/a.svg": "<svg/>"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    ("where", "relation"),
    [("report", "is"), ("report/out", "is inside"), (".", "contains")],
)
def test_an_output_folder_overlapping_the_report_folder_is_refused(
    tmp_path: Path, where: str, relation: str
) -> None:
    """check_output_folder refuses a folder that is, is inside or contains the report folder."""
    source = tmp_path / "report"
    source.mkdir()
    with pytest.raises(output.BuildError, match=f"{relation} the report folder"):
        output.check_output_folder(tmp_path / where, source)


def test_a_folder_the_build_did_not_make_is_never_replaced(tmp_path: Path) -> None:
    """An existing folder with other files is left alone."""
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(output.BuildError, match="holds files that no build made"):
        output.write_output(out, FILES)
    assert _tree(out) == {"letter.txt": b"keep me"}


def test_a_rebuild_replaces_the_previous_output_whole(tmp_path: Path) -> None:
    """Files an earlier build wrote and this one does not (a removed chart) disappear."""
    out = tmp_path / "out"
    output.write_output(out, {**FILES, "charts/old.svg": "<svg/>"})
    output.write_output(out, FILES)
    assert set(_tree(out)) == {*FILES, output.MARKER}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder is left


def test_a_write_that_fails_halfway_leaves_the_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk error after some files are written leaves the old output and no temporary folder."""
    out = tmp_path / "out"
    output.write_output(out, FILES)
    before = _tree(out)
    real_open = Path.open
    opened: list[Path] = []

    def flaky(self: Path, *args: object, **kwargs: object) -> object:
        if "w" in str(args[0] if args else kwargs.get("mode", "r")):
            opened.append(self)
            if len(opened) == 3:
                raise OSError(28, "No space left on device")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", flaky)
    with pytest.raises(OSError, match="No space left"):
        output.write_output(out, {**FILES, "charts/b.svg": "<svg/>"})
    monkeypatch.undo()
    assert len(opened) == 3
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_write_killed_before_the_swap_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    """SIGKILL at the last moment (every file written, nothing swapped) changes nothing."""
    out = tmp_path / "out"
    output.write_output(out, FILES)
    before = _tree(out)
    code = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from boardreport import output\n"
        "output._swap_in = lambda new, out: os.kill(os.getpid(), signal.SIGKILL)\n"
        f"output.write_output(Path({str(out)!r}), {{'report.md': 'new'}})\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert _tree(out) == before


def test_write_output_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    """A file name that climbs out of the output folder is refused before anything changes."""
    with pytest.raises(output.BuildError, match="outside the output folder"):
        output.write_output(tmp_path / "out", {"../escape.txt": "x"})
    assert list(tmp_path.iterdir()) == []
