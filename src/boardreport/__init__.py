"""boardreport: a Local Safeguarding Children Board annual report as code.

Load a report from TOML (or build it in Python), check it against the statutory guidance,
and render it to Markdown, accessible HTML and Vega-Lite.

- :func:`load` reads a report folder (``report.toml`` and its part files), :func:`loads` one
  TOML text; both raise :class:`LoadError` listing every located problem.
- :func:`dump` writes a report as TOML (never over a file unless asked), :func:`dumps`
  returns the text.
- ``boardreport.rules.check(report)`` runs the checks; ``boardreport.render.render(report,
  "html")`` renders.
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


def __dir__() -> list[str]:
    """Every public name, the lazily imported ones included, so ``help()`` lists them."""
    return sorted({*globals(), *__all__})


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
