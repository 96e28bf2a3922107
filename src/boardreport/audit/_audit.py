"""Auditing many reports at once: the rows, the duties as columns, the counts per duty."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from attrs import frozen

from boardreport.audit._figures import FIGURES, Figure
from boardreport.audit._matrix import Row, Status, audit_one, is_duty
from boardreport.rules._registry import REGISTRY, Rule


@frozen(kw_only=True)
class Count:
    """How the reports a duty applies to stand against it."""

    rule: Rule
    applies: int
    by_status: dict[Status, int]

    def of(self, status: Status) -> int:
        """How many reports have ``status`` for this duty."""
        return self.by_status.get(status, 0)

    @property
    def sentence(self) -> str:
        """``11 of 18 reports do not meet WT18-003 (impact-evidence)``, with the other states."""
        missing = self.of(Status.NOT_MET)
        reports = "report" if self.applies == 1 else "reports"
        verb = "does" if missing == 1 else "do"
        rule = f"{self.rule.id} ({self.rule.name})"
        text = f"{missing} of {self.applies} {reports} {verb} not meet {rule}"
        extra = [
            f"{self.of(s)} {s.value}" for s in (Status.ACCEPTED, Status.NOT_PUBLISHED) if self.of(s)
        ]
        return f"{text}; {', '.join(extra)}" if extra else text


@frozen(kw_only=True)
class Audit:
    """The audit of many reports: one row each, the duties that apply to any, their counts."""

    rows: tuple[Row, ...]
    duties: tuple[Rule, ...]
    counts: tuple[Count, ...]
    figures: tuple[Figure, ...] = FIGURES

    @property
    def loaded(self) -> tuple[Row, ...]:
        """The rows of reports that loaded."""
        return tuple(row for row in self.rows if row.loaded)


def _order(rule: Rule) -> tuple[bool, str, str]:
    return (rule.framework is None, rule.pack, rule.id)


def summarise(rows: Iterable[Row]) -> Audit:
    """Make the audit of ``rows``: the duties any report is held to, and the counts of each."""
    items = tuple(rows)
    ids = {rule_id for row in items for rule_id in row.statuses}
    duties = tuple(sorted((REGISTRY[i] for i in ids if is_duty(REGISTRY[i])), key=_order))
    counts = []
    for rule in duties:
        states = [row.statuses[rule.id] for row in items if rule.id in row.statuses]
        tally: dict[Status, int] = {}
        for state in states:
            tally[state] = tally.get(state, 0) + 1
        counts.append(Count(rule=rule, applies=len(states), by_status=tally))
    return Audit(rows=items, duties=duties, counts=tuple(counts))


def _prepare() -> None:
    from boardreport.batch import _prepare_check

    _prepare_check()


def audit(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int = 0,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Audit:
    """Audit every report found under ``paths`` (see :func:`boardreport.io.find_reports`).

    Each report is checked against the edition that applies to it, on ``jobs`` worker
    processes (0: one per core). ``progress(done, total)`` is called as reports finish.

    Raises:
        ValueError: when ``jobs`` is negative.
    """
    from boardreport.batch import _map
    from boardreport.io import find_reports

    folders = [os.fspath(p) for p in find_reports(paths)]
    total = len(folders)

    def done(count: int) -> None:
        if progress is not None:
            progress(count, total)

    rows = _map(audit_one, folders, jobs, prepare=_prepare, done=done) if folders else []
    return summarise(rows)


def relative(path: str, bases: Iterable[str | os.PathLike[str]]) -> str:
    """``path`` relative to the first of ``bases`` that holds it, else as given."""
    target = Path(path).resolve()
    for base in bases:
        root = Path(base).resolve()
        if target == root or root in target.parents:
            return (Path(root.name) / target.relative_to(root)).as_posix()
    return Path(path).as_posix()
