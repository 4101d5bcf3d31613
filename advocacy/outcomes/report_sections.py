"""Sections other apps add to the board's half-year report (HalfYearReport, its spreadsheet
and its Word file), through the ``lpp_half_year_sections`` hook: advocacy cannot import
the apps that own consultations and other records, so each of them registers a callable
``(start, end, authority) -> ReportSection | None`` for the period ``start``–``end``
(dates, both included), ``authority`` being the report's authority filter or None."""

from dataclasses import dataclass, field

HALF_YEAR_SECTIONS_HOOK = "lpp_half_year_sections"


@dataclass
class ReportRow:
    cells: list[str]
    url: str = ""  # the admin page of the row's record, linked from its first cell


@dataclass
class ReportSection:
    key: str  # for ids in the page
    heading: str  # «Høringer i perioden»
    counts: list[tuple[str, int]]  # [(«Besvart», 3), …]
    columns: list[str]  # the list's column headings
    rows: list[ReportRow] = field(default_factory=list)
    empty: str = "Ingen i perioden."
    sheet_title: str = ""  # the spreadsheet's sheet name (max 31 characters)


def half_year_sections(start, end, authority=None):
    """The sections every registered app gives for the period, in hook order."""
    from wagtail import hooks

    sections = []
    for section_for in hooks.get_hooks(HALF_YEAR_SECTIONS_HOOK):
        section = section_for(start, end, authority)
        if section is not None:
            sections.append(section)
    return sections
