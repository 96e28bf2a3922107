"""The sources rules cite, as data: correct a paragraph number here and every rule follows.

Only paragraphs 16, 17 and 18 of Working Together 2013 chapter 3 are confirmed; other duties
are cited by chapter alone.
"""

from __future__ import annotations

from boardreport.rules._registry import Citation

WT2013 = "Working Together to Safeguard Children (HM Government, March 2013)"
CA2004 = "Children Act 2004"
REGS2006 = "Local Safeguarding Children Boards Regulations 2006 (SI 2006/90)"


def wt2013(chapter: str, paragraph: str = "") -> Citation:
    """Cite Working Together 2013 by chapter and, where confirmed, paragraph."""
    return Citation(document=WT2013, short="WT2013", chapter=chapter, paragraph=paragraph)


def children_act(section: str) -> Citation:
    """Cite a section of the Children Act 2004."""
    return Citation(
        document=CA2004,
        short=CA2004,
        section=section,
        url=f"https://www.legislation.gov.uk/ukpga/2004/31/section/{section.split('(')[0]}",
    )


def regulations(regulation: str) -> Citation:
    """Cite a regulation of the LSCB Regulations 2006."""
    return Citation(
        document=REGS2006,
        short="LSCB Regulations 2006",
        regulation=regulation,
        url=f"https://www.legislation.gov.uk/uksi/2006/90/regulation/{regulation[0]}",
    )


PARA_16 = wt2013("3", "16")
PARA_17 = wt2013("3", "17")
PARA_18 = wt2013("3", "18")
CHAPTER_3 = wt2013("3")
CHAPTER_4 = wt2013("4")
CHAPTER_5 = wt2013("5")

GOOD_PRACTICE = Citation(
    document="Good practice for LSCB annual reports (no statutory source)",
    short="good practice",
)
FORMAT = Citation(
    document="boardreport report format",
    short="report format",
)
SUPPRESSIONS = Citation(
    document="boardreport suppressions",
    short="suppressions",
)
