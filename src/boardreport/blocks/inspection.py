"""Inspections of the area's services: inspectorate, date, judgement."""

from __future__ import annotations

from boardreport import formatting as fmt
from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, register
from boardreport.blocks._say import page_fact
from boardreport.blocks._substance import any_text


def _facts(inspection: model.Inspection) -> tuple[str, ...]:
    facts = [f"Inspectorate: {fmt.words(inspection.inspectorate)}"]
    if inspection.date is not None:
        facts.append(f"Published {fmt.on_date(inspection.date)}")
    judgement = inspection.judgement_text or (
        fmt.words(inspection.judgement) if inspection.judgement is not None else ""
    )
    if judgement:
        facts.append(f"Judgement: {judgement}")
    return tuple(facts)


INSPECTION = register(
    BlockKind(
        cls=model.Inspection,
        has_content=lambda inspection: (
            inspection.judgement is not None
            or any_text((inspection.judgement_text, inspection.summary))
        ),
        reader=lambda inspection, _: ReaderParts(
            facts=(*_facts(inspection), *page_fact(inspection.page))
        ),
    )
)
