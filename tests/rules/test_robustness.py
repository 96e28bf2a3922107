"""No report, however odd, makes a rule crash: findings never raise."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardreport import model
from boardreport.rules import _formats, all_rules, check

KEYS = st.sampled_from(["label", "a", "b", "total", "item", "amount", "count", "percent"])
IDS = st.sampled_from(["a", "b", "t", "b-income", "c-sex", "k"])
NUMBERS = st.one_of(
    st.integers(-(10**6), 10**6),
    st.decimals(allow_nan=True, allow_infinity=True, places=2),
)
CELLS = st.one_of(st.text(max_size=4), NUMBERS)
TEXT = st.one_of(st.just(""), st.just("TODO"), st.text(max_size=12), st.just("CSE and MASH 58%"))
REFS = st.one_of(
    st.sampled_from(
        [
            "kpi:k",
            "kpi:a",
            "table:t[x].a",
            "table:t[*].b",
            "table:b-income[*].amount",
            "budget:b.income[*]",
            "budget:b.income[x]",
            "budget:b.income_total",
            "budget:b.expenditure_total",
            "budget:b.expenditure[*]",
            "table:[",
            "",
        ]
    ),
    st.text(max_size=10),
)

columns = st.lists(
    st.builds(model.Column, key=KEYS, label=TEXT, type=st.sampled_from(model.ColumnType)),
    max_size=4,
)
tables = st.builds(
    model.Table,
    id=IDS,
    caption=TEXT,
    columns=columns,
    rows=st.lists(
        st.tuples(st.sampled_from(["x", "y", "Total"])).flatmap(
            lambda head: st.lists(CELLS, max_size=4).map(lambda rest: (*head, *rest))
        ),
        max_size=4,
    ),
    totals=st.lists(
        st.builds(
            model.ColumnTotal,
            column=KEYS,
            value=NUMBERS,
            rows=st.lists(st.sampled_from(["x", "y", "z"]), max_size=2),
        ),
        max_size=2,
    ),
    row_sums=st.lists(
        st.builds(model.RowSum, total=KEYS, parts=st.lists(KEYS, max_size=3)), max_size=2
    ),
    percent_of=st.one_of(st.just(""), IDS),
)
budgets = st.builds(
    model.Budget,
    id=st.one_of(st.none(), IDS),
    period=st.sampled_from(["2014-15", "2013-14", "14/15", "2016-19", "2014/15"]).map(
        lambda text: model.Period.parse(text) or model.Period.financial_years(2014)
    ),
    income=st.lists(
        st.builds(model.IncomeLine, contributor=TEXT, amount=NUMBERS, partner=st.none()),
        max_size=3,
    ),
    expenditure=st.lists(
        st.builds(
            model.ExpenditureLine,
            item=TEXT,
            amount=NUMBERS,
            category=st.sampled_from(model.ExpenditureCategory),
        ),
        max_size=3,
    ),
    income_total=st.one_of(st.none(), NUMBERS),
    expenditure_total=st.one_of(st.none(), NUMBERS),
    income_sign=st.sampled_from([1, -1]),
)
cdrs = st.builds(
    model.ChildDeathReview,
    id=st.one_of(st.none(), st.just("c")),
    panel=TEXT,
    deaths_reviewed=st.integers(-5, 30),
    modifiable=st.one_of(st.none(), st.integers(0, 5)),
    breakdowns=st.lists(
        st.builds(
            model.Breakdown,
            label=st.sampled_from(["Sex", "Place of death", ""]),
            counts=st.lists(st.tuples(TEXT, st.integers(-3, 30)), max_size=3),
            of_total=st.booleans(),
        ),
        max_size=2,
    ),
)
kpis = st.builds(
    model.KPI,
    id=st.one_of(st.none(), IDS),
    label=TEXT,
    value=NUMBERS,
    unit=st.sampled_from(["", "%", "% change"]),
    period=st.sampled_from(["", "2013-14", "14/15", "2014 - 2015", "31/03/2015"]),
    comparators=st.lists(st.builds(model.Comparator, label=TEXT, value=NUMBERS), max_size=2),
)
prose = st.builds(
    model.Prose,
    text=TEXT,
    claims=st.lists(
        st.builds(
            model.Claim,
            kind=st.sampled_from(model.ClaimKind),
            text=TEXT,
            stated=NUMBERS,
            refs=st.lists(REFS, max_size=3),
            of=st.lists(REFS, max_size=2),
            tolerance=NUMBERS,
        ),
        max_size=2,
    ),
)
charts = st.builds(
    model.Chart,
    id=IDS,
    table=st.one_of(IDS, st.text(max_size=5)),
    kind=st.sampled_from(model.ChartKind),
    x=KEYS,
    y=st.lists(KEYS, max_size=2),
    title=TEXT,
    description=TEXT,
)
others = st.one_of(
    st.builds(model.Placeholder, prompt=TEXT),
    st.builds(
        model.Attendance,
        body=TEXT,
        entries=st.lists(
            st.builds(model.AttendanceEntry, name=TEXT, percent=st.one_of(st.none(), NUMBERS)),
            max_size=3,
        ),
        period=TEXT,
    ),
    st.builds(model.Challenge, title=TEXT, cause=TEXT, action=TEXT),
    st.builds(
        model.Review,
        kind=st.sampled_from(model.ReviewKind),
        title=TEXT,
        lessons=st.lists(TEXT, max_size=2),
        none_in_period=st.booleans(),
    ),
    st.builds(
        model.Membership,
        members=st.lists(
            st.builds(
                model.Member,
                name=TEXT,
                organisation=TEXT,
                role=st.sampled_from(model.MemberRole),
                partner=st.one_of(st.none(), st.sampled_from(model.StatutoryPartner)),
            ),
            max_size=3,
        ),
    ),
    st.builds(model.AgencyReturn, agency=TEXT, contribution_statement=TEXT),
    st.builds(model.PriorityArea, number=st.integers(0, 5), title=TEXT, aim=TEXT),
    st.builds(
        model.Glossary,
        entries=st.lists(st.builds(model.GlossaryEntry, term=TEXT, meaning=TEXT), max_size=2),
    ),
)
blocks = st.lists(st.one_of(tables, budgets, cdrs, kpis, prose, charts, others), max_size=6)
sections = st.lists(
    st.builds(
        model.Section,
        id=IDS,
        title=TEXT,
        blocks=blocks,
        meets=st.lists(st.sampled_from(model.Requirement), max_size=2),
    ),
    max_size=3,
)
rule_ids = st.one_of(st.sampled_from([r.id for r in all_rules()]), st.text(max_size=8))
reports = st.builds(
    model.Report,
    board=TEXT,
    area=TEXT,
    title=TEXT,
    period_start=st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
    period_end=st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
    publication_date=st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))),
    chair=st.one_of(st.none(), st.builds(model.Chair, name=TEXT, independent=st.booleans())),
    framework=st.sampled_from(["wt2013", "wt2099", ""]),
    sections=sections,
    suppressions=st.lists(
        st.builds(model.Suppression, rule=rule_ids, target=st.text(max_size=10), reason=TEXT),
        max_size=2,
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_odd_reports_never_crash_a_rule(report: model.Report) -> None:
    """Every rule copes with odd input: empty, negative, NaN, text where numbers belong."""
    result = check(report)
    crashed = [f.message for f in result.findings if "could not check this report" in f.message]
    assert crashed == []
    for finding in result.findings:
        assert finding.message and finding.rule
    json.loads(_formats.to_sarif(result.findings, result.rules, "0"))
    assert _formats.to_text(result.findings).endswith("suppressed)\n")


def test_nan_totals_are_ignored_not_compared() -> None:
    """A NaN total is not a number: no comparison, no crash."""
    budget = model.Budget(
        period="2014-15",
        income=(model.IncomeLine(contributor="x", amount=Decimal("NaN")),),
        expenditure=(),
        income_total=Decimal("NaN"),
        expenditure_total=5,
    )
    report = model.Report(
        board="b",
        area="a",
        title="t",
        period_start=dt.date(2014, 4, 1),
        period_end=dt.date(2015, 3, 31),
        sections=(model.Section(id="s", title="s", blocks=(budget,)),),
    )
    result = check(report, select=["CONS"])
    assert [f.rule for f in result.findings] == ["CONS-003"]
