"""The registry: packs and rules register with validated ids, citations and documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from boardreport import model
from boardreport.rules import _registry, all_rules, check
from boardreport.rules._registry import Citation, Finding, RuleContext, Severity, pack

DOC = """
## What it checks

Something.

## Why it matters

Because.

## How to fix

Fix it.

## Example

```toml
x = 1
```
"""


@pytest.fixture
def scratch_registry() -> Iterator[None]:
    """Let a test declare packs and rules, and forget them afterwards."""
    all_rules()
    saved = [
        (d, dict(d))
        for d in (
            _registry.REGISTRY,
            _registry.PACKS,
            _registry.FRAMEWORK_PACKS,
            _registry.PACK_FRAMEWORK,
        )
    ]
    yield
    for registry, content in saved:
        registry.clear()
        registry.update(content)


def _doc(fn: object, doc: str = DOC) -> object:
    fn.__doc__ = doc
    return fn


def test_rule_ids_are_well_formed_and_belong_to_their_pack() -> None:
    """Every registered rule id matches PACK-NNN and starts with its pack's prefix."""
    for rule in all_rules():
        assert _registry.RULE_ID.match(rule.id)
        assert rule.id.startswith(rule.pack + "-")
        assert rule.citations


def test_wt13_pack_is_exactly_the_catalogue() -> None:
    """WT13 has the fourteen catalogue rules with their names and severities."""
    wt13 = {r.id: (r.name, r.severity.value) for r in all_rules() if r.pack == "WT13"}
    assert wt13 == {
        "WT13-001": ("reporting-period", "error"),
        "WT13-002": ("chair-publishes", "error"),
        "WT13-003": ("report-recipients", "warning"),
        "WT13-004": ("effectiveness-assessment", "error"),
        "WT13-005": ("weaknesses-causes-actions", "error"),
        "WT13-006": ("lessons-from-reviews", "error"),
        "WT13-007": ("partner-contributions", "error"),
        "WT13-008": ("expenditure", "error"),
        "WT13-009": ("statutory-partners", "warning"),
        "WT13-010": ("lay-members", "error"),
        "WT13-011": ("child-death-reviews", "error"),
        "WT13-012": ("serious-case-reviews", "error"),
        "WT13-013": ("board-functions", "warning"),
        "WT13-014": ("training-evaluation", "warning"),
    }


def test_wt13_citations_match_the_catalogue() -> None:
    """Citations are the catalogue's, rendered from data."""
    cites = {r.id: r.citation for r in all_rules() if r.pack == "WT13"}
    assert cites["WT13-002"] == "Children Act 2004 s14A; WT2013 ch3 para 16"
    assert cites["WT13-006"] == "WT2013 ch3 para 17; WT2013 ch4"
    assert cites["WT13-010"] == "Children Act 2004 s13(4A); WT2013 ch3"
    assert cites["WT13-012"] == "LSCB Regulations 2006 reg 5(1)(e) and 5(2); WT2013 ch4"
    assert cites["WT13-013"] == "LSCB Regulations 2006 reg 5(1)(a)–(d)"


def test_citation_renders_short_and_full_forms() -> None:
    """A citation is data: short form for messages, full title for documentation."""
    citation = Citation(
        document="Working Together 2013", short="WT2013", chapter="3", paragraph="18"
    )
    assert str(citation) == "WT2013 ch3 para 18"
    assert citation.full == "Working Together 2013 ch3 para 18"
    assert (
        str(Citation(document="Children Act 2004", section="13(3)")) == "Children Act 2004 s13(3)"
    )


@pytest.mark.usefixtures("scratch_registry")
@pytest.mark.parametrize(("prefix", "message"), [("bad", "upper-case"), ("WT13", "declared twice")])
def test_pack_rejects_bad_or_duplicate_prefix(prefix: str, message: str) -> None:
    """A pack prefix must be new and upper-case."""
    with pytest.raises(ValueError, match=message):
        pack(prefix, title="x")


@pytest.mark.usefixtures("scratch_registry")
def test_pack_rejects_a_framework_claimed_twice() -> None:
    """Only one statutory pack per framework."""
    with pytest.raises(ValueError, match="already has pack WT13"):
        pack("TESTA", title="x", framework="wt2013")


@pytest.mark.usefixtures("scratch_registry")
@pytest.mark.parametrize(
    ("rule_id", "citations", "doc", "message"),
    [
        ("TESTB-1", (Citation(document="d"),), DOC, "must look like"),
        ("OTHER-001", (Citation(document="d"),), DOC, "does not belong"),
        ("TESTB-001", (), DOC, "at least one citation"),
        ("TESTB-001", (Citation(document="d"),), "## What it checks\nx", "lacks"),
        (
            "TESTB-001",
            (Citation(document="d"),),
            DOC.replace("## Why it matters", "## Tmp")
            .replace("## How to fix", "## Why it matters")
            .replace("## Tmp", "## How to fix"),
            "order",
        ),
    ],
)
def test_rule_registration_validates(
    rule_id: str, citations: tuple[Citation, ...], doc: str, message: str
) -> None:
    """Malformed ids, ids outside the pack, missing citations and incomplete docs are rejected."""
    test_pack = pack("TESTB", title="Test")

    def check_fn(ctx: RuleContext) -> Iterator[Finding]:
        yield from ()

    with pytest.raises(ValueError, match=message):
        test_pack.rule(rule_id, name="n", severity=Severity.INFO, citations=citations)(
            _doc(check_fn, doc)
        )


@pytest.mark.usefixtures("scratch_registry")
def test_duplicate_rule_id_is_rejected() -> None:
    """A rule id registers once."""
    test_pack = pack("TESTC", title="Test")

    def check_fn(ctx: RuleContext) -> Iterator[Finding]:
        yield from ()

    register = test_pack.rule(
        "TESTC-001", name="n", severity=Severity.INFO, citations=(Citation(document="d"),)
    )
    register(_doc(check_fn))
    with pytest.raises(ValueError, match="registered twice"):
        register(_doc(check_fn))


@pytest.mark.usefixtures("scratch_registry")
def test_a_new_framework_pack_runs_without_touching_the_engine(
    make_report: Callable[..., model.Report],
) -> None:
    """A pack declared for a new framework runs for reports that choose it, and only for them."""
    test_pack = pack("TESTD", title="Test framework", framework="test2099")

    def always(ctx: RuleContext) -> Iterator[Finding]:
        yield ctx.finding("seen", "")

    test_pack.rule(
        "TESTD-001", name="always", severity=Severity.WARNING, citations=(Citation(document="d"),)
    )(_doc(always))
    chosen = check(make_report(framework="test2099"))
    assert {f.rule for f in chosen.findings} >= {"TESTD-001"}
    assert not any(f.rule.startswith("WT13") for f in chosen.findings)
    assert not any(f.rule == "QUAL-003" for f in chosen.findings)
    other = check(make_report())
    assert not any(f.rule == "TESTD-001" for f in other.findings)
    assert any(f.rule.startswith("WT13") for f in other.findings)


def test_rule_summary_is_the_first_paragraph_of_what_it_checks() -> None:
    """The one-line summary (SARIF fullDescription, listings) comes from the doc."""
    rule = next(r for r in all_rules() if r.id == "WT13-003")
    assert rule.summary.startswith("The report records that it is submitted to each of")
    assert "\n" not in rule.summary


def test_context_finding_needs_a_running_rule(make_report: Callable[..., model.Report]) -> None:
    """RuleContext.finding outside a rule run is a programming error."""
    ctx = RuleContext(report=make_report())
    with pytest.raises(RuntimeError):
        ctx.finding("x")
    ctx.current = "WT13-001"
    ctx.met("a/b")
    ctx.met("a/b")
    assert ctx.evidence == {"WT13-001": ["a/b"]}
    assert isinstance(make_report(), model.Report)
