"""Suppressions in the report: exact matching, kept in the output, and audited by pack SUP."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from boardreport import model
from boardreport.rules import check
from boardreport.rules._suppress import covers

BUDGET = model.Budget(
    id="budget-2014-15",
    period="2014-15",
    income=(model.IncomeLine(contributor="Police", amount=100),),
    income_total=90,
    expenditure=(model.ExpenditureLine(item="Chair", amount=100),),
)
TARGET = "budget/budget-2014-15.income_total"


@pytest.fixture
def budget_report(
    make_report: Callable[..., model.Report], make_section: Callable[..., model.Section]
) -> Callable[..., model.Report]:
    """A report whose budget income does not add up (CONS-003), with the given suppressions."""

    def build(*suppressions: model.Suppression, framework: str = "wt2013") -> model.Report:
        return make_report(
            sections=(make_section("budget", BUDGET),),
            suppressions=suppressions,
            framework=framework,
        )

    return build


@pytest.mark.parametrize(
    ("target", "path", "expected"),
    [
        ("a/b", "a/b", True),
        ("a/b", "a/b.income_total", True),
        ("a/b", "a/b/c", True),
        ("a/b", "a/b[2]", True),
        ("a/b", "a/bc", False),
        ("budget/budget-2014", "budget/budget-2014-15.income_total", False),
        ("a/b.income", "a/b.income_total", False),
        ("", "", True),
        ("", "a", False),
    ],
)
def test_covers_is_exact_or_below(target: str, path: str, expected: bool) -> None:
    """A target covers its own path and paths below it, never a longer name."""
    assert covers(target, path) is expected


def test_matching_suppression_keeps_the_finding_with_its_reason(
    budget_report: Callable[..., model.Report],
) -> None:
    """A suppressed finding stays in the result, marked, with the reason; it no longer fails."""
    reason = "As published: the income lines add up to 100, not 90."
    result = check(
        budget_report(model.Suppression(rule="CONS-003", target="budget", reason=reason)),
        select=["CONS", "SUP"],
    )
    cons = [f for f in result.findings if f.rule == "CONS-003"]
    assert len(cons) == 1
    assert cons[0].suppressed and cons[0].reason == reason
    assert cons[0].path == TARGET
    assert not [f for f in result.findings if f.rule.startswith("SUP")]
    assert result.counts.suppressed == 1
    assert not result.failed()


def test_unused_suppression_is_sup_001(budget_report: Callable[..., model.Report]) -> None:
    """A suppression that matches nothing is an error at its own path."""
    result = check(
        budget_report(model.Suppression(rule="CONS-003", target="budget/other", reason="Because.")),
        select=["CONS-003", "SUP"],
    )
    sup = [f for f in result.findings if f.rule == "SUP-001"]
    assert [f.path for f in sup] == ["suppressions[0]"]
    assert not any(f.suppressed for f in result.findings)


def test_suppression_of_a_rule_outside_the_framework_is_unused(
    budget_report: Callable[..., model.Report],
) -> None:
    """Suppressing a WT13 rule in a report of another framework matches nothing."""
    report = budget_report(
        model.Suppression(rule="WT13-008", target="", reason="Because."), framework="wt2099"
    )
    result = check(report)
    assert [f.message for f in result.findings if f.rule == "SUP-001"] == [
        "the suppression of WT13-008 matches nothing: the rule does not apply to framework 'wt2099'"
    ]


def test_suppression_of_a_deselected_rule_is_not_judged(
    budget_report: Callable[..., model.Report],
) -> None:
    """With --select, suppressions of rules that did not run are neither used nor unused."""
    result = check(
        budget_report(model.Suppression(rule="WT13-008", target="", reason="Because.")),
        select=["CONS-003", "SUP"],
    )
    assert not [f for f in result.findings if f.rule == "SUP-001"]


def test_unknown_rule_is_sup_002_and_suppresses_nothing(
    budget_report: Callable[..., model.Report],
) -> None:
    """A suppression of an unknown rule is an error and covers nothing."""
    result = check(
        budget_report(model.Suppression(rule="CONS-993", target="budget", reason="Typo.")),
        select=["CONS-003", "SUP"],
    )
    assert [(f.rule, f.path) for f in result.findings if f.rule.startswith("SUP")] == [
        ("SUP-002", "suppressions[0].rule")
    ]
    assert not any(f.suppressed for f in result.findings)


@pytest.mark.parametrize("reason", ["", "   ", "TODO", "todo: explain"])
def test_missing_reason_is_sup_003_and_suppresses_nothing(
    budget_report: Callable[..., model.Report], reason: str
) -> None:
    """A suppression without a real reason is an error and covers nothing."""
    result = check(
        budget_report(model.Suppression(rule="CONS-003", target="budget", reason=reason)),
        select=["CONS-003", "SUP"],
    )
    assert [(f.rule, f.path) for f in result.findings if f.rule.startswith("SUP")] == [
        ("SUP-003", "suppressions[0].reason")
    ]
    assert [f.suppressed for f in result.findings if f.rule == "CONS-003"] == [False]
    assert result.failed()


def test_rule_ids_in_suppressions_are_case_insensitive(
    budget_report: Callable[..., model.Report],
) -> None:
    """``cons-003`` suppresses CONS-003."""
    result = check(
        budget_report(model.Suppression(rule="cons-003", target=TARGET, reason="As published.")),
        select=["CONS-003", "SUP"],
    )
    assert [f.suppressed for f in result.findings] == [True]
