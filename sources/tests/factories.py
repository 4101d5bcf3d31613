"""Records for the sources tests: a consultation LPP answered, its response page and the
proposals in it (as the tracking writes them when the response is published)."""

import datetime

from django.utils import timezone

from advocacy.models import Authority, Proposal
from consultations.models import (
    Consultation,
    ConsultationResponseIndexPage,
    ConsultationResponsePage,
)

PROPOSALS = [
    "Pårørende må få en lovfestet rett til generell informasjon om psykisk helsevern, også uten samtykke fra pasienten.",
    "Pårørende skal høres før det fattes vedtak om tvungent psykisk helsevern.",
    "Alle DPS skal ha en fast kontaktperson for pårørende.",
]


def answered_consultation(home_page, proposals=PROPOSALS, submitted=datetime.date(2026, 1, 10)):
    authority, _ = Authority.objects.get_or_create(
        name="Helse- og omsorgsdepartementet", defaults={"short_name": "HOD", "kind": "departement"}
    )
    consultation = Consultation.objects.create(
        title="Høring – endringer i psykisk helsevernloven",
        authority=authority,
        case_number="25/4411",
        announced_on=datetime.date(2025, 11, 1),
        deadline=datetime.date(2026, 1, 15),
    )
    index = ConsultationResponseIndexPage.objects.first()
    if index is None:
        index = ConsultationResponseIndexPage(title="Høringssvar", slug="horingssvar")
        home_page.add_child(instance=index)
    page = ConsultationResponsePage(
        title="Høringssvar om psykisk helsevernloven",
        slug=f"svar-{consultation.pk}",
        consultation=consultation,
        summary="Sammendrag.",
        live=True,
    )
    index.add_child(instance=page)
    published = timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(12)))
    made = [
        Proposal.objects.create(
            source_page=page,
            document_title=page.title,
            block_id=f"b{n}",
            position=n,
            text=text,
            first_published_at=published,
            last_published_at=published,
            submitted_on=submitted,
        )
        for n, text in enumerate(proposals, start=1)
    ]
    return consultation, made
