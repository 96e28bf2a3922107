"""Agency returns: each partner's answers, in the return's own order and wording."""

from __future__ import annotations

from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, register
from boardreport.blocks._substance import any_text


def _reader(block: model.AgencyReturn, report: model.Report) -> ReaderParts:
    # the partner is data for the checks: the return prints only what the agency wrote
    answers = tuple((item.question, item.answer) for item in block.published(report.period_start))
    return ReaderParts(extra=answers)


AGENCY_RETURN = register(
    BlockKind(
        cls=model.AgencyReturn,
        has_content=lambda block: any_text(answer for _, answer in block.answers()),
        reader=_reader,
        prose=lambda block: tuple(answer for _, answer in block.answers()),
        heading=lambda block: block.agency,
    )
)
