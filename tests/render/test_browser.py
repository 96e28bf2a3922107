"""The HTML report in real headless Chromium: charts draw, nothing leaks, axe finds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from boardreport import model
from boardreport.io import load_with_sources
from boardreport.render import render_html
from boardreport.rules import all_rules, check

from .support import WCAG_TAGS, Tab

pytestmark = pytest.mark.browser

BAD_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head>
<body>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbbbbb;background:#ffffff">Pale text that few can read.</p>
<a href="#x"></a>
<input type="text">
</body></html>
"""

INJECTED = """() => {
  const handlers = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith("on")) handlers.push(element.tagName);
    }
  }
  const scripts = Array.from(document.scripts).filter(
    (s) => !(s.type === "application/json" && s.dataset.chart));
  return {
    pwned: typeof window.__pwned,
    handlers: handlers,
    scripts: scripts.length,
    injected: document.querySelectorAll(
      "#__injected, iframe, img[src='x'], main svg[onload], a[href^='javascript:' i]").length,
  };
}"""


def _axe(tab: Tab) -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(tab.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})


def _charts(report: model.Report) -> int:
    return sum(1 for _ in model.iter_blocks(report, model.Chart))


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory: pytest.TempPathFactory, fixture_html: str) -> Path:
    """The fixture report's HTML page, written once for this module."""
    path = tmp_path_factory.mktemp("html") / "index.html"
    path.write_text(fixture_html, encoding="utf-8")
    return path


def test_every_chart_of_the_fixture_renders_as_svg(tab: Tab, fixture_page: Path) -> None:
    """reportReady resolves to the number of charts, and each chart view holds one SVG."""
    expected = 6
    assert tab.open(fixture_page) == expected
    assert tab.page.locator(".chart-view svg.marks").count() == expected
    assert tab.page.locator(".chart-view img").count() == 0  # the fallback was replaced


def test_the_fixture_page_makes_no_request_and_logs_no_error(tab: Tab, fixture_page: Path) -> None:
    """Opening the page and drawing its charts requests nothing outside the file itself."""
    tab.open(fixture_page)
    tab.page.wait_for_load_state("networkidle")
    assert tab.requests == []
    assert tab.errors == []


def test_the_recorders_catch_requests_and_errors(tab: Tab, tmp_path: Path) -> None:
    """A page that fetches from the web and logs an error is caught: the checks above can fail."""
    path = tmp_path / "leaky.html"
    path.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title>'
        '<img src="https://example.org/pixel.png" alt="">'
        "<script>console.error('broken'); window.reportReady = Promise.resolve(0);</script>",
        encoding="utf-8",
    )
    tab.open(path)
    tab.page.wait_for_load_state("networkidle")
    assert tab.requests == ["https://example.org/pixel.png"]
    assert "console: broken" in tab.errors  # beside the aborted request, in either order


def test_the_fixture_page_has_no_axe_violations(tab: Tab, fixture_page: Path) -> None:
    """axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation once the charts are drawn."""
    tab.open(fixture_page)
    result = _axe(tab)
    assert result.violations_count == 0, result.generate_report()


def test_axe_reports_a_known_bad_page(tab: Tab, tmp_path: Path) -> None:
    """A page with an unlabelled image, pale text and no lang fails: the check really runs."""
    path = tmp_path / "bad.html"
    path.write_text(BAD_PAGE, encoding="utf-8")
    tab.page.goto(path.as_uri())
    result = _axe(tab)
    found = {v["id"] for v in result.response["violations"]}
    assert {"image-alt", "color-contrast", "html-has-lang", "link-name", "label"} <= found


def test_the_charts_fall_back_to_svg_images_without_script(
    browser: Any, fixture_page: Path
) -> None:
    """With JavaScript off, each chart shows its vl-convert SVG image and its text."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(fixture_page.as_uri())
        images = page.locator(".chart-view img")
        assert images.count() == 6
        widths = images.evaluate_all("(imgs) => imgs.map((i) => i.naturalWidth)")
        assert all(w > 100 for w in widths)
    finally:
        context.close()


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory, hostile_html: str) -> Path:
    """The hostile page, written once for this module."""
    path = tmp_path_factory.mktemp("hostile") / "index.html"
    path.write_text(hostile_html, encoding="utf-8")
    return path


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_text_in_every_field_runs_no_script(
    tab: Tab,
    tab_without_csp: Tab,
    hostile_page: Path,
    fixture_report: model.Report,
    bypass_csp: bool,
) -> None:
    """Script, event handlers, </script>, javascript: links and raw HTML in every text field
    stay text: nothing runs and no injected element appears, even when the page's
    Content-Security-Policy is ignored."""
    chosen = tab_without_csp if bypass_csp else tab
    assert chosen.open(hostile_page) == _charts(fixture_report)
    chosen.page.mouse.move(10, 10)
    state = chosen.page.evaluate(INJECTED)
    assert state == {"pwned": "undefined", "handlers": [], "scripts": 2, "injected": 0}
    assert "<script>window.__pwned=1</script>" in chosen.page.inner_text("main")
    assert chosen.errors == []
    assert chosen.requests == []


def test_the_reference_report_renders_cleanly(tab: Tab, tmp_path: Path) -> None:
    """The reference report: every chart drawn, no request, no error, no axe violation."""
    root = Path(__file__).resolve().parents[2] / "reports" / "wolverhampton_2014_15"
    report, sources = load_with_sources(root)
    result = check(report, sources=sources)
    path = tmp_path / "index.html"
    page = render_html(report, result.findings, evidence=result.evidence, rules=all_rules())
    path.write_text(page, encoding="utf-8")
    charts = _charts(report)
    assert charts > 0
    assert tab.open(path) == charts
    assert tab.page.locator(".chart-view svg.marks").count() == charts
    assert tab.requests == []
    assert tab.errors == []
    outcome = _axe(tab)
    assert outcome.violations_count == 0, outcome.generate_report()
