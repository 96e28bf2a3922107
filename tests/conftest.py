"""Shared fixtures, and the ``--long`` option: tests marked ``slow`` skip without it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Give the session its own cache folder, so tests never fill or read the user's."""
    if os.environ.get("BOARDREPORT_CACHE"):
        yield
        return
    os.environ["BOARDREPORT_CACHE"] = str(tmp_path_factory.mktemp("boardreport-cache"))
    try:
        yield
    finally:
        del os.environ["BOARDREPORT_CACHE"]


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


CHROMIUM = os.environ.get("BOARDREPORT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's Chromium (``apt-get install chromium``); Playwright's own download is never used."""
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session, shared by every browser test.

    Without Chromium the browser tests skip, except under ``CI=true``, where they fail.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()
