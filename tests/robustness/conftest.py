"""A summary of fuzz outcomes (the ``--long`` option lives in tests/conftest.py)."""

from __future__ import annotations

import pytest

from ._support import OUTCOMES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many fuzzed inputs ended as valid reports and as located load errors."""
    if not OUTCOMES:
        return
    total = sum(OUTCOMES.values())
    valid = sum(n for key, n in OUTCOMES.items() if key.endswith((":valid", ":built")))
    errors = sum(n for key, n in OUTCOMES.items() if key.endswith(":load_error"))
    terminalreporter.write_sep("-", "robustness fuzz outcomes")
    terminalreporter.write_line(
        f"{total} inputs: {valid} valid reports (checked, or built), {errors} located load "
        f"errors, {total - valid - errors} located render errors"
    )
    for key in sorted(OUTCOMES):
        terminalreporter.write_line(f"  {key}: {OUTCOMES[key]}")
