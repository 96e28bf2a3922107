"""The reader's view of the safeguarding arrangement: partners, agencies and scrutiny."""

from __future__ import annotations

from collections.abc import Callable

from boardreport import formatting as fmt
from boardreport import model
from boardreport.render._views import ArrangementView, Cell, TableView
from boardreport.rules._editions import KIND_NAMES

ARRANGEMENT_ID = "safeguarding-arrangements"
ARRANGEMENT_TITLE = "The safeguarding arrangements"


def _partners(partners: tuple[model.Partner, ...], anchor: str) -> TableView | None:
    if not partners:
        return None
    leads = any(p.lead for p in partners)
    delegates = any(p.delegate for p in partners)
    headers = ["Organisation", "Partner", *(["Lead"] if leads else [])]
    headers += ["Delegate"] if delegates else []
    rows = tuple(
        tuple(
            Cell(text)
            for text in (
                p.organisation,
                fmt.words(p.body),
                *([p.lead] if leads else []),
                *([p.delegate] if delegates else []),
            )
        )
        for p in partners
    )
    return TableView(
        anchor=f"{anchor}-partners",
        caption="The partners",
        headers=tuple(Cell(h) for h in headers),
        rows=rows,
    )


def _never(_: str) -> bool:
    return False


def arrangement_view(
    report: model.Report,
    anchor: str = ARRANGEMENT_ID,
    said: Callable[[str], bool] = _never,
) -> ArrangementView | None:
    """What the report says of its arrangement, or None when it describes none.

    Only what the author wrote is shown: a field left empty prints nothing, and a text
    ``said`` already (the report's prose prints it) is not printed again.
    """
    arrangement = report.arrangement
    if arrangement is None:
        return None
    facts = [f"Kind of arrangement: {KIND_NAMES[arrangement.kind]}."]
    if arrangement.children is not None:
        facts.append(
            f"Children (aged 0 to 17) living in the area: {fmt.number(arrangement.children)}."
        )
    described: list[tuple[str, str]] = []
    if arrangement.education and not said(arrangement.education):
        described.append(("Schools, colleges and early years settings", arrangement.education))
    scrutiny = arrangement.scrutiny
    if scrutiny is not None:
        described.append(("Independent scrutiny", scrutiny.scrutineer))
        described += [
            (label, text)
            for label, text in (
                ("How scrutiny is done", scrutiny.arrangements),
                ("What scrutiny found", scrutiny.findings),
                ("The scrutineer's contribution to this report", scrutiny.contribution),
            )
            if text and not said(text)
        ]
    if arrangement.changes and not said(arrangement.changes):
        described.append(("Changes in the year", arrangement.changes))
    if arrangement.publication:
        described.append(
            ("Where the report and the arrangements are published", arrangement.publication)
        )
    return ArrangementView(
        anchor=anchor,
        title=ARRANGEMENT_TITLE,
        facts=tuple(facts),
        partners=_partners(arrangement.partners, anchor),
        activities=tuple(
            (p.organisation, p.activity)
            for p in arrangement.partners
            if p.activity and not said(p.activity)
        ),
        relevant_agencies=arrangement.relevant_agencies,
        described=tuple(described),
    )
