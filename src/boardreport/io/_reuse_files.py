"""Report files parsed by a long-running process, kept so that after an edit only the changed
file is parsed again.

``serve`` rebuilds one report after every save. Given a :class:`ParsedFiles`, the loader keeps
each file's parsed TOML by its path and the SHA-256 of its text, and each text's line index
(data path → line) by the text's SHA-256; a later load of a file holding the same text gets a
copy (the loader consumes the tables it is given, and copying is several times faster than
parsing). Only files that parsed without a problem are kept, so every problem is found afresh.
The memory is bounded: the least recently used entries go first. ``check`` and ``build`` load
once per process and use none.
"""

from __future__ import annotations

import copy
import hashlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from boardreport.io._lines import DataPath, line_index

MAX_FILES = 512
"""How many parsed files (and as many line indexes) one :class:`ParsedFiles` keeps at most."""


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ParsedFiles:
    """Parsed report files and line indexes, kept by one process between loads."""

    def __init__(self, max_files: int = MAX_FILES) -> None:
        self.max_files = max_files
        self._parsed: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self._lines: OrderedDict[str, dict[DataPath, int]] = OrderedDict()

    def parsed(self, file: Path, text: str) -> dict[str, Any] | None:
        """A copy of the tables parsed earlier from ``text`` at ``file``, or None."""
        key = (str(file), _digest(text))
        data = self._parsed.get(key)
        if data is None:
            return None
        self._parsed.move_to_end(key)
        copied: dict[str, Any] = copy.deepcopy(data)
        return copied

    def keep(self, file: Path, text: str, data: dict[str, Any]) -> None:
        """Keep the tables parsed from ``text`` at ``file`` (a copy: the caller's are consumed)."""
        self._parsed[(str(file), _digest(text))] = copy.deepcopy(data)
        while len(self._parsed) > self.max_files:
            self._parsed.popitem(last=False)

    def line_index(self, text: str) -> dict[DataPath, int]:
        """The line index of ``text`` (:func:`boardreport.io._lines.line_index`), built once."""
        key = _digest(text)
        index = self._lines.get(key)
        if index is None:
            index = line_index(text)
            self._lines[key] = index
            while len(self._lines) > self.max_files:
                self._lines.popitem(last=False)
        else:
            self._lines.move_to_end(key)
        return dict(index)
