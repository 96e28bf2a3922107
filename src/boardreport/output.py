"""Writing a build's output folder: all or nothing, and never over files the build did not make.

Every output folder holds a manifest (``.boardreport-build``) listing the files the build wrote.
A rebuild replaces and removes only those files: anything a user added (a ``.git`` checkout, a
``CNAME``) survives. A folder holding files and no manifest is refused unless forced.

The new files are written into a temporary folder beside the output folder first. If the output
folder holds only the build's own files, the two folders are swapped in one step where the system
can (Linux ``renameat2``); otherwise each file is moved in by a rename, which replaces the old
file in one step, and only then are files of the previous build that are no longer written
removed. Either way there is always a complete output folder, and a build that fails or is killed
leaves its temporary folder for the next build to remove.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from attrs import frozen

from boardreport.errors import BoardReportError
from boardreport.io._files import read_text

MARKER = ".boardreport-build"
"""The manifest in every output folder: the files the build wrote there, and only those."""
MANIFEST_FORMAT = 1
LEGACY_OUTPUTS = re.compile(r"report\.md|index\.html|charts/[^/]+\.(?:svg|vl\.json)")
"""Files written by builds whose marker held no file list (the whole folder was theirs)."""
_MANIFEST_BYTES = 16 * 1024 * 1024
"""Largest manifest read (a build of a few hundred files writes a few kilobytes)."""
_STALE_SECONDS = 24 * 3600
"""Where no process id can be tested, a temporary folder this old is a killed build's."""


class BuildError(BoardReportError):
    """The output folder cannot be used (it overlaps the report, or holds other files)."""


# ---------------------------------------------------------------------------------------------
# the report's own folder


def check_output_folder(out: Path, source: Path) -> None:
    """Refuse an output folder that is, contains or is inside the report's folder.

    Raises:
        BuildError: naming both folders.
    """
    target = out.resolve()
    folder = source.resolve()
    if target == folder:
        relation = "is"
    elif target.is_relative_to(folder):
        relation = "is inside"
    elif folder.is_relative_to(target):
        relation = "contains"
    else:
        return
    msg = (
        f"the output folder {out} {relation} the report folder {source}; a build never writes "
        "into a report's own folder, so choose another --out"
    )
    raise BuildError(msg)


# ---------------------------------------------------------------------------------------------
# what is in the output folder


@frozen
class _Folder:
    """What an existing output folder holds: the build's files and everything else."""

    owned: frozenset[str]
    foreign: frozenset[str]
    has_manifest: bool


def _entries(folder: Path) -> set[str]:
    """Relative paths (``/``-separated) of every file, link and empty folder under ``folder``."""
    found: set[str] = set()
    for parent, dirs, names in os.walk(folder, onerror=_raise):
        here = Path(parent).relative_to(folder)
        for name in [*names, *(d for d in dirs if Path(parent, d).is_symlink())]:
            found.add((here / name).as_posix())
        if not dirs and not names and parent != os.fspath(folder):
            found.add(here.as_posix() + "/")
    return found


def _raise(error: OSError) -> None:
    raise error


def _manifest_files(text: str) -> frozenset[str] | None:
    """The files listed by a manifest; None for the marker of older builds (no list)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        return None
    return frozenset(f for f in data["files"] if isinstance(f, str) and _is_relative(f))


def _is_relative(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _survey(target: Path) -> _Folder:
    if not target.exists():
        return _Folder(frozenset(), frozenset(), has_manifest=False)
    entries = _entries(target)
    entries.discard(MARKER)
    marker = target / MARKER
    if not marker.is_file() or marker.is_symlink():
        return _Folder(frozenset(), frozenset(entries), has_manifest=False)
    try:
        listed = _manifest_files(read_text(marker, limit=_MANIFEST_BYTES))
    except (OSError, UnicodeDecodeError):  # not a manifest this code wrote
        listed = None
    if listed is None:
        owned = {e for e in entries if LEGACY_OUTPUTS.fullmatch(e)}
    else:
        owned = entries & listed
    return _Folder(frozenset(owned), frozenset(entries - owned), has_manifest=True)


def _manifest_text(files: Iterable[str]) -> str:
    data = {
        "format": MANIFEST_FORMAT,
        "about": "Files written by boardreport build; a rebuild replaces or removes only these.",
        "files": sorted(files),
    }
    return json.dumps(data, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# temporary folders of earlier builds

_STAGING = re.compile(r"\.(?P<name>.+)\.(?:(?P<pid>\d+)-[0-9a-f]{8}|[a-z0-9_]{8})\.(?:tmp|old)")
"""A temporary folder beside the output folder: ``.out.<pid>-<random>.tmp``, or the
``.out.<random>.tmp`` and ``.out.<random>.old`` of builds before the manifest."""
_STAGING_CONTENT = frozenset({"new", "union", MARKER})


def _staging_name(target: Path) -> str:
    return f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True


def _abandoned(entry: Path, pid: str | None) -> bool:
    """True for the temporary folder of a build that is no longer running."""
    if pid is not None and sys.platform != "win32":
        return not _is_running(int(pid))
    try:
        return time.time() - entry.lstat().st_mtime > _STALE_SECONDS
    except OSError:
        return False


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temporary folders that killed builds of ``target`` left beside it.

    The temporary folders of builds still running are kept. Returns the folders removed.
    """
    removed: list[Path] = []
    try:
        siblings = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in siblings:
        match = _STAGING.fullmatch(entry.name)
        if match is None or match.group("name") != target.name:
            continue
        if not entry.is_dir() or entry.is_symlink() or not _abandoned(entry, match.group("pid")):
            continue
        try:
            content = {child.name for child in entry.iterdir()}
        except OSError:
            continue
        if content and not (content <= _STAGING_CONTENT or MARKER in content):
            continue  # not a folder a build made
        if entry.name.endswith(".old") and not target.exists():
            entry.rename(target)  # a build killed between two renames: put the output back
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


# ---------------------------------------------------------------------------------------------
# swapping the new files in


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where not supported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(done == 0)


def _move_in(staging: Path, target: Path, new: frozenset[str], old: frozenset[str]) -> None:
    """Rename each new file over its old version, then remove the old build's other files.

    The manifest lists old and new files together until the old ones are gone, so a build
    killed in between leaves a folder whose every build file the next build knows.
    """
    (staging / "union").replace(target / MARKER)
    for relative in sorted(new - {MARKER}):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        (staging / "new" / relative).replace(destination)
    for relative in sorted(old - new):
        path = target / relative.rstrip("/")
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
        _remove_empty_parents(path.parent, target)
    (staging / "new" / MARKER).replace(target / MARKER)


def _remove_empty_parents(folder: Path, target: Path) -> None:
    while folder != target and folder.is_relative_to(target):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _swap_in(staging: Path, target: Path, folder: _Folder, new: frozenset[str]) -> None:
    """Put the files staged in ``staging/new`` at ``target``; nothing else there changes."""
    if not target.exists():
        (staging / "new").rename(target)
        return
    if not folder.foreign and _exchange(staging / "new", target):
        return  # staging/new now holds the previous output, removed with the staging folder
    _move_in(staging, target, new, folder.owned)


# ---------------------------------------------------------------------------------------------
# writing


def _output_target(out: Path) -> Path:
    """The real folder to write: ``out`` itself, or the folder a symbolic link ``out`` names."""
    if out.is_symlink():
        real = Path(os.path.realpath(out))
        if not real.exists():
            msg = f"the output path {out} is a symbolic link to {real}, which does not exist"
            raise BuildError(msg)
        out = real
    if out.exists() and not out.is_dir():
        msg = f"the output path {out} is a file, not a folder"
        raise BuildError(msg)
    return out.absolute()


def _refuse_foreign(out: Path, target: Path, folder: _Folder, new: frozenset[str]) -> None:
    if not folder.has_manifest and folder.foreign:
        example = sorted(folder.foreign)[0]
        msg = (
            f"the output folder {out} holds files that no build made (such as {example}); "
            "choose an empty or new folder with --out, or pass --force to build into it "
            "(files it did not write are kept, except any at the paths it writes)"
        )
        raise BuildError(msg)
    clashes = sorted(new & folder.foreign)
    if folder.has_manifest and clashes:
        msg = (
            f"the output folder {out} holds {clashes[0]}, which no build wrote; move it "
            "away or pass --force to replace it"
        )
        raise BuildError(msg)
    real_target = Path(os.path.realpath(target))
    for relative in new:
        parent = Path(os.path.realpath((target / relative).parent))
        if not parent.is_relative_to(real_target):
            msg = f"the output folder {out} has a link that leads {relative} outside it"
            raise BuildError(msg)


def write_output(out: Path, files: Mapping[str, str | bytes], *, force: bool = False) -> None:
    """Write ``files`` (relative path → text, or bytes) into the folder ``out``, all or nothing.

    Files of an earlier build that are not written again are removed; every other file in
    ``out`` is kept. A folder that holds files but no manifest is refused unless ``force``, and
    so is a file the build would write that an earlier build did not. A symbolic link ``out``
    is followed: the folder it names is written.

    Raises:
        BuildError: when ``out`` is a file, or holds files that no build made (without
            ``force``), or a file name leads outside it.
        OSError: when a file cannot be written; the previous output is then unchanged.
    """
    new = frozenset(files) | {MARKER}
    for relative in files:
        if not _is_relative(relative) or relative == MARKER:
            msg = f"refusing to write outside the output folder: {relative}"
            raise BuildError(msg)
    target = _output_target(out)
    folder = _survey(target)
    if force:
        folder = _Folder(folder.owned | (folder.foreign & new), folder.foreign - new, True)
    _refuse_foreign(out, target, folder, new)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    staging = target.parent / _staging_name(target)
    staging.mkdir(mode=0o700)
    try:
        for relative, text in sorted({**files, MARKER: _manifest_text(files)}.items()):
            path = staging / "new" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
                continue
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        (staging / "union").write_text(_manifest_text(folder.owned | files.keys()), "utf-8")
        (staging / "new").chmod(target.stat().st_mode & 0o7777 if target.exists() else 0o755)
        _swap_in(staging, target, folder, new)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
