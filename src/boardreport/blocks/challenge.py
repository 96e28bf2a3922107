"""Challenges the Board made: what, why and what was done."""

from __future__ import annotations

import attrs

from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, TextList, Texts, register
from boardreport.blocks._say import present
from boardreport.blocks._substance import any_text


def _reader(block: model.Challenge, _: model.Report) -> ReaderParts:
    return ReaderParts(
        extra=present(("Cause", block.cause), ("Action", block.action), ("Owner", block.owner))
    )


def _without_said(block: model.Challenge, keep: Texts, _: TextList) -> model.Challenge:
    return attrs.evolve(
        block,
        description=keep(block.description),
        cause=keep(block.cause),
        action=keep(block.action),
    )


CHALLENGE = register(
    BlockKind(
        cls=model.Challenge,
        has_content=lambda block: any_text((block.title, block.description)),
        reader=_reader,
        heading=lambda block: block.title,
        repeatable=lambda block: tuple(
            t for t in (block.description, block.cause, block.action) if t
        ),
        without_said=_without_said,
    )
)
