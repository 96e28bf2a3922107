"""The one trust policy of the cache folder: private files in private folders, opened once.

An entry is read only through file descriptors: every folder from the cache root down is opened
relative to the one above it without following links (``O_NOFOLLOW``), and each one, like the
entry itself, must belong to this user and be writable by no one else (``fstat`` on the open
descriptor). The bytes are read from that same descriptor, so swapping a folder or file after
the check cannot make another file be read. Anything else means "not cached".
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

MAX_ENTRY_BYTES = 256 * 1024 * 1024
"""Larger entries are not read (no report, drawing or bundle comes near it)."""

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0)


def is_trusted(info: os.stat_result, *, directory: bool) -> bool:
    """True if the file behind ``info`` is of the right kind, this user's, and no one else's to
    write."""
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    return kind(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022


@contextlib.contextmanager
def _opened(path: str | Path, flags: int, dir_fd: int | None = None) -> Iterator[int]:
    fd = os.open(path, flags, dir_fd=dir_fd)
    try:
        yield fd
    finally:
        os.close(fd)


@contextlib.contextmanager
def _folder(root: Path, parts: Sequence[str], *, create: bool) -> Iterator[int | None]:
    """Yield a descriptor of ``root/parts...`` with every folder checked, or None if untrusted."""
    with contextlib.ExitStack() as stack:
        try:
            if create:
                root.mkdir(parents=True, exist_ok=True, mode=0o700)
            # the root itself may be reached through a link (a home folder on another disk)
            fd = stack.enter_context(_opened(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC))
            if not is_trusted(os.fstat(fd), directory=True):
                yield None
                return
            for part in parts:
                if create:
                    with contextlib.suppress(FileExistsError):
                        os.mkdir(part, 0o700, dir_fd=fd)
                fd = stack.enter_context(_opened(part, _DIRECTORY, dir_fd=fd))
                if not is_trusted(os.fstat(fd), directory=True):
                    yield None
                    return
        except OSError:
            yield None
            return
        yield fd


def read_entry(root: Path, parts: Sequence[str]) -> bytes | None:
    """Return the bytes of the entry ``root/parts...`` if it and its folders are trusted."""
    *folders, name = parts
    with _folder(root, folders, create=False) as fd:
        if fd is None:
            return None
        try:
            with _opened(name, _FILE, dir_fd=fd) as entry:
                info = os.fstat(entry)
                if not is_trusted(info, directory=False) or info.st_size > MAX_ENTRY_BYTES:
                    return None
                data = _read_all(entry, info.st_size)
        except OSError:
            return None
    return data if len(data) <= MAX_ENTRY_BYTES else None


def _read_all(fd: int, size: int) -> bytes:
    """Read the open entry in chunks, to at most one byte past the limit (never a buffer of
    the limit's size up front)."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_ENTRY_BYTES:
        chunk = os.read(fd, min(max(size - total, 0) + 1, 1 << 20, MAX_ENTRY_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def write_entry(root: Path, parts: Sequence[str], data: bytes) -> bool:
    """Write the entry ``root/parts...`` atomically, readable by this user only.

    Nothing is written into a folder that is not trusted. Returns False when nothing was
    written: a cache that cannot be written only costs time.
    """
    *folders, name = parts
    with _folder(root, folders, create=True) as fd:
        if fd is None:
            return False
        temporary = f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            with _opened(temporary, flags, dir_fd=fd) as out:
                os.fchmod(out, 0o600)
                with os.fdopen(os.dup(out), "wb") as handle:
                    handle.write(data)
            os.rename(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=fd)
            return False
    return True
