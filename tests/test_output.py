"""Writing the output folder: all or nothing, and never over files a build did not make."""

from __future__ import annotations

import os
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


_KILLER = """
import os, shutil, signal, sys
from pathlib import Path
from boardreport import output

steps = 0
def killing(function):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return step

if sys.argv[2] == "no-exchange":
    output._exchange = lambda first, second: False
else:
    output._exchange = killing(output._exchange)
for name in ("replace", "rename", "unlink", "rmdir", "mkdir"):
    setattr(os, name, killing(getattr(os, name)))
shutil.rmtree = killing(shutil.rmtree)
files = {"report.md": "new report", "index.html": "new page", "charts/b.svg": "new b"}
output.write_output(Path(sys.argv[3]), files)
"""
OLD = {"report.md": "old report", "index.html": "old page", "charts/a.svg": "old a"}
NEW = {"report.md": "new report", "index.html": "new page", "charts/b.svg": "new b"}


def _assert_complete(out: Path, user: dict[str, bytes]) -> None:
    """The folder holds the whole old output or the whole new one (each file whole, either
    version), and every file of the user as it was."""
    tree = _tree(out)
    for name, content in user.items():
        assert tree.pop(name) == content
    tree.pop(output.MARKER)
    versions = {name: {OLD.get(name, "").encode(), NEW.get(name, "").encode()} for name in tree}
    assert all(tree[name] in versions[name] for name in tree), tree
    old_whole = set(OLD) <= set(tree)
    new_whole = all(tree.get(name) == text.encode() for name, text in NEW.items())
    assert old_whole or new_whole, sorted(tree)


@pytest.mark.parametrize("platform", ["exchange", "no-exchange"])
@pytest.mark.parametrize("user_files", [False, True], ids=["own-files", "user-files"])
def test_a_build_killed_at_any_step_leaves_a_complete_output_folder(
    tmp_path: Path, platform: str, *, user_files: bool
) -> None:
    """Killing the writer before each file-system step, with and without a rename-exchange
    call, always leaves a complete output folder; the next build removes what the killed one
    left and writes the new output."""
    steps = 0
    while True:
        steps += 1
        case = tmp_path / str(steps)
        out = case / "out"
        output.write_output(out, OLD)
        user = {".git/HEAD": b"ref", "CNAME": b"example.org"} if user_files else {}
        for name, content in user.items():
            (out / name).parent.mkdir(exist_ok=True)
            (out / name).write_bytes(content)
        command = [sys.executable, "-c", _KILLER, str(steps), platform, str(out)]
        result = subprocess.run(command, capture_output=True, timeout=60, check=False)
        _assert_complete(out, user)
        if result.returncode == 0:
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        output.write_output(out, NEW)
        assert _tree(out) == {
            **{k: v.encode() for k, v in NEW.items()},
            **user,
            output.MARKER: (out / output.MARKER).read_bytes(),
        }
        assert [p.name for p in case.iterdir()] == ["out"]
    assert steps > 4  # the writer was killed before each of its steps in turn


def test_a_leftover_of_a_running_build_is_kept(tmp_path: Path) -> None:
    """Only temporary folders of builds that are no longer running are removed (for those
    whose name holds no process id, that have not changed for a day); a user's folder of a
    similar name is never touched."""
    out = tmp_path / "out"
    running = tmp_path / f".out.{os.getppid()}-0123abcd.tmp"
    dead = tmp_path / ".out.999999999-0123abcd.tmp"
    legacy = tmp_path / ".out.k2j4h5g6.tmp"
    mine = tmp_path / ".out.backup.tmp"
    for folder in (running, dead, legacy, mine):
        (folder / "new").mkdir(parents=True)
    (mine / "letter.txt").write_text("keep", encoding="utf-8")
    fresh_legacy = tmp_path / ".out.a1b2c3d4.tmp"
    fresh_legacy.mkdir()
    os.utime(legacy, (0, 0))  # a day old: no build runs that long
    output.write_output(out, FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out", running.name, mine.name, fresh_legacy.name]
    )


def test_a_file_the_user_put_where_the_build_writes_is_refused_unless_forced(
    tmp_path: Path,
) -> None:
    """A file no build wrote, at a path a new build writes, is replaced only with force."""
    out = tmp_path / "out"
    output.write_output(out, {"report.md": "x"})
    (out / "index.html").write_text("my page", encoding="utf-8")
    with pytest.raises(output.BuildError, match=r"holds index\.html, which no build wrote"):
        output.write_output(out, FILES)
    assert (out / "index.html").read_text(encoding="utf-8") == "my page"
    output.write_output(out, FILES, force=True)
    assert (out / "index.html").read_text(encoding="utf-8") == FILES["index.html"]
    output.write_output(out, {"report.md": "x"})
    assert not (out / "index.html").exists()  # written by a build, so the build's to remove


def test_the_marker_of_an_older_build_owns_only_the_output_files(tmp_path: Path) -> None:
    """A folder from before the manifest: its report, page and charts are the build's, the
    rest is the user's."""
    out = tmp_path / "out"
    (out / "charts").mkdir(parents=True)
    (out / output.MARKER).write_text("Output of boardreport build.\n", encoding="utf-8")
    (out / "charts" / "old.svg").write_text("<svg/>", encoding="utf-8")
    (out / "CNAME").write_text("example.org", encoding="utf-8")
    output.write_output(out, {"report.md": "x"})
    assert set(_tree(out)) == {"report.md", "CNAME", output.MARKER}


def test_a_dangling_symbolic_link_is_refused_clearly(tmp_path: Path) -> None:
    """--out naming a link to nothing is refused, naming both."""
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(output.BuildError, match=r"is a symbolic link to .*gone, which does not"):
        output.write_output(link, FILES)


def test_a_link_inside_the_folder_cannot_lead_the_build_outside(tmp_path: Path) -> None:
    """A ``charts`` link to another folder is refused, and that folder is not written."""
    out = tmp_path / "out"
    output.write_output(out, {"report.md": "x"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "charts").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(output.BuildError, match=r"leads charts/a\.svg outside it"):
        output.write_output(out, FILES)
    assert not any(elsewhere.iterdir())


def test_write_output_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    """A file name that climbs out of the output folder is refused before anything changes."""
    with pytest.raises(output.BuildError, match="outside the output folder"):
        output.write_output(tmp_path / "out", {"../escape.txt": "x"})
    assert list(tmp_path.iterdir()) == []
