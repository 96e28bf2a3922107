"""Every report in tests/corpus/ loads, checks and builds, and says what it says in typed fields.

Each folder under ``tests/corpus/`` with a ``report.toml`` is a report: real boards' published
reports (``PROVENANCE.md``) and fictional ones (``ANSWERS.toml`` with planted errors, or written
to exercise the model). Whatever a report states about an unknown figure, a budget's kind or
reserves, people and their dates, inspections or reviews must be a typed field: a TOML comment or
a placeholder saying it is invisible to the checks and to readers.
"""

from __future__ import annotations

import io
import re
import tomllib
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from pathlib import Path

import attrs
import jsonschema
import pytest

import boardreport
from boardreport import model, render, rules
from boardreport.cli import main
from boardreport.io import load_with_sources
from boardreport.schema import part_schema, report_schema

CORPUS = Path(__file__).resolve().parent / "corpus"
REPORTS = sorted(p.parent for p in CORPUS.glob("*/report.toml"))
IDS = [p.name for p in REPORTS]

TYPED_WORDS = (
    "not published",
    "not known",
    "unknown",
    "withheld",
    "suppressed",
    "fewer than",
    "more than",
    "over 5",
    "vice-chair",
    "vice chair",
    "interim chair",
    "chair from",
    "chair until",
    "scrutineer",
    "scrutiny",
    "lay member",
    "carried forward",
    "brought forward",
    "in kind",
    "in-kind",
    "outline budget",
    "planned budget",
    "inspection",
    "inspected",
    "judgement",
    "inferred",
    "rapid review",
    "notified",
    "unpublished",
    "denominator",
    "per 10,000",
    "page ",
    "plan period",
)
"""What the model has a field for (issue: a model for every board's report)."""


def test_the_corpus_holds_real_and_fictional_reports() -> None:
    """At least four real boards besides the reference and two reports written for the model."""
    real = [p for p in REPORTS if p.name.startswith("real-")]
    fictional = [p for p in REPORTS if p.name.startswith("fictional-model-")]
    assert len(real) >= 4, IDS
    assert len(fictional) >= 2, IDS
    for folder in real:
        assert (folder / "PROVENANCE.md").is_file(), f"{folder.name} has no PROVENANCE.md"


@pytest.mark.parametrize("folder", REPORTS, ids=IDS)
def test_report_loads_checks_and_builds(folder: Path) -> None:
    """The report loads, every rule runs on it and it renders to Markdown and HTML."""
    report, sources = load_with_sources(folder)
    result = rules.check(report, sources=sources)
    crashed = [f.message for f in result.findings if "could not check this report" in f.message]
    assert not crashed
    for fmt in ("markdown", "html"):
        text = render.render(report, fmt, result.findings, evidence=result.evidence)
        assert isinstance(text, str) and report.board in text


@pytest.mark.parametrize("folder", REPORTS, ids=IDS)
def test_check_command_exits_0_or_1(folder: Path) -> None:
    """`boardreport check` ends with findings (1) or none (0), never a load or usage error."""
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as err:
        code = main(["check", str(folder)])
    assert code in (0, 1), err.getvalue()


@pytest.mark.parametrize("folder", REPORTS, ids=IDS)
def test_report_dumps_back_losslessly(folder: Path) -> None:
    """io.dumps writes the loaded report so that loading the text gives the same report."""
    report, _ = load_with_sources(folder)
    assert boardreport.loads(boardreport.dumps(report)) == report


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("folder", REPORTS, ids=IDS)
def test_report_files_satisfy_the_editor_schema(folder: Path) -> None:
    """report.toml and every part file validate against the JSON Schema editors use."""
    for file in sorted(folder.rglob("*.toml")):
        if file.name == "ANSWERS.toml":
            continue
        schema = report_schema() if file.name == "report.toml" else part_schema()
        data = tomllib.loads(file.read_text(encoding="utf-8"), parse_float=Decimal)
        validator = jsonschema.validators.validator_for(schema)(schema)  # the draft it names
        errors = [error.message for error in validator.iter_errors(_jsonable(data))]
        assert errors == [], file.relative_to(CORPUS)


_STRING = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def comments(text: str) -> list[tuple[int, str]]:
    """The comments of a TOML text with their lines (``#`` inside strings is not a comment)."""
    blanked = _STRING.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    found = []
    for number, line in enumerate(blanked.splitlines(), start=1):
        if "#" in line:
            found.append((number, text.splitlines()[number - 1][line.index("#") :]))
    return found


def test_comments_are_found_outside_strings_only() -> None:
    """The comment scanner sees comments, and not a # inside a string."""
    text = 'a = "x # y"  # a comment\n# whole line\nb = """\n# in a string\n"""\n'
    assert comments(text) == [(1, "# a comment"), (2, "# whole line")]


def placeholder_texts(obj: object) -> list[str]:
    """Placeholder prompts and every TODO text held anywhere in a loaded report."""
    found: list[str] = []
    if isinstance(obj, model.Placeholder):
        found.append(obj.prompt)
    if isinstance(obj, str):
        if obj.strip() and model.is_placeholder(obj):
            found.append(obj)
    elif isinstance(obj, tuple):
        for item in obj:
            found.extend(placeholder_texts(item))
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            found.extend(placeholder_texts(getattr(obj, field.name)))
    return found


def _typed_words_in(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in TYPED_WORDS if word in lowered]


@pytest.mark.parametrize("folder", REPORTS, ids=IDS)
def test_no_comment_or_placeholder_says_what_a_field_can(folder: Path) -> None:
    """No TOML comment or placeholder states an unknown, a budget's kind, a person or a date."""
    problems = []
    for file in sorted(folder.rglob("*.toml")):
        for line, comment in comments(file.read_text(encoding="utf-8")):
            if comment.startswith("#:schema"):
                continue
            if words := _typed_words_in(comment):
                problems.append(f"{file.relative_to(CORPUS)}:{line}: {words}: {comment}")
    report, _ = load_with_sources(folder)
    for text in placeholder_texts(report):
        if words := _typed_words_in(text):
            problems.append(f"{folder.name}: placeholder {words}: {text}")
    assert problems == []


def test_the_scan_catches_a_comment_that_should_be_a_field(tmp_path: Path) -> None:
    """A comment saying a figure is withheld, or a TODO about the vice-chair, is caught."""
    text = "deaths_reviewed = 4  # the real figure was withheld\n"
    assert _typed_words_in(comments(text)[0][1]) == ["withheld"]
    section = model.Section(
        id="s", title="S", blocks=[model.Placeholder(prompt="TODO: name the Vice-Chair")]
    )
    assert _typed_words_in(" ".join(placeholder_texts(section))) == ["vice-chair"]


def test_the_fictional_reports_use_every_new_kind_of_fact() -> None:
    """Between them the fictional reports hold every kind of fact the model gained."""
    seen: set[str] = set()
    for folder in (p for p in REPORTS if p.name.startswith("fictional-model-")):
        report, _ = load_with_sources(folder)
        seen |= _facts(report)
    assert seen >= {
        "unknown",
        "bound",
        "month",
        "inferred-period",
        "other-chairs",
        "vice-chair",
        "section-author",
        "scrutineer",
        "member-dates",
        "budget-kind",
        "reserves",
        "in-kind-no-value",
        "review-counts",
        "rapid-review",
        "shares",
        "inspection",
        "plan-period",
        "kpi-rate",
        "page",
        "count-claim",
    }


def _facts(report: model.Report) -> set[str]:
    seen: set[str] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, model.Unknown):
            seen.add("unknown")
        elif isinstance(obj, model.Bound):
            seen.add("bound")
        elif isinstance(obj, model.Month):
            seen.add("month")
        elif isinstance(obj, model.Period) and obj.inferred:
            seen.add("inferred-period")
        if isinstance(obj, tuple):
            for item in obj:
                walk(item)
        elif attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                walk(getattr(obj, field.name))

    walk(report)
    if report.period_inferred:
        seen.add("inferred-period")
    if report.other_chairs:
        seen.add("other-chairs")
    if any(c.role is model.ChairRole.VICE_CHAIR for c in report.other_chairs):
        seen.add("vice-chair")
    if report.scrutineer is not None:
        seen.add("scrutineer")
    for located in model.iter_sections(report):
        if located.item.author is not None:
            seen.add("section-author")
        if located.item.page:
            seen.add("page")
    for located in model.iter_blocks(report):
        block = located.item
        if isinstance(block, model.Membership) and any(m.start or m.end for m in block.members):
            seen.add("member-dates")
        if isinstance(block, model.Budget):
            if block.kind is not model.BudgetKind.ACTUAL:
                seen.add("budget-kind")
            if block.brought_forward is not None and block.carried_forward is not None:
                seen.add("reserves")
            if any(line.amount is None for line in block.income):
                seen.add("in-kind-no-value")
        if isinstance(block, model.Review):
            if block.notified is not None and block.unpublished is not None:
                seen.add("review-counts")
            if block.kind is model.ReviewKind.RAPID_REVIEW:
                seen.add("rapid-review")
        if isinstance(block, model.ChildDeathReview) and block.shares:
            seen.add("shares")
        if isinstance(block, model.Inspection):
            seen.add("inspection")
        if isinstance(block, model.PriorityArea) and block.plan_period is not None:
            seen.add("plan-period")
        if isinstance(block, model.KPI) and block.rate_per and block.denominator is not None:
            seen.add("kpi-rate")
        if isinstance(block, model.Prose) and any(
            ref.startswith(("share:", "review:", "child_death_review:"))
            for claim in block.claims
            for ref in claim.refs
        ):
            seen.add("count-claim")
    return seen
