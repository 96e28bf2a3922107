"""boardreport: a Local Safeguarding Children Board annual report as code.

Load a report from TOML (or build it in Python), check it against the statutory guidance,
and render it to Markdown, accessible HTML and Vega-Lite.
"""

from typing import TYPE_CHECKING, Any

from boardreport.errors import BoardReportError, DumpError, LoadError, Problem, RenderError
from boardreport.model import (
    KPI,
    AgencyAnswer,
    AgencyReturn,
    AnswerTopic,
    Arrangement,
    Attendance,
    AttendanceEntry,
    Bound,
    Breakdown,
    Budget,
    CaseStudy,
    Chair,
    Challenge,
    Chart,
    ChildDeathReview,
    Claim,
    Column,
    ColumnTotal,
    Comparator,
    ExpenditureLine,
    Glossary,
    GlossaryEntry,
    IncomeLine,
    Inspection,
    Member,
    Membership,
    MissingFigure,
    Month,
    Partner,
    PartnerNotApplicable,
    Period,
    Person,
    Placeholder,
    PreviousValue,
    PriorityArea,
    Prose,
    Quote,
    Recipient,
    Report,
    Review,
    RowSum,
    Scrutiny,
    Section,
    Share,
    SubmissionStatus,
    Suppression,
    Table,
    Unknown,
)

if TYPE_CHECKING:
    from boardreport.io import dump, dumps, load, loads

_READ_WRITE = frozenset({"dump", "dumps", "load", "loads"})


def __getattr__(name: str) -> Any:
    """Import the TOML reader and writer, and compute ``__version__``, on first use.

    Both are slow to start (TOML parsing, cattrs, package metadata) and most runs of
    ``boardreport check`` need neither.
    """
    if name in _READ_WRITE:
        from boardreport import io

        value = getattr(io, name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("boardreport")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    msg = f"module 'boardreport' has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "KPI",
    "AgencyAnswer",
    "AgencyReturn",
    "AnswerTopic",
    "Arrangement",
    "Attendance",
    "AttendanceEntry",
    "BoardReportError",
    "Bound",
    "Breakdown",
    "Budget",
    "CaseStudy",
    "Chair",
    "Challenge",
    "Chart",
    "ChildDeathReview",
    "Claim",
    "Column",
    "ColumnTotal",
    "Comparator",
    "DumpError",
    "ExpenditureLine",
    "Glossary",
    "GlossaryEntry",
    "IncomeLine",
    "Inspection",
    "LoadError",
    "Member",
    "Membership",
    "MissingFigure",
    "Month",
    "Partner",
    "PartnerNotApplicable",
    "Period",
    "Person",
    "Placeholder",
    "PreviousValue",
    "PriorityArea",
    "Problem",
    "Prose",
    "Quote",
    "Recipient",
    "RenderError",
    "Report",
    "Review",
    "RowSum",
    "Scrutiny",
    "Section",
    "Share",
    "SubmissionStatus",
    "Suppression",
    "Table",
    "Unknown",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
]
