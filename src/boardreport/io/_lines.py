"""Map each key and array element of a TOML document to the line it starts on.

``tomllib`` gives values, not positions; error messages and findings need a line. This scanner
reads a document that ``tomllib`` has already accepted and records, for every data path
(``("blocks", 2, "rows", 0)``), the 1-based line where its value starts. One regular expression
splits the text into tokens (strings, brackets, punctuation, bare words, line ends; a string's
text is taken in runs, never given back, so long prose costs one pass); a small recursive
reader walks the tokens.
"""

from __future__ import annotations

import bisect
import re
from typing import TypeAlias

Key: TypeAlias = str | int
DataPath: TypeAlias = tuple[Key, ...]

_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<skip>[ \t\r]+|#[^\n]*)",
            r"(?P<nl>\n)",
            r'(?P<mlb>"""(?:[^"\\]++|\\.|"(?!""))*+"""(?:"{1,2})?)',
            r"(?P<mll>'''(?:[^']++|'(?!''))*+'''(?:'{1,2})?)",
            r'(?P<bas>"(?:[^"\\\n]++|\\.)*+")',
            r"(?P<lit>'[^'\n]*')",
            r"(?P<punct>[\[\]{}=,.])",
            r"(?P<word>[^\s\"'\[\]{}=,#.]+)",
        )
    ),
    re.DOTALL,
)
_STRING_KINDS = frozenset({"mlb", "mll", "bas", "lit"})
_QUOTE_WIDTH = {"mlb": 3, "mll": 3, "bas": 1, "lit": 1}


class _Reader:
    def __init__(self, text: str) -> None:
        self.kinds: list[str] = []
        self.texts: list[str] = []
        self.starts: list[int] = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup or "word"
            if kind != "skip":
                self.kinds.append(kind)
                self.texts.append(match.group())
                self.starts.append(match.start())
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[DataPath, int] = {}
        self.aot_count: dict[DataPath, int] = {}

    def line(self, i: int) -> int:
        return bisect.bisect_right(self.newlines, self.starts[i] - 1) + 1

    def skip_newlines(self, i: int) -> int:
        while self.kinds[i] == "nl":
            i += 1
        return i

    def key(self, i: int) -> tuple[list[str], int]:
        parts: list[str] = []
        while True:
            kind, text = self.kinds[i], self.texts[i]
            if kind in _STRING_KINDS:
                width = _QUOTE_WIDTH[kind]
                parts.append(text[width:-width])
            else:
                parts.append(text)
            i += 1
            if i < len(self.texts) and self.texts[i] == ".":
                i += 1
                continue
            return parts, i

    def value(self, i: int, path: DataPath) -> int:
        self.lines.setdefault(path, self.line(i))
        text = self.texts[i]
        if text == "[" and self.kinds[i] == "punct":
            i += 1
            index = 0
            while True:
                i = self.skip_newlines(i)
                if self.texts[i] == "]":
                    return i + 1
                i = self.value(i, (*path, index))
                index += 1
                i = self.skip_newlines(i)
                if self.texts[i] == ",":
                    i += 1
        if text == "{" and self.kinds[i] == "punct":
            i += 1
            while True:
                i = self.skip_newlines(i)
                if self.texts[i] == "}":
                    return i + 1
                keys, i = self.key(i)
                i += 1  # "="
                i = self.value(i, (*path, *keys))
                i = self.skip_newlines(i)
                if self.texts[i] == ",":
                    i += 1
        if self.kinds[i] in _STRING_KINDS:
            return i + 1
        while i < len(self.texts) and self.kinds[i] != "nl" and self.texts[i] not in ",]}":
            i += 1
        return i

    def resolve(self, keys: list[str], array: bool, line: int) -> DataPath:
        path: DataPath = ()
        for position, key in enumerate(keys):
            path = (*path, key)
            if position == len(keys) - 1 and array:
                index = self.aot_count.get(path, 0)
                self.aot_count[path] = index + 1
                self.lines.setdefault(path, line)
                path = (*path, index)
            elif path in self.aot_count:
                path = (*path, self.aot_count[path] - 1)
        return path

    def document(self) -> dict[DataPath, int]:
        table: DataPath = ()
        i, end = 0, len(self.texts)
        while i < end:
            if self.kinds[i] == "nl":
                i += 1
                continue
            if self.texts[i] == "[" and self.kinds[i] == "punct":
                array = (
                    i + 1 < end
                    and self.texts[i + 1] == "["
                    and self.starts[i + 1] == self.starts[i] + 1
                )
                line = self.line(i)
                keys, i = self.key(i + (2 if array else 1))
                i += 2 if array else 1
                table = self.resolve(keys, array, line)
                self.lines.setdefault(table, line)
            else:
                keys, i = self.key(i)
                i += 1  # "="
                i = self.value(i, (*table, *keys))
        return self.lines


def line_index(text: str) -> dict[DataPath, int]:
    """Return the starting line of every table, key and array element in ``text``."""
    try:
        index = _Reader(text).document()
    except (IndexError, ValueError, RecursionError):  # only on text tomllib rejected
        return {(): 1}
    index.setdefault((), 1)
    return index


def line_of(index: dict[DataPath, int], path: DataPath) -> int | None:
    """Return the line of ``path`` or of its nearest ancestor that has one."""
    for end in range(len(path), -1, -1):
        line = index.get(path[:end])
        if line is not None:
            return line
    return None


_OPENER = re.compile(r'"""|\'\'\'|["\'#\[\]{}]')
_MULTILINE_BASIC_END = re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL)
_BASIC_END = re.compile(r'(?:[^"\\\n]|\\.)*"')


def unclosed_line(text: str) -> int | None:
    """Return the line where a string, array or inline table still open at the end of
    ``text`` was opened (for TOML that ends inside one), or None if none is open."""
    brackets: list[int] = []
    position = 0
    while (match := _OPENER.search(text, position)) is not None:
        token, start = match.group(), match.start()
        end: int | None
        if token == "#":
            end = text.find("\n", start)
            end = len(text) if end < 0 else end + 1
        elif token == '"""':
            closing = _MULTILINE_BASIC_END.match(text, start + 3)
            end = closing.end() if closing else None
        elif token == "'''":
            found = text.find("'''", start + 3)
            end = found + 3 if found >= 0 else None
        elif token == '"':
            closing = _BASIC_END.match(text, start + 1)
            end = closing.end() if closing else None
        elif token == "'":
            found = text.find("'", start + 1)
            newline = text.find("\n", start + 1)
            end = found + 1 if found >= 0 and (newline < 0 or found < newline) else None
        else:
            if token in "[{":
                brackets.append(start)
            elif brackets:
                brackets.pop()
            end = start + 1
        if end is None:
            return text.count("\n", 0, start) + 1
        position = end
    return text.count("\n", 0, brackets[0]) + 1 if brackets else None
