"""Example outcome events on the example consultation responses (consultations.demo):
every status appears, each with a plausible kind of evidence. All of it is marked as an
example — titles end in «(eksempel)» and public notes start with «Eksempel:» — so nobody
mistakes it for what the authorities actually did.

Idempotent: a proposal that already has events (from an earlier run or from staff) is
left alone."""

import datetime

from ..models import Proposal
from . import record_event

D = datetime.date
HDIR_GUIDE = "https://www.helsedirektoratet.no/veiledere/parorendeveileder"
REGJERINGEN = "https://www.regjeringen.no/no/dokumenter/"
STORTINGET = "https://www.stortinget.no/no/Saker-og-publikasjoner/"


def ev(
    kind,
    date,
    evidence_kind="",
    title="",
    chapter="",
    url="",
    quote="",
    named=False,
    note="",
    staff_note="",
    publish=True,
):
    return {
        "kind": kind,
        "date": date,
        "evidence_kind": evidence_kind,
        "evidence_title": f"{title} (eksempel)" if title else "",
        "evidence_chapter": chapter,
        "evidence_url": url,
        "evidence_quote": quote,
        "lpp_named": named,
        "public_note": f"Eksempel: {note}" if note else "Eksempel.",
        "staff_note": staff_note,
        "publish": publish,
    }


def submitted(date):
    return ev("submitted", date, "letter", "Høringssvar fra LPP", note="Sendt på e-post.")


# (document slug, proposal number in the document) → its timeline, oldest first.
TIMELINES = {
    ("eksempel-parorendeveilederen", 1): [
        submitted(D(2024, 11, 27)),
        ev(
            "acknowledged",
            D(2024, 12, 10),
            "letter",
            "Kvittering fra Helsedirektoratet",
            note="Helsedirektoratet bekreftet at høringssvaret var mottatt.",
        ),
        ev(
            "adopted",
            D(2025, 6, 12),
            "guideline",
            "Pårørendeveileder, revidert utgave",
            "kap. 2.3 Rutiner for pårørendearbeid",
            HDIR_GUIDE,
            "Virksomheten skal ha skriftlige rutiner for hvordan pårørende involveres.",
            named=True,
            note="Kravet om skriftlige rutiner kom med i den reviderte veilederen.",
        ),
        ev(
            "implemented",
            D(2025, 9, 1),
            "guideline",
            "Pårørendeveileder, publisert revidert utgave",
            "kap. 2.3",
            HDIR_GUIDE,
            note="Den reviderte veilederen gjelder fra 1. september 2025.",
            staff_note="Eksempel: følg med på om tilsynene etterspør rutinene.",
        ),
    ],
    ("eksempel-parorendeveilederen", 2): [
        submitted(D(2024, 11, 27)),
        ev(
            "partly_adopted",
            D(2025, 6, 12),
            "guideline",
            "Pårørendeveileder, revidert utgave",
            "kap. 4 Taushetsplikt og informasjon",
            HDIR_GUIDE,
            "Kapitlet har fått flere eksempler, men ikke fra psykisk helsevern.",
            note="Veilederen fikk eksempler, men ingen fra psykisk helse og rus.",
        ),
    ],
    ("eksempel-parorendeveilederen", 3): [
        submitted(D(2024, 11, 27)),
        ev(
            "dialogue",
            D(2025, 2, 5),
            "minutes",
            "Referat fra møte med Helsedirektoratet",
            note="LPP la fram forslaget om et opplæringsprogram i et møte med direktoratet.",
            staff_note="Eksempel: direktoratet ba om kostnadsanslag.",
        ),
        ev(
            "consideration",
            D(2025, 3, 1),
            "letter",
            "Brev fra Helsedirektoratet",
            quote="Forslaget vil bli vurdert i arbeidet med neste tildelingsbrev.",
            named=True,
            note="Direktoratet vurderer forslaget.",
        ),
        ev(
            "rejected",
            D(2025, 11, 1),
            "letter",
            "Tildelingsbrev til Helsedirektoratet 2026",
            url=REGJERINGEN,
            note="Ikke med i tildelingsbrevet.",
            staff_note="Eksempel på et utkast: kontroller før publisering.",
            publish=False,
        ),
    ],
    ("eksempel-parorendeveilederen", 4): [
        submitted(D(2024, 11, 27)),
        ev(
            "adopted",
            D(2025, 6, 12),
            "guideline",
            "Pårørendeveileder, revidert utgave",
            "kap. 5 Barn og søsken som pårørende",
            HDIR_GUIDE,
            "Barn og søsken som pårørende skal kartlegges og få tilpasset informasjon.",
            named=False,
            note="Veilederen sier nå dette tydelig.",
        ),
    ],
    ("eksempel-nou-2023-4", 1): [
        submitted(D(2023, 6, 5)),
        ev(
            "consideration",
            D(2023, 10, 2),
            "white_paper",
            "Meld. St. om helsepersonell og oppgavedeling",
            "kap. 6",
            REGJERINGEN,
            note="Regjeringen varslet at forslaget ville bli vurdert.",
        ),
        ev(
            "rejected",
            D(2024, 4, 12),
            "bill",
            "Prop. 100 L (2023–2024)",
            "kap. 8.3 Departementets vurderinger",
            REGJERINGEN,
            "Departementet går ikke inn for å lovfeste en rett til avlastning nå.",
            named=True,
            note="Departementet omtalte LPPs forslag ved navn, men sa nei.",
        ),
    ],
    ("eksempel-nou-2023-4", 2): [
        submitted(D(2023, 6, 5)),
        ev(
            "not_addressed",
            D(2024, 4, 12),
            "bill",
            "Prop. 100 L (2023–2024)",
            "kap. 8 Høringsinstansenes syn og departementets vurderinger",
            REGJERINGEN,
            note="Proposisjonen nevner ikke forslaget.",
        ),
        ev(
            "dialogue",
            D(2024, 5, 30),
            "recommendation",
            "Innst. 300 L (2023–2024)",
            url=STORTINGET,
            note="LPP tok saken opp i høring i helse- og omsorgskomiteen.",
        ),
    ],
    ("eksempel-vi-de-parorende", 1): [
        submitted(D(2025, 5, 14)),
        ev("acknowledged", D(2025, 5, 20), "letter", "Kvittering fra departementet"),
        ev(
            "dialogue",
            D(2025, 9, 3),
            "minutes",
            "Referat fra innspillsmøte om pårørendestrategien",
            note="LPP deltok i innspillsmøtet.",
        ),
        ev(
            "partly_adopted",
            D(2025, 10, 6),
            "budget",
            "Prop. 1 S (2025–2026) Helse- og omsorgsdepartementet",
            "kap. 765",
            REGJERINGEN,
            "Regjeringen foreslår midler til en ny handlingsplan, men uten målbare mål.",
            note="Ny handlingsplan, men uten de målbare målene LPP ba om.",
        ),
    ],
    ("eksempel-vi-de-parorende", 2): [
        submitted(D(2025, 5, 14)),
    ],
}


def load(stdout):
    proposals = {
        (p.source_page.slug, p.position): p
        for p in Proposal.objects.public()
        .select_related("source_page")
        .filter(source_page__slug__in={slug for slug, _n in TIMELINES})
    }
    recorded = skipped = 0
    for key, timeline in TIMELINES.items():
        proposal = proposals.get(key)
        if proposal is None or proposal.outcome_events.exists():
            skipped += 1
            continue
        for data in timeline:
            data = dict(data)
            publish = data.pop("publish")
            record_event(proposal, data, publish=publish)
            proposal.refresh_from_db()
            recorded += 1
    stdout.write(f"  {recorded} eksempelhendelser på forslagene ({skipped} forslag hoppet over)")
