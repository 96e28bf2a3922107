"""Case reviews and audits: serious case reviews, practice reviews, audits, with their lessons."""

from __future__ import annotations

import attrs

from boardreport import formatting as fmt
from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, TextList, Texts, register
from boardreport.blocks._say import count, page_fact
from boardreport.blocks._substance import any_text, is_number, text, unpublished


def has_content(review: model.Review) -> bool:
    """Return True when a review says something: figures, summary, lessons, actions or none."""
    figures = (
        review.cases_considered,
        review.met_criteria,
        review.commissioned,
        review.published,
        review.notified,
        review.unpublished,
    )
    return (
        review.none_in_period
        or review.status is not None
        or any(is_number(f) or isinstance(f, model.Bound) for f in figures)
        or text(review.summary)
        or any_text(review.lessons)
        or any_text(review.actions)
    )


def _states_not_published(review: model.Review) -> bool:
    figures = (review.cases_considered, review.met_criteria, review.commissioned, review.published)
    said = model.states_not_published(review.summary) or any(unpublished(f) for f in figures)
    return said and not has_content(review)


def _facts(review: model.Review) -> tuple[str, ...]:
    facts = [f"Kind: {fmt.words(review.kind)}"]
    if review.status is not None:
        facts.append(f"Status: {fmt.words(review.status).lower()}")
    if review.none_in_period:
        facts.append("None in this period.")
    facts += count("Notified", review.notified)
    facts += count("Cases considered", review.cases_considered)
    facts += count("Met the criteria", review.met_criteria)
    facts += count("Commissioned", review.commissioned)
    facts += count("Published", review.published)
    facts += count("Completed but not published", review.unpublished)
    return tuple(facts)


def _without_said(review: model.Review, keep: Texts, keep_all: TextList) -> model.Review:
    return attrs.evolve(
        review,
        summary=keep(review.summary),
        lessons=keep_all(review.lessons),
        actions=keep_all(review.actions),
    )


REVIEW = register(
    BlockKind(
        cls=model.Review,
        has_content=has_content,
        states_not_published=_states_not_published,
        reader=lambda review, _: ReaderParts(facts=(*_facts(review), *page_fact(review.page))),
        heading=lambda review: review.title,
        repeatable=lambda review: tuple(
            t for t in (review.summary, *review.lessons, *review.actions) if t
        ),
        without_said=_without_said,
    )
)
