"""Quality rules beyond the fixtures: what is an acronym, where progress may be reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from boardreport import model
from boardreport.rules import check
from boardreport.rules.packs.quality import acronyms


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The MASH and the CCGs met.", ["MASH", "CCG"]),
        ("A&E and C&EC", ["A&E", "C&EC"]),
        ("KS2 pupils", ["KS2"]),
        ("FRONT-LINE DELIVERY AND THE IMPACT OF SAFEGUARDING", []),
        ("COMMUNICATE & ENGAGE", []),
        ("CHILD and FAMILY COURT ADVISORY", []),
        ("WSCB and CCG", ["WSCB", "CCG"]),
        ("Annex II, part IV", []),
        ("A B C", []),
        ("TODO: write", []),
        ("See [the site](https://example.org/LSCB) or www.NSPCC.org.uk", []),
        ("TRAINING", []),
        ("no capitals here", []),
    ],
)
def test_acronyms(text: str, found: list[str]) -> None:
    """Capitals in runs with long words are emphasis; links and numerals are skipped."""
    assert list(acronyms(text)) == found


def test_priority_progress_may_be_in_its_section(
    make_report: Callable[..., model.Report], make_section: Callable[..., model.Section]
) -> None:
    """Progress written in the priority's section (a committee subsection) counts."""
    area = model.PriorityArea(number=2, title="Front-line delivery", aim="Monitor impact.")
    committee = make_section("cdop", model.Prose(text="CDOP met four times."))
    reported = model.Section(id="p2", title="Priority 2", blocks=(area,), sections=(committee,))
    silent = model.Section(id="p3", title="Priority 3", blocks=(area, model.Prose(text="TODO")))
    result = check(make_report(sections=(reported, silent)), select=["QUAL-004"])
    assert [f.path for f in result.findings] == ["p3/blocks[0].progress"]
