"""Child death reviews: deaths notified and reviewed, shares, breakdowns, learning."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from boardreport import formatting as fmt
from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, SimpleTable, TextList, Texts, register
from boardreport.blocks._say import count, page_fact
from boardreport.blocks._substance import any_text, given, unpublished


def _unique(table_id: str, taken: Mapping[str, model.Table]) -> str:
    """Return ``table_id``, or ``table_id-2``, ``-3`` ... when it is already taken."""
    candidate, number = table_id, 1
    while candidate in taken:
        number += 1
        candidate = f"{table_id}-{number}"
    return candidate


def tables(review: model.ChildDeathReview) -> dict[str, model.Table]:
    """``<id>-<breakdown label>`` per breakdown (columns ``category``, ``count``)."""
    found: dict[str, model.Table] = {}
    for breakdown in review.breakdowns:
        table = model.Table(
            id=_unique(f"{review.id}-{model.slug(breakdown.label)}", found),
            caption=breakdown.label,
            columns=(
                model.Column(key="category", label="Category"),
                model.Column(key="count", label="Number", type=model.ColumnType.INTEGER),
            ),
            rows=breakdown.counts,
        )
        found[table.id] = table
    return found


def has_content(review: model.ChildDeathReview) -> bool:
    """Return True when a child death review gives deaths reviewed, or learning or actions."""
    counts = [review.deaths_reviewed, review.modifiable, review.deaths_notified]
    counts += [n for b in review.breakdowns for _, n in b.counts]
    counts += [getattr(share, "count", None) for share in review.shares]
    return any(given(n) for n in counts) or any_text((*review.learning, *review.actions))


def _states_not_published(review: model.ChildDeathReview) -> bool:
    said = model.states_not_published(review.note) or unpublished(review.deaths_reviewed)
    return said and not has_content(review)


def share_text(share: model.Share, shares: Mapping[str, model.Share]) -> str:
    """``Reviewed within a year: 86% of 171 deaths notified (147)``; "of those" names the share."""
    if isinstance(share.percent, model.Unknown):
        whole = f" (a share of {share.of_label})" if share.of_label else ""
        return f"{share.label}: {share.percent}{whole}"
    text = f"{share.label}: {fmt.percent(share.percent)}"
    if share.of is not None:
        text += f" of {fmt.number(share.of)}" + (f" {share.of_label}" if share.of_label else "")
    elif share.within and share.within in shares:
        text += (
            f" of those {shares[share.within].label[:1].lower()}{shares[share.within].label[1:]}"
        )
    elif share.of_label:
        text += f" of {share.of_label}"
    if share.count is not None:
        text += f" ({fmt.number(share.count)})"
    return text


def _reader(review: model.ChildDeathReview, _: model.Report) -> ReaderParts:
    facts = count("Deaths notified", review.deaths_notified)
    facts.append(f"Deaths reviewed: {fmt.number(review.deaths_reviewed)}")
    facts += count("Panel meetings", review.meetings)
    facts += count("Reviews that found modifiable factors", review.modifiable)
    by_id = {s.id: s for s in review.shares if s.id}
    facts += [share_text(share, by_id) for share in review.shares]
    facts += page_fact(review.page)
    base = review.id or "child-deaths"
    shown = tuple(
        SimpleTable(
            anchor=f"table-{base}-{model.slug(b.label, empty='item')}",
            caption=b.label,
            headers=("Category", "Number"),
            numeric=(False, True),
            rows=tuple((category, fmt.number(n)) for category, n in b.counts),
        )
        for b in review.breakdowns
    )
    return ReaderParts(tables=shown, facts=tuple(facts))


def _without_said(
    review: model.ChildDeathReview, keep: Texts, keep_all: TextList
) -> model.ChildDeathReview:
    return attrs.evolve(
        review,
        learning=keep_all(review.learning),
        actions=keep_all(review.actions),
        note=keep(review.note),
    )


CHILD_DEATH_REVIEW = register(
    BlockKind(
        cls=model.ChildDeathReview,
        has_content=has_content,
        tables=tables,
        states_not_published=_states_not_published,
        reader=_reader,
        heading=lambda review: review.panel,
        repeatable=lambda review: tuple(
            t for t in (*review.learning, *review.actions, review.note) if t
        ),
        without_said=_without_said,
    )
)
