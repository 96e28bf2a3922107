"""Report text made safe: escaped labels, Markdown prose without raw HTML or unsafe links."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from boardreport.render._markup import (
    inline_html,
    inline_markdown,
    is_safe_url,
    md_escape,
    prose_html,
    prose_markdown,
)

FRAGMENTS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "</p>",
        "<!--",
        "-->",
        "[a](javascript:alert(1))",
        "[b](https://example.org)",
        "![i](http://t/x.png)",
        "<https://ok.example>",
        "<javascript:x>",
        "&#106;avascript:",
        "`",
        "```",
        "\n",
        "\n\n",
        "# ",
        "> ",
        "- ",
        "1. ",
        "|",
        "---",
        "*",
        "_",
        "\\",
        "<div>",
        "<a href='javascript:x'>",
        "[r]: javascript:alert(1)",
        "[r]",
        "    ",
        "text",
        "<svg onload=alert(1)>",
    ]
)
HOSTILE = st.lists(FRAGMENTS | st.text(max_size=5), max_size=20).map("".join)
PLAIN = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(list("\\`*_[]<>|~$&#!-+=.)1 ")),
    max_size=40,
)
ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "a",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "s",
}


class Tags(HTMLParser):
    """Collects (tag, attributes) pairs."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _permissive() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("http://example.org/a?b=c", True),
        ("mailto:board@example.org", True),
        ("#section", True),
        ("report.html", True),
        ("../x/y.md", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("java&#10;script:alert(1)", False),
        ("java&Tab;script:alert(1)", False),
        ("java&NewLine;script:alert(1)", False),
        ("java%0Ascript:alert(1)", False),
        ("java%09script:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("&amp;#106;avascript:alert(1)", False),
        ("javascript&colon;alert(1)", False),
        ("%6A%61%76%61%73%63%72%69%70%74:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_web_mail_and_relative_links_are_safe(url: str, safe: bool) -> None:
    """http, https, mailto and relative addresses pass; every other scheme is refused, read
    after decoding as engines and browsers do (references, percent-encoding, tabs, newlines)."""
    assert is_safe_url(url) is safe


@given(PLAIN)
def test_escaped_text_renders_as_itself(text: str) -> None:
    """Any label, escaped, shows exactly its own characters (whitespace collapsed)."""
    rendered = MarkdownIt("commonmark").enable(["strikethrough"]).renderInline(md_escape(text))
    assert html.unescape(rendered) == " ".join(text.split())


@given(PLAIN)
def test_an_escaped_label_never_starts_a_block(text: str) -> None:
    """An escaped label at the start of a line is one plain paragraph (no list, heading, rule)."""
    escaped = md_escape(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(escaped)
    assert [t.type for t in tokens] in ([], ["paragraph_open", "inline", "paragraph_close"])


@given(HOSTILE)
def test_prose_html_holds_only_safe_markup(text: str) -> None:
    """Rendered prose holds only Markdown's own tags, and links only to safe addresses."""
    for tag, attributes in Tags(prose_html(text, 2)).found:
        assert tag in ALLOWED_TAGS, tag
        if tag == "code" and "class" in attributes:  # a fence's info string, escaped
            assert str(attributes.pop("class")).startswith("language-")
        assert set(attributes) <= {"href", "style", "start"}, attributes
        if "href" in attributes:
            assert is_safe_url(str(attributes["href"]))
        if "style" in attributes:
            assert re.fullmatch(r"text-align:(left|right|center)", str(attributes["style"]))
        assert tag not in {"h1", "h2"}


@given(HOSTILE)
@example("\\![i](http://t/x.png)")  # an escaped backslash before an image
@example("<img src=x onerror=alert(1)>\n# ")  # a heading freed by escaping an HTML block
def test_prose_markdown_never_becomes_raw_html(text: str) -> None:
    """Even a renderer that passes HTML through finds no raw HTML, image or unsafe link."""
    tokens = _permissive().parse(prose_markdown(text, 2))
    stack = list(tokens)
    while stack:
        token = stack.pop()
        stack.extend(token.children or [])
        assert token.type not in {"html_block", "html_inline", "image"}, token
        if token.type == "link_open":
            assert is_safe_url(str(token.attrGet("href")))
        if token.type == "heading_open":
            assert int(token.tag[1:]) >= 3


def test_raw_html_and_script_are_shown_as_text() -> None:
    """Tags in prose are escaped in both outputs; the words are kept."""
    text = 'Hello <script>alert(1)</script> and <b onclick="x">bold</b>'
    assert prose_html(text, 2) == (
        "<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; and "
        "&lt;b onclick=&quot;x&quot;&gt;bold&lt;/b&gt;</p>\n"
    )
    assert prose_markdown(text, 2) == (
        'Hello &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b onclick="x"&gt;bold&lt;/b&gt;'
    )


def test_javascript_links_are_dropped_and_web_links_kept() -> None:
    """A javascript: link stays text; an https link in the same prose still works."""
    text = "[bad](javascript:alert(1)) and [good](https://example.org)"
    assert prose_html(text, 2) == (
        '<p>[bad](javascript:alert(1)) and <a href="https://example.org">good</a></p>\n'
    )
    assert prose_markdown(text, 2) == "bad and [good](https://example.org)"


def test_images_are_never_loaded() -> None:
    """An image in prose becomes a link to it, in HTML and in Markdown."""
    assert prose_html("![map](http://example.org/map.png)", 2) == (
        '<p>!<a href="http://example.org/map.png">map</a></p>\n'
    )
    assert prose_markdown("![map](http://example.org/map.png)", 2) == (
        "\\![map](http://example.org/map.png)"
    )


def test_code_blocks_are_kept_as_code() -> None:
    """Code is code in both outputs: a code block in HTML, one code span a line in Markdown
    (a fence is read as code only at the top level of a Python-Markdown document)."""
    text = "```\n<b>literal</b>\n\n  x ` y\n```"
    assert prose_markdown(text, 2) == "`<b>literal</b>`  \n``   x ` y ``"
    assert "<pre><code>&lt;b&gt;literal&lt;/b&gt;\n\n  x ` y\n</code></pre>" in prose_html(text, 2)


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("# A\n\n## B\n\n# C", [3, 4, 3]),
        ("### A\n\n##### B", [3, 4]),
        ("A\n===\n\nB\n---", [3, 4]),
        ("> # Quoted", [3]),
    ],
)
def test_prose_headings_sit_below_their_section(text: str, levels: list[int]) -> None:
    """Headings in prose start one level below the section and never skip a level."""
    html_levels = [int(m) for m in re.findall(r"<h(\d)>", prose_html(text, 2))]
    assert html_levels == levels
    tokens = MarkdownIt("commonmark").parse(prose_markdown(text, 2))
    assert [int(t.tag[1:]) for t in tokens if t.type == "heading_open"] == levels


def test_headings_never_go_below_level_six() -> None:
    """Deep sections clamp prose headings at h6."""
    assert prose_html("# A\n\n## B", 6) == "<h6>A</h6>\n<h6>B</h6>\n"


def test_inline_markdown_keeps_one_line() -> None:
    """Inline text keeps emphasis and links; block syntax is escaped away."""
    assert inline_markdown("Read *this* [here](https://x.org)") == (
        "Read *this* [here](https://x.org)"
    )
    assert inline_markdown("# not a heading") == "\\# not a heading"
    assert inline_html("<b>x</b> *y*") == "&lt;b&gt;x&lt;/b&gt; <em>y</em>"


@pytest.mark.parametrize(
    "text",
    [
        "Title {: onmouseover=alert(1) }",
        "Title {#id .class onclick=alert(1)}",
        "{: .x }",
        "Heading {{ macro }} {% tag %}",
    ],
)
def test_no_label_or_prose_carries_attribute_syntax(text: str) -> None:
    """``{`` is escaped in labels, inline text and prose headings, so Python-Markdown's
    attr_list (and macro plugins) never read ``{: ... }`` in report text."""
    import markdown

    for written in (md_escape(text), inline_markdown(text), prose_markdown(f"# {text}", 2)):
        assert re.search(r"(?<!\\)\{", written) is None, written
        rendered = markdown.markdown(f"## {written}", extensions=["attr_list", "toc"])
        (tag, attributes), *_ = Tags(rendered).found
        assert (tag, set(attributes)) == ("h2", {"id"}), rendered
        assert "{" in html.unescape(re.sub("<[^>]+>", "", rendered))


def test_markdown_output_of_prose_is_stable() -> None:
    """Writing already written prose again changes nothing: the escapes are read back as the
    same text and written the same way."""
    text = "# A {: x }\n\n- one *two* [three](https://x.org)\n- `code` & <b>\n\n> quote | pipe"
    once = prose_markdown(text, 2)
    assert prose_markdown(once, 2) == once
