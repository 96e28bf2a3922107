"""Run the rules that apply to a report and collect their findings.

The engine knows nothing about any pack: it reads the registry, runs the content rules, applies
the report's suppressions, runs the audit rules (which judge the suppressions), then locates and
sorts the findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

import attrs
from attrs import frozen

from boardreport.errors import UnknownRuleError
from boardreport.io import SourceMap
from boardreport.model import Report
from boardreport.rules import _suppress
from boardreport.rules._editions import EDITIONS, EditionChoice, select_edition
from boardreport.rules._registry import (
    PACKS,
    REGISTRY,
    Finding,
    Phase,
    Rule,
    RuleContext,
    Severity,
)
from boardreport.rules.packs import load_packs


class Counts(NamedTuple):
    """How many unsuppressed findings of each severity, and how many were suppressed."""

    errors: int = 0
    warnings: int = 0
    info: int = 0
    suppressed: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Counts:
        """Count unsuppressed findings by severity, and suppressed ones."""
        items = list(findings)
        live = [f for f in items if not f.suppressed]
        return cls(
            errors=sum(f.severity is Severity.ERROR for f in live),
            warnings=sum(f.severity is Severity.WARNING for f in live),
            info=sum(f.severity is Severity.INFO for f in live),
            suppressed=len(items) - len(live),
        )

    def __str__(self) -> str:  # the closing line of `boardreport check`
        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        text = (
            f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}, {self.info} info"
        )
        return f"{text} ({self.suppressed} suppressed)"


@frozen(kw_only=True)
class CheckResult:
    """The outcome of :func:`check`.

    ``findings`` are sorted by file, line and rule; suppressed findings stay, marked with their
    reasons. ``evidence`` maps each rule id to the data paths where its requirement is met (the
    renderer's "Statutory compliance" appendix). ``rules`` are the rules that ran. ``edition``
    is the statutory edition the report was checked against, and why.
    """

    findings: tuple[Finding, ...]
    evidence: Mapping[str, tuple[str, ...]]
    rules: tuple[Rule, ...] = ()
    edition: EditionChoice | None = None

    @property
    def counts(self) -> Counts:
        """Counts of unsuppressed findings by severity, and of suppressed ones."""
        return Counts.of(self.findings)

    def failed(self, *, strict: bool = False) -> bool:
        """Return True when an unsuppressed error (or, when ``strict``, warning) remains."""
        counts = self.counts
        return counts.errors > 0 or (strict and counts.warnings > 0)


def all_rules() -> tuple[Rule, ...]:
    """Return every registered rule: statutory packs first, then by pack and id."""
    load_packs()
    return tuple(sorted(REGISTRY.values(), key=_rule_order))


_EDITION_ORDER = {edition.pack: index for index, edition in enumerate(EDITIONS)}


def _rule_order(rule: Rule) -> tuple[bool, int, str, str]:
    """Statutory packs first, in the editions' order, then the others, by prefix and id."""
    return (rule.framework is None, _EDITION_ORDER.get(rule.pack, 99), rule.pack, rule.id)


def resolve_selection(tokens: Iterable[str]) -> frozenset[str]:
    """Return the rule ids that ids and pack prefixes in ``tokens`` name.

    Tokens may be comma-separated and are case-insensitive.

    Raises:
        UnknownRuleError: for a token that is neither a rule id nor a pack prefix.
    """
    load_packs()
    chosen: set[str] = set()
    for raw in tokens:
        for token in (t.strip().upper() for t in raw.split(",")):
            if not token:
                continue
            if token in REGISTRY:
                chosen.add(token)
            elif token in PACKS:
                chosen.update(r for r in REGISTRY if REGISTRY[r].pack == token)
            else:
                known = ", ".join(PACKS)
                msg = f"unknown rule or pack {token!r} (packs: {known}; see `boardreport rules`)"
                raise UnknownRuleError(msg)
    return frozenset(chosen)


def applicable_rules(report: Report, framework: str | None = None) -> tuple[Rule, ...]:
    """Return the rules a report gets: packs that always run, plus its edition's pack.

    ``framework`` overrides the edition the report's period, kind and ``framework`` select.
    """
    chosen = select_edition(report, framework).framework
    return tuple(r for r in all_rules() if r.framework is None or r.framework == chosen)


def _run(rule: Rule, ctx: RuleContext) -> list[Finding]:
    ctx.current = rule.id
    ctx.rule = rule
    try:
        return [f for f in rule.check(ctx) if isinstance(f, Finding)]
    except Exception as exc:  # a crashing rule becomes a finding, never a crash
        return [
            rule.finding(
                f"rule {rule.id} could not check this report ({type(exc).__name__}: {exc}); "
                "please report this as a bug",
                severity=Severity.ERROR,
            )
        ]
    finally:
        ctx.rule = None


def _locate(finding: Finding, sources: SourceMap | None) -> Finding:
    if sources is None:
        return finding
    try:
        file, line = sources.locate(finding.path)
    except Exception:  # an unlocatable path keeps the root file
        file, line = sources.root, None
    if file is None:
        return finding
    return attrs.evolve(finding, file=file.as_posix(), line=line or 1)


def _sort_key(finding: Finding) -> tuple[str, int, str, str, str]:
    return (finding.file or "", finding.line or 0, finding.rule, finding.path, finding.message)


def check(
    report: Report,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    sources: SourceMap | None = None,
    framework: str | None = None,
) -> CheckResult:
    """Check ``report`` against its statutory edition's pack and the packs that always run.

    Args:
        report: the report to check.
        select: rule ids or pack prefixes to run (all applicable rules when empty).
        ignore: rule ids or pack prefixes not to run.
        sources: the source map from :func:`boardreport.io.load_with_sources`, to give each
            finding a file and line.
        framework: an edition (``"WT2018"``) to check against instead of the one the report's
            period, arrangement kind and ``framework`` select.

    Raises:
        UnknownRuleError: when ``select`` or ``ignore`` names no rule or pack.
    """
    selected = resolve_selection(select)
    ignored = resolve_selection(ignore)
    edition = select_edition(report, framework)
    applicable = applicable_rules(report, framework)
    running = [r for r in applicable if (not selected or r.id in selected) and r.id not in ignored]
    ctx = RuleContext(report=report, edition=edition)
    content: list[Finding] = []
    for rule in running:
        if rule.phase is Phase.CONTENT:
            content.extend(_run(rule, ctx))
    applied = _suppress.apply(report, content)
    ctx.findings = applied.findings
    ctx.suppression_uses = applied.uses
    ctx.ran = frozenset(r.id for r in running)
    ctx.applicable = frozenset(r.id for r in applicable)
    audit: list[Finding] = []
    for rule in running:
        if rule.phase is Phase.AUDIT:
            audit.extend(_run(rule, ctx))
    located = [
        attrs.evolve(_locate(f, sources), edition=edition.name, edition_reason=edition.reason)
        for f in (*applied.findings, *audit)
    ]
    evidence = MappingProxyType({k: tuple(v) for k, v in ctx.evidence.items() if v})
    return CheckResult(
        findings=tuple(sorted(located, key=_sort_key)),
        evidence=evidence,
        rules=tuple(running),
        edition=edition,
    )
