"""Auditing many reports at once: a matrix of reports × duties, their figures side by side.

:func:`audit` finds every report under some folders, checks each against the edition that
applies to it and reads its figures; :mod:`boardreport.audit._page` writes the audit as an
accessible HTML page, CSV and JSON.
"""

from __future__ import annotations

from boardreport.audit._audit import Audit, Count, audit, summarise
from boardreport.audit._figures import FIGURES, Figure, State, Value, figures
from boardreport.audit._matrix import Kpi, Row, Status, audit_one, row_of
from boardreport.rules._unpublished import not_published

__all__ = [
    "FIGURES",
    "Audit",
    "Count",
    "Figure",
    "Kpi",
    "Row",
    "State",
    "Status",
    "Value",
    "audit",
    "audit_one",
    "figures",
    "not_published",
    "row_of",
    "summarise",
]
