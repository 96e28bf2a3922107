"""How boardreport says things to people: the one home of its reader-facing words.

The model, the rules, the renderers and the skeleton take from here the words for enumeration
values (reasons a figure is unknown, recipients, statutory partners), the standard agency-return
questions and the titles of the parts boardreport adds to every report. Mappings are keyed by
the model's enumeration values (the TOML spellings), so this module depends on nothing and every
layer can use it; a test checks that every value of the model has its words.
"""

from __future__ import annotations

from typing import Final

UNKNOWN_REASONS: Final = {
    "not_known": "not known",
    "not_published": "not published",
    "withheld": "withheld",
    "suppressed": "suppressed",
}
"""How each reason for a figure without a number is said (``UnknownReason``)."""

BOUND_RELATIONS: Final = {
    "more_than": "over",
    "at_least": "at least",
    "fewer_than": "fewer than",
    "at_most": "at most",
}
"""How each relation of a bounded figure to its limit is said, before the limit."""

RECIPIENTS: Final = {
    "chief_executive": "the Chief Executive",
    "leader_of_the_council": "the Leader of the Council",
    "police_and_crime_commissioner": "the Police and Crime Commissioner",
    "health_and_wellbeing_board_chair": "the Chair of the Health and Wellbeing Board",
    "child_safeguarding_practice_review_panel": "the Child Safeguarding Practice Review Panel",
    "what_works_centre": "the What Works Centre for Children's Social Care",
    "local_healthwatch": "the Local Healthwatch organisation",
    "other": "",
}
"""Who a report goes to (``RecipientRole``); ``other`` is said by the recipient's own name."""

STATUTORY_PARTNERS: Final = {
    "local_authority": "the local authority",
    "police": "the chief officer of police",
    "probation": "the probation service",
    "youth_offending_team": "the youth offending team",
    "nhs_england": "NHS England",
    "clinical_commissioning_group": "the clinical commissioning group",
    "nhs_trust": "NHS trusts and foundation trusts in the area",
    "cafcass": "Cafcass",
    "secure_estate": "the secure training centre or prison that detains children",
}
"""Board partners under Children Act 2004 s13(3) (``StatutoryPartner``), as messages name them."""

AGENCY_RETURN_QUESTIONS: Final = {
    "commitment": "How does your agency demonstrate its commitment to safeguarding children and "
    "the work of the Board?",
    "objectives": "What were the agreed safeguarding objectives for {year}?",
    "achievements": "Achievements against the above Objectives",
    "improvement_plans": "Improvement Plans where barriers have existed.",
    "impact": "Impact for Children, Young People and Families",
    "priorities_next_year": "In relation to safeguarding children, what are your "
    "priorities/objectives for {next_year}",
    "contribution_statement": "Provide a statement on the effectiveness of the contribution made "
    "by your organisation/service to the Board and/or its committees?",
    "training": "TRAINING - Promoting, delivering and evaluating single agency & multi-agency "
    "training",
    "policy_and_procedures": "POLICY AND PROCEDURES - embedding policy and procedure in practice",
    "communication": "COMMUNICATION - sharing all relevant information with the workforce",
    "improving_quality": "IMPROVING QUALITY - single agency audit, supervision, Section 11 etc.",
    "performance_management": "CONTRIBUTING TO PERFORMANCE MANAGEMENT - supplying performance "
    "data and commentary",
}
"""The standard annual-return questions, as the Board's return form words them; ``{year}`` and
``{next_year}`` are the reporting year and the next (``2014/15``)."""

ENUM_WORDS: Final = {
    "nhs_england": "NHS England",
    "nhs_trust": "NHS trust",
    "cafcass": "Cafcass",
    "it": "IT",
    "section_11_audit": "Section 11 audit",
    "in_kind": "In kind",
    "one_off": "One-off",
    "multi_agency_audit": "Multi-agency audit",
    "single_agency_audit": "Single-agency audit",
    "cqc": "CQC",
    "hmic": "HMIC",
    "hmi_probation": "HMI Probation",
    "hmi_prisons": "HMI Prisons",
    "joint": "Joint inspectorates",
    "vice_chair": "Vice-Chair",
    "interim_chair": "Interim Chair",
}
"""Enumeration values that capitalising the first word would get wrong; the rest are written
``statutory_partner`` → ``Statutory partner``."""

CURRENCY_SYMBOLS: Final = {"GBP": "£", "EUR": "€", "USD": "$"}
"""Currency codes of budgets and their symbols."""

COMPLIANCE_TITLE: Final = "Statutory compliance"
"""The appendix that gives each statutory duty's status."""
NOTES_TITLE: Final = "Notes on the data"
"""The appendix that lists the findings readers see."""
MISSING_FIGURE: Final = "Figure not reproduced"
"""Shown where the published report had a figure the source does not give."""
DRAFT: Final = "Draft: not for publication"
"""The banner of a report built with unresolved errors."""
STILL_TO_BE_WRITTEN: Final = "content still to be written"
"""What a placeholder without a prompt says."""

MET: Final = "met"
NOT_MET: Final = "not met"
ACCEPTED: Final = "accepted by the Board"
DATA_NOT_PUBLISHED: Final = "data not published"
NOT_CHECKED: Final = "not checked"
DUTY_STATUSES: Final = (MET, NOT_MET, ACCEPTED, DATA_NOT_PUBLISHED, NOT_CHECKED)
"""The statuses of a statutory duty in the compliance appendix."""
