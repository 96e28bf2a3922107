"""The sources rules cite, as data: correct a paragraph number here and every rule follows.

Only paragraphs 16, 17 and 18 of Working Together 2013 chapter 3 are confirmed; other duties
are cited by chapter alone.
"""

from __future__ import annotations

import attrs

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


# ---------------------------------------------------------------------------------------------
# the later editions and the Care Act (see the statutory-editions catalogue). No Working
# Together 2015, 2018 or 2023 paragraph number is confirmed, so those are cited by chapter and
# heading, marked "M" where the reading was secondary, partial or inferred.

WT2015 = "Working Together to Safeguard Children (HM Government, March 2015)"
WT2018 = "Working Together to Safeguard Children (HM Government, July 2018)"
WT2023 = "Working Together to Safeguard Children (HM Government, December 2023)"
CARE_ACT = "Care Act 2014"
TRANSITIONAL = "Working Together: transitional guidance (HM Government, 2018)"
SCIE = "SCIE, Safeguarding Adults Boards checklist and resources: annual reports"


def wt2015(heading: str, *, confidence: str = "R", note: str = "") -> Citation:
    """Cite Working Together 2015 chapter 3 by heading (no paragraph number is confirmed)."""
    return Citation(
        document=WT2015,
        short="WT2015",
        chapter="3",
        locator=f'"{heading}"',
        confidence=confidence,
        note=note,
    )


def wt2018(heading: str, *, confidence: str = "R", note: str = "") -> Citation:
    """Cite Working Together 2018 chapter 3 by heading (no paragraph number is confirmed)."""
    return Citation(
        document=WT2018,
        short="WT2018",
        chapter="3",
        locator=f'"{heading}"',
        confidence=confidence,
        note=note,
    )


def wt2023(heading: str, *, confidence: str = "R", note: str = "") -> Citation:
    """Cite Working Together 2023 chapter 2 by heading (no paragraph number is confirmed)."""
    return Citation(
        document=WT2023,
        short="WT2023",
        chapter="2",
        locator=f'"{heading}"',
        confidence=confidence,
        note=note,
    )


def care_act(locator: str) -> Citation:
    """Cite the Care Act 2014, Schedule 2 (the Safeguarding Adults Board's annual report)."""
    return Citation(
        document=CARE_ACT,
        short=CARE_ACT,
        locator=f"Sch 2 para {locator}",
        url="https://www.legislation.gov.uk/ukpga/2014/23/schedule/2/crossheading/annual-report",
    )


WT15_CHAIR = wt2015(
    "LSCB Chair, accountability and resourcing",
    note="Read in copies of the chapter; the paragraph numbers (16 to 18) are not confirmed.",
)
WT15_CHAIR_TAIL = wt2015(
    "LSCB Chair, accountability and resourcing",
    confidence="M",
    note="The contributions and the first of the spending items were read in a copy; the "
    "copy is cut off after 'Child Death Reviews', so the rest of the requirement is taken "
    "from the 2013 text.",
)
WT15_BURDEN = wt2015(
    "LSCB Chair, accountability and resourcing",
    confidence="M",
    note="The copy read is cut off mid-sentence.",
)
WT15_CHAPTER_3 = Citation(
    document=WT2015,
    short="WT2015",
    chapter="3",
    confidence="M",
    note="Carried over from the 2013 edition: no change to chapter 3 was found, but the 2015 "
    "text of this duty was not read.",
)
WT15_CHAPTER_4 = attrs.evolve(WT15_CHAPTER_3, chapter="4")
WT15_CHAPTER_5 = attrs.evolve(WT15_CHAPTER_3, chapter="5")
WT15_TRANSITION = Citation(
    document=TRANSITIONAL,
    short="WT transitional guidance 2018",
    url="https://lrsb.org.uk/working-together",
)
CSWA_PART_2 = Citation(
    document=CA2004,
    short=CA2004,
    locator="Part 2 as inserted by the Children and Social Work Act 2017 s16",
    confidence="M",
    note="The yearly-report section (believed to be s16G) was not read.",
)
S16E = Citation(
    document=CA2004,
    short=CA2004,
    section="16E(1)–(3)",
    url="https://www.legislation.gov.uk/ukpga/2004/31/section/16E",
)
WT18_REPORTING = wt2018(
    "Reporting",
    note="Wording read in council copies; the paragraph numbers (about 41 to 45) are not "
    "confirmed.",
)
WT18_PUBLICATION = wt2018(
    "Reporting",
    confidence="M",
    note="The requirement to make the report widely available was not found in a copy.",
)
WT18_SENDING = wt2018(
    "Reporting",
    confidence="M",
    note="The 7-day rule and its recipients were not found in a copy; it is believed to be a "
    "'must', so this rule is a warning until confirmed.",
)
WT18_SCRUTINY = wt2018(
    "Independent scrutiny",
    note="Three of the section's five paragraphs were read; the paragraph numbers are not "
    "confirmed.",
)
WT18_LOCAL_SCRUTINY = Citation(
    document="Local safeguarding arrangements (for example Bexley; Kingston and Richmond)",
    short="local practice",
    confidence="M",
    note="Working Together 2018 does not, as far as read, ask the scrutineer to contribute "
    "to the yearly report; the absence was not verified.",
)
WT18_ARRANGEMENTS = wt2018("Publication of arrangements", note="Page numbers via a law firm.")
WT18_FUNDING = wt2018("Funding", note="The copy read is cut off.")
WT23_REPORTING = wt2023(
    "Reporting",
    note="Wording read in a partnership's copy; the paragraph numbers are not confirmed.",
)
WT23_SHOULD_LIST = wt2023(
    "Reporting",
    confidence="M",
    note="That the four Working Together 2018 items survive is read in a local procedures "
    "manual only.",
)
WT23_NEW_CONTENT = wt2023(
    "Reporting",
    confidence="M",
    note="Only the fact that chapter 2 strengthens reporting and funding is read; the item "
    "list is inferred.",
)
WT23_SCRUTINY = wt2023(
    "Independent scrutiny",
    note="Read in partnerships' copies; the paragraph numbers are not confirmed.",
)
WT23_ROLES = Citation(
    document=WT2023,
    short="WT2023",
    chapter="2",
    note="The chapter's role framework (lead and delegated safeguarding partners, the "
    "partnership chair, education) read in council and partnership summaries.",
)
SCIE_CHECKLIST = Citation(
    document=SCIE,
    short="SCIE good practice",
    url="https://www.scie.org.uk/safeguarding/adults/safeguarding-adults-boards-checklist-and-resources/annual-reports/",
    note="Good practice, not statute; read on SCIE's page (secondary to the Act).",
)
