"""Report text made safe for Markdown and HTML output.

Two kinds of text come from a report: labels (titles, captions, cells), which are plain text and
are escaped, and prose, which is Markdown. Prose may never become markup or script: raw HTML is
shown as text, links are limited to http, https, mailto, in-page and relative addresses, and
images are never loaded (they render as links). Headings inside prose are shifted below the
heading of the section that holds them, so the document outline never skips a level.

The Markdown output must be safe under every engine a board publishes with (cmark-gfm on
GitHub, Python-Markdown in mkdocs, with extensions such as ``attr_list``, and markdown-it), which
do not agree on block structure. So prose is never passed through: it is parsed, and written out
again from its parts, every piece of text escaped so that no engine reads syntax in it.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is imported when a fragment is first rendered, not remembered
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode

MAX_HEADING = 6
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_STRIPPED = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
_WHITESPACE = re.compile(r"\s+")
_DECODE_ROUNDS = 4
"""Times a link is decoded (entities, then percent-encoding) before its scheme is read: an
engine decodes once and the browser again, and a doubly encoded scheme must not slip through."""
_ESCAPES = {
    **{c: "\\" + c for c in "\\`*_{}[]#"},
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "~": "&#126;",
    "$": "&#36;",
}
"""Characters that are syntax somewhere: backslash escapes where every engine (Python-Markdown
has the fewest) reads them, character references elsewhere."""
_TEXT_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]|&(?=#?[A-Za-z0-9]+;)")
"""Those characters, and an ``&`` that would start a character reference."""
_BACKSLASHED = frozenset("-+!.)")
"""Line-start marks Python-Markdown (with the fewest backslash escapes) lets a backslash escape."""
_LINE_START = re.compile(
    r"^(?:(?P<digits>\d{1,9})(?P<dot>[.)])(?=\s|$)"
    r"|(?P<mark>[-+:](?=\s|$)|[-=]+[-= ]*$|!!!|\?\?\?)"
    r"|(?P<space>[ \t]+))"
)
"""What a line of text may not start with: a list number or mark, a rule or setext underline,
an admonition (``!!!``, ``???``) or definition (``: ``), or spaces (an indented code block).
``*``, ``_``, ``#`` and ``>`` are escaped wherever they are."""


def _decoded(url: str) -> str:
    """``url`` as an engine and a browser may read it: references and percent-encoding decoded,
    the controls and spaces browsers ignore removed."""
    for _ in range(_DECODE_ROUNDS):
        decoded = urllib.parse.unquote(html.unescape(url))
        if decoded == url:
            break
        url = decoded
    return _STRIPPED.sub("", url)


def is_safe_url(url: str) -> bool:
    """Return True for http, https and mailto addresses and for in-page and relative ones.

    The scheme is read after decoding the address as Markdown engines and browsers do
    (``&#10;``, ``&Tab;``, ``%0A``) and dropping the tabs, newlines and controls browsers
    ignore, so ``java&#10;script:`` is still ``javascript:``.
    """
    match = _SCHEME.match(_decoded(url))
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _escape_text(text: str) -> str:
    return _TEXT_SPECIAL.sub(lambda m: _ESCAPES.get(m.group(), "&amp;"), text)


def _escape_line_start(escaped: str) -> str:
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group("digits"):  # "1." starts an ordered list: escape the dot, not the digits
        return f"{match.group('digits')}\\{escaped[len(match.group('digits')) :]}"
    if match.group("space"):
        return escaped[match.end() :]
    first = escaped[0]
    escape = f"\\{first}" if first in _BACKSLASHED else f"&#{ord(first)};"
    return escape + escaped[1:]


def md_escape(text: str) -> str:
    """Escape plain text (a label or a cell) so that Markdown shows it literally on one line."""
    flat = _WHITESPACE.sub(" ", text).strip()
    return _escape_line_start(_escape_text(flat))


# ---------------------------------------------------------------------------------------------
# prose to HTML


@cache
def _html_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # bare web addresses become links (linkify-it-py), checked by is_safe_url like any link
    md = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(
        ["table", "strikethrough", "linkify"]
    )
    md.disable("image")
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    return md


def _shift_headings(tokens: Sequence[Token], base: int) -> None:
    """Place headings below ``base``: the first level under it, then never skipping a level."""
    opening = [t for t in tokens if t.type == "heading_open"]
    if not opening:
        return
    shallowest = min(int(t.tag[1:]) for t in opening)
    previous = base
    new_tags: list[str] = []
    for token in opening:
        wanted = base + 1 + int(token.tag[1:]) - shallowest
        level = min(wanted, previous + 1, MAX_HEADING)
        previous = level
        new_tags.append(f"h{level}")
    stack = iter(new_tags)
    current = ""
    for token in tokens:
        if token.type == "heading_open":
            current = next(stack)
            token.tag = current
        elif token.type == "heading_close":
            token.tag = current


def prose_html(text: str, base_level: int) -> str:
    """Render Markdown prose to safe HTML; headings start one level below ``base_level``."""
    md = _html_parser()
    env: dict[str, object] = {}
    tokens = md.parse(text, env)
    _shift_headings(tokens, base_level)
    html: str = md.renderer.render(tokens, md.options, env)
    return html


def inline_html(text: str) -> str:
    """Render one line of Markdown (emphasis, links, code) to safe HTML without a paragraph."""
    html: str = _html_parser().renderInline(_WHITESPACE.sub(" ", text).strip())
    return html


# ---------------------------------------------------------------------------------------------
# prose to Markdown


def _permissive(url: str) -> bool:
    return True


@cache
def _md_parser() -> MarkdownIt:
    """A parser that sees everything a permissive Markdown renderer would turn into markup."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.validateLink = _permissive  # type: ignore[method-assign]
    return md


_URL_KEEP = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'*+,;=%"
)
_INDENT = "    "
"""List content after its first line is indented four spaces (or the marker's width, if wider):
what Python-Markdown needs, and CommonMark accepts."""


def _destination(url: str) -> str:
    """A link destination no engine can misread: everything but plain URL characters encoded,
    and ``&`` written as a reference (engines decode references in destinations)."""
    kept = "".join(c if c in _URL_KEEP else urllib.parse.quote(c, safe="") for c in url)
    return kept.replace("&", "&amp;")


def _prefixed(prefix: str, line: str) -> str:
    """``line`` inside a container; a blank line stays blank (a hard break keeps its spaces)."""
    return prefix + line if line.strip() else prefix.rstrip()


def _code_span(code: str) -> str:
    runs = [len(m) for m in re.findall(r"`+", code)]
    fence = "`" * (max(runs, default=0) + 1)
    padded = f" {code} " if code.startswith(("`", " ")) or code.endswith(("`", " ")) else code
    return f"{fence}{padded}{fence}"


class _Writer:
    """Writes a parsed Markdown tree back as Markdown that every engine reads the same way."""

    def inline(self, node: SyntaxTreeNode, *, line_start: bool = True) -> str:
        """The children of an ``inline`` node (or of a link, emphasis) as one escaped line;
        ``line_start`` when they begin a line (where a list mark would start a list)."""
        out: list[str] = []
        children = node.children
        for index, child in enumerate(children):
            piece = self.inline_piece(child)
            if line_start and child.type in {"text", "html_inline"}:
                piece = _escape_line_start(piece)
            following = children[index + 1].type if index + 1 < len(children) else ""
            if piece.endswith("!") and following == "link":  # "!" and a link make an image
                piece = piece[:-1] + "\\!"
            out.append(piece)
            line_start = child.type == "hardbreak"
        return "".join(out)

    def inline_piece(self, node: SyntaxTreeNode) -> str:
        kind = node.type
        if kind in {"text", "html_inline"}:
            return _escape_text(node.content)
        if kind == "softbreak":
            return " "
        if kind == "hardbreak":
            return "  \n"
        if kind == "code_inline":
            return _code_span(node.content)
        if kind in {"em", "strong", "s"}:
            mark = {"em": "*", "strong": "**", "s": "~~"}[kind]
            inner = self.inline(node, line_start=False)
            return f"{mark}{inner}{mark}" if inner.strip() else inner
        if kind == "link":
            inner = self.inline(node, line_start=False)
            href = str(node.attrs.get("href", ""))
            return f"[{inner}]({_destination(href)})" if is_safe_url(href) else inner
        if kind == "image":
            alt = self.inline(node, line_start=False) or "image"
            src = str(node.attrs.get("src", ""))
            return f"\\![{alt}]({_destination(src)})" if is_safe_url(src) else alt
        return _escape_text(node.content)

    def blocks(self, nodes: Iterable[SyntaxTreeNode], *, tight: bool) -> list[str]:
        """Lines of a sequence of blocks; blank lines between them unless ``tight``."""
        lines: list[str] = []
        for node in nodes:
            written = self.block(node)
            if not written:
                continue
            if lines and not tight:
                lines.append("")
            lines.extend(written)
        return lines

    def block(self, node: SyntaxTreeNode) -> list[str]:
        kind = node.type
        if kind == "paragraph":
            text = self.inline(node.children[0]) if node.children else ""
            return text.split("\n") if text.strip() else []
        if kind == "heading":
            text = self.inline(node.children[0]).replace("  \n", " ") if node.children else ""
            return [f"{'#' * int(node.tag[1:])} {text}".rstrip()]
        if kind == "blockquote":
            inner = self.blocks(node.children, tight=False)
            return [_prefixed("> ", line) for line in inner]
        if kind in {"bullet_list", "ordered_list"}:
            return self.list_lines(node)
        if kind in {"code_block", "fence"}:
            return self.code(node.content)
        if kind == "hr":
            return ["* * *"]
        if kind == "table":
            return self.table(node)
        if kind == "html_block":  # raw HTML, shown as its text, line by line
            lines = [_escape_line_start(_escape_text(x.strip())) for x in node.content.split("\n")]
            kept = [x for x in lines if x]
            return [f"{x}  " for x in kept[:-1]] + kept[-1:]
        return []

    def list_lines(self, node: SyntaxTreeNode) -> list[str]:
        items = [c for c in node.children if c.type == "list_item"]
        tight = any(p.hidden for item in items for p in item.children if p.type == "paragraph")
        start = int(str(node.attrs.get("start", 1))) if node.type == "ordered_list" else 1
        lines: list[str] = []
        for index, item in enumerate(items):
            number = start + index
            marker = "- " if node.type == "bullet_list" else f"{number}. "
            indent = " " * max(len(marker), len(_INDENT))
            content = self.blocks(item.children, tight=tight)
            if item.children and item.children[0].type == "table":
                content = ["&nbsp;", "", *content]  # a list item never starts with a block
            if lines and not tight:
                lines.append("")
            first, *rest = content or [""]
            lines.append(_prefixed(marker, first))
            lines.extend(_prefixed(indent, line) for line in rest)
        return lines

    @staticmethod
    def code(content: str) -> list[str]:
        """A code block as one code span a line. A fence is not safe: Python-Markdown reads
        fences only at the top level of the whole document, not in a list or quote the prose
        may be placed in, and there its text would be read as Markdown and HTML."""
        lines = content.rstrip("\n").split("\n")
        spans = [_code_span(line.replace("\t", "    ")) for line in lines if line.strip()]
        return [f"{span}  " for span in spans[:-1]] + spans[-1:]

    def table(self, node: SyntaxTreeNode) -> list[str]:
        rows: list[list[str]] = []
        aligns: list[str] = []
        for section in node.children:
            for row in section.children:
                cells = []
                for cell in row.children:
                    if section.type == "thead":
                        aligns.append(str(cell.attrs.get("style", "")))
                    text = self.inline(cell.children[0]) if cell.children else ""
                    cells.append(text.replace("  \n", " "))
                rows.append(cells)
        if not rows:
            return []
        rule = {"text-align:left": ":---", "text-align:right": "---:", "text-align:center": ":---:"}
        lines = ["| " + " | ".join(rows[0]) + " |"]
        lines.append("| " + " | ".join(rule.get(a, "---") for a in aligns) + " |")
        lines.extend("| " + " | ".join(cells) + " |" for cells in rows[1:])
        return lines


def _tree(text: str, base_level: int) -> SyntaxTreeNode:
    from markdown_it.tree import SyntaxTreeNode

    tokens = _md_parser().parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    _shift_headings(tokens, base_level)
    return SyntaxTreeNode(tokens)


def prose_markdown(text: str, base_level: int) -> str:
    """Return Markdown prose that no Markdown engine turns into raw HTML, script or images.

    The prose is parsed and written again from its parts: paragraphs, headings (one level
    below ``base_level``), lists, quotes, tables, code, emphasis and links to safe addresses.
    Every piece of text is escaped, raw HTML is shown as text, images become links and links
    to other schemes become their text. No piece of the result can open or close a code
    block, start HTML or carry extension syntax such as ``{: ... }``.
    """
    lines = _Writer().blocks(_tree(text, base_level).children, tight=False)
    return "\n".join(lines).strip("\n")


def inline_markdown(text: str) -> str:
    """Return one line of Markdown made safe like :func:`prose_markdown`, without block syntax."""
    from markdown_it.tree import SyntaxTreeNode

    flat = _WHITESPACE.sub(" ", text).strip()
    tokens = _md_parser().parseInline(flat)
    if not tokens:
        return ""
    return _Writer().inline(SyntaxTreeNode(tokens).children[0]).replace("  \n", " ")


__all__ = [
    "MAX_HEADING",
    "inline_html",
    "inline_markdown",
    "is_safe_url",
    "md_escape",
    "prose_html",
    "prose_markdown",
]
