"""Write a report back to TOML: one document, or a folder of ``report.toml`` and part files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from boardreport import model
from boardreport.errors import DumpError
from boardreport.io._converter import converter
from boardreport.io._paths import ROOT_FILE


def _has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_carriage_return(v) for v in value)
    return False


def _document(data: dict[str, Any]) -> str:
    # TOML parsers normalise line endings inside multi-line strings, so text holding a
    # carriage return is written as escaped single-line strings to keep it exact.
    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))


def dumps(report: model.Report) -> str:
    """Return ``report`` as one TOML document (sections inline)."""
    data: dict[str, Any] = converter().unstructure(report, model.Report)
    return _document(data)


def write_atomic(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A crash leaves either the old file or the new one, never half of each.

    Raises:
        DumpError: when ``path`` exists and ``overwrite`` is false.
    """
    refusal = f"{path} exists; pass overwrite=True (or --force) to replace it"
    if path.exists() and not overwrite:
        raise DumpError(refusal)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            Path(tmp).replace(path)
        else:
            # A hard link fails if the name was taken since the check above, so a file that
            # appeared in between is never replaced.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise DumpError(refusal) from None
            Path(tmp).unlink()
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _commented(name: str, text: str, headers: Mapping[str, str], footers: Mapping[str, str]) -> str:
    """``text`` with the header and footer given for the file ``name`` around it."""
    head, foot = headers.get(name, ""), footers.get(name, "")
    if head and not head.endswith("\n"):
        head += "\n"
    if foot and not foot.startswith("\n"):
        foot = "\n" + foot
    return f"{head}{text}{foot}"


def dump(
    report: model.Report,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    headers: Mapping[str, str] | None = None,
    footers: Mapping[str, str] | None = None,
    split: Mapping[str, str] | None = None,
) -> Path:
    """Write ``report`` to ``path`` and return the root file written.

    A path ending in ``.toml`` gets one document. Any other path is a report folder: its
    ``report.toml`` lists one part file per top-level section under ``parts/``. ``split`` maps
    a top-level section id to a folder under ``parts/``: that section's subsections are then
    written one file each in that folder (``parts/agencies/01-<id>.toml``) and listed by its
    part file. ``headers`` and ``footers`` map a file's path relative to the folder (for
    example ``"report.toml"`` or ``"parts/01-foreword.toml"``) to text, normally TOML
    comments, written before or after its data.
    Existing files are never replaced unless ``overwrite`` is true.

    Raises:
        DumpError: when a file would be overwritten without ``overwrite``.
    """
    heads, feet, splits = headers or {}, footers or {}, split or {}
    target = Path(path)
    if target.suffix == ".toml":
        text = _commented(target.name, dumps(report), heads, feet)
        write_atomic(target, text, overwrite=overwrite)
        return target
    conv = converter()
    files: dict[Path, str] = {}
    names: list[str] = []

    def add(name: str, data: dict[str, Any]) -> None:
        files[target / name] = _commented(name, _document(data), heads, feet)

    for number, section in enumerate(report.sections, start=1):
        name = f"parts/{number:02d}-{section.id}.toml"
        names.append(name)
        folder = splits.get(section.id)
        if folder and section.sections:
            children = []
            for index, child in enumerate(section.sections, start=1):
                child_name = f"{folder}/{index:02d}-{child.id}.toml"
                children.append(child_name)
                add(f"parts/{child_name}", conv.unstructure(child, model.Section))
            data = conv.unstructure(attrs.evolve(section, sections=()), model.Section)
            data["parts"] = children
            add(name, data)
        else:
            add(name, conv.unstructure(section, model.Section))
    root: dict[str, Any] = conv.unstructure(attrs.evolve(report, sections=()), model.Report)
    suppressions = root.pop("suppressions", None)
    if names:
        root["parts"] = names
    if suppressions:
        root["suppressions"] = suppressions
    add(ROOT_FILE, root)
    if not overwrite:
        existing = [str(f) for f in files if f.exists()]
        if existing:
            msg = (
                f"refusing to overwrite {len(existing)} existing file(s), first {existing[0]}; "
                "pass overwrite=True (or --force) to replace them"
            )
            raise DumpError(msg)
    for file, text in files.items():
        write_atomic(file, text, overwrite=True)
    return target / ROOT_FILE
