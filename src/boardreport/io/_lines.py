"""Map each key and array element of a TOML document to the line it starts on.

``tomllib`` gives values, not positions; error messages and findings need a line. This scanner
reads a document that ``tomllib`` has already accepted and records, for every data path
(``("blocks", 2, "rows", 0)``), the 1-based line where its value starts.
"""

from __future__ import annotations

import re
from typing import TypeAlias

Key: TypeAlias = str | int
DataPath: TypeAlias = tuple[Key, ...]

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
# String bodies up to (not including) the closing quote; escapes only in basic strings.
_BODY = {
    '"': re.compile(r'[^"\\\n]*(?:\\.[^"\\\n]*)*'),
    "'": re.compile(r"[^'\n]*"),
    '"""': re.compile(r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*', re.DOTALL),
    "'''": re.compile(r"[^']*(?:'(?!'')[^']*)*"),
}


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[DataPath, int] = {}
        self.aot_count: dict[DataPath, int] = {}

    # -- low level -------------------------------------------------------------------------
    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def advance(self, n: int = 1) -> None:
        chunk = self.text[self.pos : self.pos + n]
        self.line += chunk.count("\n")
        self.pos += n

    def skip_blank(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.advance()
            elif ch == "#":
                while self.pos < len(self.text) and self.text[self.pos] != "\n":
                    self.pos += 1
            else:
                return

    def read_string(self) -> str:
        quote = self.peek()
        if self.peek(3) == quote * 3:
            self.advance(3)
            match = _BODY[quote * 3].match(self.text, self.pos)
            end = match.end() if match else len(self.text)
            while self.text[end + 3 : end + 4] == quote:  # up to two quotes may close it
                end += 1
            value = self.text[self.pos : end]
            self.advance(end + 3 - self.pos)
            return value
        self.advance()
        match = _BODY[quote].match(self.text, self.pos)
        value = match.group() if match else ""
        self.advance(len(value) + 1)
        return value

    def read_key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            if self.peek() in ('"', "'"):
                parts.append(self.read_string())
            else:
                start = self.pos
                while self.pos < len(self.text) and self.text[self.pos] in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.advance()
                continue
            return parts

    # -- values ----------------------------------------------------------------------------
    def value(self, path: DataPath) -> None:
        self.lines.setdefault(path, self.line)
        ch = self.peek()
        if ch == "[":
            self.advance()
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if self.peek() == "]":
                    self.advance()
                    return
                self.value((*path, index))
                index += 1
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.advance()
        elif ch == "{":
            self.advance()
            while True:
                self.skip_blank(newlines=True)
                if self.peek() == "}":
                    self.advance()
                    return
                key = self.read_key()
                self.skip_blank(newlines=False)
                self.advance()  # "="
                self.skip_blank(newlines=False)
                self.value((*path, *key))
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.advance()
        elif ch in ('"', "'"):
            self.read_string()
        else:
            while self.pos < len(self.text) and self.text[self.pos] not in ",]}\n#":
                self.pos += 1

    # -- document --------------------------------------------------------------------------
    def resolve(self, keys: list[str], array: bool) -> DataPath:
        path: DataPath = ()
        for i, key in enumerate(keys):
            path = (*path, key)
            last = i == len(keys) - 1
            if last and array:
                index = self.aot_count.get(path, 0)
                self.aot_count[path] = index + 1
                self.lines.setdefault(path, self.line)
                path = (*path, index)
            elif path in self.aot_count:
                path = (*path, self.aot_count[path] - 1)
        return path

    def document(self) -> dict[DataPath, int]:
        table: DataPath = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            if self.peek(2) == "[[":
                self.advance(2)
                keys = self.read_key()
                self.advance(2)
                table = self.resolve(keys, array=True)
                self.lines.setdefault(table, self.line)
            elif self.peek() == "[":
                self.advance()
                keys = self.read_key()
                self.advance()
                table = self.resolve(keys, array=False)
                self.lines.setdefault(table, self.line)
            else:
                key = self.read_key()
                self.skip_blank(newlines=False)
                self.advance()  # "="
                self.skip_blank(newlines=False)
                self.value((*table, *key))


def line_index(text: str) -> dict[DataPath, int]:
    """Return the starting line of every table, key and array element in ``text``."""
    try:
        index = _Scanner(text).document()
        index.setdefault((), 1)
        return index
    except (IndexError, ValueError):  # pragma: no cover - only reached on text tomllib rejected
        return {}


def line_of(index: dict[DataPath, int], path: DataPath) -> int | None:
    """Return the line of ``path`` or of its nearest ancestor that has one."""
    for end in range(len(path), -1, -1):
        line = index.get(path[:end])
        if line is not None:
            return line
    return None
