"""Reader sentences several block kinds share: people, counts, published page numbers."""

from __future__ import annotations

from boardreport import formatting as fmt
from boardreport import model


def sentence_case(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def person(who: model.Person) -> str:
    """``Name, role, organisation (from ... to ...)``."""
    words = ", ".join(p for p in (who.name, who.role, who.organisation) if p)
    when = fmt.span(who.start, who.end)
    return f"{words} ({when})" if when else words


def count(label: str, value: model.Count | None) -> list[str]:
    """``Label: 12``, or nothing without a value."""
    return [] if value is None else [f"{label}: {fmt.number(value)}"]


def page_words(page: str) -> str:
    """``page 12 of the published report`` (``pages 12-13``), or ``""``."""
    if not page:
        return ""
    plural = "pages" if any(mark in page for mark in "-–") else "page"
    return f"{plural} {page} of the published report"


def with_page(source: str, page: str) -> str:
    """A source line with the published page it came from."""
    where = page_words(page)
    if not where:
        return source
    return f"{source} ({where})" if source else sentence_case(where)


def page_fact(page: str) -> tuple[str, ...]:
    """``Page 12 of the published report.`` as a fact, or none."""
    where = page_words(page)
    return (f"{sentence_case(where)}.",) if where else ()


def present(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """Keep the (label, text) pairs that have text."""
    return tuple((label, text) for label, text in pairs if text)
