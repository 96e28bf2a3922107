"""Blocks of text: prose, quotes, case studies, placeholders, figures not reproduced, glossaries."""

from __future__ import annotations

from boardreport import model, wording
from boardreport.blocks._kind import BlockKind, ReaderParts, register
from boardreport.blocks._substance import text


def _written(block: model.Prose | model.Quote | model.CaseStudy) -> bool:
    return text(block.text)


def _paragraph(block: model.Prose | model.Quote | model.CaseStudy) -> tuple[str, ...]:
    return (block.text,)


def _says_not_published(block: model.Prose | model.Quote | model.CaseStudy) -> bool:
    return model.states_not_published(block.text)


def still_to_write(prompt: str) -> str:
    """The words of a placeholder without its leading TODO marker (the template shows one)."""
    return model.placeholder_prompt(prompt) or wording.STILL_TO_BE_WRITTEN


def _prose_reader(block: model.Prose, _: model.Report) -> ReaderParts:
    if not model.is_placeholder(block.text):
        return ReaderParts()
    shown = model.Placeholder(prompt=block.text, id=block.id)
    return ReaderParts(facts=(still_to_write(block.text),), shown_as=shown)


def _placeholder_reader(block: model.Placeholder, _: model.Report) -> ReaderParts:
    return ReaderParts(facts=(still_to_write(block.prompt),))


def _missing_reader(block: model.MissingFigure, _: model.Report) -> ReaderParts:
    reason = block.reason.strip()
    if len(reason) > 1 and reason[0].isupper() and reason[1].islower():
        reason = reason[0].lower() + reason[1:]
    return ReaderParts(facts=(reason,))


def _no_content(_: object) -> bool:
    return False


def _glossary_content(block: model.Glossary) -> bool:
    return any(text(e.term) and text(e.meaning) for e in block.entries)


PROSE = register(
    BlockKind(
        cls=model.Prose,
        has_content=_written,
        prose=_paragraph,
        states_not_published=_says_not_published,
        reader=_prose_reader,
    )
)
QUOTE = register(
    BlockKind(
        cls=model.Quote,
        has_content=_written,
        prose=_paragraph,
        states_not_published=_says_not_published,
    )
)
CASE_STUDY = register(
    BlockKind(
        cls=model.CaseStudy,
        has_content=_written,
        prose=_paragraph,
        states_not_published=_says_not_published,
        heading=lambda block: f"Case study: {block.title}",
    )
)
PLACEHOLDER = register(
    BlockKind(cls=model.Placeholder, has_content=_no_content, reader=_placeholder_reader)
)
MISSING_FIGURE = register(
    BlockKind(cls=model.MissingFigure, has_content=_no_content, reader=_missing_reader)
)
GLOSSARY = register(BlockKind(cls=model.Glossary, has_content=_glossary_content))
