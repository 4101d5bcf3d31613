"""LPP's name as documents really print it: every variant is found, and «LPP» inside
another word or another organisation's name is not LPP."""

import pytest

from sources.names import names_lpp


@pytest.mark.parametrize(
    "text",
    [
        "Landsforeningen for pårørende innen psykisk helse støtter forslaget.",
        "Landsforeningen for Pårørende innen Psykiatri viste til",
        "LANDSFORENINGEN FOR PÅRØRENDE INNEN PSYKISK HELSE",
        "landsforeningen for pårørende innen psykisk helse (lpp) mener",
        "Landsforeningens for pårørende innen psykisk helse innspill",
        "Landsforeningen for pårørende innenfor psykisk helse",
        "Lands\u00adforeningen for på\u00adrørende innen psykisk helse",  # soft hyphens (PDF)
        "Landsfor-\neningen for pårørende innen psy-\nkisk helse",  # broken at line ends
        "Landsfor- eningen for pårørende innen psykisk helse",  # the break became a space
        "Landsforeningen\u00a0for\u00a0pårørende\u00a0innen psykisk helse",  # no-break spaces
        "Lands\u200bforeningen for pårørende innen psykisk helse",  # zero-width space
        "(LPP) mener at",
        "viser til LPPs innspill",
        "LPP’s forslag",
        "LPP¹ peker på",  # a footnote mark
        "LPP | Støtter forslaget",  # a table row
        "Mental Helse, LPP og FFO",
        "«LPP» skriver",
    ],
)
def test_lpp_is_found_in_the_variants_documents_use(text):
    assert names_lpp(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mental Helse og Rådet for psykisk helse",
        "Landsforeningen for pårørende til barn i barnevernet",
        "LPP-modellen for læring",
        "SLPP og HELPP",
        "LPPX",
        "Pårørendealliansen",
    ],
)
def test_other_names_and_words_are_not_lpp(text):
    assert not names_lpp(text)
