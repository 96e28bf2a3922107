"""The audit page in headless Chromium: no axe violation, reflow at 320 px, sort and filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from boardreport.audit import Audit
from boardreport.audit._page import to_html

from ..render.support import LOCAL, WCAG_TAGS
from .corpus import Corpus

pytestmark = pytest.mark.browser

SERIES = Path(__file__).resolve().parents[1] / "corpus" / "series-harrowdene"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus) -> Path:
    """The audit of the generated corpus and the three-year series, as one page."""
    from boardreport.audit import audit

    audited = audit([corpus.root, SERIES], jobs=2)
    path = tmp_path_factory.mktemp("audit-page") / "index.html"
    path.write_text(to_html(audited, [str(corpus.root), str(SERIES)]), encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that records errors and aborts (and records) any non-local request."""
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.requests = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)

    def external(route: Any) -> None:
        tab.requests.append(route.request.url)
        route.abort()

    tab.route(lambda url: not url.startswith(LOCAL), external)
    yield tab
    context.close()


def _axe(page: Any) -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})


def test_the_audit_page_has_no_axe_violation_and_makes_no_request(
    page: Any, page_file: Path
) -> None:
    page.goto(page_file.as_uri())
    page.wait_for_load_state("networkidle")
    result = _axe(page)
    assert result.violations_count == 0, result.generate_report()
    assert page.errors == []
    assert page.requests == []
    assert page.locator("figure img").count() >= 8  # figure charts and the series' charts


def test_the_audit_page_reflows_at_320_css_pixels(page: Any, page_file: Path) -> None:
    """WCAG 1.4.10: at 320 px nothing but the data tables (each in its own scrolling,
    focusable region) needs scrolling sideways."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(page_file.as_uri())
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    overflowing = page.evaluate(
        """() => Array.from(document.querySelectorAll('main *'))
          .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.scroll'))
          .map((e) => e.tagName)"""
    )
    assert overflowing == []
    result = _axe(page)
    assert result.violations_count == 0, result.generate_report()


def test_headers_sort_with_aria_sort_and_the_filter_hides_rows(page: Any, page_file: Path) -> None:
    page.goto(page_file.as_uri())
    matrix = page.locator("#matrix")
    header = matrix.locator("thead th").nth(0)
    assert header.locator("button").count() == 1
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    names = matrix.locator("tbody th").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    page.get_by_label("Filter the reports of “Reports against each duty”").fill("Board 07")
    visible = matrix.locator("tbody tr:not([hidden])")
    assert visible.count() == 1
    assert "Board 07" in visible.inner_text()
    assert page.locator("#matrix-status").inner_text() == "1 of 25 reports shown."


def test_without_script_the_tables_are_plain_tables(browser: Any, page_file: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        assert page.locator("#matrix thead th button").count() == 0
        assert page.locator("#matrix-filter").is_hidden()
        assert page.locator("#matrix tbody tr").count() == 25
        assert page.locator("#matrix thead th[scope=col]").count() > 13
        assert page.locator("#matrix tbody th[scope=row]").count() == 25
    finally:
        context.close()


def test_the_unpublished_income_is_shown_in_words(
    page: Any, page_file: Path, audited: Audit
) -> None:
    page.goto(page_file.as_uri())
    row = page.locator("#figures tbody tr", has_text="Board 03 ")
    assert "not published" in row.inner_text()
    assert "£0" not in row.inner_text()
