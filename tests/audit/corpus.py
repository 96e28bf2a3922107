"""A generated corpus of partnership reports with planted gaps, and its answer key.

Every report is the complete Working Together 2018 report ``tests/corpus/edition-wt18-ashcombe``
(which meets every duty) with some gaps planted by editing its text. The answer key says, for
each report, which duty each plant leaves in which state; every other duty is met.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from attrs import frozen

from boardreport.audit import Status

TEMPLATE = Path(__file__).resolve().parents[1] / "corpus" / "edition-wt18-ashcombe"
COUNT = 22
"""Reports that load; one more report is broken on purpose."""

HEALTH_LINE = (
    '  { contributor = "Ashcombe Clinical Commissioning Group", amount = 30000, '
    'partner = "clinical_commissioning_group" },\n'
)
SUPPRESSION = (
    '\n[[suppressions]]\nrule = "WT18-012"\ntarget = "arrangement.partners[2]"\n'
    'reason = "The group paid its share through the council this year, as the minutes say."\n'
)


def _edit(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def no_impact(folder: Path) -> None:
    _edit(folder, "parts/02-what-we-did.toml", 'meets = ["impact_evidence"]\n', "")


def no_feedback(folder: Path) -> None:
    _edit(folder, "parts/04-voice.toml", 'meets = ["feedback_from_children_and_families"]\n', "")


def no_recipients(folder: Path) -> None:
    for role in ("child_safeguarding_practice_review_panel", "what_works_centre"):
        _edit(folder, "report.toml", f'[[recipients]]\nrole = "{role}"\n', "")


def health_unfunded(folder: Path) -> None:
    _edit(folder, "parts/05-budget.toml", HEALTH_LINE, "")


def health_unfunded_accepted(folder: Path) -> None:
    health_unfunded(folder)
    path = folder / "report.toml"
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n[chair]")
    path.write_text(head + "\n" + SUPPRESSION + sep + rest, encoding="utf-8")


def funding_not_published(folder: Path) -> None:
    for amount in ("90000", "30000"):
        for _ in range(2 if amount == "30000" else 1):
            _edit(
                folder,
                "parts/05-budget.toml",
                f"amount = {amount}, partner",
                """amount = { reason = "not_published" }, partner""",
            )
    _edit(
        folder,
        "parts/05-budget.toml",
        "income_total = 150000",
        'income_total = { reason = "not_published" }',
    )


@frozen
class Plant:
    """An edit of the template and the state it leaves one duty in."""

    name: str
    apply: Callable[[Path], None]
    rule: str
    status: Status


PLANTS = {
    "no-impact": Plant("no-impact", no_impact, "WT18-003", Status.NOT_MET),
    "no-feedback": Plant("no-feedback", no_feedback, "WT18-006", Status.NOT_MET),
    "no-recipients": Plant("no-recipients", no_recipients, "WT18-008", Status.NOT_MET),
    "health-unfunded": Plant("health-unfunded", health_unfunded, "WT18-012", Status.NOT_MET),
    "health-accepted": Plant(
        "health-accepted", health_unfunded_accepted, "WT18-012", Status.ACCEPTED
    ),
    "funding-unpublished": Plant(
        "funding-unpublished", funding_not_published, "WT18-012", Status.NOT_PUBLISHED
    ),
}


def plants_of(index: int) -> tuple[str, ...]:
    """Which plants report ``index`` gets: a fixed pattern, so every count is known."""
    chosen = []
    if index % 2 == 0:
        chosen.append("no-impact")
    if index % 3 == 0:
        chosen.append("no-feedback")
    if index % 5 == 0:
        chosen.append("no-recipients")
    funding = {1: "health-unfunded", 2: "health-accepted", 3: "funding-unpublished"}.get(index % 7)
    if funding:
        chosen.append(funding)
    return tuple(chosen)


def children_of(index: int) -> int:
    """The child population stated by report ``index``."""
    return 40000 + 1000 * index


@frozen
class Corpus:
    """The generated folder and its answer key: folder name → plants."""

    root: Path
    answers: dict[str, tuple[str, ...]]
    broken: str


def generate(root: Path) -> Corpus:
    """Write the corpus under ``root``: :data:`COUNT` reports with plants, one broken report."""
    answers = {}
    for index in range(COUNT):
        name = f"board-{index:02d}"
        folder = root / "region" / name
        shutil.copytree(TEMPLATE, folder, ignore=shutil.ignore_patterns("ANSWERS.toml"))
        _edit(folder, "report.toml", 'area = "Ashcombe"', f'area = "Ashcombe {index:02d}"')
        _edit(
            folder,
            "report.toml",
            'board = "Ashcombe Safeguarding Children Partnership"',
            f'board = "Board {index:02d} Safeguarding Children Partnership"',
        )
        _edit(
            folder,
            "report.toml",
            "\n[[arrangement.partners]]",
            f"children = {children_of(index)}\n\n[[arrangement.partners]]",
        )
        for plant in plants_of(index):
            PLANTS[plant].apply(folder)
        answers[name] = plants_of(index)
    broken = root / "region" / "zz-broken"
    broken.mkdir(parents=True)
    (broken / "report.toml").write_text('board = "Broken"\nperiod_start = 2019-04-\n', "utf-8")
    return Corpus(root=root, answers=answers, broken="zz-broken")


def spend_per_child(index: int) -> Decimal:
    """The spend per child report ``index`` gives (150,000 spent), to the penny."""
    return (Decimal(150000) / children_of(index)).quantize(Decimal("0.01"))
