"""Browser fixtures: one headless Chromium per session, and pages that record every problem.

Chromium is Debian's (``apt-get install chromium``), driven by Playwright with an explicit
``executable_path``; Playwright's own browser download is never used. Without Chromium the
browser tests skip, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import boardreport
from boardreport.model import Report
from boardreport.render import render_html

from .support import (
    EVIDENCE,
    FINDINGS,
    FIXTURE,
    LOCAL,
    RULES,
    Tab,
    hostile,
    poisoned_report,
)


@pytest.fixture(scope="session")
def fixture_report() -> Report:
    """The small report that uses every block type and chart kind."""
    return boardreport.load(FIXTURE)


@pytest.fixture(scope="session")
def fixture_html(fixture_report: Report) -> str:
    """The fixture report's HTML page, with a check result."""
    return render_html(fixture_report, FINDINGS, evidence=EVIDENCE, rules=RULES)


@pytest.fixture(scope="session")
def hostile_html(fixture_report: Report) -> str:
    """The fixture report with hostile text in every text field and every finding, as HTML."""
    bad = poisoned_report(fixture_report)
    findings = [
        attrs.evolve(f, message=hostile(f.message), reason=hostile(f.reason)) for f in FINDINGS
    ]
    return render_html(bad, findings, evidence=EVIDENCE, rules=RULES)


def _tab(browser: Any, **context_options: Any) -> Iterator[Tab]:
    context = browser.new_context(**context_options)
    tab = Tab(page=context.new_page())

    def console(message: Any) -> None:
        if message.type == "error":
            tab.errors.append(f"console: {message.text}")

    def external(route: Any) -> None:
        tab.requests.append(route.request.url)
        route.abort()

    tab.page.on("console", console)
    tab.page.on("pageerror", lambda error: tab.errors.append(f"page error: {error}"))
    tab.page.route(lambda url: not url.startswith(LOCAL), external)
    yield tab
    context.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    """A fresh page whose non-local requests are aborted and recorded."""
    yield from _tab(browser)


@pytest.fixture
def tab_without_csp(browser: Any) -> Iterator[Tab]:
    """A fresh page that ignores the document's Content-Security-Policy.

    Used to show that escaping alone keeps injected text inert, without the policy's help.
    """
    yield from _tab(browser, bypass_csp=True)
