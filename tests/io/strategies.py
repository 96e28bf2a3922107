"""Hypothesis strategies that generate whole reports, for round-trip tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from boardreport import model

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=30,
)
_ids = st.from_regex(model.ID_PATTERN, fullmatch=True).filter(lambda s: len(s) <= 20)
_decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=2, min_value=-(10**9), max_value=10**9
)
_numbers = st.one_of(st.integers(min_value=-(10**12), max_value=10**12), _decimals)
_cells = st.one_of(_text, st.integers(min_value=-(10**6), max_value=10**6), _decimals)
_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def _for_type(hint: Any) -> st.SearchStrategy[Any]:
    import types
    import typing

    if hint == model.Block:
        return blocks
    if hint == model.Cell:
        return st.one_of(_cells, _builds(model.Unknown), _builds(model.Bound))
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        parts: list[st.SearchStrategy[Any]] = []
        rest = list(args)
        if set(args) >= {int, Decimal}:
            parts.append(_numbers)
            rest = [a for a in args if a not in (int, Decimal)]
        return st.one_of(*parts, *[_for_type(a) for a in rest])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_for_type(args[0]), max_size=3).map(tuple)
        return st.tuples(*[_for_type(a) for a in args])
    if hint is type(None):
        return st.none()
    if hint is str:
        return _text
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(min_value=-(10**6), max_value=10**6)
    if hint is Decimal:
        return _decimals
    if hint is dt.date:
        return _dates
    if isinstance(hint, type) and issubclass(hint, __import__("enum").Enum):
        return st.sampled_from(list(hint))
    if hint is model.Month:
        return st.builds(
            model.Month,
            year=st.integers(min_value=1990, max_value=2100),
            month=st.integers(min_value=1, max_value=12),
        )
    if hint is model.Period:
        return st.one_of(
            st.integers(min_value=1990, max_value=2090).map(model.Period.financial_years),
            st.tuples(_dates, _dates, st.booleans(), _text).map(
                lambda t: model.Period(
                    start=min(t[0], t[1]), end=max(t[0], t[1]), inferred=t[2], label=t[3]
                )
            ),
        )
    if isinstance(hint, type) and attrs.has(hint):
        return _builds(hint)
    raise TypeError(hint)


def _builds(cls: type) -> st.SearchStrategy[Any]:
    import typing

    hints = typing.get_type_hints(cls)
    kwargs: dict[str, st.SearchStrategy[Any]] = {}
    for attribute in attrs.fields(cls):
        if attribute.name == "id":
            kwargs["id"] = (
                _ids if attribute.default is attrs.NOTHING else st.one_of(st.none(), _ids)
            )
        elif attribute.name == "income_sign":
            kwargs["income_sign"] = st.sampled_from([1, -1])
        elif attribute.name in ("sections",):
            continue
        elif attribute.name == "rate_per":
            kwargs["rate_per"] = st.one_of(st.none(), st.sampled_from([1000, 10000]))
        elif attribute.name == "page":
            kwargs["page"] = st.sampled_from(["", "12", "12-13", "iv"])
        elif attribute.name == "bands":
            kwargs["bands"] = st.just(())
        else:
            kwargs[attribute.name] = _for_type(hints[attribute.name])
    if cls is model.IncomeLine:
        kwargs["amount"] = _numbers
    if cls is model.AgencyReturn:
        # a return has its own questions or the standard answer fields, never both
        standard = {k: v for k, v in kwargs.items() if k != "questions"}
        own = {k: v for k, v in kwargs.items() if k not in model.AgencyReturn.ANSWER_FIELDS}
        return st.one_of(st.builds(cls, **standard), st.builds(cls, **own))
    if cls is model.Table:
        # parts must name the table's own columns: the whole table, or two parts of it
        return st.builds(cls, **kwargs).flatmap(
            lambda table: st.sampled_from([(), _two_parts(table)]).map(
                lambda bands: attrs.evolve(table, bands=bands)
            )
        )
    return st.builds(cls, **kwargs)


def _two_parts(table: model.Table) -> tuple[tuple[str, ...], ...]:
    keys = tuple(column.key for column in table.columns[1:])
    return (keys[:1], keys[1:]) if len(keys) > 1 else ()


blocks: st.SearchStrategy[model.Block] = st.deferred(
    lambda: st.one_of(*[_builds(cls) for cls in model.BLOCK_TYPES.values()])
)

sections: st.SearchStrategy[model.Section] = st.recursive(
    _builds(model.Section),
    lambda children: st.builds(
        lambda section, subs: attrs.evolve(section, sections=tuple(subs)),
        _builds(model.Section),
        st.lists(children, max_size=2),
    ),
    max_leaves=4,
)

reports: st.SearchStrategy[model.Report] = st.builds(
    lambda report, secs: attrs.evolve(report, sections=tuple(secs)),
    _builds(model.Report),
    st.lists(sections, max_size=3),
)
