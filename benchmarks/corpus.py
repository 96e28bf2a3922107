"""Make a corpus of synthetic board reports from the reference report.

Each synthetic report is the reference report with another board and area name and with its
figures varied deterministically by a seeded random generator: an ``int`` stays an ``int``, a
``Decimal`` stays a ``Decimal`` with the same number of decimal places. Claims (figures quoted
in prose) keep their stated values, so a varied table can give consistency findings, as a
report under edit does. Text naming the reference area is rewritten to the new name.
"""

from __future__ import annotations

import os
import random
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import boardreport
from boardreport import model

REFERENCE_NAMES = (
    ("Wolverhampton Safeguarding Children Board", "{area} Safeguarding Children Board"),
    ("City of Wolverhampton", "{area}"),
    ("Wolverhampton", "{area}"),
    ("WSCB", "{acronym}"),
)
"""Reference-report names and what a synthetic report says instead (in this order)."""

KEEP_NUMBERS = frozenset({"income_sign", "number", "tolerance", "stated"})
"""Numeric fields that are structure rather than figures: never varied."""

_FIRST = (
    "Ash",
    "Brad",
    "Cal",
    "Dun",
    "Elm",
    "Fair",
    "Glen",
    "Hart",
    "Ire",
    "Kings",
    "Lang",
    "Mar",
    "North",
    "Oak",
    "Pen",
    "Red",
    "Stan",
    "Thorn",
    "Up",
    "Wes",
)
_SECOND = ("bury", "ford", "ham", "ley", "mouth", "port", "stead", "ton", "wick", "worth")


def area_names(count: int, seed: int) -> list[str]:
    """Return ``count`` distinct made-up area names, the same for the same ``seed``."""
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(_FIRST) + rng.choice(_SECOND)
        if name in seen:
            name = f"{name} {('North', 'South', 'East', 'West')[len(names) % 4]} {len(names)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _vary_int(value: int, rng: random.Random) -> int:
    if value == 0:
        return 0
    return max(1, round(abs(value) * rng.uniform(0.7, 1.3))) * (1 if value > 0 else -1)


def _vary_decimal(value: Decimal, rng: random.Random) -> Decimal:
    if not value.is_finite():
        return value
    exponent = value.as_tuple().exponent
    quantum = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    varied = value * Decimal(str(round(rng.uniform(0.7, 1.3), 4)))
    return varied.quantize(quantum)


class _Variation:
    """One synthetic report's rewrites: names in text and figures in data."""

    def __init__(self, area: str, seed: int) -> None:
        acronym = "".join(word[0] for word in area.split() if word[0].isalpha()).upper() + "SCB"
        self.names = [(old, new.format(area=area, acronym=acronym)) for old, new in REFERENCE_NAMES]
        self.rng = random.Random(seed)

    def text(self, value: str) -> str:
        for old, new in self.names:
            if old in value:
                value = value.replace(old, new)
        return value

    def value(self, value: Any, figures: bool) -> Any:
        """Return ``value`` rewritten; ``figures`` is False inside claims and structure."""
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, int):
            return _vary_int(value, self.rng) if figures else value
        if isinstance(value, Decimal):
            return _vary_decimal(value, self.rng) if figures else value
        if isinstance(value, tuple):
            return tuple(self.value(item, figures) for item in value)
        if attrs.has(type(value)):
            return self.instance(value, figures)
        return value  # dates, enums

    def instance(self, obj: Any, figures: bool) -> Any:
        inner = figures and not isinstance(obj, model.Claim)
        changes = {
            a.name: self.value(getattr(obj, a.name), inner and a.name not in KEEP_NUMBERS)
            for a in attrs.fields(type(obj))
            if a.init
        }
        return type(obj)(**changes)


def synthetic_report(reference: model.Report, area: str, seed: int) -> model.Report:
    """Return ``reference`` renamed to ``area`` with its figures varied by ``seed``."""
    report: model.Report = _Variation(area, seed).instance(reference, figures=True)
    return report


_BASE: list[model.Report] = []


def _load_base(reference: Path) -> None:
    _BASE[:] = [boardreport.load(reference)]


def _write(target: Path, area: str, seed: int) -> Path:
    boardreport.dump(synthetic_report(_BASE[0], area, seed), target)
    return target


def generate(
    reference: Path, folder: Path, count: int, *, seed: int = 2015, jobs: int = 1
) -> list[Path]:
    """Write ``count`` synthetic report folders under ``folder``; return their paths.

    The same ``seed`` gives the same corpus, and the first ``n`` reports of a larger corpus
    are the corpus of ``n``. ``jobs`` worker processes write them (0: one per core).
    """
    areas = area_names(count, seed)
    targets = [folder / f"board-{index:04d}" for index in range(count)]
    seeds = [seed * 100_003 + index for index in range(count)]
    workers = min(jobs or os.cpu_count() or 1, count)
    if workers <= 1:
        _load_base(reference)
        return [_write(*job) for job in zip(targets, areas, seeds, strict=True)]
    with ProcessPoolExecutor(workers, initializer=_load_base, initargs=(reference,)) as pool:
        chunk = max(1, count // (workers * 4))
        return list(pool.map(_write, targets, areas, seeds, chunksize=chunk))
