"""Statutory and consistency checks: rules grouped in packs, run by :func:`check`.

A report chooses its statutory pack with ``framework`` (``"wt2013"`` → pack WT13); the
consistency (CONS), quality (QUAL) and suppression (SUP) packs run for every report.
"""

from boardreport.rules._docs import explain, get_rule, render_docs, stale_docs, write_docs
from boardreport.rules._engine import (
    CheckResult,
    Counts,
    all_rules,
    applicable_rules,
    check,
    resolve_selection,
)
from boardreport.rules._registry import (
    Citation,
    Finding,
    Phase,
    Rule,
    RuleContext,
    Severity,
    pack,
)

__all__ = [
    "CheckResult",
    "Citation",
    "Counts",
    "Finding",
    "Phase",
    "Rule",
    "RuleContext",
    "Severity",
    "all_rules",
    "applicable_rules",
    "check",
    "explain",
    "get_rule",
    "pack",
    "render_docs",
    "resolve_selection",
    "stale_docs",
    "write_docs",
]
