"""Hypothesis strategies for hostile report input.

Two families: random TOML documents (junk, and documents shaped like the model with wrong or
odd values in places), and mutations of a real report folder (bytes flipped, lines deleted,
duplicated or swapped, values retyped, keys renamed, block types swapped, part paths made
hostile, and the same done to the parsed data before writing it back).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import tomllib
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import tomli_w
from hypothesis import strategies as st

from boardreport import model

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# vocabulary taken from the model, so random documents reach deep into the loader


def _attrs_classes() -> list[type[Any]]:
    found = [obj for obj in vars(model).values() if isinstance(obj, type) and attrs.has(obj)]
    return sorted(found, key=lambda cls: cls.__name__)


CLASSES = _attrs_classes()
FIELD_NAMES = sorted({a.name for cls in CLASSES for a in attrs.fields(cls)} | {"type", "parts"})
BLOCK_TAGS = sorted(model.BLOCK_TYPES)
ENUM_VALUES = sorted(
    {
        str(member.value)
        for obj in vars(model).values()
        if isinstance(obj, type) and issubclass(obj, enum.Enum)
        for member in obj
    }
)
IDS = ["a", "intro", "budget-2014-15", "x-1", "A", "-a", "a b", "", "a/b", "é"]

_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]),
    max_size=12,
)
_keys = st.one_of(st.sampled_from(FIELD_NAMES), _text)
_scalars = st.one_of(
    _text,
    st.sampled_from(["TODO", "TODO: write this", " ", "\r\n", "\\", '"""', "'''", "\x7f"]),
    st.sampled_from(ENUM_VALUES + BLOCK_TAGS + IDS),
    st.integers(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.decimals(places=3, max_value=10**9, min_value=-(10**9)),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("1E+999999"), Decimal("-1E-999999"), Decimal("0E-50")]),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
values: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(_keys, children, max_size=4),
    ),
    max_leaves=12,
)
"""Any TOML value, scalar or nested."""


def _sometimes(
    right: st.SearchStrategy[T], wrong: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """``right`` seven times in eight, ``wrong`` otherwise."""
    return st.integers(0, 7).flatmap(lambda n: wrong if n == 0 else right)


def _shaped(hint: Any, depth: int) -> st.SearchStrategy[Any]:
    """Raw TOML data of roughly the right shape for ``hint``, sometimes wrong on purpose."""
    return _sometimes(_right(hint, depth), values)


def _right(hint: Any, depth: int) -> st.SearchStrategy[Any]:
    if hint == model.Block:
        return st.sampled_from(list(model.BLOCK_TYPES.values())).flatmap(
            lambda cls: _table(cls, depth).map(lambda data: {"type": model.BLOCK_TAGS[cls], **data})
        )
    if hint is model.Section:
        return _section(depth + 1)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[_right(arg, depth) for arg in args if arg is not type(None)])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_shaped(args[0], depth), max_size=3)
        return st.tuples(*[_shaped(arg, depth) for arg in args]).map(list)
    if hint is str:
        return st.one_of(_text, st.sampled_from(IDS))
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(min_value=-3, max_value=10**6)
    if hint is Decimal:
        return st.decimals(places=2, min_value=-(10**6), max_value=10**6)
    if hint is dt.date:
        return st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from([str(member.value) for member in hint])
    if isinstance(hint, type) and attrs.has(hint):
        return _table(hint, depth)
    return values


def _table(cls: type[Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    hints = typing.get_type_hints(cls)
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for attribute in attrs.fields(cls):
        if attribute.name == "sections" and depth >= 2:
            continue
        strategy = _shaped(hints[attribute.name], depth)
        if attribute.default is attrs.NOTHING:
            required[attribute.name] = strategy
        else:
            optional[attribute.name] = strategy
    table = st.fixed_dictionaries(required, optional=optional)
    return _sometimes(table, table.flatmap(lambda t: values.map(lambda v: {**t, "extra": v})))


def _section(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    return st.deferred(lambda: _table(model.Section, depth))


shaped_documents: st.SearchStrategy[dict[str, Any]] = _table(model.Report, 0)
"""Documents shaped like a report, each field right, odd or wrong, some keys left out."""

junk_documents: st.SearchStrategy[dict[str, Any]] = st.dictionaries(_keys, values, max_size=8)
"""Documents of any keys and values."""


def toml_text(document: dict[str, Any]) -> str | None:
    """The document as TOML text, or None where TOML cannot hold it."""
    try:
        return tomli_w.dumps(document)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# mutations of a report folder

_LINE_VALUE = re.compile(rb"^(\s*[A-Za-z0-9_\"'.\- ]+?\s*=\s*)(.+)$")
_PARTS_ENTRY = re.compile(rb'"[^"\n]*\.toml"')
_TYPE_TAG = re.compile(rb'type\s*=\s*"[a-z_]+"')

RETYPED = [
    b'"text"',
    b"42",
    b"-1",
    b"0",
    b"4.5",
    b"-0.0",
    b"true",
    b"false",
    b"[]",
    b"[1, 2]",
    b'["a", 1]',
    b"{}",
    b"{ a = 1 }",
    b"2015-03-31",
    b"2015-03-31T10:00:00",
    b"10:00:00",
    b"nan",
    b"inf",
    b"-inf",
    b"1e999999999",
    b"9" * 5000,
    b'""',
    b'"TODO"',
    b"[[[[[[1]]]]]]",
    b'"""\nmulti\nline"""',
    b"'literal'",
    b"0x7fffffffffffffff",
    b"1_000",
    b"+1",
]
HOSTILE_PARTS = [
    b'"../outside.toml"',
    b'"/etc/passwd"',
    b'"/dev/zero"',
    b'"parts/../report.toml"',
    b'"report.toml"',
    b'""',
    b'"parts"',
    b'"missing.toml"',
    b'"\\u0000.toml"',
    b'"parts/../../../etc/hostname"',
    b'"' + b"a" * 5000 + b'.toml"',
    b'"."',
]
INSERTED = [
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"{",
    b"}",
    b'"',
    b"'",
    b'"""',
    b"'''",
    b"=",
    b",",
    b"#",
    b"\n",
    b"\\",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\r",
    b"\t",
    b" = 1\n",
    b"\n[[blocks]]\n",
    b"\n[[sections]]\n",
    b"\n[[sections.blocks]]\n",
    b'\nid = "x"\n',
    b'\nparts = ["parts/01-foreword.toml"]\n',
    b"\n[chair]\n",
    b"\nx.y.z = 1\n",
    b"a" * 200,
]

Mutation = Callable[[st.DrawFn, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _flip_byte(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    i = draw(st.integers(0, len(data) - 1))
    bit = draw(st.integers(0, 7))
    return data[:i] + bytes([data[i] ^ (1 << bit)]) + data[i + 1 :]


def _set_byte(draw: st.DrawFn, data: bytes) -> bytes:
    i = draw(st.integers(0, len(data)))
    return data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1 :]


def _insert(draw: st.DrawFn, data: bytes) -> bytes:
    i = draw(st.integers(0, len(data)))
    return data[:i] + draw(st.sampled_from(INSERTED)) + data[i:]


def _truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _delete_line(draw: st.DrawFn, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[draw(st.integers(0, len(lines) - 1))]
    return b"\n".join(lines)


def _duplicate_line(draw: st.DrawFn, data: bytes) -> bytes:
    lines = _lines(data)
    i = draw(st.integers(0, len(lines) - 1))
    lines.insert(draw(st.integers(0, len(lines))), lines[i])
    return b"\n".join(lines)


def _swap_lines(draw: st.DrawFn, data: bytes) -> bytes:
    lines = _lines(data)
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _pick_line(draw: st.DrawFn, lines: list[bytes], pattern: re.Pattern[bytes]) -> int | None:
    candidates = [i for i, line in enumerate(lines) if pattern.search(line)]
    return draw(st.sampled_from(candidates)) if candidates else None


def _retype_value(draw: st.DrawFn, data: bytes) -> bytes:
    lines = _lines(data)
    i = _pick_line(draw, lines, _LINE_VALUE)
    if i is None:
        return data
    match = _LINE_VALUE.match(lines[i])
    assert match is not None
    lines[i] = match.group(1) + draw(st.sampled_from(RETYPED))
    return b"\n".join(lines)


def _rename_key(draw: st.DrawFn, data: bytes) -> bytes:
    lines = _lines(data)
    i = _pick_line(draw, lines, _LINE_VALUE)
    if i is None:
        return data
    match = _LINE_VALUE.match(lines[i])
    assert match is not None
    key = match.group(1).split(b"=")[0].strip()
    new = draw(
        st.one_of(
            st.sampled_from(FIELD_NAMES).map(str.encode),
            st.just(key[:-1] or b"k"),
            st.just(key + b"s"),
            st.just(b'"' + key + b' "'),
            st.just(key + b"." + key),
        )
    )
    lines[i] = new + b" = " + lines[i][match.end(1) :]
    return b"\n".join(lines)


def _swap_block_type(draw: st.DrawFn, data: bytes) -> bytes:
    found = list(_TYPE_TAG.finditer(data))
    if not found:
        return data
    match = draw(st.sampled_from(found))
    tag = draw(st.sampled_from([*BLOCK_TAGS, "Prose", "", "table "]))
    return data[: match.start()] + f'type = "{tag}"'.encode() + data[match.end() :]


def _hostile_part(draw: st.DrawFn, data: bytes) -> bytes:
    found = list(_PARTS_ENTRY.finditer(data))
    hostile = draw(st.sampled_from(HOSTILE_PARTS))
    if not found:
        return data + b"\nparts = [" + hostile + b"]\n"
    match = draw(st.sampled_from(found))
    return data[: match.start()] + hostile + data[match.end() :]


def _mutate_tree(draw: st.DrawFn, data: bytes) -> bytes:
    """Parse, change one node of the data tree, and write the document back."""
    try:
        document = tomllib.loads(data.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return data
    nodes: list[tuple[Any, Any]] = []

    def walk(container: Any) -> None:
        keys = container.keys() if isinstance(container, dict) else range(len(container))
        for key in keys:
            nodes.append((container, key))
            if isinstance(container[key], dict | list):
                walk(container[key])

    walk(document)
    if not nodes:
        return data
    container, key = draw(st.sampled_from(nodes))
    action = draw(
        st.sampled_from(["delete", "replace", "rename", "duplicate", "wrap", "unwrap", "empty"])
    )
    value = container[key]
    if action == "delete":
        del container[key]
    elif action == "replace":
        container[key] = draw(values)
    elif action == "rename" and isinstance(container, dict):
        container[draw(_keys)] = container.pop(key)
    elif action == "duplicate" and isinstance(container, list):
        container.insert(key, value)
    elif action == "wrap":
        container[key] = [value]
    elif action == "unwrap" and isinstance(value, list) and value:
        container[key] = value[0]
    elif action == "empty":
        container[key] = type(value)() if isinstance(value, dict | list | str) else 0
    text = toml_text(document)
    return data if text is None else text.encode("utf-8")


MUTATIONS: list[Mutation] = [
    _flip_byte,
    _set_byte,
    _insert,
    _truncate,
    _delete_line,
    _duplicate_line,
    _swap_lines,
    _retype_value,
    _retype_value,
    _rename_key,
    _rename_key,
    _swap_block_type,
    _hostile_part,
    _mutate_tree,
    _mutate_tree,
    _mutate_tree,
]


@st.composite
def mutated(draw: st.DrawFn, files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` (path -> bytes of a report folder) with one to three mutations applied."""
    out = dict(files)
    names = sorted(out)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(names))
        mutation = draw(st.sampled_from(MUTATIONS))
        out[name] = mutation(draw, out[name])
    return out


# ---------------------------------------------------------------------------------------------
# mutations at the model level: the parsed data of every file, changed node by node

EXTREME_NUMBERS: list[Any] = [
    0,
    -1,
    10**15 - 1,
    -(10**15 - 1),
    10**15,
    2**53 + 1,
    2**63 - 1,
    -(2**63),
    2**64,
    -(10**30),
    Decimal("999999999999999.99999999999999999999"),
    Decimal("0.00000000000000000001"),
    Decimal("1E-21"),
    Decimal("1E+99999999"),
    Decimal("-1E-99999999"),
    Decimal("0E+99"),
    Decimal("-0.0"),
    Decimal("0.1"),
    Decimal("NaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
]
"""Numbers at and past every limit: the loader's, 64 bits, doubles, exponents, specials."""
ODD_STRINGS = [
    "",
    " ",
    "\u202e\u0645\u0631\u062d\u0628\u0627 RTL override",
    "zero\u200bwidth\u200djoiner\ufeff",
    "e\u0301\u0301\u0301 combining",
    "\U0001f600\U0001f469\u200d\U0001f467 emoji",
    "\x00nul\x01\x1f\x7f controls",
    "\ufffe\uffff non-characters",
    "line\nbreak\r\nand\ttab",
    "<script>window.__pwned=1</script>",
    "[x](java&#10;script:alert(1)) {: onclick=alert(1) }",
    "```\nunclosed fence",
    "TODO",
    "a" * 70_000,
    "\U0001f600" * 20_000,
    "word " * 15_000,
    "\u0300" * 10_000,
]
"""Strings that are long (past the chart text limit) or odd in every Unicode way."""
KIND_EXAMPLES: list[Any] = [
    "text",
    7,
    Decimal("4.5"),
    True,
    dt.date(2015, 3, 31),
    dt.datetime(2015, 3, 31, 10, 0, tzinfo=dt.UTC),
    dt.datetime(2015, 3, 31, 10, 0),
    dt.time(10, 0),
    [],
    [1, "a"],
    {},
    {"a": 1},
]
"""One value of every kind TOML has, to swap for a value of another kind."""

_model_scalars = st.one_of(
    st.sampled_from(EXTREME_NUMBERS),
    st.sampled_from(ODD_STRINGS),
    st.sampled_from(KIND_EXAMPLES),
    st.text(max_size=300),
    st.sampled_from(ENUM_VALUES + BLOCK_TAGS + IDS),
)


def _nodes(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) of a parsed document, tables and arrays alike."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        container = stack.pop()
        keys = list(container) if isinstance(container, dict) else range(len(container))
        for key in keys:
            found.append((container, key))
            if isinstance(container[key], dict | list):
                stack.append(container[key])
    return found


_SAME_KIND = 6
"""Changes in ten that keep a value's kind (a string for a string, a number for a number), so
that many mutants still load and reach the checks and the renderers."""


def _change(draw: st.DrawFn, container: Any, key: Any) -> None:
    value = container[key]
    same = "string" if isinstance(value, str) else None
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        same = "number"
    others = ["kind", "remove", "rename", "any"]
    if same is not None and draw(st.integers(0, 9)) < _SAME_KIND:
        action = same
    else:
        action = draw(st.sampled_from(others if same else [*others, "number", "string"]))
    if action == "remove":
        del container[key]
    elif action == "rename" and isinstance(container, dict):
        siblings = [k for k in FIELD_NAMES if k not in container]
        new = draw(st.one_of(st.sampled_from(siblings or ["x"]), _text, st.just(key.upper())))
        container[new] = container.pop(key)
    elif action == "kind":
        others = [v for v in KIND_EXAMPLES if type(v) is not type(value)]
        container[key] = draw(st.sampled_from(others))
    elif action == "number":
        container[key] = draw(st.sampled_from(EXTREME_NUMBERS))
    elif action == "string":
        container[key] = draw(st.sampled_from(ODD_STRINGS))
    else:
        container[key] = draw(_model_scalars)


@st.composite
def model_mutated(draw: st.DrawFn, files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` with one to three changes made to the parsed data: a value swapped for another
    TOML kind, an extreme or special number, a long or odd string; a key removed or renamed."""
    documents = {
        name: tomllib.loads(data.decode("utf-8"), parse_float=Decimal)
        for name, data in files.items()
    }
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(documents)))
        nodes = _nodes(documents[name])
        if nodes:
            container, key = draw(st.sampled_from(nodes))
            _change(draw, container, key)
    out = dict(files)
    for name, document in documents.items():
        text = toml_text(document)
        if text is not None:
            out[name] = text.encode("utf-8", "surrogatepass")
    return out
