"""Records for the sources tests: a consultation LPP answered, its response page and the
proposals in it (as the tracking writes them when the response is published)."""

import datetime

from advocacy.tests.factories import AuthorityFactory, ProposalFactory
from consultations.tests.factories import (
    ConsultationFactory,
    ResponseIndexPageFactory,
    ResponsePageFactory,
)

PROPOSALS = [
    "Pårørende må få en lovfestet rett til generell informasjon om psykisk helsevern, også uten samtykke fra pasienten.",
    "Pårørende skal høres før det fattes vedtak om tvungent psykisk helsevern.",
    "Alle DPS skal ha en fast kontaktperson for pårørende.",
]


def answered_consultation(home_page, proposals=PROPOSALS, submitted=datetime.date(2026, 1, 10)):
    consultation = ConsultationFactory(
        title="Høring – endringer i psykisk helsevernloven",
        authority=AuthorityFactory(name="Helse- og omsorgsdepartementet"),
        case_number="25/4411",
        announced_on=datetime.date(2025, 11, 1),
        deadline=datetime.date(2026, 1, 15),
    )
    page = ResponsePageFactory(
        parent=ResponseIndexPageFactory(parent=home_page),
        consultation=consultation,
        title="Høringssvar om psykisk helsevernloven",
        summary="Sammendrag.",
        live=True,
    )
    made = [
        ProposalFactory(
            source_page=page, block_id=f"b{n}", position=n, text=text, submitted_on=submitted
        )
        for n, text in enumerate(proposals, start=1)
    ]
    return consultation, made
