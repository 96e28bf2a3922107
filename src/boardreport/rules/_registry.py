"""Rules, packs and findings: the registry every rule pack registers into.

A pack module declares itself with :func:`pack` and registers each rule with the pack's
``rule`` decorator; the decorated function's docstring is the rule's documentation. The engine
only reads :data:`REGISTRY` and :data:`PACKS`, so adding a pack never touches the engine.
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs
from attrs import define, field, frozen

from boardreport.model import Report

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*-[0-9]{3}$")
PACK_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*$")
DOC_SECTIONS = ("## What it checks", "## Why it matters", "## How to fix", "## Example")
"""Headings every rule's documentation must have, in this order."""


class Severity(enum.Enum):
    """How serious a finding is: errors fail ``boardreport check``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Phase(enum.Enum):
    """When a rule runs: on the report, or afterwards on the other rules' findings."""

    CONTENT = "content"
    AUDIT = "audit"


@frozen(kw_only=True)
class Citation:
    """A source a rule rests on, held as data so a corrected paragraph is a one-line change.

    ``document`` is the full title, ``short`` the form used in one-line messages. Use
    ``chapter`` and ``paragraph`` for guidance, ``section`` for an Act, ``regulation`` for a
    statutory instrument and ``locator`` for anything else (for example ``"5(1)(e) and 5(2)"``).
    Never invent a paragraph number: cite the chapter alone when the paragraph is not confirmed.
    ``confidence`` says how sure the citation is: ``"R"`` read in the text itself (or a copy
    reproducing it item by item), ``"M"`` secondary, partial or inferred; ``note`` says what
    is unsure.
    """

    document: str
    short: str = ""
    chapter: str = ""
    paragraph: str = ""
    section: str = ""
    regulation: str = ""
    locator: str = ""
    url: str = ""
    confidence: str = field(default="R", validator=attrs.validators.in_(("R", "M")))
    note: str = ""

    @property
    def unsure(self) -> bool:
        """True when the citation rests on secondary, partial or inferred reading (``M``)."""
        return self.confidence == "M"

    @property
    def where(self) -> str:
        """The place within the document, for example ``ch3 para 16``."""
        parts = []
        if self.chapter:
            parts.append(f"ch{self.chapter}")
        if self.paragraph:
            parts.append(f"para {self.paragraph}")
        if self.section:
            parts.append(f"s{self.section}")
        if self.regulation:
            parts.append(f"reg {self.regulation}")
        if self.locator:
            parts.append(self.locator)
        return " ".join(parts)

    @property
    def full(self) -> str:
        """The citation with the document's full title."""
        return f"{self.document} {self.where}".strip()

    def __str__(self) -> str:
        return f"{self.short or self.document} {self.where}".strip()


@frozen(kw_only=True)
class Finding:
    """One thing a rule found, located by data path (and file and line once resolved)."""

    rule: str
    severity: Severity
    message: str
    path: str = ""
    citations: tuple[Citation, ...] = ()
    file: str | None = None
    line: int | None = None
    suppressed: bool = False
    reason: str = ""
    edition: str = ""
    """The statutory edition the report was checked against (``WT2018``), once checked."""
    edition_reason: str = ""
    """Why that edition applies (``period 2019-20, safeguarding partnership``)."""

    @property
    def citation(self) -> str:
        """All citations as one string."""
        return "; ".join(str(c) for c in self.citations)


CheckFn = Callable[["RuleContext"], Iterator[Finding]]


@frozen(kw_only=True)
class Rule:
    """A registered rule; ``doc`` is its Markdown documentation."""

    id: str
    name: str
    severity: Severity
    citations: tuple[Citation, ...]
    doc: str
    check: CheckFn
    pack: str
    framework: str | None = None
    """The ``framework`` value a report chooses to get this rule; None for packs that always run."""
    phase: Phase = Phase.CONTENT

    @property
    def citation(self) -> str:
        """All citations as one string."""
        return "; ".join(str(c) for c in self.citations)

    @property
    def summary(self) -> str:
        """The first paragraph of "What it checks", as one line."""
        body = self.doc.split(DOC_SECTIONS[0], 1)[-1].strip()
        first = body.split("\n\n", 1)[0]
        return " ".join(first.split())

    def finding(self, message: str, path: str = "", severity: Severity | None = None) -> Finding:
        """Build a finding of this rule."""
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message,
            path=path,
            citations=self.citations,
        )


@define
class RuleContext:
    """What a rule sees: the report, and a place to record where a requirement is met.

    Audit rules (``Phase.AUDIT``) also see the content rules' ``findings`` (suppressions
    applied), the ids of the rules that ``ran``, the rules ``applicable`` to the report's
    framework, and how many findings each suppression matched (``suppression_uses``).
    """

    report: Report
    evidence: dict[str, list[str]] = field(factory=dict)
    current: str = ""
    rule: Rule | None = None
    findings: tuple[Finding, ...] = ()
    ran: frozenset[str] = frozenset()
    applicable: frozenset[str] = frozenset()
    suppression_uses: tuple[int, ...] = ()
    cache: dict[str, Any] = field(factory=dict)
    edition: Any = None
    """The statutory edition chosen for the report (an ``EditionChoice``), and why."""

    def met(self, path: str) -> None:
        """Record that the running rule's requirement is met at ``path``."""
        paths = self.evidence.setdefault(self.current, [])
        if path not in paths:
            paths.append(path)

    def finding(self, message: str, path: str = "", severity: Severity | None = None) -> Finding:
        """Build a finding of the running rule."""
        if self.rule is None:
            msg = "no rule is running"
            raise RuntimeError(msg)
        return self.rule.finding(message, path, severity)


REGISTRY: dict[str, Rule] = {}
PACKS: dict[str, str] = {}
"""Pack prefix (``WT13``) → title."""
FRAMEWORK_PACKS: dict[str, str] = {}
"""Report ``framework`` value (``wt2013``) → statutory pack prefix (``WT13``)."""
PACK_FRAMEWORK: dict[str, str | None] = {}
"""Pack prefix → the framework that selects it (None: the pack always runs)."""


def _check_doc(rule_id: str, doc: str) -> None:
    positions = [doc.find(heading) for heading in DOC_SECTIONS]
    missing = [h for h, p in zip(DOC_SECTIONS, positions, strict=True) if p < 0]
    if missing:
        msg = f"rule {rule_id}: documentation lacks {', '.join(repr(m) for m in missing)}"
        raise ValueError(msg)
    if positions != sorted(positions):
        msg = f"rule {rule_id}: documentation headings must come in the order {DOC_SECTIONS}"
        raise ValueError(msg)


class Pack(NamedTuple):
    """A declared pack: registers rules whose ids start with its prefix."""

    prefix: str
    title: str
    framework: str | None = None

    def rule(
        self,
        rule_id: str,
        *,
        name: str,
        severity: Severity,
        citations: tuple[Citation, ...],
        phase: Phase = Phase.CONTENT,
        doc: str | None = None,
    ) -> Callable[[CheckFn], CheckFn]:
        """Register the decorated function as rule ``rule_id``; its docstring is the doc.

        ``doc`` replaces the docstring, so one check function can serve several editions'
        rules, each documented for its own edition.

        Raises:
            ValueError: for a malformed or duplicate id, an id outside this pack, a missing
                citation or documentation that lacks a required heading.
        """
        if not RULE_ID.match(rule_id):
            msg = f"rule id {rule_id!r} must look like PACK-NNN (for example WT13-001)"
            raise ValueError(msg)
        if rule_id.split("-")[0] != self.prefix:
            msg = f"rule id {rule_id!r} does not belong to pack {self.prefix}"
            raise ValueError(msg)
        if not citations:
            msg = f"rule {rule_id} needs at least one citation"
            raise ValueError(msg)

        def decorate(fn: CheckFn) -> CheckFn:
            if rule_id in REGISTRY:
                msg = f"rule id {rule_id!r} is registered twice"
                raise ValueError(msg)
            text = inspect.cleandoc(doc if doc is not None else fn.__doc__ or "")
            _check_doc(rule_id, text)
            REGISTRY[rule_id] = Rule(
                id=rule_id,
                name=name,
                severity=severity,
                citations=citations,
                doc=text,
                check=fn,
                pack=self.prefix,
                framework=self.framework,
                phase=phase,
            )
            return fn

        return decorate


def pack(prefix: str, *, title: str, framework: str | None = None) -> Pack:
    """Declare a pack; ``framework`` makes it the statutory pack a report chooses by name.

    Raises:
        ValueError: for a malformed or duplicate prefix, or a framework claimed twice.
    """
    if not PACK_PREFIX.match(prefix):
        msg = f"pack prefix {prefix!r} must be upper-case letters and digits"
        raise ValueError(msg)
    if prefix in PACKS:
        msg = f"pack {prefix!r} is declared twice"
        raise ValueError(msg)
    if framework is not None:
        if framework in FRAMEWORK_PACKS:
            msg = f"framework {framework!r} already has pack {FRAMEWORK_PACKS[framework]}"
            raise ValueError(msg)
        FRAMEWORK_PACKS[framework] = prefix
    PACKS[prefix] = title
    PACK_FRAMEWORK[prefix] = framework
    return Pack(prefix, title, framework)
