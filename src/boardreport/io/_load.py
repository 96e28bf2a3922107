"""Load a report folder (``report.toml`` plus part files) into a :class:`~boardreport.Report`."""

from __future__ import annotations

import ast
import os
import re
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs
import tomli
from cattrs import transform_error
from cattrs.errors import ForbiddenExtraKeysError

from boardreport import model
from boardreport.errors import LoadError, Problem
from boardreport.io._converter import FieldError, converter, suggest
from boardreport.io._files import MAX_FILE_BYTES, FileTooLargeError, NotAFileError, read_text
from boardreport.io._hints import syntax_hint
from boardreport.io._lines import DataPath, line_of, unclosed_line
from boardreport.io._paths import ROOT_FILE, format_path, root_file
from boardreport.io._sourcemap import SourceMap

if typing.TYPE_CHECKING:
    from boardreport.io._reuse_files import ParsedFiles

MAX_SECTION_DEPTH = 20
"""Deepest nesting of sections accepted (inline ``[[sections]]`` and ``parts`` together)."""
MAX_PROBLEMS = 500
"""Most problems listed for one load; a hostile file could otherwise yield millions."""
MAX_MESSAGE = 1000
"""Longest problem message or data path; longer ones (quoting a huge value) are cut short."""
MAX_HEADER_KEYS = 64
"""Most keys in one ``[table]`` header; the parser's time grows with it on every line below."""
MAX_NUMBER_DIGITS = 15
"""Most digits before the decimal point: charts draw numbers as doubles, exact to 15 digits."""
MAX_DECIMAL_PLACES = 20
"""Most digits after the decimal point; ``1e-99999999`` would print as millions of zeros."""

T = TypeVar("T")

_FIELD_NAME = re.compile(r"^'([a-z_]+)'")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = "(at end of document)"
_LONG_NUMBER = re.compile(r"[0-9_]{4000,}")
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_HEADER = re.compile(
    rf"[ \t]*\[\[?[ \t]*({_KEY}(?:[ \t]*\.[ \t]*{_KEY})*)[ \t]*\]\]?[ \t]*(?:#.*)?\r?"
)
_BRACKET_LINE = re.compile(r"^[ \t]*\[.*$", re.MULTILINE)


def _deep_header(text: str) -> int | None:
    """Return the line of the first table header with more than MAX_HEADER_KEYS keys."""
    for candidate in _BRACKET_LINE.finditer(text):
        if candidate.group().count(".") < MAX_HEADER_KEYS:
            continue
        header = _HEADER.fullmatch(candidate.group())
        if header and len(re.findall(_KEY, header.group(1))) > MAX_HEADER_KEYS:
            return text.count("\n", 0, candidate.start()) + 1
    return None


def _number_problem(value: int | Decimal) -> str | None:
    """Why a number cannot be shown or charted exactly, or None."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None  # refused where a number is expected, with its own message
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # a finite Decimal has an integer exponent
        too_large = value != 0 and value.adjusted() >= MAX_NUMBER_DIGITS
    else:
        too_large = abs(value) >= 10**MAX_NUMBER_DIGITS
        exponent = 0
    if too_large:
        return (
            f"number {_short_number(value)} is too large: a number may have at most "
            f"{MAX_NUMBER_DIGITS} digits before the decimal point"
        )
    if -exponent > MAX_DECIMAL_PLACES or exponent > MAX_NUMBER_DIGITS:
        return (
            f"number {_short_number(value)} has too many decimal places or too large an "
            f"exponent: at most {MAX_DECIMAL_PLACES} decimal places"
        )
    return None


def _short_number(value: int | Decimal) -> str:
    if isinstance(value, int) and value.bit_length() > 200:
        return f"of {len(str(abs(value)))} digits"
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _numbers(data: Any) -> Iterator[tuple[DataPath, int | Decimal]]:
    """Every number in parsed TOML data, with its data path (walked without recursion, and
    with each path built only for a number: a dotted key can nest tables millions deep)."""
    Trail = tuple[Any, Any] | None  # (parent trail, key): a path built only when needed
    stack: list[tuple[Any, Trail]] = [(data, None)]
    while stack:
        value, trail = stack.pop()
        if isinstance(value, bool):
            continue
        if isinstance(value, int | Decimal):
            keys: list[Any] = []
            while trail is not None:
                trail, key = trail
                keys.append(key)
            yield tuple(reversed(keys)), value
        elif isinstance(value, dict):
            stack.extend((item, (trail, key)) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, (trail, i)) for i, item in reversed(list(enumerate(value))))


def _type_name(cl: Any) -> str:
    if cl is None:
        return ""
    if isinstance(cl, type) and attrs.has(cl):
        return "a table"
    if set(typing.get_args(cl)) & {int, Decimal} == {int, Decimal}:
        return "a number"
    names = {str: "text", int: "a whole number", bool: "true or false", Decimal: "a number"}
    return names.get(cl, getattr(cl, "__name__", str(cl)))


_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")


def _steps(where: str) -> DataPath:
    """Turn a cattrs error path (``$.sections[0].blocks[2].id``) back into a data path."""
    steps: list[str | int] = []
    for name, index, key in _STEP.findall(where.removeprefix("$")):
        if name:
            steps.append(name)
        elif index:
            steps.append(int(index))
        else:
            steps.append(ast.literal_eval(key))
    return tuple(steps)


def _problems(exc: BaseException, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """Flatten a cattrs detailed-validation error into (data path, message) pairs.

    ``cattrs.transform_error`` walks the nested errors and builds each one's path; the formatter
    given to it records the error, and each error is then described by :func:`_describe`.
    """
    seen: list[tuple[BaseException, Any]] = []

    def record(inner: BaseException, expected: Any) -> str:
        seen.append((inner, expected))
        return str(len(seen) - 1)

    for line in transform_error(exc, path="$", format_exception=record):
        token, _, where = line.partition(" @ ")
        inner, expected = seen[int(token)]
        yield from _describe(inner, (*path, *_steps(where)), expected)


def _describe(
    exc: BaseException, path: DataPath, expected: Any = None
) -> Iterator[tuple[DataPath, str]]:
    """The messages for one error at ``path``; ``expected`` is the type the value should have."""
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            yield (*path, key), f"unknown key '{key}'{suggest(key, known)}"
    elif isinstance(exc, KeyError):
        name = path[-1] if path else "?"
        wanted = _type_name(expected)
        yield path, f"missing required key '{name}'" + (f" ({wanted})" if wanted else "")
    elif isinstance(exc, FieldError):
        yield ((*path, exc.field) if exc.field else path), str(exc)
    else:
        message = str(exc.args[0]) if exc.args else type(exc).__name__
        match = _FIELD_NAME.match(message)
        if match:  # an attrs validator of the model: "'id' must be ..."
            yield (*path, match.group(1)), message.removeprefix(f"'{match.group(1)}' ")
        else:
            yield path, message


def _cut(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


def _display(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class _Loader:
    def __init__(self, root_file: Path, parsed: ParsedFiles | None = None) -> None:
        self.root_file = root_file
        self.folder = root_file.parent.resolve()
        self.problems: list[Problem] = []
        self.parsed = parsed
        self.sources = (
            SourceMap(root=_display(root_file))
            if parsed is None
            else SourceMap(root=_display(root_file), line_index=parsed.line_index)
        )
        self.converter = converter()
        self.included: set[Path] = set()

    def problem(
        self,
        file: Path | None,
        raw: DataPath,
        message: str,
        line: int | None = None,
        *,
        hint: str = "",
    ) -> None:
        if self.full:
            return
        if len(self.problems) == MAX_PROBLEMS:
            message = f"more than {MAX_PROBLEMS} problems; only the first {MAX_PROBLEMS} are listed"
            self.problems.append(
                Problem(file=_display(self.root_file), line=None, path="", message=message)
            )
            return
        if line is None and file is not None:
            line = line_of(self.sources.lines(_display(file)), raw)
        self.problems.append(
            Problem(
                file=_display(file) if file else None,
                line=line,
                path=_cut(format_path(raw)),
                message=_cut(message),
                hint=hint,
            )
        )

    @property
    def full(self) -> bool:
        """True once MAX_PROBLEMS problems are recorded; later ones are dropped."""
        return len(self.problems) > MAX_PROBLEMS

    def read(self, file: Path, origin: tuple[Path, DataPath] | None) -> dict[str, Any] | None:
        """Read and parse one TOML file; record problems and return None on failure."""
        where, raw = origin if origin else (file, ())
        try:
            text = read_text(file)
        except FileNotFoundError:
            self.problem(where, raw, f"file not found: {_display(file)}")
            return None
        except IsADirectoryError:
            self.problem(where, raw, f"expected a file, found a folder: {_display(file)}")
            return None
        except NotAFileError:
            self.problem(where, raw, f"not a regular file: {_display(file)}")
            return None
        except FileTooLargeError as exc:
            self.problem(file, (), str(exc), 1)
            return None
        except UnicodeDecodeError as exc:
            self.problem(file, (), f"file is not UTF-8 text ({exc.reason} at byte {exc.start})", 1)
            return None
        except OSError as exc:
            self.problem(where, raw, f"cannot read {_display(file)}: {exc.strerror or exc}")
            return None
        return self.parse(text, file)

    def parse(self, text: str, file: Path) -> dict[str, Any] | None:
        kept = self.parsed.parsed(file, text) if self.parsed is not None else None
        if kept is not None:  # the same text parsed earlier by this process, and valid
            self.sources.add_file(_display(file), text)
            return kept
        deep = _deep_header(text)
        if deep is not None:
            message = f"a table header has more than {MAX_HEADER_KEYS} keys"
            self.problem(file, (), message, deep)
            return None
        try:
            data = tomli.loads(text, parse_float=Decimal)
        except tomli.TOMLDecodeError as exc:
            message = str(exc)
            match = _TOML_POSITION.search(message)
            line = int(match.group(1)) if match else None
            message = _TOML_POSITION.sub("", message).strip()
            if match:
                message += f" (column {match.group(2)})"
            hint = syntax_hint(text, message, line)
            if hint is not None:
                line = hint.line
            if _AT_END in message:  # located where the unclosed string or bracket opened
                if hint is None:
                    line = unclosed_line(text)
                where = "; it opens on this line" if line is not None else ""
                message = message.replace(_AT_END, f"(the file ends before it is closed{where})")
            self.problem(
                file, (), f"TOML syntax error: {message}", line, hint=hint.text if hint else ""
            )
            return None
        except RecursionError:
            self.problem(file, (), "TOML nesting is too deep", 1)
            return None
        except ValueError as exc:  # tomli: an integer longer than int() accepts
            long_number = _LONG_NUMBER.search(text)
            line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
            self.problem(file, (), f"TOML value cannot be read: {str(exc).split(';')[0]}", line)
            return None
        self.sources.add_file(_display(file), text)
        bounded = True
        for path, number in _numbers(data):
            refusal = _number_problem(number)
            if refusal is not None:
                self.problem(file, path, refusal)
                bounded = False
        if not bounded:
            return None
        if self.parsed is not None:
            self.parsed.keep(file, text, data)
        return data

    def resolve_part(self, base: Path, entry: Any, origin: tuple[Path, DataPath]) -> Path | None:
        file, raw = origin
        if not isinstance(entry, str) or not entry:
            self.problem(file, raw, "expected a file path (text in quotes)")
            return None
        if "\0" in entry:
            self.problem(file, raw, "part path contains a NUL character")
            return None
        candidate = Path(entry)
        if candidate.is_absolute():
            self.problem(file, raw, f"part path must be relative to the report folder: {entry!r}")
            return None
        target = base / candidate
        real = Path(os.path.realpath(target))
        if not real.is_relative_to(self.folder):
            self.problem(
                file, raw, f"part path leads outside the report folder ({self.folder}): {entry!r}"
            )
            return None
        return target

    def parts(
        self,
        data: dict[str, Any],
        file: Path,
        raw: DataPath,
        stack: tuple[Path, ...],
        prefix: str,
        depth: int = 1,
    ) -> list[model.Section]:
        """Load the sections named by a ``parts`` key of the table at ``raw`` in ``file``."""
        entries = data.pop("parts", [])
        if not isinstance(entries, list):
            self.problem(file, (*raw, "parts"), "expected an array of file paths")
            return []
        if entries and depth > MAX_SECTION_DEPTH:
            message = f"sections are nested more than {MAX_SECTION_DEPTH} deep"
            self.problem(file, (*raw, "parts"), message)
            return []
        sections: list[model.Section] = []
        for i, entry in enumerate(entries):
            origin = (file, (*raw, "parts", i))
            target = self.resolve_part(file.parent, entry, origin)
            if target is None:
                continue
            real = Path(os.path.realpath(target))
            if real in stack:
                self.problem(file, origin[1], f"part includes itself: {entry!r}")
                continue
            if real in self.included:
                self.problem(file, origin[1], f"part is included more than once: {entry!r}")
                continue
            self.included.add(real)
            section = self.section_file(target, origin, (*stack, real), prefix, depth)
            if section is not None:
                sections.append(section)
        return sections

    def section_file(
        self,
        file: Path,
        origin: tuple[Path, DataPath],
        stack: tuple[Path, ...],
        prefix: str,
        depth: int = 1,
    ) -> model.Section | None:
        data = self.read(file, origin)
        if data is None:
            return None
        return self.section(data, file, (), stack, prefix, depth)

    def section(
        self,
        data: dict[str, Any],
        file: Path,
        raw: DataPath,
        stack: tuple[Path, ...],
        prefix: str,
        depth: int = 1,
    ) -> model.Section | None:
        """Structure one section table (and its inline and part subsections)."""
        if depth > MAX_SECTION_DEPTH:
            message = f"sections are nested more than {MAX_SECTION_DEPTH} deep"
            self.problem(file, raw, message)
            return None
        sid = data.get("id")
        stable = f"{prefix}{sid}" if isinstance(sid, str) else f"{prefix}?"
        children = self.inline_sections(data, file, raw, stack, stable + "/", depth + 1)
        part_sections = self.parts(data, file, raw, stack, stable + "/", depth + 1)
        section = self.structure(data, model.Section, file, raw)
        if section is None:
            return None
        shown = _display(file)
        self.sources.anchor(stable, shown, raw)
        for index, block in enumerate(section.blocks):
            self.sources.anchor(
                f"{stable}/{model.block_key(block, index)}", shown, (*raw, "blocks", index)
            )
        return attrs.evolve(section, sections=(*children, *part_sections))

    def report(self, data: dict[str, Any]) -> model.Report | None:
        """Structure the root table and every section and part it names."""
        stack = (Path(os.path.realpath(self.root_file)),)
        sections = self.inline_sections(data, self.root_file, (), stack, "", 1)
        sections.extend(self.parts(data, self.root_file, (), stack, ""))
        report = self.structure(data, model.Report, self.root_file, ())
        if report is None:
            return None
        return attrs.evolve(report, sections=tuple(sections))

    def inline_sections(
        self,
        data: dict[str, Any],
        file: Path,
        raw: DataPath,
        stack: tuple[Path, ...],
        prefix: str,
        depth: int,
    ) -> list[model.Section]:
        """Load the ``[[sections]]`` written inside the table at ``raw`` in ``file``."""
        children_raw = data.pop("sections", [])
        if not isinstance(children_raw, list):
            self.problem(file, (*raw, "sections"), "expected an array of tables")
            return []
        children: list[model.Section] = []
        for i, child in enumerate(children_raw):
            if not isinstance(child, dict):
                self.problem(file, (*raw, "sections", i), "expected a table")
                continue
            loaded = self.section(child, file, (*raw, "sections", i), stack, prefix, depth)
            if loaded is not None:
                children.append(loaded)
        return children

    def structure(self, data: dict[str, Any], cls: type[T], file: Path, raw: DataPath) -> T | None:
        """Structure ``data`` as ``cls``; on failure record every problem and return None."""
        try:
            result: T = self.converter.structure(data, cls)
        except Exception as exc:  # every structuring failure becomes a located problem
            for path, message in _problems(exc, raw):
                if self.full:
                    break
                self.problem(file, path, message)
            return None
        return result


def load_with_sources(
    path: str | os.PathLike[str], *, parsed: ParsedFiles | None = None
) -> tuple[model.Report, SourceMap]:
    """Load a report and the map from its data paths to file and line.

    ``parsed`` keeps parsed files between loads of one process (``serve``): a file whose
    text is unchanged since an earlier load is not parsed again.

    Raises:
        LoadError: listing every problem found in every file of the report.
    """
    where = Path(path)
    try:
        root = root_file(path)
        found = root.exists()
    except OSError as exc:  # the folder cannot be searched
        message = f"cannot read {where}: {exc.strerror or exc}"
        raise LoadError([Problem(file=where, line=None, path="", message=message)]) from None
    if not found:
        hint = f"no {ROOT_FILE} in {where}" if where.is_dir() else f"no such file: {where}"
        raise LoadError([Problem(file=where, line=None, path="", message=hint)])
    loader = _Loader(root, parsed)
    data = loader.read(root, None)
    report = loader.report(data) if data is not None else None
    if loader.problems or report is None:
        raise LoadError(loader.problems)
    return report, loader.sources


def load(path: str | os.PathLike[str]) -> model.Report:
    """Load the report in folder ``path`` (or the root TOML file ``path``).

    Raises:
        LoadError: listing every problem found in every file of the report.
    """
    return load_with_sources(path)[0]


def loads(text: str, *, name: str = "<string>") -> model.Report:
    """Load a report from one TOML document; ``parts`` are not allowed here.

    Raises:
        LoadError: listing every problem found.
    """
    fake = Path(name)
    loader = _Loader(fake)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        message = f"text is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"
        raise LoadError([Problem(file=fake, line=1, path="", message=message)])
    data = loader.parse(text, fake)
    if data is None:
        raise LoadError(loader.problems)
    if "parts" in data:
        loader.problem(fake, ("parts",), "'parts' needs a report folder; use boardreport.load()")
        raise LoadError(loader.problems)
    report = loader.report(data)
    if loader.problems or report is None:
        raise LoadError(loader.problems)
    return report
