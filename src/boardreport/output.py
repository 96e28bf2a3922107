"""Writing a build's output folder: all or nothing, and never over files the build did not make.

``write_output`` writes every file into a temporary folder beside the output folder and swaps it
in only when complete, so a build that fails or is killed leaves the previous output as it was.
``check_output_folder`` refuses an output folder that overlaps the report's own folder.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from boardreport.errors import BoardReportError

MARKER = ".boardreport-build"
"""A file in every build folder, so that a build only ever replaces a folder it made."""
MARKER_TEXT = "Output of boardreport build. The next build replaces this whole folder.\n"


class BuildError(BoardReportError):
    """The output folder cannot be used (it overlaps the report, or holds other files)."""


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


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where not supported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(done == 0)


def _swap_in(new: Path, out: Path) -> None:
    """Put the complete folder ``new`` at ``out``; whatever was at ``out`` is removed."""
    if not out.exists():
        new.rename(out)
        return
    if _exchange(new, out):
        shutil.rmtree(new)  # now holds the previous output
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        new.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old)


def write_output(out: Path, files: Mapping[str, str | bytes]) -> None:
    """Write ``files`` (relative path → text, or bytes) as the folder ``out``, all or nothing.

    The files go into a temporary folder beside ``out``, which replaces ``out`` only once
    every file is written. An existing ``out`` is replaced only if it is empty or was made by
    a previous build.

    Raises:
        BuildError: when ``out`` is a file, or a folder holding files of something else.
    """
    if out.exists() and not out.is_dir():
        msg = f"the output path {out} is a file, not a folder"
        raise BuildError(msg)
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        msg = (
            f"the output folder {out} holds files that no build made; "
            "choose an empty or new folder with --out"
        )
        raise BuildError(msg)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        for relative, text in sorted({**files, MARKER: MARKER_TEXT}.items()):
            path = staging / relative
            if not path.resolve().is_relative_to(staging.resolve()):
                msg = f"refusing to write outside the output folder: {relative}"
                raise BuildError(msg)
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
                continue
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        staging.chmod(0o755)
        _swap_in(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
