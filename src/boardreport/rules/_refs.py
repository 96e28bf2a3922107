"""Resolve the data references of claims to numbers.

``table:…``, ``kpi:…`` and ``budget:…`` name tables, KPIs and budget lines;
``<block type>:<id>.<key>`` names any count or figure of a block with an id
(``review:scr-1.notified``, ``child_death_review:cdop.deaths_reviewed``), and ``share:<id>`` a
child death share.
"""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from typing import Any, NamedTuple

from boardreport import blocks as block_kinds
from boardreport import model
from boardreport.rules._numbers import number

_TABLE = re.compile(r"^table:([^\[\]]+)\[(.*)\]\.([^.\[\]]+)$")
_KPI = re.compile(r"^kpi:([^\s.\[\]]+)$")
_BUDGET_TOTAL = re.compile(r"^budget:([^\s.\[\]]+)\.(income_total|expenditure_total)$")
_BUDGET_LINES = re.compile(r"^budget:([^\s.\[\]]+)\.(income|expenditure)\[(.*)\]$")
_FIELD = re.compile(r"^([a-z_]+):([^\s.\[\]]+)\.([a-z_]+)$")
_SHARE = re.compile(r"^share:([^\s.\[\]]+)(?:\.(count|of|percent))?$")
_ENTRY = re.compile(r"^(attendance|breakdown):([^\s.\[\]]+)(?:\.([^\[\]]+))?\[(.*)\]$")
_KPI_HISTORY = re.compile(r"^kpi:([^\s.\[\]]+)\.(previous|comparators)\[(.*)\]$")


_COUNT_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def count_fields(cls: type[Any]) -> tuple[str, ...]:
    """The keys of ``cls`` that hold a figure or a count (those that can be stated unknown)."""
    if cls not in _COUNT_FIELDS:
        hints = typing.get_type_hints(cls)
        _COUNT_FIELDS[cls] = tuple(
            name for name, hint in hints.items() if model.Unknown in typing.get_args(hint)
        )
    return _COUNT_FIELDS[cls]


class RefError(ValueError):
    """A reference that does not resolve; the message says why."""


class Index(NamedTuple):
    """The report's referable data: tables (written and derived), KPIs and budgets by id."""

    tables: dict[str, model.Table]
    kpis: dict[str, model.KPI]
    budgets: dict[str, model.Budget]
    blocks: dict[tuple[str, str], Any]
    """Every block with an id, by (type tag, id)."""
    shares: dict[str, model.Share]

    @classmethod
    def of(
        cls,
        report: model.Report,
        tables: dict[str, model.Table] | None = None,
        located_blocks: list[model.Located] | None = None,
    ) -> Index:
        """Index ``report``; the first of several items with one id wins.

        ``tables`` and ``located_blocks`` may be given when already computed.
        """
        kpis: dict[str, model.KPI] = {}
        budgets: dict[str, model.Budget] = {}
        by_id: dict[tuple[str, str], Any] = {}
        shares: dict[str, model.Share] = {}
        walked = located_blocks if located_blocks is not None else model.iter_blocks(report)
        for located in walked:
            block = located.item
            block_id = getattr(block, "id", None)
            if not isinstance(block_id, str):
                continue
            by_id.setdefault((model.block_tag(block), block_id), block)
            if isinstance(block, model.ChildDeathReview):
                for share in block.shares:
                    if share.id:
                        shares.setdefault(share.id, share)
            if isinstance(block, model.KPI):
                kpis.setdefault(block_id, block)
            elif isinstance(block, model.Budget):
                budgets.setdefault(block_id, block)
        return cls(
            tables if tables is not None else block_kinds.all_tables(report),
            kpis,
            budgets,
            by_id,
            shares,
        )

    def resolve(self, ref: str) -> list[Decimal]:
        """Return the numbers ``ref`` names (one, or a whole column or list).

        Raises:
            RefError: when the reference is malformed or names nothing, or a value is not a number.
        """
        ref = ref.strip()
        if match := _TABLE.match(ref):
            return self._table(*match.groups())
        if match := _KPI.match(ref):
            kpi = self.kpis.get(match.group(1))
            if kpi is None:
                raise RefError(f"no KPI with id {match.group(1)!r}")
            return [self._number(kpi.value, f"KPI {match.group(1)!r}")]
        if match := _BUDGET_TOTAL.match(ref):
            budget = self._budget(match.group(1))
            value = getattr(budget, match.group(2))
            if value is None:
                raise RefError(f"budget {match.group(1)!r} states no {match.group(2)}")
            sign = budget.income_sign if match.group(2) == "income_total" else 1
            return [self._number(value, match.group(2)) * sign]
        if match := _BUDGET_LINES.match(ref):
            return self._budget_lines(*match.groups())
        if match := _SHARE.match(ref):
            return self._share(match.group(1), match.group(2) or "percent")
        if match := _KPI_HISTORY.match(ref):
            return self._kpi_history(*match.groups())
        if match := _ENTRY.match(ref):
            return self._entry(*match.groups())
        if match := _FIELD.match(ref):
            return self._field(*match.groups())
        raise RefError(
            f"{ref!r} is not a reference: use table:ID[ROW].COLUMN, kpi:ID, "
            "budget:ID.income[NAME], budget:ID.expenditure[ITEM], budget:ID.income_total, "
            "TYPE:ID.KEY (review:ID.notified), share:ID, attendance:ID[NAME], "
            "breakdown:ID.LABEL[CATEGORY] or kpi:ID.previous[PERIOD]"
        )

    def _entry(self, tag: str, block_id: str, label: str | None, name: str) -> list[Decimal]:
        """An attendance entry by name, or child death breakdown counts by category."""
        if tag == "attendance":
            block = self.blocks.get(("attendance", block_id))
            entries = getattr(block, "entries", ())
            values = [e.percent for e in entries if e.name.strip() == name.strip()]
        else:
            block = self.blocks.get(("child_death_review", block_id))
            values = [
                n
                for b in getattr(block, "breakdowns", ())
                if label is None or b.label.strip() == label.strip()
                for category, n in b.counts
                if name == "*" or category.strip() == name.strip()
            ]
        if block is None:
            raise RefError(f"no {tag} with id {block_id!r}")
        if not values:
            raise RefError(f"the {tag} {block_id!r} has no entry {name!r}")
        return [self._number(v, f"{tag} {block_id!r} {name!r}") for v in values]

    def _kpi_history(self, kpi_id: str, part: str, name: str) -> list[Decimal]:
        """A KPI's earlier value for a period, or its comparator by label."""
        kpi = self.kpis.get(kpi_id)
        if kpi is None:
            raise RefError(f"no KPI with id {kpi_id!r}")
        if part == "previous":
            values = [p.value for p in kpi.previous if str(p.period).strip() == name.strip()]
        else:
            values = [c.value for c in kpi.comparators if c.label.strip() == name.strip()]
        if not values:
            raise RefError(f"KPI {kpi_id!r} has no {part} {name!r}")
        return [self._number(values[0], f"KPI {kpi_id!r} {part} {name!r}")]

    def _field(self, tag: str, block_id: str, key: str) -> list[Decimal]:
        cls = model.BLOCK_TYPES.get(tag)
        if cls is None:
            raise RefError(f"{tag!r} is not a block type")
        block = self.blocks.get((tag, block_id))
        if block is None:
            raise RefError(f"no {tag} with id {block_id!r}")
        keys = count_fields(cls)
        if key not in keys:
            known = ", ".join(keys) or "none"
            raise RefError(f"{key!r} is not a count or figure of a {tag} (those are: {known})")
        value = getattr(block, key)
        if value is None:
            raise RefError(f"{tag} {block_id!r} states no {key}")
        return [self._number(value, f"{tag} {block_id!r} {key}")]

    def _share(self, share_id: str, key: str) -> list[Decimal]:
        share = self.shares.get(share_id)
        if share is None:
            raise RefError(f"no share with id {share_id!r}")
        value = getattr(share, key)
        if value is None:
            raise RefError(f"share {share_id!r} states no {key}")
        return [self._number(value, f"share {share_id!r} {key}")]

    def _number(self, value: object, what: str) -> Decimal:
        if isinstance(value, model.Unknown):
            raise RefError(f"{what} is stated as {value}, not as a number")
        if isinstance(value, model.Bound):
            raise RefError(f"{what} is stated only as a bound, not as a number")
        result = number(value)
        if result is None:
            raise RefError(f"{what} is not a number: {value!r}")
        return result

    def _table(self, table_id: str, row: str, column: str) -> list[Decimal]:
        table = self.tables.get(table_id)
        if table is None:
            raise RefError(f"no table with id {table_id!r}")
        col = table.column_index(column)
        if col is None:
            keys = ", ".join(c.key for c in table.columns)
            raise RefError(f"table {table_id!r} has no column {column!r} (columns: {keys})")
        if row == "*":
            rows = list(enumerate(table.rows))
        else:
            index = table.row_index(row)
            if index is None:
                raise RefError(f"table {table_id!r} has no row labelled {row!r}")
            rows = [(index, table.rows[index])]
        values = []
        for index, cells in rows:
            cell = cells[col] if col < len(cells) else None
            values.append(self._number(cell, f"table {table_id!r} row {index + 1} {column!r}"))
        return values

    def _budget(self, budget_id: str) -> model.Budget:
        budget = self.budgets.get(budget_id)
        if budget is None:
            raise RefError(f"no budget with id {budget_id!r}")
        return budget

    def _budget_lines(self, budget_id: str, side: str, name: str) -> list[Decimal]:
        budget = self._budget(budget_id)
        if side == "income":
            lines = [(line.contributor, line.amount) for line in budget.income]
            sign = budget.income_sign
        else:
            lines = [(line.item, line.amount) for line in budget.expenditure]
            sign = 1
        chosen = lines if name == "*" else [(n, a) for n, a in lines if n.strip() == name.strip()]
        if not chosen:
            what = "contributor" if side == "income" else "item"
            raise RefError(f"budget {budget_id!r} has no {side} {what} {name!r}")
        return [self._number(amount, f"{side} {label!r}") * sign for label, amount in chosen]
