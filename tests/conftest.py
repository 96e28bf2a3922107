"""Shared fixtures, and the ``--long`` option: tests marked ``slow`` skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reports" / "wolverhampton_2014_15"


@pytest.fixture
def reference_report_path() -> Path:
    """The folder of the reference report (never modify it: copy to tmp_path first)."""
    return REFERENCE


@pytest.fixture
def project_root() -> Path:
    """The repository root."""
    return ROOT


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register ``--long``: run the long robustness profile (more than 10,000 fuzz inputs)."""
    parser.addoption(
        "--long",
        action="store_true",
        default=False,
        help="run the tests marked slow (the long robustness profile, 10,000+ fuzz inputs)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the tests marked ``slow`` unless ``--long`` was given."""
    if config.getoption("--long", default=False):
        return
    skip = pytest.mark.skip(reason="long profile: run with --long")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
