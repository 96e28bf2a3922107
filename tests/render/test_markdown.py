"""Markdown output: every block type, escaped labels, safe prose, appendices, a golden file."""

from __future__ import annotations

import itertools
import re

import attrs
import pytest
from markdown_it import MarkdownIt

from boardreport import model
from boardreport.render import render_markdown
from boardreport.render._markup import is_safe_url

from .support import EVIDENCE, FINDINGS, RULES, assert_golden, poisoned_report

ANCHOR = re.compile(r'^(?:<a id="r:[a-z0-9-]+">|</a>|<a id="r:[a-z0-9-]+"></a>)\n?$')


def _render(report: model.Report) -> str:
    return render_markdown(report, FINDINGS, evidence=EVIDENCE, rules=RULES)


def _tokens(text: str) -> list:  # type: ignore[type-arg]
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    found = []
    stack = parser.parse(text)
    while stack:
        token = stack.pop(0)
        found.append(token)
        stack[0:0] = token.children or []
    return found


def test_the_fixture_uses_every_block_type(fixture_report: model.Report) -> None:
    """The fixture report holds one block of every type, so the tests below cover them all."""
    tags = {model.block_tag(located.item) for located in model.iter_blocks(fixture_report)}
    assert tags == set(model.BLOCK_TYPES)


def test_markdown_matches_its_golden_file(fixture_report: model.Report) -> None:
    """The fixture report, with a check result, renders exactly as the golden Markdown."""
    assert_golden("report.md", _render(fixture_report))


def test_every_block_type_renders_its_content(fixture_report: model.Report) -> None:
    """Each block type shows its distinctive content in words."""
    text = _render(fixture_report)
    expected = [
        "Welcome to the annual report of the **Northbrook Safeguarding Children Board**",
        "> The worker listened to me and *did what she said she would do*.\n>\n> — A young",
        "### Case study: Child A",
        "> **Figure not reproduced:** the data behind this figure is not in the source document.",
        "> **TODO:** add the early help performance summary",
        "> **TODO:** write the paragraph on private fostering",
        "**Referrals to children's social care:** 512.4 per 10,000 children (2014-15)",
        "- England (2013-14): 573 per 10,000 children. 512.4 per 10,000 children is lower",
        "- 2013-14: 21%. 18% is lower than this, which is better.",
        "| **Total** | **213** | **229** |",
        "Source: Northbrook children's services",
        "![Child protection plans by category](charts/plans-by-category.svg)\n\nNeglect is the",
        "**Priority 1 · Lead: Alex Officer, Director of Children's Services, Northbrook Council**"
        "\n\n### Early help",
        "### Northbrook Police",
        "#### What were the agreed safeguarding objectives for 2014/15?",
        "| Clinical Commissioning Group | £15,000 |",
        "| **Total** | **£60,000** |",
        "| **Total** | **£58,250.50** |",
        "| Alex Officer | Northbrook Council | Statutory partner |",
        "- Secure estate: There is no prison or secure unit in the area.",
        "| Probation | Not published | Not a member until October 2014. |",
        "#### Getting messages to the front line",
        "**Cause**\n\nBriefings went to managers only.",
        "[Note 1](#r:note-1) (Open error)",
        "**Lessons**\n\n- Share information *early*.",
        "- None in this period.",
        "### Northbrook Child Death Overview Panel",
        "**Place of death**\n\n| Category | Number |",
        "| CSE | Child sexual exploitation |",
    ]
    missing = [snippet for snippet in expected if snippet not in text]
    assert missing == []


def test_each_chart_is_an_image_then_a_link_to_its_table(fixture_report: model.Report) -> None:
    """A chart is a relative SVG image named by its title, its description once, then a link
    to the table its figures are printed in (never a second copy of them)."""
    text = _render(fixture_report)
    for located in model.iter_blocks(fixture_report, model.Chart):
        chart = located.item
        image = f"](charts/{chart.id}.svg)"
        assert text.count(image) == 1
        after = text[text.index(image) :]
        link = re.search(r"The figures are in the table \[[^\]]+\]\(#(r:[a-z0-9-]+)\)", after)
        assert link is not None and f'<a id="{link.group(1)}"></a>' in text
        assert text.count(chart.description) == 1


def test_labels_and_cells_are_escaped(fixture_report: model.Report) -> None:
    """Markdown and HTML characters in labels and cells are shown literally, even pipes."""
    text = _render(fixture_report)
    assert "| A&#124;B | A term with a &lt;pipe&gt; and \\*stars\\* |" in text
    assert "**Children subject to a child protection plan, by category &#124; at 31 March**" in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<td>A|B</td>" in html
    assert "<td>A term with a &lt;pipe&gt; and *stars*</td>" in html


def test_every_table_is_a_valid_gfm_table(fixture_report: model.Report) -> None:
    """Every header-rule line starts a real table when parsed as GitHub-flavoured Markdown."""
    text = _render(fixture_report)
    html = MarkdownIt("commonmark").enable("table").render(text)
    rules = len(re.findall(r"^\| (?:---:?)(?: \| ---:?)* \|$", text, re.MULTILINE))
    assert rules == html.count("<table>") > 10


def test_the_contents_link_to_anchors_that_exist(fixture_report: model.Report) -> None:
    """Every contents entry points at an anchor placed before its heading."""
    text = _render(fixture_report)
    contents = text[text.index("## Contents") : text.index('<a id="r:foreword">')]
    targets = re.findall(r"\]\(#(r:[a-z0-9-]+)\)", contents)
    assert "r:statutory-compliance" in targets and "r:notes-on-the-data" in targets
    for target in targets:
        assert f'<a id="{target}"></a>' in text


def test_headings_follow_an_outline(fixture_report: model.Report) -> None:
    """One level-1 heading; no heading is more than one level below the one before it."""
    tokens = [t for t in _tokens(_render(fixture_report)) if t.type == "heading_open"]
    levels = [int(t.tag[1:]) for t in tokens]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_the_compliance_appendix_gives_each_rule_its_status(fixture_report: model.Report) -> None:
    """Rules of the report's framework are listed with where they are met and their status."""
    text = _render(fixture_report)
    section = text[text.index("## Statutory compliance") : text.index("## Notes on the data")]
    assert "| Chair statement (Working Together 2013 ch3 para 16) | Met | " in section
    assert "[Foreword by the Independent Chair](#r:foreword) | WT13-001 |" in section
    assert "| Lessons from reviews" in section
    assert "| Not met | [Learning from reviews](#r:learning) | WT13-002 |" in section
    assert "| Accepted by the Board: The published budget has no such line" in section
    assert "[Appendix: Budget and acronyms](#r:appendix), [The Board and its partners]" in section
    assert "CONS-001" not in section  # not a rule of the report's framework


def test_the_notes_list_open_findings_first_then_accepted_ones(
    fixture_report: model.Report,
) -> None:
    """Open findings lead, marked with their severity; accepted ones come with their reasons;
    author-only findings (info) are counted but left out."""
    text = _render(fixture_report)
    notes = text[text.index("## Notes on the data") :].splitlines()
    rows = [line for line in notes if line.startswith("| ") and "---" not in line][1:]
    assert rows[0].startswith('| <a id="r:note-1"></a>1 | Open error | [Learning from reviews]')
    assert rows[-1].startswith('| <a id="r:note-3"></a>3 | Duty not met, accepted by the Board |')
    assert "reproduced as printed. | WT13-003 |" in rows[-1]
    assert "whole-report note" not in text
    assert "1 note for the report's authors (such as glossary suggestions) is left out" in text
    assert len(rows) == len(FINDINGS) - 1


def test_an_unchecked_report_says_so(fixture_report: model.Report) -> None:
    """Without a check result, the appendices say the report was not checked."""
    text = render_markdown(fixture_report, rules=RULES)
    assert "has not been checked against its rule pack" in text
    assert "| Chair statement (Working Together 2013 ch3 para 16) | Not checked" in text
    assert "This report has not been checked, so there are no findings to note." in text


def test_hostile_text_never_becomes_markup(fixture_report: model.Report) -> None:
    """Raw HTML, script and javascript: links in every text field stay text in the Markdown."""
    text = _render(poisoned_report(fixture_report))
    tokens = _tokens(text)
    raw = [t.content for t in tokens if t.type in {"html_block", "html_inline"}]
    assert raw and all(ANCHOR.match(content) for content in raw), raw[:5]
    links = [str(t.attrGet("href")) for t in tokens if t.type == "link_open"]
    assert all(is_safe_url(href) for href in links)
    assert not [t for t in tokens if t.type == "image" and "charts/" not in str(t.attrGet("src"))]
    assert "window.\\_\\_pwned" in text  # the text itself is kept, only neutralised


def test_the_report_language_does_not_change_markdown(fixture_report: model.Report) -> None:
    """Markdown has no language attribute; the output is the same for any language."""
    welsh = attrs.evolve(fixture_report, language="cy")
    assert _render(welsh) == _render(fixture_report)


@pytest.mark.parametrize(
    "renderer", ["python-markdown (mkdocs)", "markdown-it (CommonMark, GitHub)"]
)
def test_contents_nest_and_ids_are_unique_in_github_and_mkdocs(
    fixture_report: model.Report, renderer: str
) -> None:
    """The contents list nests its second level under the first (4-space indents, which
    python-markdown needs), and no id repeats, counting the ids mkdocs gives headings."""
    import html.parser

    import markdown

    text = _render(fixture_report)
    if renderer.startswith("python"):
        page = markdown.markdown(text, extensions=["toc", "tables"])
    else:
        page = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)

    class Ids(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.ids += [v for k, v in attrs if k == "id" and v]

    parser = Ids()
    parser.feed(page)
    assert parser.ids and len(parser.ids) == len(set(parser.ids))
    contents = page[page.index("Contents</h2>") : page.index('id="r:foreword"')]
    assert re.search(
        r"<li><a href=\"#r:performance\">[^<]*</a>\s*<ul>\s*<li><a href=\"#r:challenges\"", contents
    )
