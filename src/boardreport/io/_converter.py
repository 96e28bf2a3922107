"""The one cattrs converter: strict structuring of TOML data into the model, and back."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
import reprlib
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
from cattrs import Converter
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from boardreport import model

_SCALARS = {int, Decimal, str, type(None)}


class FieldError(ValueError):
    """A value of the wrong kind, with a message for a person.

    ``field`` names the attribute when the error comes from a model validator.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 40


def _shown(value: Any) -> str:
    """``repr(value)``, cut short (and shallow) so that a hostile value cannot flood a message."""
    return _REPR.repr(value)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    return f"{type(value).__name__} {_shown(value)}"


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise FieldError(f"expected text (in quotes), got {_describe(value)}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"expected a whole number, got {_describe(value)}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"expected true or false, got {_describe(value)}")
    return value


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise FieldError(f"expected a number, got {_describe(value)}")
    _check_finite(value)
    return Decimal(value)


def _check_finite(value: int | Decimal) -> None:
    if isinstance(value, Decimal) and not value.is_finite():
        raise FieldError(f"expected a finite number, got {str(value).lower()}")


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        hint = ""
        if isinstance(value, str):
            hint = " (write a TOML date without quotes, for example 2015-03-31)"
        raise FieldError(f"expected a date{hint}, got {_describe(value)}")
    return value


_DATE_OR_MONTH = (
    "expected a date (write a TOML date without quotes, for example 2016-09-30) or a month "
    'in quotes (for example "2016-09")'
)


def _is_date_or_month(cl: Any) -> bool:
    return typing.get_origin(cl) in (typing.Union, types.UnionType) and model.Month in (
        typing.get_args(cl)
    )


def _structure_date_or_month(value: Any, cl: Any) -> Any:
    if value is None and type(None) in typing.get_args(cl):
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        month = model.parse_month(value)
        if month is not None:
            return month
    raise FieldError(f"{_DATE_OR_MONTH}, got {_describe(value)}")


def _structure_month(value: Any, _: type) -> model.Month:
    month = model.parse_month(value) if isinstance(value, str) else None
    if month is None:
        raise FieldError(
            f'expected a month in quotes (for example "2016-09"), got {_describe(value)}'
        )
    return month


_PERIOD_HINT = (
    'write a financial year such as "2014-15" (or "2016-19" for several), '
    "or a table: { start = 2014-04-01, end = 2015-03-31 }"
)


def _period_structure(converter: Converter) -> Any:
    inner = _attrs_structure_factory(converter)(model.Period)

    def structure(value: Any, _: type) -> model.Period:
        if isinstance(value, str):
            period = model.Period.parse(value)
            if period is None:
                raise FieldError(f"{_describe(value)} is not a period: {_PERIOD_HINT}")
            return period
        if not isinstance(value, dict):
            raise FieldError(f"expected a period ({_PERIOD_HINT}), got {_describe(value)}")
        result: model.Period = inner(value, model.Period)
        return result

    return structure


def _period_unstructure(converter: Converter) -> Any:
    inner = _unstructure_factory(converter)(model.Period)

    def unstructure(period: model.Period) -> Any:
        if not period.inferred and period.is_financial_years:
            text = period.label or period.financial_label
            if model.Period.parse(text) == period:
                return text
        return inner(period)

    return unstructure


def _structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    allowed = [str(member.value) for member in cl]
    if isinstance(value, str):
        try:
            return cl(value)
        except ValueError:
            pass
        listed = ", ".join(allowed)
        msg = f"unknown value {_shown(value)}{suggest(value, allowed)} (allowed: {listed})"
        raise FieldError(msg)
    raise FieldError(f"expected one of {', '.join(allowed)}, got {_describe(value)}")


def _is_scalar_union(cl: Any) -> bool:
    origin = typing.get_origin(cl)
    if origin not in (typing.Union, types.UnionType):
        return False
    return set(typing.get_args(cl)) <= _SCALARS


def _scalar_union_hook(cl: Any) -> Any:
    args = set(typing.get_args(cl))
    wanted = []
    if str in args:
        wanted.append("text")
    if int in args or Decimal in args:
        wanted.append("a number")

    def structure(value: Any, _: type) -> Any:
        if value is None and type(None) in args:
            return None
        if isinstance(value, bool):
            pass
        elif (isinstance(value, str) and str in args) or (isinstance(value, int) and int in args):
            return value
        elif isinstance(value, int | Decimal) and Decimal in args:
            _check_finite(value)
            return Decimal(value)
        raise FieldError(f"expected {' or '.join(wanted)}, got {_describe(value)}")

    return structure


_FIELD_NAME = re.compile(r"^'([a-z_]+)")


def _attrs_structure_factory(converter: Converter) -> Any:
    def factory(cl: type) -> Any:
        inner: Any = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, _: type) -> Any:
            if not isinstance(value, dict):
                raise FieldError(f"expected a table, got {_describe(value)}")
            try:
                return inner(value, cl)
            except (ClassValidationError, ForbiddenExtraKeysError, FieldError):
                raise
            except (ValueError, TypeError) as exc:  # an attrs validator in the model
                match = _FIELD_NAME.match(str(exc))
                message = str(exc)
                if match:
                    message = message.removeprefix(f"'{match.group(1)}' ")
                raise FieldError(message, match.group(1) if match else None) from exc

        return structure

    return factory


def _is_tuple(cl: Any) -> bool:
    return typing.get_origin(cl) is tuple


def _tuple_structure_factory(converter: Converter) -> Any:
    """Structure ``tuple[...]`` fields from TOML arrays only (never from text or a table)."""

    def factory(cl: Any) -> Any:
        args = typing.get_args(cl)
        homogeneous = len(args) == 2 and args[1] is Ellipsis
        inner = (
            homogenous_tuple_structure_factory(cl, converter)
            if homogeneous
            else converter.gen_structure_hetero_tuple(cl)
        )

        def structure(value: Any, _: type) -> Any:
            if not isinstance(value, list):
                raise FieldError(f"expected an array, got {_describe(value)}")
            if not homogeneous and len(value) != len(args):
                msg = f"expected an array of {len(args)} values, got {len(value)}"
                raise FieldError(msg)
            return inner(value, cl)

        return structure

    return factory


_STATED = {model.Unknown, model.Bound}


def _is_figure_union(cl: Any) -> bool:
    """A union that holds a stated unknown or a bound (``Figure``, ``Count``, ``Cell``)."""
    origin = typing.get_origin(cl)
    if origin not in (typing.Union, types.UnionType):
        return False
    return bool(set(typing.get_args(cl)) & _STATED)


_STATED_HINT = '(a stated unknown is written { reason = "not_published" }, a bound as ' + (
    '{ relation = "more_than", value = 5000 })'
)


def _figure_union_factory(converter: Converter) -> Any:
    """Numbers as numbers, ``{ reason = ... }`` as Unknown, ``{ relation = ... }`` as Bound."""

    def factory(cl: Any) -> Any:
        args = set(typing.get_args(cl))
        wanted = [
            *(["text"] if str in args else []),
            "a whole number" if Decimal not in args else "a number",
            "a stated unknown",
        ]

        def structure(value: Any, _: type) -> Any:
            if value is None and type(None) in args:
                return None
            if isinstance(value, dict):
                if "reason" in value:
                    return converter.structure(value, model.Unknown)
                if "relation" in value:
                    return converter.structure(value, model.Bound)
                msg = "a table here must have a 'reason' key or a 'relation' key " + _STATED_HINT
                raise FieldError(msg)
            if isinstance(value, bool):
                pass
            elif (isinstance(value, str) and str in args) or (
                isinstance(value, int) and int in args
            ):
                return value
            elif isinstance(value, int | Decimal) and Decimal in args:
                _check_finite(value)
                return Decimal(value)
            hint = f" {_STATED_HINT}" if isinstance(value, str) else ""
            expected = ", ".join(wanted[:-1]) + " or " + wanted[-1]
            raise FieldError(f"expected {expected}, got {_describe(value)}{hint}")

        return structure

    return factory


def _block_structure(converter: Converter) -> Any:
    def structure(value: Any, cl: type) -> model.Block:
        return _structure_block(converter, value)

    return structure


def _structure_block(converter: Converter, value: Any) -> model.Block:
    if not isinstance(value, dict):
        raise FieldError(f"expected a table, got {_describe(value)}")
    tag = value.get("type")
    if tag is None:
        raise FieldError(
            "a block needs a 'type' key (one of: " + ", ".join(sorted(model.BLOCK_TYPES)) + ")"
        )
    cls = model.BLOCK_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        msg = f"unknown block type {_shown(tag)}{suggest(str(tag), model.BLOCK_TYPES)}"
        raise FieldError(msg + " (allowed: " + ", ".join(sorted(model.BLOCK_TYPES)) + ")")
    rest = {k: v for k, v in value.items() if k != "type"}
    result: model.Block = converter.structure(rest, cls)
    return result


def _block_unstructure(converter: Converter) -> Any:
    def unstructure(block: model.Block) -> dict[str, Any]:
        data: dict[str, Any] = {"type": model.block_tag(block)}
        data.update(converter.unstructure(block, type(block)))
        return data

    return unstructure


def _unstructure_factory(converter: Converter) -> Any:
    def factory(cl: type) -> Any:
        overrides: dict[str, Any] = {
            a.name: override(omit_if_default=True) for a in attrs.fields(cl)
        }
        inner: Any = make_dict_unstructure_fn(cl, converter, **overrides)

        def unstructure(obj: Any) -> dict[str, Any]:
            data: dict[str, Any] = inner(obj)
            return {k: v for k, v in data.items() if v is not None}

        return unstructure

    return factory


def make_converter() -> Converter:
    """Build a strict converter for report files; every hook uses the converter it belongs to."""
    converter = Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook_func(
        lambda cl: isinstance(cl, type) and issubclass(cl, enum.Enum), _structure_enum
    )
    converter.register_structure_hook_factory(_is_scalar_union, _scalar_union_hook)
    converter.register_structure_hook_factory(_is_figure_union, _figure_union_factory(converter))
    converter.register_structure_hook_factory(_is_tuple, _tuple_structure_factory(converter))
    converter.register_structure_hook_func(
        lambda cl: cl == model.Block, _block_structure(converter)
    )
    converter.register_structure_hook_factory(attrs.has, _attrs_structure_factory(converter))
    converter.register_structure_hook_func(_is_date_or_month, _structure_date_or_month)
    converter.register_structure_hook(model.Month, _structure_month)
    converter.register_structure_hook(model.Period, _period_structure(converter))

    converter.register_unstructure_hook(Decimal, lambda d: d)
    converter.register_unstructure_hook(dt.date, lambda d: d)
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_factory(converter))
    converter.register_unstructure_hook(model.Month, lambda month: month.isoformat())
    converter.register_unstructure_hook(model.Period, _period_unstructure(converter))
    converter.register_unstructure_hook_func(
        lambda cl: cl == model.Block, _block_unstructure(converter)
    )
    return converter


_CONVERTER = make_converter()


def converter() -> Converter:
    """Return the shared converter."""
    return _CONVERTER
