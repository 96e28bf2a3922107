"""report.md is safe to publish with every Markdown engine boards use, opened in Chromium.

The fixture report (every block kind) gets hostile text in every text field of every component,
found by walking the model's attrs classes, so a new field is covered without a change here. Its
``report.md`` is rendered by cmark-gfm (GitHub, with raw HTML allowed), Python-Markdown with
mkdocs' extensions and ``attr_list``, and markdown-it (raw HTML on, every link allowed), and the
HTML page is rendered too; each is opened in Chromium: no script runs, no event handler or
``javascript:`` link exists.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from boardreport import blocks, model
from boardreport.render import render_html
from boardreport.render._markup import is_safe_url
from boardreport.render.markdown import render_markdown

from .support import EVIDENCE, FINDINGS, PAYLOADS, REFERENCES, RULES, Tab, hostile

ENGINE_PAYLOADS = (
    "\n\n```\n<script>window.__pwned=1</script>\n",  # an unclosed fence
    "\n\n~~~\n<img src=x onerror=window.__pwned=1>\n",
    "\n\n- item\n\n      <img src=x onerror=window.__pwned=1>\n\n  more\n",  # list-indented code
    "\n\n    <script>window.__pwned=1</script>\n\n",  # an indented code block
    "\n\n# Heading {: onmouseover=window.__pwned=1 }\n\n",
    'Title {: onmouseover="window.__pwned=1" }',
    "[x](https://example.org){: onclick=window.__pwned=1 }",
    "[a](java&#10;script:window.__pwned=1)",
    "[b](java&Tab;script:window.__pwned=1)",
    "[c](java%0Ascript:window.__pwned=1)",
    "[d](<java\tscript:window.__pwned=1>)",
    "[e](&amp;#106;avascript:window.__pwned=1)",
    "<javascript:window.__pwned=1>",
    "\n\n[r]: javascript:window.__pwned=1\n\n[r] and [s][r]\n\n",
    "\\<script>window.__pwned=1</script>",
    "<details open ontoggle=window.__pwned=1>x</details>",
    "\n\n!!! note\n    <script>window.__pwned=1</script>\n\n",
    "1. <b onmouseover=window.__pwned=1>x</b>",
    "| a | b |\n| --- | --- |\n| <script>window.__pwned=1</script> | x |",
    "&#60;script&#62;window.__pwned=1&#60;/script&#62;",
)
PATTERNED = {"id", "page"}
"""Fields validated against a pattern (ids, page numbers) that cannot hold markup."""

NOT_SHOWN = {
    (model.Claim, "text"),
    (model.Claim, "refs"),
    (model.Claim, "of"),
    (model.ColumnTotal, "rows"),
}
"""Text fields that are checked and never shown: a figure's wording as quoted in prose, and
references to other data."""
SAFE_SCHEMES = {"http:", "https:", "mailto:", "file:", "unparsable"}
"""``file:`` is a relative link (the page is opened from a file); an address the browser cannot
parse cannot be followed."""

INSPECT = """() => {
  const handlers = [];
  const urls = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith("on")) handlers.push(element.tagName);
    }
    for (const name of ["href", "src", "action", "formAction", "data"]) {
      const value = element[name];
      if (typeof value !== "string" || !value) continue;
      try {
        urls.push(new URL(value, document.baseURI).protocol);
      } catch (error) {
        urls.push("unparsable");  // a browser cannot follow it
      }
    }
  }
  return {
    pwned: typeof window.__pwned,
    handlers: handlers,
    schemes: Array.from(new Set(urls)).sort(),
    scripts: document.scripts.length,
    frames: document.querySelectorAll("iframe, object, embed, details[ontoggle]").length,
  };
}"""


def _text_type(kind: Any) -> bool:
    return kind is str or str in typing.get_args(kind)


def _text_fields(cls: type[Any], seen: set[type[Any]] | None = None) -> Iterator[tuple[type, str]]:
    """Every text field (``str``, ``str | None``, ``tuple[str, ...]``) of ``cls`` and of every
    attrs class its fields hold."""
    seen = set() if seen is None else seen
    if cls in seen or not attrs.has(cls):
        return
    seen.add(cls)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        kind = hints[field.name]
        if _text_type(kind) or (typing.get_origin(kind) is tuple and str in typing.get_args(kind)):
            yield cls, field.name
        for inner in (kind, *typing.get_args(kind)):
            for candidate in (inner, *typing.get_args(inner)):
                if isinstance(candidate, type):
                    yield from _text_fields(candidate, seen)


class Poisoner:
    """Puts hostile text in every text field, filling empty optional ones too."""

    def __init__(self, make: Callable[[str], str]) -> None:
        self.make = make
        self.covered: set[tuple[type, str]] = set()

    def __call__(self, value: Any) -> Any:
        if isinstance(value, tuple):
            return tuple(self(v) for v in value)
        cls = type(value)
        if not attrs.has(cls):
            return value
        hints = typing.get_type_hints(cls)
        changes: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name in PATTERNED or (cls, field.name) in REFERENCES | NOT_SHOWN:
                continue
            own_questions = isinstance(value, model.AgencyReturn) and bool(value.questions)
            if own_questions and field.name in model.AgencyReturn.ANSWER_FIELDS:
                continue  # a return with its own questions has no standard answers
            current, kind = getattr(value, field.name), hints[field.name]
            if isinstance(current, str) or (current is None and _text_type(kind)):
                changes[field.name] = self.make(current or "filled")
            elif typing.get_origin(kind) is tuple and str in typing.get_args(kind):
                changes[field.name] = tuple(self.make(v) for v in current or ("filled",))
            else:
                changes[field.name] = self(current)
                continue
            self.covered.add((cls, field.name))
        return attrs.evolve(value, **changes)


def _rebind(report: model.Report, original: model.Report) -> model.Report:
    """Charts bound to derived tables whose ids come from (now poisoned) labels follow them."""
    renamed = dict(zip(blocks.all_tables(original), blocks.all_tables(report), strict=True))

    def section(s: model.Section) -> model.Section:
        blocks = tuple(
            attrs.evolve(b, table=renamed[b.table]) if isinstance(b, model.Chart) else b
            for b in s.blocks
        )
        return attrs.evolve(s, blocks=blocks, sections=tuple(section(c) for c in s.sections))

    return attrs.evolve(report, sections=tuple(section(s) for s in report.sections))


def _very_hostile(text: str) -> str:
    return hostile(text) + " " + " ".join(ENGINE_PAYLOADS)


@pytest.fixture(scope="module")
def poisoner() -> Poisoner:
    return Poisoner(_very_hostile)


ARRANGEMENT = model.Arrangement(
    kind=model.ArrangementKind.LSCB,
    partners=(
        model.Partner(
            organisation="Council",
            body=model.PartnerBody.LOCAL_AUTHORITY,
            lead="Chief Executive",
            delegate="Director",
            activity="Led the work.",
        ),
    ),
    relevant_agencies=("Schools",),
    education="Head teachers sit on the board.",
    scrutiny=model.Scrutiny(
        scrutineer="A scrutineer",
        arrangements="Quarterly.",
        findings="Sound.",
        contribution="Read the draft.",
    ),
    changes="None.",
    publication="https://example.org/report",
)
"""An arrangement with every text field, so that each one is shown hostile."""


@pytest.fixture(scope="module")
def hostile_report(fixture_report: model.Report, poisoner: Poisoner) -> model.Report:
    """The fixture report with hostile text in every text field of every component."""
    with_arrangement = attrs.evolve(fixture_report, arrangement=ARRANGEMENT)
    return _rebind(poisoner(with_arrangement), with_arrangement)


@pytest.fixture(scope="module")
def findings() -> list[Any]:
    return [
        attrs.evolve(f, message=_very_hostile(f.message), reason=_very_hostile(f.reason))
        for f in FINDINGS
    ]


@pytest.fixture(scope="module")
def hostile_markdown(hostile_report: model.Report, findings: list[Any]) -> str:
    return render_markdown(hostile_report, findings, evidence=EVIDENCE, rules=RULES)


def test_every_text_field_of_every_component_kind_is_hostile(
    fixture_report: model.Report, hostile_report: model.Report, poisoner: Poisoner
) -> None:
    """The fixture holds every block kind, and every text field the model has (found from its
    classes, so a new field counts at once) was given hostile text."""
    kinds = {type(located.item) for located in model.iter_blocks(fixture_report)}
    assert set(model.BLOCK_TYPES.values()) <= kinds
    wanted = {
        (cls, name)
        for cls, name in _text_fields(model.Report)
        if name not in PATTERNED and (cls, name) not in REFERENCES | NOT_SHOWN
    }
    missing = sorted(f"{cls.__name__}.{name}" for cls, name in wanted - poisoner.covered)
    assert not missing, f"text fields no hostile text reached: {missing}"
    assert len(wanted) > 50


def _cmark_gfm(text: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return str(cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE))


def _python_markdown(text: str) -> str:
    import markdown

    extensions = ["toc", "tables", "fenced_code", "attr_list"]  # mkdocs' own, and attr_list
    return str(markdown.markdown(text, extensions=extensions))


def _markdown_it(text: str) -> str:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like", {"html": True, "linkify": False})
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return str(parser.render(text))


ENGINES = {
    "cmark-gfm": _cmark_gfm,
    "python-markdown": _python_markdown,
    "markdown-it": _markdown_it,
}


class _Attributes(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.links: list[str] = []
        self.tags: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attributes:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in {"href", "src", "action", "formaction", "data"}:
                self.links.append(value or "")


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_report_md_under_each_engine_holds_no_markup_from_the_text(
    hostile_markdown: str, engine: str
) -> None:
    """Without a browser: no event attribute, no script or frame element, no unsafe link."""
    page = _Attributes(ENGINES[engine](hostile_markdown))
    assert page.handlers == []
    assert not page.tags & {"script", "iframe", "object", "embed", "details", "svg", "style"}
    assert [link for link in page.links if not is_safe_url(link)] == []
    images = [link for link in page.links if re.search(r"\.(svg|png)$", link)]
    assert all(link.startswith("charts/") for link in images), images


def _open(tab: Tab, path: Path) -> dict[str, Any]:
    tab.page.goto(path.resolve().as_uri())
    for element in tab.page.locator("body *").all()[:400]:  # hover what could carry a handler
        try:
            element.hover(timeout=200, force=True)
        except Exception:  # an element that cannot be hovered has nothing to run
            continue
    state: dict[str, Any] = tab.page.evaluate(INSPECT)
    return state


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_report_md_under_each_engine_runs_no_script_in_chromium(
    tab_without_csp: Tab, hostile_markdown: str, engine: str, tmp_path: Path
) -> None:
    """Each engine's page, opened in Chromium: nothing ran, no handler, no javascript: link."""
    body = ENGINES[engine](hostile_markdown)
    path = tmp_path / "report.html"
    path.write_text(f"<!doctype html><meta charset=utf-8><body>{body}</body>", encoding="utf-8")
    state = _open(tab_without_csp, path)
    assert state["pwned"] == "undefined"
    assert state["handlers"] == []
    assert set(state["schemes"]) <= SAFE_SCHEMES, state["schemes"]
    assert state["scripts"] == 0 and state["frames"] == 0
    assert [e for e in tab_without_csp.errors if "__pwned" in e] == []


def test_the_html_page_of_the_same_report_runs_no_script_in_chromium(
    tab_without_csp: Tab, hostile_report: model.Report, findings: list[Any], tmp_path: Path
) -> None:
    """The HTML output of the same report, without its content security policy's help."""
    path = tmp_path / "index.html"
    page = render_html(hostile_report, findings, evidence=EVIDENCE, rules=RULES)
    path.write_text(page, encoding="utf-8")
    state = _open(tab_without_csp, path)
    assert state["pwned"] == "undefined"
    assert state["handlers"] == []
    assert set(state["schemes"]) <= SAFE_SCHEMES | {"data:"}, state["schemes"]
    assert state["frames"] == 0
    assert PAYLOADS[0] in tab_without_csp.page.inner_text("main")
