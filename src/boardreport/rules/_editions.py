"""Which statutory edition a report is checked against, and why.

The edition follows from the reporting period and the arrangement kind (dates from the
statutory-editions catalogue): an LSCB reports under Working Together 2013, or 2015 for a period
starting on or after 26 March 2015; a safeguarding partnership under Working Together 2018, or
2023 for a period starting on or after 15 December 2023; a Safeguarding Adults Board under the
Care Act 2014. ``framework`` in the report, or ``--framework`` on the command line, overrides.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from boardreport.model import ArrangementKind, Report
from boardreport.rules._registry import FRAMEWORK_PACKS


@frozen(kw_only=True)
class Edition:
    """A statutory edition: its name, the framework value that selects it and its pack."""

    name: str
    framework: str
    pack: str
    title: str
    kind: ArrangementKind
    since: dt.date
    """The first day a reporting period may start and still be checked against this edition."""


EDITIONS: tuple[Edition, ...] = (
    Edition(
        name="WT2013",
        framework="wt2013",
        pack="WT13",
        title="Working Together to Safeguard Children 2013",
        kind=ArrangementKind.LSCB,
        since=dt.date(2013, 4, 15),
    ),
    Edition(
        name="WT2015",
        framework="wt2015",
        pack="WT15",
        title="Working Together to Safeguard Children 2015",
        kind=ArrangementKind.LSCB,
        since=dt.date(2015, 3, 26),
    ),
    Edition(
        name="WT2018",
        framework="wt2018",
        pack="WT18",
        title="Working Together to Safeguard Children 2018",
        kind=ArrangementKind.SAFEGUARDING_PARTNERSHIP,
        since=dt.date(2018, 6, 29),
    ),
    Edition(
        name="WT2023",
        framework="wt2023",
        pack="WT23",
        title="Working Together to Safeguard Children 2023",
        kind=ArrangementKind.SAFEGUARDING_PARTNERSHIP,
        since=dt.date(2023, 12, 15),
    ),
    Edition(
        name="CA2014",
        framework="ca2014",
        pack="CA14",
        title="Care Act 2014, Schedule 2 paragraph 4",
        kind=ArrangementKind.SAFEGUARDING_ADULTS_BOARD,
        since=dt.date(2015, 4, 1),
    ),
)

LSCB_TRANSITION_END = dt.date(2019, 9, 29)
"""By this day every LSCB had been replaced by safeguarding partner arrangements."""

KIND_NAMES = {
    ArrangementKind.LSCB: "LSCB",
    ArrangementKind.SAFEGUARDING_PARTNERSHIP: "safeguarding partnership",
    ArrangementKind.SAFEGUARDING_ADULTS_BOARD: "safeguarding adults board",
}

_BY_KEY: dict[str, Edition] = {}
for _edition in EDITIONS:
    for _key in (_edition.name, _edition.framework, _edition.pack):
        _BY_KEY[_key.lower()] = _edition


def find_edition(value: str) -> Edition | None:
    """Return the edition a framework value names (``WT2018``, ``wt2018``, ``WT18``), or None."""
    return _BY_KEY.get(value.strip().lower().replace("-", "").replace(" ", ""))


def framework_names() -> str:
    """The framework values a user may give, for messages and help."""
    return ", ".join(e.name for e in EDITIONS)


@frozen(kw_only=True)
class EditionChoice:
    """The statutory pack a report is checked against, and why.

    ``name`` and ``framework`` are empty when the chosen framework has no pack.
    """

    name: str
    framework: str
    reason: str
    """Why, for example ``period 2019-20, safeguarding partnership``."""
    edition: Edition | None = None

    @classmethod
    def of(cls, edition: Edition, reason: str) -> EditionChoice:
        """The choice of a known edition."""
        return cls(name=edition.name, framework=edition.framework, reason=reason, edition=edition)

    @property
    def known(self) -> bool:
        """True when a statutory pack runs."""
        return bool(self.framework)

    def __str__(self) -> str:
        return f"{self.reason}: {self.name or 'no statutory pack'}"


def report_kind(report: Report) -> tuple[ArrangementKind, str]:
    """Return the report's arrangement kind and how it was known (stated or assumed)."""
    if report.arrangement is not None:
        return report.arrangement.kind, KIND_NAMES[report.arrangement.kind]
    if report.period_end <= LSCB_TRANSITION_END:
        return ArrangementKind.LSCB, "LSCB assumed (no arrangement kind given)"
    return (
        ArrangementKind.SAFEGUARDING_PARTNERSHIP,
        "safeguarding partnership assumed (no arrangement kind given, and LSCBs were "
        f"replaced by {LSCB_TRANSITION_END.day} September {LSCB_TRANSITION_END.year})",
    )


def edition_by_period(report: Report) -> tuple[Edition, str]:
    """Return the edition the period and arrangement kind select, and the reason in words."""
    kind, described = report_kind(report)
    candidates = [e for e in EDITIONS if e.kind is kind]
    chosen = candidates[0]
    for edition in candidates:
        if report.period_start >= edition.since:
            chosen = edition
    return chosen, f"period {report.period_label}, {described}"


def select_edition(report: Report, override: str | None = None) -> EditionChoice:
    """Return the edition ``report`` is checked against and why.

    ``override`` (from ``--framework``) wins over the report's ``framework``, which wins over
    the period and arrangement kind.
    """
    by_period, reason = edition_by_period(report)
    for source, value in (("--framework", override), ("framework", report.framework)):
        if not value:
            continue
        chosen = find_edition(value)
        said = f"--framework {value}" if source == "--framework" else f'framework = "{value}"'
        if chosen is None:
            if value in FRAMEWORK_PACKS:  # a pack registered for a framework of its own
                return EditionChoice(name=value, framework=value, reason=said)
            return EditionChoice(
                name="", framework="", reason=f"{said} is not a known edition ({framework_names()})"
            )
        if chosen is by_period:
            return EditionChoice.of(chosen, f"{said}, as for {reason}")
        return EditionChoice.of(chosen, f"{said}, overriding {reason} ({by_period.name})")
    return EditionChoice.of(by_period, reason)
