"""WCAG 2.2 AA beyond axe, in headless Chromium, on the reference report and a new board's
skeleton: reflow at 320 CSS px, tables that scroll in their own labelled region, links for web
addresses, charts described once and replaced by their tables when too small to read, no
heading repeated by the next, and still no axe violation."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from boardreport import model
from boardreport.cli import main
from boardreport.io import load_with_sources
from boardreport.render import render_html
from boardreport.render.vega import chart_svg, render_vega
from boardreport.rules import all_rules, check

from .support import WCAG_TAGS, Tab

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "reports" / "wolverhampton_2014_15"
NARROW = {"width": 320, "height": 640}
"""WCAG 1.4.10: content reflows at 320 CSS pixels wide (1280 px at 400% zoom)."""


def _page(folder: Path, out: Path) -> Path:
    report, sources = load_with_sources(folder)
    result = check(report, sources=sources)
    html = render_html(report, result.findings, evidence=result.evidence, rules=all_rules())
    out.write_text(html, encoding="utf-8")
    return out


@pytest.fixture(scope="module", params=["reference", "skeleton"])
def page_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built page of the reference report, or of a skeleton from ``boardreport new``."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "reference":
        return _page(REFERENCE, folder / "index.html")
    skeleton = folder / "report"
    args = ["new", str(skeleton), "--board", "Example Board", "--area", "Example"]
    assert main([*args, "--period", "2014-15"]) == 0
    return _page(skeleton, folder / "index.html")


@pytest.fixture
def narrow(browser: Any, page_file: Path) -> Iterator[Tab]:
    """The page open at 320 x 640 CSS pixels, charts drawn."""
    context = browser.new_context(viewport=NARROW)
    tab = Tab(page=context.new_page())
    tab.open(page_file)
    yield tab
    context.close()


def test_at_320_px_the_page_never_scrolls_sideways(narrow: Tab) -> None:
    """The document is no wider than the viewport: wide tables scroll inside their region."""
    widths = narrow.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
    )
    assert max(widths[:2]) <= widths[2] == NARROW["width"]
    overflowing = narrow.page.evaluate(
        """() => Array.from(document.querySelectorAll('main *, header *, nav *'))
            .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
            .filter((e) => !e.closest('.table-scroll'))
            .map((e) => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert overflowing == []


def test_every_table_scrolls_in_its_own_labelled_focusable_region(narrow: Tab) -> None:
    """Each table sits in a region named by its caption that keyboard users can focus."""
    regions = narrow.page.evaluate(
        """() => Array.from(document.querySelectorAll('table')).map((t) => {
            const r = t.closest('.table-scroll');
            if (!r) return null;
            const label = document.getElementById(r.getAttribute('aria-labelledby'));
            return [r.getAttribute('role'), r.tabIndex, label && label.tagName,
                    getComputedStyle(r).overflowX];
        })"""
    )
    assert regions and all(r == ["region", 0, "CAPTION", "auto"] for r in regions), regions


def test_web_addresses_are_links_and_wrap(narrow: Tab) -> None:
    """No bare http(s) or www. address stays plain text; long ones break rather than widen
    the page."""
    bare = narrow.page.evaluate(
        r"""() => {
            const found = [];
            const main = document.querySelector('main');
            const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
                const n = walk.currentNode;
                const linked = n.parentElement.closest('a, code, script');
                if (/(https?:\/\/|www\.)\S/.test(n.textContent) && !linked)
                    found.push(n.textContent.trim().slice(0, 60));
            }
            return found;
        }"""
    )
    assert bare == []
    wrap = narrow.page.evaluate("getComputedStyle(document.body).overflowWrap")
    assert wrap == "anywhere"


def test_charts_give_way_to_their_tables_at_320_px(narrow: Tab) -> None:
    """Chart text would shrink below a readable size at 320 px, so the drawing is hidden and
    the note says the table gives the figures; the link to the table works."""
    state = narrow.page.evaluate(
        """() => Array.from(document.querySelectorAll('figure.chart')).map((f) => {
            const link = f.querySelector('.chart-data a');
            return [getComputedStyle(f.querySelector('.chart-view')).display,
                    getComputedStyle(f.querySelector('.narrow-note')).display,
                    !!(link && document.getElementById(link.getAttribute('href').slice(1)))];
        })"""
    )
    assert all(s == ["none", "inline", True] for s in state), state


def test_each_chart_is_described_once_to_screen_readers(narrow: Tab, page_file: Path) -> None:
    """The accessibility tree holds each chart's description once, and no internal field
    name ("series_order", "order:") of the drawing."""
    figures = narrow.page.locator("figure.chart")
    for index in range(figures.count()):
        figure = figures.nth(index)
        description = figure.locator(".chart-description").inner_text()
        tree = figure.aria_snapshot()
        assert tree.count(description[:60]) == 1, tree
        assert "series_order" not in tree and "order:" not in tree
    assert "series_order:" not in page_file.read_text(encoding="utf-8").split("<script")[0]


def test_no_heading_repeats_the_one_before_it(narrow: Tab) -> None:
    """Two headings in a row never say the same thing (a screen reader's heading list)."""
    headings = narrow.page.evaluate(
        """() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))
            .map((h) => h.textContent.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' '))"""
    )
    repeats = [(a, b) for a, b in itertools.pairwise(headings) if a == b]
    assert repeats == []


def test_no_axe_violation_at_320_px(narrow: Tab) -> None:
    """axe-core still finds no WCAG 2.x A/AA violation, at the narrow width too."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(narrow.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.violations_count == 0, result.generate_report()


def test_a_wide_page_would_be_caught(browser: Any, tmp_path: Path) -> None:
    """A page with a wide unwrapped table fails the reflow measure: the check can fail."""
    path = tmp_path / "wide.html"
    cells = "".join(f"<td>cell-number-{i}</td>" for i in range(30))
    path.write_text(
        f"<!DOCTYPE html><html lang='en'><title>x</title><table><tr>{cells}</tr></table>"
    )
    context = browser.new_context(viewport=NARROW)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") > NARROW["width"]
    finally:
        context.close()


def test_standalone_chart_svgs_have_a_title_and_description() -> None:
    """charts/<id>.svg files name and describe themselves (role img, title, desc)."""
    report, _ = load_with_sources(REFERENCE)
    specs = render_vega(report)
    charts = {c.item.id: c.item for c in model.iter_blocks(report, model.Chart)}
    for chart_id, spec in specs.items():
        svg = chart_svg(spec)
        head = svg[: svg.index("</desc>") + 7]
        assert re.search(r'<svg[^>]* role="img" aria-labelledby="chart-title chart-desc"', head)
        assert '<title id="chart-title">' in head and '<desc id="chart-desc">' in head
        assert charts[chart_id].title.split()[0] in head
