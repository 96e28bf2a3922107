"""Reading one report file: only a regular file, never more than the size limit.

Every read of a report's files goes through :func:`read_text`, whether for a load or to see
whether a kept load is still current, so a FIFO, a device or a huge file put in place of a part
can never block a run or fill its memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest report file accepted; a real part file is a few kilobytes."""


class NotAFileError(OSError):
    """The path is not a regular file (a FIFO, a device, a socket)."""


class FileTooLargeError(OSError):
    """The file is larger than the limit; ``size`` says how large (at least)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is {size:,} bytes; the limit is {limit:,} bytes")
        self.size = size
        self.limit = limit


def read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of the regular file ``path``, refusing anything else without blocking.

    The file is opened without waiting (a FIFO with no writer opens at once), checked on the
    open descriptor, and read to at most ``limit`` bytes, so a file that grows is refused too.

    Raises:
        IsADirectoryError: for a folder.
        NotAFileError: for a FIFO, device or socket.
        FileTooLargeError: for a file over ``limit`` bytes.
        OSError: when the file cannot be opened or read (missing, not permitted).
    """
    if not stat.S_ISREG(path.stat().st_mode):  # a device is never even opened
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        raise NotAFileError(f"not a regular file: {path}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)  # the path may have changed since: checked again below
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(f"not a regular file: {path}")
        if info.st_size > limit:
            raise FileTooLargeError(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLargeError(total, limit)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_text(path: Path, *, limit: int = MAX_FILE_BYTES) -> str:
    """Return the UTF-8 text of the regular file ``path`` (see :func:`read_bytes`).

    Raises:
        UnicodeDecodeError: when the file is not UTF-8.
        OSError: as :func:`read_bytes`.
    """
    return read_bytes(path, limit=limit).decode("utf-8")
