"""Loaded reports as plain JSON data and back: what a cache entry of a load holds.

A separate cattrs converter (not the loader's, which reads what people write) turns a report and
its source map into JSON-ready data and structures them again with every type checked, so an
entry that is not exactly a report is rejected, never run. Decimals, dates and block kinds are
tagged so that nothing is guessed on the way back.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import cattrs

from boardreport import model
from boardreport.io._sourcemap import SourceMap

_DECIMAL = "$decimal"
_TYPE = "$type"


class CodecError(ValueError):
    """Data that is not a report (or source map) of this version."""


_SCALARS = frozenset({str, int, bool, Decimal, type(None)})


def _is_scalar_union(kind: Any) -> bool:
    args = typing.get_args(kind)
    return (
        typing.get_origin(kind) in (typing.Union, types.UnionType)
        and bool(args)
        and all(arg in _SCALARS for arg in args)
    )


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, dict) and set(value) == {_DECIMAL} and isinstance(value[_DECIMAL], str):
        try:
            return Decimal(value[_DECIMAL])
        except InvalidOperation:
            return None
    return None


def _structure_scalar(value: Any, kind: Any) -> Any:
    """Structure a value of a union such as ``str | int | Decimal`` by its exact JSON type."""
    allowed = typing.get_args(kind)
    if value is None and type(None) in allowed:
        return None
    for scalar in (bool, int, str):
        if type(value) is scalar and scalar in allowed:
            return value
    found = _decimal(value) if Decimal in allowed else None
    if found is None:
        msg = f"not a value of {kind}: {type(value).__name__}"
        raise CodecError(msg)
    return found


def _union_classes(kind: Any) -> tuple[type, ...]:
    """The attrs classes among the members of a union (``Figure``, ``DateOrMonth``, ...)."""
    if typing.get_origin(kind) not in (typing.Union, types.UnionType):
        return ()
    return tuple(arg for arg in typing.get_args(kind) if isinstance(arg, type) and attrs.has(arg))


def _is_mixed_union(kind: Any) -> bool:
    """A union of values and attrs classes (not of classes only, like a block): its classes are
    tagged by name in an entry."""
    return bool(_union_classes(kind)) and bool(_rest(kind))


def _rest(kind: Any) -> list[Any]:
    return [arg for arg in typing.get_args(kind) if not (isinstance(arg, type) and attrs.has(arg))]


def _unstructure_mixed(conv: cattrs.Converter, kind: Any) -> Any:
    classes = _union_classes(kind)

    def unstructure(value: Any) -> Any:
        if type(value) in classes:
            return {_TYPE: type(value).__name__, **conv.unstructure(value, type(value))}
        return conv.unstructure(value)

    return unstructure


def _structure_mixed(conv: cattrs.Converter, kind: Any) -> Any:
    classes = {cls.__name__: cls for cls in _union_classes(kind)}
    rest = _rest(kind)

    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, dict) and _TYPE in value:
            cls = classes.get(value[_TYPE])
            if cls is None:
                msg = f"not a member of {kind}: {value[_TYPE]!r}"
                raise CodecError(msg)
            return conv.structure({k: v for k, v in value.items() if k != _TYPE}, cls)
        if value is None and type(None) in rest:
            return None
        if dt.date in rest and isinstance(value, str) and str not in rest:
            return _structure_date(value, dt.date)
        for scalar in (bool, int, str):
            if type(value) is scalar and scalar in rest:
                return value
        found = _decimal(value) if Decimal in rest else None
        if found is None:
            msg = f"not a value of {kind}: {type(value).__name__}"
            raise CodecError(msg)
        return found

    return structure


def _exactly(value: Any, kind: type) -> Any:
    """Structure a text, whole number or boolean only from exactly that JSON type."""
    if type(value) is not kind:
        msg = f"not a {kind.__name__}: {type(value).__name__}"
        raise CodecError(msg)
    return value


def _structure_date(value: Any, _: Any) -> dt.date:
    if not isinstance(value, str):
        msg = "not a date"
        raise CodecError(msg)
    return dt.date.fromisoformat(value)


def _structure_decimal(value: Any, _: Any) -> Decimal:
    found = _decimal(value)
    if found is None:
        msg = "not a decimal"
        raise CodecError(msg)
    return found


@cache
def converter() -> cattrs.Converter:
    """The converter of cache entries: strict, every union tagged, nothing guessed."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(Decimal, lambda d: {_DECIMAL: str(d)})
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(Path, str)
    conv.register_structure_hook(Path, lambda v, _: Path(_text(v)))
    conv.register_structure_hook_func(_is_scalar_union, _structure_scalar)
    conv.register_unstructure_hook_factory(
        _is_mixed_union, lambda kind: _unstructure_mixed(conv, kind)
    )
    conv.register_structure_hook_factory(_is_mixed_union, lambda kind: _structure_mixed(conv, kind))
    for scalar in (str, int, bool):
        conv.register_structure_hook(scalar, _exactly)
    _tag_blocks(conv)
    return conv


_KIND = "$kind"
"""The key that names a block's class in an entry."""


def _tag_blocks(conv: cattrs.Converter) -> None:
    """Un/structure ``model.Block`` as a table naming its class under ``$kind``.

    As cattrs' tagged-union strategy does, but each class's hooks are made when a block of it
    is first met, not all at once: a run that only keeps a load never makes structure hooks.
    """
    classes = {cls.__name__: cls for cls in typing.get_args(model.Block)}

    def unstructure(block: Any) -> dict[str, Any]:
        cls = type(block)
        if classes.get(cls.__name__) is not cls:
            msg = f"not a block: {cls.__name__}"
            raise CodecError(msg)
        data: dict[str, Any] = conv.unstructure(block, cls)
        data[_KIND] = cls.__name__
        return data

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise CodecError("not a block")
        table = dict(value)
        cls = classes.get(table.pop(_KIND, None))
        if cls is None:
            raise CodecError("not a kind of block")
        return conv.structure(table, cls)

    conv.register_unstructure_hook(model.Block, unstructure)
    conv.register_structure_hook(model.Block, structure)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        msg = "not a text"
        raise CodecError(msg)
    return value


def unstructure_report(report: model.Report) -> Any:
    """Return ``report`` as JSON-ready data."""
    return converter().unstructure(report, model.Report)


def structure_report(data: Any) -> model.Report:
    """Return the report ``data`` holds.

    Raises:
        CodecError: when ``data`` is not exactly a report of this version.
    """
    try:
        report: model.Report = converter().structure(data, model.Report)
    except (cattrs.BaseValidationError, CodecError, TypeError, ValueError, KeyError) as exc:
        raise CodecError(str(exc)) from None
    return report


def _data_path(value: Any) -> tuple[str | int, ...]:
    if not isinstance(value, list) or not all(type(k) is str or type(k) is int for k in value):
        msg = "not a data path"
        raise CodecError(msg)
    return tuple(value)


def unstructure_sources(sources: SourceMap) -> Any:
    """Return a source map's anchors and line indexes (not its file texts) as JSON-ready data."""
    return {
        "root": None if sources.root is None else str(sources.root),
        "anchors": {k: [str(f), list(p)] for k, (f, p) in sources.anchors.items()},
        "indexes": [
            [str(file), [[list(p), line] for p, line in index.items()]]
            for file, index in sources._indexes.items()
        ],
    }


def structure_sources(data: Any) -> SourceMap:
    """Return the source map ``data`` holds (with no file texts).

    Raises:
        CodecError: when ``data`` is not exactly a source map.
    """
    try:
        if not isinstance(data, dict) or set(data) != {"root", "anchors", "indexes"}:
            raise CodecError("not a source map")
        root = data["root"]
        anchors: dict[str, tuple[Path, tuple[str | int, ...]]] = {}
        for key, (file, path) in dict(data["anchors"]).items():
            anchors[_text(key)] = (Path(_text(file)), _data_path(path))
        indexes: dict[Path, dict[tuple[str | int, ...], int]] = {}
        for file, entries in data["indexes"]:
            index: dict[tuple[str | int, ...], int] = {}
            for path, line in entries:
                if type(line) is not int:
                    raise CodecError("not a line number")
                index[_data_path(path)] = line
            indexes[Path(_text(file))] = index
    except (TypeError, ValueError, AttributeError) as exc:
        raise CodecError(str(exc)) from None
    return SourceMap(
        root=None if root is None else Path(_text(root)), anchors=anchors, _indexes=indexes
    )
