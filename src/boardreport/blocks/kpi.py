"""Key performance indicators: a figure with its unit, comparators and earlier years."""

from __future__ import annotations

import attrs

from boardreport import formatting as fmt
from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, TextList, Texts, register
from boardreport.blocks._say import page_fact
from boardreport.blocks._substance import given, is_number, text, unpublished


def _compared(kpi: model.KPI, where: str, other: model.Figure) -> str:
    """One comparison of a KPI: the other figure, and how the KPI's value stands against it."""
    value = fmt.with_unit(kpi.value, kpi.unit)
    shown = f"{where}: {fmt.with_unit(other, kpi.unit)}."
    if model.is_stated(kpi.value) or model.is_stated(other):
        return shown  # a stated unknown or a bound is never compared as if it were a number
    assert not isinstance(kpi.value, model.Unknown | model.Bound)
    assert not isinstance(other, model.Unknown | model.Bound)
    judged = fmt.judgement(kpi.value, other, kpi.polarity)
    return f"{shown} {value} is {fmt.comparison(kpi.value, other)} this" + (
        f", which is {judged}." if judged else "."
    )


def facts(kpi: model.KPI) -> tuple[str, ...]:
    """The KPI's rate, denominator, comparisons and earlier years, as sentences."""
    found: list[str] = []
    if kpi.rate_per is not None:
        found.append(f"A rate per {fmt.number(kpi.rate_per)}.")
    if isinstance(kpi.denominator, model.Unknown):
        of = f" ({kpi.denominator_label})" if kpi.denominator_label else ""
        found.append(f"Denominator{of}: {kpi.denominator}.")
    elif kpi.denominator is not None:
        of = f" {kpi.denominator_label}" if kpi.denominator_label else ""
        found.append(f"Out of {fmt.number(kpi.denominator)}{of}.")
    for comparator in kpi.comparators:
        where = comparator.label + (f" ({comparator.period})" if comparator.period else "")
        found.append(_compared(kpi, where, comparator.value))
    for previous in kpi.previous:
        found.append(_compared(kpi, previous.period, previous.value))
    return tuple(found)


def _reader(kpi: model.KPI, _: model.Report) -> ReaderParts:
    value = fmt.with_unit(kpi.value, kpi.unit)
    return ReaderParts(facts=(value, *facts(kpi), *page_fact(kpi.page)))


def _has_content(kpi: model.KPI) -> bool:
    return text(kpi.label) and (is_number(kpi.value) or given(kpi.value))


def _without_said(kpi: model.KPI, keep: Texts, _: TextList) -> model.KPI:
    return attrs.evolve(kpi, note=keep(kpi.note))


KPI = register(
    BlockKind(
        cls=model.KPI,
        has_content=_has_content,
        states_not_published=lambda kpi: unpublished(kpi.value),
        reader=_reader,
        without_said=_without_said,
    )
)
