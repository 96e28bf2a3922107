"""Shared fixtures for the rule tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from boardreport import model

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "rules"
REFERENCE = REPO / "reports" / "wolverhampton_2014_15"


@pytest.fixture
def make_report() -> Callable[..., model.Report]:
    """Build a minimal 2014-15 report; keyword arguments override its fields."""

    def build(**fields: Any) -> model.Report:
        base: dict[str, Any] = {
            "board": "Testshire Safeguarding Children Board",
            "area": "Testshire",
            "title": "Annual Report 2014-15",
            "period_start": dt.date(2014, 4, 1),
            "period_end": dt.date(2015, 3, 31),
        }
        base.update(fields)
        return model.Report(**base)

    return build


@pytest.fixture
def make_section() -> Callable[..., model.Section]:
    """Build a section holding the given blocks: ``make_section("id", block, ..., meets=...)``."""

    def build(id: str, *blocks: Any, **fields: Any) -> model.Section:
        return model.Section(id=id, title=id.replace("-", " ").title(), blocks=blocks, **fields)

    return build
