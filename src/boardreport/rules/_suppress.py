"""Suppressions written in the report: which findings they cover, and which are valid.

A suppression covers a finding when the rule ids are equal and the finding's path is the
target or lies under it (the target followed by ``.``, ``/`` or ``[``). There are no wildcards.
A suppression naming an unknown rule, or without a real reason, suppresses nothing; the SUP
pack reports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import attrs

from boardreport import model
from boardreport.rules._registry import REGISTRY, Finding


class Applied(NamedTuple):
    """Findings with suppressions applied, and how many findings each suppression matched."""

    findings: tuple[Finding, ...]
    uses: tuple[int, ...]


def covers(target: str, path: str) -> bool:
    """Return True when a finding at ``path`` lies at or under ``target``."""
    if path == target:
        return True
    return any(path.startswith(target + sep) for sep in (".", "/", "["))


def rule_id(suppression: model.Suppression) -> str:
    """The suppression's rule id, normalised."""
    return suppression.rule.strip().upper() if isinstance(suppression.rule, str) else ""


def is_valid(suppression: model.Suppression) -> bool:
    """Return True when the suppression names a known rule and gives a real reason."""
    return rule_id(suppression) in REGISTRY and model.has_substance(
        suppression.reason if isinstance(suppression.reason, str) else None
    )


def apply(report: model.Report, findings: Iterable[Finding]) -> Applied:
    """Mark the findings that a valid suppression of ``report`` covers."""
    suppressions = list(report.suppressions)
    valid = [is_valid(s) for s in suppressions]
    uses = [0] * len(suppressions)
    out: list[Finding] = []
    for finding in findings:
        match = None
        for index, suppression in enumerate(suppressions):
            target = suppression.target if isinstance(suppression.target, str) else ""
            if (
                valid[index]
                and rule_id(suppression) == finding.rule
                and covers(target.strip(), finding.path)
            ):
                uses[index] += 1
                match = match if match is not None else suppression
        if match is not None:
            finding = attrs.evolve(finding, suppressed=True, reason=match.reason.strip())
        out.append(finding)
    return Applied(tuple(out), tuple(uses))
