"""Report text made safe for Markdown and HTML output.

Two kinds of text come from a report: labels (titles, captions, cells), which are plain text and
are escaped, and prose, which is Markdown. Prose may never become markup or script: raw HTML is
neutralised, links are limited to http, https, mailto and relative addresses, and images are
never loaded (they render as links). Headings inside prose are shifted below the heading of the
section that holds them, so the document outline never skips a level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from boardreport.render._fragments import remembered

if TYPE_CHECKING:  # the parser is imported when a fragment is first rendered, not remembered
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MAX_HEADING = 6
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_WHITESPACE = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|[-=*_ ]+$)")
_EVEN_BACKSLASHES = r"(?<!\\)((?:\\\\)*)"
"""A run of backslashes that escapes nothing: what follows it is still Markdown syntax."""
_TAG_OPEN = re.compile(_EVEN_BACKSLASHES + r"<(?=[A-Za-z/!?])")
_IMAGE_OPEN = re.compile(_EVEN_BACKSLASHES + r"!\[")
_LINK_OPEN = re.compile(_EVEN_BACKSLASHES + r"\[")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^\s<>\"'`]*>")


def is_safe_url(url: str) -> bool:
    """Return True for http, https and mailto addresses and for relative ones.

    Browsers ignore tabs, newlines and control characters in a URL scheme, so they are
    removed before the scheme is read; ``java\\tscript:`` is still ``javascript:``.
    """
    cleaned = _CONTROL.sub("", url)
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def md_escape(text: str) -> str:
    """Escape plain text (a label or a cell) so that Markdown shows it literally on one line."""
    flat = _WHITESPACE.sub(" ", text).strip()
    escaped = _ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", flat))
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    marker = match.group(0)
    if marker[0].isdigit():  # "1." starts an ordered list: escape the dot, not the digit
        return f"{marker}\\{escaped[len(marker) :]}"
    return f"\\{escaped}"


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


@remembered("prose_html")
def prose_html(text: str, base_level: int) -> str:
    """Render Markdown prose to safe HTML; headings start one level below ``base_level``."""
    md = _html_parser()
    env: dict[str, object] = {}
    tokens = md.parse(text, env)
    _shift_headings(tokens, base_level)
    html: str = md.renderer.render(tokens, md.options, env)
    return html


@remembered("inline_html")
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


def _walk(tokens: Sequence[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        if token.children:
            found.extend(_walk(token.children))
    return found


def _code_lines(tokens: Sequence[Token]) -> set[int]:
    lines: set[int] = set()
    for token in tokens:
        if token.type in {"fence", "code_block"} and token.map:
            lines.update(range(*token.map))
    return lines


def _unsafe(tokens: Sequence[Token]) -> bool:
    for token in _walk(tokens):
        if token.type in {"html_block", "html_inline", "image"}:
            return True
        if token.type == "link_open" and not is_safe_url(str(token.attrGet("href") or "")):
            return True
    return False


def _neutralise(line: str, *, links: bool) -> str:
    """Escape raw HTML (keeping web autolinks), images and, when asked, link syntax."""
    pieces: list[str] = []
    last = 0
    for match in _AUTOLINK.finditer(line):
        pieces.append(_escape_fragment(line[last : match.start()], links=links))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_escape_fragment(line[last:], links=links))
    return "".join(pieces)


def _escape_fragment(fragment: str, *, links: bool) -> str:
    fragment = _TAG_OPEN.sub(r"\1&lt;", fragment)
    fragment = _IMAGE_OPEN.sub(r"\1\\![", fragment)
    return _LINK_OPEN.sub(r"\1\\[", fragment) if links else fragment


def _heading_lines(
    tokens: Sequence[Token], lines: list[str], base: int
) -> dict[int, tuple[int, str]]:
    """Map the first line of each prose heading to (the line after it, the rewritten line).

    A top-level heading (ATX or setext) becomes an ATX heading at its shifted level; a heading
    nested in a quote or list keeps its container and has its ``#`` run replaced.
    """
    before = {id(t): int(t.tag[1:]) for t in tokens if t.type == "heading_open"}
    _shift_headings(tokens, base)
    rewrites: dict[int, tuple[int, str]] = {}
    for i, token in enumerate(tokens):
        if token.type != "heading_open" or not token.map:
            continue
        start, end = token.map
        hashes = "#" * int(token.tag[1:])
        if token.level == 0:
            content = tokens[i + 1].content if i + 1 < len(tokens) else ""
            rewrites[start] = (end, f"{hashes} {' '.join(content.split())}".rstrip())
        elif token.markup.startswith("#"):
            old = "#" * before[id(token)]
            rewrites[start] = (start + 1, lines[start].replace(old, hashes, 1))
    return rewrites


@remembered("prose_markdown")
def prose_markdown(text: str, base_level: int) -> str:
    """Return Markdown prose that no Markdown renderer turns into raw HTML, script or images.

    Raw HTML is escaped outside code blocks (inline code is escaped too, which can only show an
    entity literally, never run it); images become links. When the text holds a link to a
    scheme other than http, https or mailto, every link in it is shown as literal text.
    Headings are rewritten one level below ``base_level``. If the result could still become
    markup, the whole text is escaped as plain paragraphs.
    """
    parser = _md_parser()
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    tokens = parser.parse(source)
    code = _code_lines(tokens)
    bad_links = any(
        t.type in {"link_open", "image"}
        and not is_safe_url(str(t.attrGet("href") or t.attrGet("src") or ""))
        for t in _walk(tokens)
    )
    source_lines = source.split("\n")
    lines = [
        line if index in code else _neutralise(line, links=bad_links)
        for index, line in enumerate(source_lines)
    ]
    # headings are read from the neutralised text: escaping an HTML block can free a heading
    # (when nothing was escaped, that text is the source and its tokens are already known)
    unchanged = lines == source_lines
    headings = _heading_lines(
        tokens if unchanged else parser.parse("\n".join(lines)), lines, base_level
    )
    out: list[str] = []
    index = 0
    while index < len(lines):
        end, line = headings.get(index, (index + 1, lines[index]))
        out.append(line)
        index = max(end, index + 1)
    result = "\n".join(out).strip("\n")
    # the result is parsed again unless it is the source itself (its tokens' kinds and links
    # are unchanged by the heading levels set above)
    same = unchanged and result == source.strip("\n")
    if _unsafe(tokens if same else parser.parse(result)):
        return "\n\n".join(md_escape(p) for p in re.split(r"\n\s*\n", source) if p.strip())
    return result


@remembered("inline_markdown")
def inline_markdown(text: str) -> str:
    """Return one line of Markdown made safe like :func:`prose_markdown`, without block syntax."""
    flat = _WHITESPACE.sub(" ", text).strip()
    safe = prose_markdown(flat, MAX_HEADING)
    if safe.startswith("#") or "\n" in safe:
        return md_escape(flat)
    return safe


__all__ = [
    "MAX_HEADING",
    "inline_html",
    "inline_markdown",
    "is_safe_url",
    "md_escape",
    "prose_html",
    "prose_markdown",
]
