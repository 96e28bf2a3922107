"""The HTML page without a browser: structure, accessibility markup, safety, self-containment."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from html.parser import HTMLParser

import attrs
import pytest

from boardreport import model
from boardreport.render import render_html, render_vega
from boardreport.render.html import script_json

from .support import EVIDENCE, FINDINGS, RULES


class Page(HTMLParser):
    """Collects the parts of a page the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def html(fixture_html: str) -> str:
    """The fixture report's page, with a check result."""
    return fixture_html


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    """The parsed page."""
    return Page(html)


def test_the_page_declares_its_language_title_and_icon(page: Page, html: str) -> None:
    """lang comes from Report.language; the title is the report's; the icon is a data: URL."""
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert page.all("link") == [{"rel": "icon", "href": "data:,"}]
    assert "<title>Northbrook Safeguarding Children Board Annual Report 2014-15</title>" in html


def test_the_language_follows_the_report(fixture_report: model.Report) -> None:
    """A report in Welsh gets lang="cy"."""
    welsh = render_html(attrs.evolve(fixture_report, language="cy"), rules=RULES)
    assert '<html lang="cy">' in welsh


def test_landmarks_and_skip_link(page: Page) -> None:
    """One header, nav, main and footer; the first link skips to main."""
    for landmark in ("header", "nav", "main", "footer"):
        assert len(page.all(landmark)) == 1, landmark
    first_link = page.all("a")[0]
    assert first_link == {"class": "skip-link", "href": "#main"}
    assert page.all("main")[0]["id"] == "main"


def test_one_h1_and_no_skipped_heading_level(page: Page) -> None:
    """The outline starts at the single h1 and never jumps more than one level down."""
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    jumps = [(a, b) for a, b in itertools.pairwise(page.headings) if b > a + 1]
    assert jumps == []


def test_tables_have_captions_and_scoped_headers(html: str, page: Page) -> None:
    """Every table has a caption and every header cell says whether it heads a row or column."""
    assert len(page.all("table")) == len(page.all("caption")) >= 10
    assert html.count("<caption id=") == len(page.all("caption"))
    scopes = {a.get("scope") for a in page.all("th")}
    assert scopes == {"col", "row"}


def test_ids_are_unique_and_every_internal_link_has_a_target(page: Page) -> None:
    """No id repeats, and every #fragment link points at an element that exists."""
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    targets = [str(a["href"])[1:] for a in page.all("a") if str(a.get("href", "")).startswith("#")]
    assert targets and set(targets) <= set(ids)


def test_nothing_is_loaded_from_outside_the_page(page: Page) -> None:
    """No element loads anything but data: URLs; only plain links point elsewhere."""
    for tag, attributes in page.tags:
        for name in ("src", "srcset", "poster", "data"):
            value = attributes.get(name)
            assert value is None or value.startswith("data:"), (tag, name, value)
        if tag == "link":
            assert str(attributes["href"]).startswith("data:")


def test_the_content_security_policy_pins_the_page_scripts(page: Page) -> None:
    """The policy allows exactly the page's inline scripts, by hash, and no network source."""
    policy = next(m["content"] for m in page.all("meta") if m.get("http-equiv"))
    assert policy is not None
    assert "default-src 'none'" in policy and "connect-src" not in policy
    code = [text for attributes, text in page.scripts if "type" not in attributes]
    assert len(code) == 2  # the Vega bundle, once, and the start-up script
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_each_chart_is_a_figure_with_caption_description_fallback_and_data(
    html: str, fixture_report: model.Report
) -> None:
    """A chart is a figure named by its caption and described once by its description; the
    drawing (the SVG image until the script draws it) is hidden from screen readers; the
    figure links to the table that holds its figures instead of printing them again."""
    specs = render_vega(fixture_report)
    figures = re.findall(r'<figure class="chart" id="([^"]+)"[^>]*>(.*?)</figure>', html, re.DOTALL)
    assert len(figures) == len(specs) == 6
    for (anchor, figure), (chart_id, spec) in zip(figures, specs.items(), strict=True):
        assert figure.index("<figcaption") < figure.index('class="chart-description"')
        assert f'aria-describedby="{anchor}-description"' in html
        image = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="">', figure)
        assert image is not None
        assert base64.b64decode(image.group(1)).startswith(b"<svg")
        assert 'class="chart-view"' in figure and 'aria-hidden="true"' in figure
        data = re.search(
            r'<script type="application/json" data-chart="[^"]+">(.*?)</script>', figure, re.DOTALL
        )
        assert data is not None and json.loads(data.group(1)) == spec, chart_id
        assert "<table>" not in figure
        link = re.search(r'The figures are in the table <a href="#([^"]+)">', figure)
        assert link is not None and f'id="{link.group(1)}"' in html


def test_charts_are_embedded_without_actions_as_svg_and_signal_readiness(html: str) -> None:
    """vegaEmbed draws SVG with no actions menu; window.reportReady counts the charts."""
    assert (
        'vegaEmbed(target, JSON.parse(node.textContent), { actions: false, renderer: "svg" })'
        in html
    )
    assert "window.reportReady = Promise.all(views)" in html
    assert html.count("vegaEmbed=") + html.count("vegaEmbed =") >= 1


def test_a_page_without_charts_has_no_bundle_and_no_eval(fixture_report: model.Report) -> None:
    """Without charts the Vega scripts are left out and the policy forbids eval."""

    def strip(section: model.Section) -> model.Section:
        return attrs.evolve(
            section,
            blocks=tuple(b for b in section.blocks if not isinstance(b, model.Chart)),
            sections=tuple(strip(s) for s in section.sections),
        )

    plain = attrs.evolve(fixture_report, sections=tuple(strip(s) for s in fixture_report.sections))
    text = render_html(plain, rules=RULES)
    assert "unsafe-eval" not in text and "vegaEmbed(" in text  # start-up script only
    assert len(text) < 100_000


def test_kpis_state_comparisons_in_words(html: str) -> None:
    """KPIs give value, unit, period and each comparison as a sentence, not as colour."""
    assert '<strong>18%</strong> <span class="kpi-period">(2014-15)</span>' in html
    assert (
        "<li>Statistical neighbours: 22.5%. 18% is lower than this, which is better.</li>" in html
    )


def test_prose_is_markdown_and_labels_are_text(html: str) -> None:
    """Prose Markdown becomes HTML; characters in labels are escaped, never markup."""
    assert "<strong>Northbrook Safeguarding Children Board</strong>" in html
    assert '<a href="https://www.example.org/nscb">Board\'s website</a>' in html
    assert "<dt>A|B</dt>\n<dd>A term with a &lt;pipe&gt; and *stars*</dd>" in html


def test_there_is_a_print_stylesheet(html: str) -> None:
    """The page carries print rules (navigation hidden, link targets shown)."""
    assert "@media print" in html and 'a[href^="http"]::after' in html


def test_the_compliance_and_notes_appendices_are_tables(page: Page, html: str) -> None:
    """Both generated appendices are in main, with captions, statuses and reasons."""
    assert '<section id="statutory-compliance" class="appendix generated">' in html
    assert '<td class="status status-not-met">Not met</td>' in html
    assert "Accepted by the Board: The published budget has no such line" in html
    assert "<td>Open error</td>" in html
    assert "<td>Duty not met, accepted by the Board</td>" in html
    assert ">suppressed<" not in html.lower()
    assert (
        html.index("statutory-compliance")
        < html.index('id="notes-on-the-data"')
        < html.index("<footer")
    )


def test_script_json_cannot_end_its_element() -> None:
    """</script>, <!-- and & in data are escaped so the JSON stays inside its script element."""
    data = {"label": "</script><script>alert(1)</script> <!-- & \u2028"}
    text = str(script_json(data))
    assert "</" not in text and "<!--" not in text and "&" not in text
    assert json.loads(text) == data


def test_hostile_text_stays_text(hostile_html: str) -> None:
    """Injected tags, handlers and links from every text field appear only escaped."""
    text = hostile_html
    page = Page(text)
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert not [a for a in page.all("a") if str(a.get("href", "")).lower().startswith("javascript")]
    assert page.all("iframe") == [] and page.all("img") == [
        a for a in page.all("img") if str(a["src"]).startswith("data:image/svg+xml")
    ]
    code = [t for attributes, t in page.scripts if "type" not in attributes]
    assert len(code) == 2
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text


def test_rendering_is_deterministic(fixture_report: model.Report, html: str) -> None:
    """Rendering the same report twice gives the same page, byte for byte."""
    again = render_html(fixture_report, FINDINGS, evidence=EVIDENCE, rules=RULES)
    assert again == html


def test_a_table_published_in_parts_is_one_captioned_table_per_part(
    fixture_report: model.Report,
) -> None:
    """Each part is its own table in its own labelled scroll region, with a unique id."""
    columns = [model.Column(key=k, label=k.upper()) for k in ("year", "a", "b")]
    wide = model.Table(
        id="wide",
        caption="Wide",
        columns=columns,
        rows=[["2014/15", "x", "y"]],
        bands=[["a"], ["b"]],
    )
    report = attrs.evolve(
        fixture_report, sections=(model.Section(id="s", title="S", blocks=(wide,)),)
    )
    page = Page(render_html(report, rules=RULES))
    captions = [a["id"] for a in page.all("caption") if "wide" in (a["id"] or "")]
    assert captions == ["table-wide-caption", "table-wide-part-2-caption"]
    regions = [a["aria-labelledby"] for a in page.all("div") if a.get("role") == "region"]
    assert [r for r in regions if "wide" in (r or "")] == captions
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
