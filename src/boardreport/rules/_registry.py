"""Rules, packs and findings: the registry every rule pack registers into."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator

from attrs import define, field, frozen

from boardreport.model import Report

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*-[0-9]{3}$")


class Severity(enum.Enum):
    """How serious a finding is: errors fail ``boardreport check``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@frozen(kw_only=True)
class Citation:
    """A source a rule rests on, held as data so a corrected paragraph is a one-line change."""

    document: str
    locator: str = ""

    def __str__(self) -> str:
        return f"{self.document} {self.locator}".strip()


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

    @property
    def citation(self) -> str:
        """All citations as one string."""
        return "; ".join(str(c) for c in self.citations)


@define
class RuleContext:
    """What a rule sees: the report, and a place to record where a requirement is met."""

    report: Report
    evidence: dict[str, list[str]] = field(factory=dict)
    current: str = ""

    def met(self, path: str) -> None:
        """Record that the running rule's requirement is met at ``path``."""
        self.evidence.setdefault(self.current, []).append(path)


CheckFn = Callable[[RuleContext], Iterator[Finding]]


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

    def finding(
        self, message: str, path: str = "", severity: Severity | None = None
    ) -> Finding:
        """Build a finding of this rule."""
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message,
            path=path,
            citations=self.citations,
        )


REGISTRY: dict[str, Rule] = {}
PACKS: dict[str, str] = {}
"""Pack prefix (``WT13``) → title."""
FRAMEWORK_PACKS: dict[str, str] = {}
"""Report ``framework`` value (``wt2013``) → statutory pack prefix (``WT13``)."""
