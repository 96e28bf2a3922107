"""The arrangement as readers see it: partners, agencies, scrutiny, printed once."""

from __future__ import annotations

import datetime as dt

import attrs

from boardreport import model
from boardreport.render import render
from boardreport.render._arrangement import ARRANGEMENT_TITLE, arrangement_view
from boardreport.render._context import build_context

from .support import RULES

PARTNERSHIP = model.Arrangement(
    kind=model.ArrangementKind.SAFEGUARDING_PARTNERSHIP,
    partners=(
        model.Partner(
            organisation="Wyre Council",
            body=model.PartnerBody.LOCAL_AUTHORITY,
            lead="Chief Executive",
            activity="Redesigned early help.",
        ),
        model.Partner(organisation="Wyre Police", body=model.PartnerBody.POLICE),
    ),
    relevant_agencies=("Schools", "Cafcass"),
    scrutiny=model.Scrutiny(scrutineer="J. Smith", findings="The hub works well."),
)


def test_what_the_author_wrote_is_shown_and_nothing_else() -> None:
    report_view = arrangement_view(_with(PARTNERSHIP))
    assert report_view is not None
    assert report_view.facts == ("Kind of arrangement: safeguarding partnership.",)
    partners = report_view.partners
    assert partners is not None
    assert [h.text for h in partners.headers] == ["Organisation", "Partner", "Lead"]
    assert [[c.text for c in row] for row in partners.rows] == [
        ["Wyre Council", "Local authority", "Chief Executive"],
        ["Wyre Police", "Police", ""],
    ]
    assert report_view.activities == (("Wyre Council", "Redesigned early help."),)
    assert report_view.relevant_agencies == ("Schools", "Cafcass")
    assert report_view.described == (
        ("Independent scrutiny", "J. Smith"),
        ("What scrutiny found", "The hub works well."),
    )


def test_a_report_without_an_arrangement_shows_none(fixture_report: model.Report) -> None:
    context = build_context(fixture_report, rules=RULES)
    assert context.arrangement is None
    assert ARRANGEMENT_TITLE not in [entry.title for entry in context.contents]


def test_the_arrangement_is_in_the_contents_and_every_format(
    fixture_report: model.Report,
) -> None:
    report = attrs.evolve(fixture_report, arrangement=PARTNERSHIP)
    context = build_context(report, rules=RULES)
    assert ARRANGEMENT_TITLE in [entry.title for entry in context.contents]
    markdown = render(report, "md", rules=RULES)
    html = render(report, "html", rules=RULES)
    for page in (markdown, html):
        assert ARRANGEMENT_TITLE in page
        assert "Wyre Police" in page
        assert "The hub works well." in page


def test_a_text_the_prose_already_says_is_not_printed_again(
    fixture_report: model.Report,
) -> None:
    said = model.Prose(text="Our scrutineer found that the hub works well.")
    first = fixture_report.sections[0]
    report = attrs.evolve(
        fixture_report,
        arrangement=PARTNERSHIP,
        sections=(attrs.evolve(first, blocks=(*first.blocks, said)), *fixture_report.sections[1:]),
    )
    context = build_context(report, rules=RULES)
    assert context.arrangement is not None
    assert ("What scrutiny found", "The hub works well.") not in context.arrangement.described
    assert render(report, "md", rules=RULES).lower().count("the hub works well") == 1


def _with(arrangement: model.Arrangement) -> model.Report:
    return model.Report(
        title="Annual report",
        board="Wyre Safeguarding Children Partnership",
        area="Wyre",
        period_start=dt.date(2020, 4, 1),
        period_end=dt.date(2021, 3, 31),
        arrangement=arrangement,
    )
