"""docs/format.md stays true to the model: every example loads, and every class is documented.

How docs/format.md is read
--------------------------
Fenced blocks are taken in document order.

A ```toml block is loaded as what it is:

* a table with a top-level ``board`` key is a whole ``report.toml``, loaded with
  ``boardreport.loads``; its object is the report;
* a table with top-level ``id`` and ``title`` is a part file (one section); it becomes the only
  part of a minimal report folder loaded with ``boardreport.load``; its object is the section;
* a block whose first line is ``# fragment: <wrap> [<path>]`` is a piece of a file.
  ``# fragment: block`` is one ``[[blocks]]`` entry, loaded as the only block of a part file;
  its object is the block. ``# fragment: report`` is root keys and tables, appended to the
  minimal root keys (``MINIMAL_ROOT``); its object is the report. The optional ``<path>``
  (``chair``, ``comparators[0]``) picks an attribute of the object;
* a block whose first line is ``# file: <relative path>`` is one file of a report folder; a run
  of such blocks (no other fenced block between them) is written to a temporary folder and
  loaded with ``boardreport.load``; its object is the report.

Every TOML example (or folder) is followed by a ```python block, which runs in a fresh namespace
and ends by assigning ``example``. ``example`` must equal the TOML's object and have the same
repr (so ``22`` where the file says ``22.5``, or an int where it has a decimal, fails). A
```pycon block is a doctest run in the namespace the ```python block before it left.

A heading whose whole text is the name of a model class documents that class. The first table
under it whose first column is ``Key`` lists exactly the class's fields (plus ``type`` for a
block and ``parts`` for Report and Section). Its third column says ``required``, ``optional``
(may be left out: no value) or ``default `X``` with X the default written in TOML, and its
second column names every enumeration or class the field holds. The heading's own text (up to
the next heading) holds a TOML and Python pair whose ``example`` is an instance of the class.
An enumeration's heading has a table whose first column is ``Value`` listing exactly its values.
"""

from __future__ import annotations

import ast
import doctest
import enum
import functools
import json
import re
import tempfile
import tomllib
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import boardreport
from boardreport import model

DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"

MINIMAL_ROOT = """\
board = "Exampleshire Safeguarding Children Board"
area = "Exampleshire"
title = "Exampleshire Safeguarding Children Board Annual Report 2014-15"
period_start = 2014-04-01
period_end = 2015-03-31
"""
BLOCK_SECTION = 'id = "example"\ntitle = "Example"\n\n'
KEY_HEADER = ["Key", "Type", "Required / default", "Meaning"]
FENCE_LANGUAGES = {"toml", "python", "pycon", "text"}
NOT_IN_FILES = {model.Located}
"""Model classes that no report file holds (Located walks a loaded report): no TOML example."""

_FENCE = re.compile(r"^```(\S*)\s*$")
_HEADING = re.compile(r"^(#{1,6}) +(.+?)\s*$")
_MARKER = re.compile(r"^# (fragment|file): *(\S+)(?: +(\S+))? *$")
_PATH_TOKEN = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


# ---------------------------------------------------------------------------------------------
# reading the document


@attrs.define
class Fence:
    """A fenced code block: its language, text, line of the opening fence and heading above."""

    lang: str
    text: str
    line: int
    heading: str


@attrs.define
class Heading:
    """A heading with its own text (up to the next heading) and the tables in that text."""

    level: int
    text: str
    line: int
    body: list[str] = attrs.Factory(list)
    tables: list[list[list[str]]] = attrs.Factory(list)


@attrs.define
class Pair:
    """A TOML example (one block, or the files of one folder), its Python twin and doctests."""

    toml: list[Fence]
    python: Fence
    pycon: list[Fence] = attrs.Factory(list)

    @property
    def name(self) -> str:
        return f"format.md:{self.toml[0].line}"


def _cells(line: str) -> list[str]:
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(inner)]


def _is_separator(cells: list[str]) -> bool:
    return all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells)


def parse(text: str) -> tuple[list[Fence], list[Heading]]:
    """Split the document into fenced blocks and headings (with their tables)."""
    fences: list[Fence] = []
    headings: list[Heading] = [Heading(level=0, text="", line=0)]
    lines = text.splitlines()
    fence: Fence | None = None
    table: list[list[str]] | None = None
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if fence is not None:
            if line.rstrip() == "```":
                fences.append(fence)
                fence = None
            else:
                fence.text += line + "\n"
            headings[-1].body.append(line)
            continue
        if match:
            fence = Fence(lang=match.group(1), text="", line=number, heading=headings[-1].text)
            headings[-1].body.append(line)
            table = None
            continue
        heading = _HEADING.match(line)
        if heading:
            headings.append(
                Heading(level=len(heading.group(1)), text=heading.group(2), line=number)
            )
            table = None
            continue
        headings[-1].body.append(line)
        if line.lstrip().startswith("|"):
            cells = _cells(line)
            if table is None:
                table = []
                headings[-1].tables.append(table)
            if not _is_separator(cells):
                table.append(cells)
        else:
            table = None
    assert fence is None, f"format.md:{fence.line}: fenced block is not closed"
    return fences, headings[1:]


def _marker(fence: Fence) -> tuple[str, str, str | None] | None:
    first = fence.text.split("\n", 1)[0]
    match = _MARKER.match(first)
    return (match.group(1), match.group(2), match.group(3)) if match else None


def _is_file(fence: Fence) -> bool:
    marker = _marker(fence)
    return marker is not None and marker[0] == "file"


def pair_up(fences: list[Fence]) -> tuple[list[Pair], list[str]]:
    """Pair each TOML example with the Python block after it; return pairs and problems."""
    pairs: list[Pair] = []
    problems: list[str] = []
    pending: list[Fence] = []
    for fence in fences:
        if fence.lang == "toml":
            if pending and not (_is_file(pending[-1]) and _is_file(fence)):
                problems.append(f"format.md:{pending[0].line}: no Python example follows it")
                pending = []
            pending.append(fence)
        elif fence.lang == "python":
            if pending:
                pairs.append(Pair(toml=pending, python=fence))
            else:
                problems.append(f"format.md:{fence.line}: no TOML example precedes it")
            pending = []
        elif fence.lang == "pycon":
            if pairs and not pending and pairs[-1].python.line < fence.line:
                pairs[-1].pycon.append(fence)
            else:
                problems.append(f"format.md:{fence.line}: pycon block without a Python example")
    if pending:
        problems.append(f"format.md:{pending[0].line}: no Python example follows it")
    return pairs, problems


DOC_TEXT = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
FENCES, HEADINGS = parse(DOC_TEXT)
PAIRS, PAIRING_PROBLEMS = pair_up(FENCES)


# ---------------------------------------------------------------------------------------------
# loading the examples


def _pick(obj: Any, path: str | None) -> Any:
    if not path:
        return obj
    for name, index in _PATH_TOKEN.findall(path):
        obj = obj[int(index)] if index else getattr(obj, name)
    return obj


def _load_part(text: str, folder: Path) -> model.Section:
    (folder / "report.toml").write_text(MINIMAL_ROOT + 'parts = ["part.toml"]\n', encoding="utf-8")
    (folder / "part.toml").write_text(text, encoding="utf-8")
    report = boardreport.load(folder)
    assert len(report.sections) == 1
    return report.sections[0]


def load_toml(fences: list[Fence]) -> Any:
    """Load a TOML example as the conventions in this module's docstring describe."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if _is_file(fences[0]):
            for fence in fences:
                marker = _marker(fence)
                assert marker is not None
                target = folder / marker[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(fence.text, encoding="utf-8")
            return boardreport.load(folder)
        assert len(fences) == 1
        text = fences[0].text
        marker = _marker(fences[0])
        if marker is None:
            data = tomllib.loads(text)
            if "board" in data:
                return boardreport.loads(text)
            assert "id" in data and "title" in data, (
                "neither a report root (board = ...) nor a part file (id, title): "
                "mark it '# fragment: block' or '# fragment: report'"
            )
            return _load_part(text, folder)
        kind, wrap, path = marker
        assert kind == "fragment"
        if wrap == "block":
            section = _load_part(BLOCK_SECTION + text, folder)
            assert len(section.blocks) == 1, "a block fragment holds exactly one [[blocks]] entry"
            assert not section.sections
            return _pick(section.blocks[0], path)
        assert wrap == "report", f"unknown fragment wrap {wrap!r} (block or report)"
        return _pick(boardreport.loads(MINIMAL_ROOT + text), path)


def run_python(fence: Fence) -> dict[str, Any]:
    """Run a Python example in a fresh namespace and return the namespace."""
    tree = ast.parse(fence.text)
    last = tree.body[-1] if tree.body else None
    assert isinstance(last, ast.Assign), "a Python example ends by assigning `example = ...`"
    assert [getattr(t, "id", None) for t in last.targets] == ["example"]
    ast.increment_lineno(tree, fence.line)
    namespace: dict[str, Any] = {"__name__": "format_example"}
    exec(compile(tree, str(DOC), "exec"), namespace)
    return namespace


@functools.cache
def outcome(index: int) -> tuple[Any, dict[str, Any]]:
    """The loaded TOML object and the Python namespace of pair ``index`` (computed once)."""
    pair = PAIRS[index]
    return load_toml(pair.toml), run_python(pair.python)


# ---------------------------------------------------------------------------------------------
# the model's classes and what their key tables must say


def _model_types(predicate: typing.Callable[[type], bool]) -> list[type]:
    found = [
        obj
        for obj in vars(model).values()
        if isinstance(obj, type) and obj.__module__ == model.__name__ and predicate(obj)
    ]
    return sorted(found, key=lambda cls: cls.__name__)


CLASSES = _model_types(attrs.has)
ENUMS = _model_types(lambda cls: issubclass(cls, enum.Enum))


def _toml_literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return json.dumps(value.value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple) and not value:
        return "[]"
    if isinstance(value, int | Decimal):
        return str(value)
    msg = f"no TOML spelling for the default {value!r}"
    raise TypeError(msg)


def default_cell(attribute: attrs.Attribute[Any]) -> str:
    """What the "Required / default" cell of a field must say."""
    if attribute.default is attrs.NOTHING:
        return "required"
    if attribute.default is None:
        return "optional"
    return f"default `{_toml_literal(attribute.default)}`"


def extra_keys(cls: type) -> dict[str, str]:
    """Keys a file may hold beyond the class's fields, with their "Required / default" cell."""
    if cls in model.BLOCK_TYPES.values():
        return {"type": "required"}
    if cls in (model.Report, model.Section):
        return {"parts": "default `[]`"}
    return {}


def named_types(hint: Any) -> set[str]:
    """Names of the model enumerations and classes a field's type holds (not Block's members)."""
    if hint == model.Block:
        return set()
    if isinstance(hint, type):
        if hint.__module__ == model.__name__ and (issubclass(hint, enum.Enum) or attrs.has(hint)):
            return {hint.__name__}
        return set()
    if typing.get_origin(hint) in (tuple, typing.Union, types.UnionType):
        return set().union(*(named_types(arg) for arg in typing.get_args(hint)))
    return set()


def heading(name: str) -> Heading:
    found = [h for h in HEADINGS if h.text == name]
    assert len(found) == 1, f"format.md has {len(found)} headings '{name}', expected exactly one"
    return found[0]


def first_table(head: Heading, first_column: str) -> list[list[str]]:
    for table in head.tables:
        if table and table[0] and table[0][0] == first_column:
            return table
    pytest.fail(
        f"format.md:{head.line}: no table with a '{first_column}' column under '{head.text}'"
    )


def _plain(cell: str) -> str:
    return cell.strip().strip("`").strip()


# ---------------------------------------------------------------------------------------------
# tests: the document's structure


def test_document_exists_and_has_examples() -> None:
    """docs/format.md exists and holds TOML examples with Python twins."""
    assert DOC.exists(), f"{DOC} is missing"
    assert len(PAIRS) >= len(CLASSES) - len(NOT_IN_FILES)


def test_every_fence_has_a_known_language() -> None:
    """Every fenced block is toml, python, pycon or text, so no example escapes the checks."""
    unknown = [f"format.md:{f.line}: ```{f.lang}" for f in FENCES if f.lang not in FENCE_LANGUAGES]
    assert not unknown


def test_every_toml_example_has_a_python_twin() -> None:
    """Each TOML example is followed by a Python block, and each Python block has its TOML."""
    assert not PAIRING_PROBLEMS


# ---------------------------------------------------------------------------------------------
# tests: the examples


@pytest.mark.parametrize("index", range(len(PAIRS)), ids=[p.name for p in PAIRS])
def test_toml_example_loads(index: int) -> None:
    """The TOML example loads through boardreport (as a report, part file or fragment)."""
    loaded = load_toml(PAIRS[index].toml)
    assert loaded is not None
    assert attrs.has(type(loaded)), f"the example loads to {type(loaded).__name__}, not a component"


@pytest.mark.parametrize("index", range(len(PAIRS)), ids=[p.name for p in PAIRS])
def test_python_example_builds_what_the_toml_loads(index: int) -> None:
    """The Python example builds an object equal to (and with the same repr as) the TOML's."""
    loaded, namespace = outcome(index)
    example = namespace["example"]
    assert example == loaded
    assert repr(example) == repr(loaded)


WITH_PYCON = [i for i, pair in enumerate(PAIRS) if pair.pycon]


@pytest.mark.parametrize(
    "index", WITH_PYCON, ids=[f"format.md:{PAIRS[i].pycon[0].line}" for i in WITH_PYCON]
)
def test_pycon_sessions_print_what_the_document_shows(index: int) -> None:
    """The pycon blocks after a Python example, run in order in its namespace, print as shown."""
    _, namespace = outcome(index)
    globs = dict(namespace)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    output: list[str] = []
    for fence in PAIRS[index].pycon:
        test = parser.get_doctest(
            fence.text, globs, f"format.md:{fence.line}", str(DOC), fence.line
        )
        assert test.examples, f"format.md:{fence.line}: a pycon block without examples"
        runner.run(test, out=output.append, clear_globs=False)
        globs = test.globs  # the next block continues the same session
    assert runner.failures == 0, "".join(output)


# ---------------------------------------------------------------------------------------------
# tests: every class and enumeration is documented, and the key tables match the model


def test_every_block_type_is_documented_with_its_tag() -> None:
    """Each class in model.BLOCK_TYPES has a heading whose text shows its `type = "tag"`."""
    missing = [
        f"{cls.__name__} (type = {tag!r})"
        for tag, cls in model.BLOCK_TYPES.items()
        if f'type = "{tag}"' not in "\n".join(heading(cls.__name__).body)
    ]
    assert not missing


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_key_table_lists_exactly_the_fields(cls: type) -> None:
    """The class's key table lists every field (and no other key) with its true default."""
    head = heading(cls.__name__)
    table = first_table(head, "Key")
    assert table[0] == KEY_HEADER, f"format.md:{head.line}: key table header"
    rows = {_plain(row[0]): row for row in table[1:]}
    expected = {a.name: default_cell(a) for a in attrs.fields(cls)} | extra_keys(cls)
    assert sorted(rows) == sorted(expected), f"format.md:{head.line}: keys of {cls.__name__}"
    wrong = {key: rows[key][2] for key, cell in expected.items() if rows[key][2] != cell}
    assert not wrong, f"format.md:{head.line}: defaults should be {expected}"


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_key_table_types_name_the_enumerations_and_classes(cls: type) -> None:
    """The type cell of each key names the enumeration or class its value holds."""
    head = heading(cls.__name__)
    rows = {_plain(row[0]): row for row in first_table(head, "Key")[1:]}
    hints = typing.get_type_hints(cls)
    missing = {
        a.name: sorted(names)
        for a in attrs.fields(cls)
        if a.name in rows
        and (names := {n for n in named_types(hints[a.name]) if n not in rows[a.name][1]})
    }
    assert not missing, f"format.md:{head.line}: type cells of {cls.__name__}"


@pytest.mark.parametrize(
    "cls", [c for c in CLASSES if c not in NOT_IN_FILES], ids=lambda c: c.__name__
)
def test_class_has_a_toml_and_python_example(cls: type) -> None:
    """Under the class's heading a TOML example and its Python twin build an instance of it."""
    head = heading(cls.__name__)
    kinds = [
        type(outcome(i)[1]["example"])
        for i, pair in enumerate(PAIRS)
        if pair.python.heading == head.text
    ]
    assert cls in kinds, f"format.md:{head.line}: no example builds a {cls.__name__} (got {kinds})"


@pytest.mark.parametrize("cls", ENUMS, ids=[c.__name__ for c in ENUMS])
def test_enumeration_lists_exactly_its_values(cls: type[enum.Enum]) -> None:
    """The enumeration's table lists every allowed value, and no value it does not allow."""
    head = heading(cls.__name__)
    table = first_table(head, "Value")
    documented = sorted(_plain(row[0]) for row in table[1:])
    assert documented == sorted(str(member.value) for member in cls)
