"""Pack QUAL: what readers of an annual report expect although no statute names it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Set

from boardreport import blocks as block_kinds
from boardreport import model
from boardreport.model import MemberRole
from boardreport.rules import _citations as cite
from boardreport.rules._content import (
    all_blocks,
    all_sections,
    blocks,
    section_has_content,
    text,
    walk_text,
)
from boardreport.rules._registry import FRAMEWORK_PACKS, Finding, RuleContext, Severity, pack

PACK = pack("QUAL", title="Quality: what readers expect beyond the statute")

_ACRONYM = re.compile(r"(?<![A-Za-z0-9&])([A-Z][A-Z0-9&]*[A-Z0-9])(?:'?s)?(?![A-Za-z0-9&])")
_LINK = re.compile(r"\]\([^)]*\)|https?://\S+|www\.\S+|\S+@\S+")
_CAPS = r"[A-Z][A-Z0-9&'’-]*"
_SHOUTED_RUN = re.compile(
    rf"\b{_CAPS}(?:[ \t]+(?:(?:and|of|the|for|in|to|&|-|–)[ \t]+)?{_CAPS}\b)+"
)
_ROMAN = re.compile(r"^[IVXLC]+$")
_NOT_PROSE = frozenset(
    {"id", "table", "x", "y", "key", "column", "percent_of", "claims", "currency", "parts", "total"}
)
MAX_ACRONYM = 6
"""Longer runs of capitals (TRAINING, GOVERNANCE) are taken as emphasis, not acronyms."""
_LONG_CAPS = re.compile(rf"[A-Z]{{{MAX_ACRONYM + 1},}}")
"""A word too long for an acronym: without one, no run of capitals in a text is emphasis."""


def _emphasis(run: str) -> bool:
    """A run of capitalised words is emphasis when one of its words is too long for an acronym."""
    return any(len(word) > MAX_ACRONYM for word in re.findall(r"[A-Z]+", run))


def acronyms(value: str) -> Iterator[str]:
    """Yield the acronyms in ``value``: two or more capitals, not emphasis or numerals."""
    if "](" in value or "http" in value or "www." in value or "@" in value:
        value = _LINK.sub(" ", value)
    shouted: list[tuple[int, int]] | None = None
    for match in _ACRONYM.finditer(value):
        word = match.group(1)
        if len(word) > MAX_ACRONYM or word == "TODO" or _ROMAN.match(word):
            continue
        if sum(ch.isalpha() for ch in word) < 2:
            continue
        if shouted is None:
            shouted = (
                [m.span() for m in _SHOUTED_RUN.finditer(value) if _emphasis(m.group())]
                if _LONG_CAPS.search(value)
                else []
            )
        start = match.start(1)
        if any(a <= start < b for a, b in shouted):
            continue
        yield word


def _texts(ctx: RuleContext) -> list[tuple[str, object, list[str]]]:
    """(path, block, texts) for every block, walked once per check run."""
    if "texts" not in ctx.cache:
        ctx.cache["texts"] = [
            (located.path, located.item, [t for t in walk_text(located.item, _NOT_PROSE) if t])
            for located in all_blocks(ctx)
        ]
    found: list[tuple[str, object, list[str]]] = ctx.cache["texts"]
    return found


def _glossary_terms(ctx: RuleContext) -> set[str] | None:
    terms: set[str] = set()
    found = False
    for located in blocks(ctx, model.Glossary):
        found = True
        for entry in located.item.entries:
            term = entry.term.strip().upper()
            terms.update((term, term.replace(" ", "")))
            terms.update(t for t in re.split(r"[\s/,()]+", term) if t)
    return terms if found else None


@PACK.rule(
    "QUAL-001",
    name="glossary-acronyms",
    severity=Severity.INFO,
    citations=(cite.GOOD_PRACTICE,),
)
def glossary_acronyms(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    When the report has a `glossary`, every acronym used in its text (two to six capitals,
    such as CSE or CAMHS; plurals such as CCGs count as CCG) is a glossary term. One finding
    per acronym, at its first use. Roman numerals are not acronyms, nor are the words of a
    run of capitals that holds a word of more than six letters (FRONT-LINE DELIVERY AND THE
    IMPACT), which is emphasis. An acronym spelt out where it is used ("the Health and
    Wellbeing Board (H&WBB)", "CSE (child sexual exploitation)") is defined; people's names
    (the Chair, members, leads, quoted people, a surname after an initial or a title, as in
    "M. KERR") and programme names ("the SAFE programme") are not acronyms.

    ## Why it matters

    The annual report is read by councillors, partners and the public; an acronym they cannot
    look up is a barrier.

    ## How to fix

    Add the acronym to the glossary, or write it out.

    ## Example

    ```toml
    [[blocks]]
    type = "glossary"
    entries = [{ term = "CSE", meaning = "Child Sexual Exploitation" }]
    ```
    """
    terms = _glossary_terms(ctx)
    if terms is None:
        return
    first: dict[str, str] = {}
    for located in all_sections(ctx):
        for word in acronyms(located.item.title):
            first.setdefault(word, located.path)
    for path, block, values in _texts(ctx):
        if isinstance(block, model.Glossary):
            continue
        for value in values:
            for word in acronyms(value):
                first.setdefault(word, path)
    known = terms | _not_acronyms(ctx, set(first))
    for word, path in first.items():
        if word not in known:
            yield ctx.finding(f"{word!r} is used but is not in the glossary", path)


_STOP = frozenset({"and", "of", "the", "for", "in", "to", "on", "with", "a", "an", "at", "by"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_HONORIFIC = re.compile(
    r"\b(?:[A-Z]\.|Mr|Mrs|Ms|Miss|Dr|Prof|Cllr|Councillor|Sir|Dame|Rev)\.?\s+"
    r"(?:[A-Z][a-z]+\s+)?([A-Z][A-Z'’-]+)\b"
)
_PROGRAMME = re.compile(
    r"\b([A-Z][A-Z0-9&]+)\s+(?:programmes?|programs?|projects?|initiatives?|schemes?|"
    r"campaigns?|e-?mails?|newsletters?|bulletins?|toolkits?|apps?)\b"
)


def _initials(words: list[str]) -> str:
    """First letters of ``words`` and the capitals inside them ("HealthWatch" gives HW)."""
    return "".join(w[0].upper() + "".join(c for c in w[1:] if c.isupper()) for w in words)


def _spells(acronym: str, words: list[str]) -> bool:
    """True when ``words`` (a phrase next to the acronym) spell it out, loosely.

    The phrase's first word starts with the acronym's first letter, and the acronym's letters
    come, in order, from the initials of its words.
    """
    letters = [c for c in acronym.upper() if c.isalpha()]
    content = [w for w in words if w.lower() not in _STOP]
    if not letters or not content or content[0][0].upper() != letters[0]:
        return False
    initials = iter(_initials(content) + "".join(w.upper() for w in content))
    return all(letter in initials for letter in letters)


@functools.lru_cache(maxsize=16)
def _uses(candidates: frozenset[str]) -> re.Pattern[str]:
    """Where any of ``candidates`` is used as a word of its own (longest first)."""
    words = "|".join(re.escape(c) for c in sorted(candidates, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9&])(?:{words})(?![A-Za-z0-9&])")


def inline_definitions(value: str, candidates: Set[str]) -> set[str]:
    """The acronyms ``value`` spells out where it uses them: "Health and Wellbeing Board
    (H&WBB)", "CSE (child sexual exploitation)", "(Health Related Behaviour Survey - HRBS)".

    """
    found: set[str] = set()
    if not candidates:
        return found
    for match in _uses(frozenset(candidates)).finditer(value):
        acronym = match.group()
        before = _WORD.findall(value[max(0, match.start() - 160) : match.start()])
        after = _WORD.findall(value[match.end() : match.end() + 160])
        window = len(acronym) + 4
        opened = value[max(0, match.start() - 3) : match.start()]
        if ("(" in opened or "-" in opened or "[" in opened) and any(
            _spells(acronym, before[-k:]) for k in range(1, min(window, len(before)) + 1)
        ):
            found.add(acronym)
        following = value[match.end() : match.end() + 3]
        if ("(" in following or "-" in following or "–" in following) and _spells(
            acronym, after[:window]
        ):
            found.add(acronym)
    return found


def _names(ctx: RuleContext) -> set[str]:
    """Words of people's names: the Chair, members, leads, authors and quoted people."""
    names: list[str] = []
    if ctx.report.chair is not None:
        names.append(ctx.report.chair.name)
    for located in all_blocks(ctx):
        block = located.item
        if isinstance(block, model.Membership):
            names += [m.name for m in block.members]
        elif isinstance(block, model.PriorityArea) and block.lead is not None:
            names.append(block.lead.name)
        elif isinstance(block, model.Quote):
            names.append(block.attribution)
    return {
        w.upper() for name in names for w in _WORD.findall(name) if not w.isupper() or len(w) > 3
    }


def _not_acronyms(ctx: RuleContext, candidates: set[str]) -> set[str]:
    """Capitalised words that are defined where they are used, names, or programme names."""
    found: set[str] = set()
    names = _names(ctx)
    found.update(c for c in candidates if c in names)
    texts = [located.item.title for located in all_sections(ctx)]
    texts += [value for _, _, values in _texts(ctx) for value in values]
    everyone = frozenset(candidates)  # one search pattern for every text
    for value in texts:
        found.update(inline_definitions(value, everyone))
        found.update(m.group(1) for m in _HONORIFIC.finditer(value))
        found.update(m.group(1) for m in _PROGRAMME.finditer(value))
    return found


def _normal(name: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


@PACK.rule(
    "QUAL-002",
    name="agency-returns",
    severity=Severity.WARNING,
    citations=(cite.GOOD_PRACTICE,),
)
def agency_returns(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    When the report includes agency returns (`agency_return` blocks), every partner agency
    on the Board (members with `role = "statutory_partner"`) has one. A return matches a
    member when it names one of the member's partners (`partner` or `other_partners`), or
    when one organisation name contains the other. One finding per organisation without a return.

    ## Why it matters

    The Board's assessment of effectiveness rests on what every partner reports; a missing
    return is a gap in that picture.

    ## How to fix

    Add the agency's return, or record why it made none.

    ## Example

    ```toml
    [[blocks]]
    type = "agency_return"
    agency = "West Midlands Police"
    partner = "police"
    achievements = "..."
    ```
    """
    returns = [located.item for located in blocks(ctx, model.AgencyReturn)]
    if not returns:
        return
    names = [_normal(r.agency) for r in returns if text(r.agency)]
    partners = {r.partner for r in returns if r.partner is not None}
    reported: set[str] = set()
    for located in blocks(ctx, model.Membership):
        for index, member in enumerate(located.item.members):
            if member.role is not MemberRole.STATUTORY_PARTNER:
                continue
            organisation = member.organisation if text(member.organisation) else member.name
            key = _normal(organisation)
            if not key or key in reported:
                continue
            if partners.intersection((member.partner, *member.other_partners)):
                continue
            if any(key in name or name in key for name in names if name):
                continue
            reported.add(key)
            yield ctx.finding(
                f"{organisation!r} sits on the Board but has no agency return",
                f"{located.path}.members[{index}]",
            )


@PACK.rule(
    "QUAL-003",
    name="known-framework",
    severity=Severity.ERROR,
    citations=(cite.FORMAT,),
)
def known_framework(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report's `framework` (or `--framework`), when given, names a statutory edition that
    boardreport has a rule pack for. Without one, the edition follows from the period and the
    arrangement kind.

    ## Why it matters

    The framework chooses the statutory checks; with an unknown one, no statutory content is
    checked at all.

    ## How to fix

    Use a known framework (`boardreport rules` lists the packs and their frameworks).

    ## Example

    ```toml
    framework = "wt2013"
    ```
    """
    framework = ctx.report.framework
    chosen = ctx.edition
    if chosen is not None and not chosen.known:
        known = ", ".join(sorted(FRAMEWORK_PACKS))
        yield ctx.finding(
            f"framework {framework!r} has no statutory rule pack (known: {known}); the "
            "statutory content was not checked",
            "framework",
        )


@PACK.rule(
    "QUAL-004",
    name="priority-progress",
    severity=Severity.WARNING,
    citations=(cite.GOOD_PRACTICE,),
)
def priority_progress(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every priority area reports the progress made on it: in its `progress` or
    `work_in_progress`, or in the rest of the section that holds it (other blocks or
    subsections with real content, such as the committees' achievements under the priority).

    ## Why it matters

    Readers expect last year's priorities to be reported on; a priority without progress
    leaves open whether anything was done.

    ## How to fix

    Write the progress, or what is still in progress and why.

    ## Example

    ```toml
    [[blocks]]
    type = "priority_area"
    number = 1
    title = "Effective governance"
    aim = "..."
    progress = "The Board reviewed its constitution and membership."
    ```
    """
    for located in blocks(ctx, model.PriorityArea):
        area: model.PriorityArea = located.item
        if text(area.progress) or text(area.work_in_progress):
            continue
        section = located.section
        others = any(b is not area and block_kinds.has_content(b) for b in section.blocks)
        if others or any(section_has_content(s) for s in section.sections):
            continue
        yield ctx.finding(
            f"priority {area.number} ({area.title}) reports no progress",
            f"{located.path}.progress",
        )


@PACK.rule(
    "QUAL-005",
    name="placeholders",
    severity=Severity.WARNING,
    citations=(cite.GOOD_PRACTICE,),
)
def placeholders(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    No content is still to be written: `placeholder` blocks, prose, quotes or case studies
    that are empty or start with TODO, TBC, "to follow" or the like, and such placeholders in
    any other text field.

    ## Why it matters

    Placeholders count as missing content in every check, and a published report must not
    contain them.

    ## How to fix

    Write the content, or remove the block.

    ## Example

    ```toml
    [[blocks]]
    type = "prose"
    text = "The Board met six times in 2014-15."
    ```
    """
    for path, block, values in _texts(ctx):
        if isinstance(block, model.Placeholder):
            yield ctx.finding(f"placeholder: {block.prompt}", path)
        elif isinstance(
            block, model.Prose | model.Quote | model.CaseStudy
        ) and model.is_placeholder(block.text):
            yield ctx.finding("this text is still to be written", f"{path}.text")
        elif any(value.strip() and model.is_placeholder(value) for value in values):
            yield ctx.finding("a field is still to be written (TODO, TBC, to follow)", path)


@PACK.rule(
    "QUAL-006",
    name="chart-description",
    severity=Severity.WARNING,
    citations=(cite.GOOD_PRACTICE,),
)
def chart_description(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every chart has a `description`: the text alternative that says what the chart shows.

    ## Why it matters

    Readers who cannot see the chart rely on the description; the accessible HTML output
    uses it as the chart's text alternative.

    ## How to fix

    Describe the main message of the chart in one or two sentences.

    ## Example

    ```toml
    description = "Salaries were the largest cost (£69,806), followed by training (£31,600)."
    ```
    """
    for located in blocks(ctx, model.Chart):
        if not text(located.item.description):
            yield ctx.finding(
                f"chart {located.item.id!r} has no description (text alternative)",
                f"{located.path}.description",
            )
