"""Shared fixtures: the reference report's location and the project root."""

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
