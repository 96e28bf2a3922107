"""Pack CONS, continued: one figure, one value, wherever the report states it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from boardreport import model
from boardreport.model import ReviewKind
from boardreport.rules import _citations as cite
from boardreport.rules._content import all_blocks
from boardreport.rules._numbers import (
    financial_year_label,
    financial_year_of,
    number,
    show,
    years_of,
)
from boardreport.rules._registry import Finding, RuleContext, Severity
from boardreport.rules.packs.consistency import PACK


class Fact(NamedTuple):
    """One statement of a figure: what it counts, for which year, its value and where."""

    key: str
    year: str
    value: Decimal
    path: str
    label: str
    """The figure as a reader knows it: a KPI's label, a member's attendance."""
    quote: str = ""
    """The words of the prose that states it, if it is stated in prose."""


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text.lower()).split())


def _year(period: object) -> str:
    years = years_of(period)
    return financial_year_label(min(years)) if len(years) == 1 else ""


_NUMBER_WORDS = {
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
}
_N = r"(?P<n>\d[\d,]*|" + "|".join(w for w in _NUMBER_WORDS if len(w) > 2) + r")"
_M = _N.replace("?P<n>", "?P<m>")
_HEDGE = r"(?<!approximately )(?<!around )(?<!about )(?<!over )(?<!nearly )(?<!almost )"
_SCR = r"(?:serious case reviews?|scrs?)"
_PROSE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "child deaths reviewed",
        re.compile(
            rf"{_HEDGE}\b{_N}\s+(?:child\s+)?deaths?\s+(?:of\s+children\s+)?(?:were|was|have "
            rf"been|had been)?\s*reviewed\b|\breviewed\s+(?:the\s+deaths\s+of\s+{_M}\s+children"
            rf"|{_M.replace('?P<m>', '?P<k>')}\s+(?:child\s+)?deaths)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "serious case reviews commissioned",
        re.compile(
            rf"{_HEDGE}\b{_N}\s+(?:new\s+)?{_SCR}\s+(?:were|was|have been|has been|had been)\s+"
            r"(?:commissioned|initiated|started)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "serious case reviews notified",
        re.compile(
            rf"{_HEDGE}\b{_N}\s+(?:serious\s+incidents?|{_SCR}|cases?)\s+(?:were|was|have been|"
            r"has been|had been)\s+notified\b",
            re.IGNORECASE,
        ),
    ),
    (
        "serious case reviews published",
        re.compile(
            rf"{_HEDGE}\b{_N}\s+{_SCR}\s+(?:were|was|have been|has been|had been)\s+published\b",
            re.IGNORECASE,
        ),
    ),
)
"""Prose that states a count the typed blocks also hold."""

_PROSE_WORDS = {
    "child deaths reviewed": re.compile(r"reviewed", re.IGNORECASE),
    "serious case reviews commissioned": re.compile(r"commissioned|initiated|started", re.I),
    "serious case reviews notified": re.compile(r"notified", re.IGNORECASE),
    "serious case reviews published": re.compile(r"published", re.IGNORECASE),
}
"""A word each pattern of :data:`_PROSE` needs: prose without it is not searched further."""

_KPI_KEYS = (
    ("child deaths reviewed", re.compile(r"\bdeaths?\b.*\breviewed\b|\breviewed\b.*\bdeaths?\b")),
    (
        "serious case reviews commissioned",
        re.compile(r"\b(?:serious case reviews?|scrs?)\b.*commissioned"),
    ),
    (
        "serious case reviews notified",
        re.compile(
            rf"{_HEDGE}\b{_N}\s+(?:serious\s+incidents?|{_SCR}|cases?)\s+(?:were|was|have been|"
            r"has been|had been)\s+notified\b",
            re.IGNORECASE,
        ),
    ),
    (
        "serious case reviews published",
        re.compile(r"\b(?:serious case reviews?|scrs?)\b.*published"),
    ),
)


_EARLIER = re.compile(r"\b(?:last|previous|preceding|prior) year\b|\bthe year before\b", re.I)


def _other_year(text: str, at: int, own: int) -> bool:
    """True when the sentence around ``at`` speaks of a year other than the report's own."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(".", at), text.find("\n", at)) if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    years = years_of(sentence)
    return bool(_EARLIER.search(sentence)) or bool(years and own not in years)


def _value(word: str) -> Decimal | None:
    low = word.lower()
    if low in _NUMBER_WORDS:
        return Decimal(_NUMBER_WORDS[low])
    try:
        return Decimal(low.replace(",", ""))
    except ArithmeticError:
        return None


def facts(ctx: RuleContext) -> list[Fact]:
    """Every statement of a figure the report makes in more than one kind of place."""
    own = financial_year_of(ctx.report.period_start)
    year = financial_year_label(own)
    found: list[Fact] = []
    scr: dict[str, list[tuple[Decimal, str]]] = {}
    for located in all_blocks(ctx):
        block = located.item
        path = located.path
        if isinstance(block, model.KPI) and (v := number(block.value)) is not None:
            label = _normal(block.label)
            key = next((k for k, p in _KPI_KEYS if p.search(label)), f"kpi {label}")
            found.append(Fact(key, _year(block.period) or year, v, path, f"KPI {block.label!r}"))
        elif isinstance(block, model.ChildDeathReview):
            if (v := number(block.deaths_reviewed)) is not None:
                block_year = _year(getattr(block, "period", None)) or year
                found.append(
                    Fact("child deaths reviewed", block_year, v, path, "child deaths reviewed")
                )
        elif isinstance(block, model.Review) and block.kind is ReviewKind.SERIOUS_CASE_REVIEW:
            review_year = _year(getattr(block, "period", None)) or year
            for name in ("notified", "commissioned", "published"):
                if (v := number(getattr(block, name))) is not None:
                    scr.setdefault(f"{name}|{review_year}", []).append((v, f"{path}.{name}"))
        elif isinstance(block, model.Attendance):
            body = _normal(block.body)
            for i, entry in enumerate(block.entries):
                if (v := number(entry.percent)) is not None:
                    found.append(
                        Fact(
                            f"attendance of {_normal(entry.name)} at {body}",
                            _year(block.period) or year,
                            v,
                            f"{path}.entries[{i}]",
                            f"the attendance of {entry.name!r} at {block.body}",
                        )
                    )
        elif isinstance(block, model.Prose):
            for key, pattern in _PROSE:
                if not _PROSE_WORDS[key].search(block.text):
                    continue
                for match in pattern.finditer(block.text):
                    groups = match.groupdict()
                    word = groups.get("n") or groups.get("m") or groups.get("k") or ""
                    if _other_year(block.text, match.start(), own):
                        continue
                    if (v := _value(word)) is not None:
                        quote = match.group(0).strip()
                        found.append(Fact(key, year, v, path, key, f" ({quote!r})"))
    for name_year, values in scr.items():
        name, review_year = name_year.split("|")
        total = sum((v for v, _ in values), Decimal(0))
        found.append(
            Fact(
                f"serious case reviews {name}",
                review_year,
                total,
                values[0][1],
                f"serious case reviews {name}",
            )
        )
    return found


@PACK.rule(
    "CONS-020",
    name="one-figure-one-value",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def one_figure_one_value(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A figure stated in several places has one value: KPIs with the same label for the same
    year; the deaths a child death review reviewed, in its block, in KPIs and in prose ("22
    deaths were reviewed"); the serious case reviews commissioned or published, in review
    blocks (added up), KPIs and prose ("two serious case reviews were commissioned"); a
    member's attendance at the same body in every attendance record for the year. Figures
    given as approximate ("about 20") are not compared.

    ## Why it matters

    Two values for one figure leave readers unsure which is right, and one of them is wrong
    (Working Together 2013, chapter 3, paragraph 17: a rigorous and transparent assessment).

    ## How to fix

    Correct the wrong copy, or keep the published figures and suppress the finding with the
    reason.

    ## Example

    ```toml
    [[blocks]]
    type = "child_death_review"
    panel = "CDOP"
    deaths_reviewed = 22

    [[blocks]]
    type = "prose"
    text = "The panel reviewed 22 deaths in the year."
    ```
    """
    first: dict[tuple[str, str], Fact] = {}
    for fact in facts(ctx):
        seen = first.setdefault((fact.key, fact.year), fact)
        if seen is fact or seen.value == fact.value or seen.path == fact.path:
            continue
        yield ctx.finding(
            f"{fact.label} in {fact.year} is {show(fact.value)} here{fact.quote} but "
            f"{show(seen.value)} at {seen.path}{seen.quote}",
            fact.path,
        )
