"""Where each part of a loaded report came from: file and line for any data path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from attrs import define, field

from boardreport.io._lines import DataPath, line_index, line_of
from boardreport.io._paths import parse_path


@define
class SourceMap:
    """Maps stable report paths (``section/sub/block.field[i]``) to file and line."""

    root: Path | None = None
    anchors: dict[str, tuple[Path, DataPath]] = field(factory=dict)
    texts: dict[Path, str] = field(factory=dict)
    _indexes: dict[Path, dict[DataPath, int]] = field(factory=dict, alias="_indexes")
    _line_index: Callable[[str], dict[DataPath, int]] = field(
        default=line_index, eq=False, repr=False, alias="line_index"
    )
    """Builds a file's line index (a process that loads again may keep them)."""

    def add_file(self, file: Path, text: str) -> None:
        """Record the text of one file; its line index is built the first time it is needed."""
        self.texts[file] = text

    def lines(self, file: Path) -> dict[DataPath, int]:
        """Return the line index of ``file`` (data path → line), built once on first use."""
        index = self._indexes.get(file)
        if index is None:
            text = self.texts.get(file)
            index = self._line_index(text) if text is not None else {}
            self._indexes[file] = index
        return index

    def anchor(self, stable: str, file: Path, raw: DataPath) -> None:
        """Record that the section or block ``stable`` starts at ``raw`` in ``file``."""
        self.anchors[stable] = (file, raw)

    def locate(self, path: str) -> tuple[Path | None, int | None]:
        """Return (file, line) for a stable path, as precisely as the source allows."""
        head, _, suffix = path.partition(".")
        anchor = self.anchors.get(head)
        while anchor is None and "/" in head:
            head = head.rsplit("/", 1)[0]
            suffix = ""
            anchor = self.anchors.get(head)
        if anchor is None:
            if self.root is None:
                return None, None
            raw = parse_path(path)
            return self.root, line_of(self.lines(self.root), raw)
        file, raw = anchor
        full = (*raw, *parse_path(suffix)) if suffix else raw
        return file, line_of(self.lines(file), full)
