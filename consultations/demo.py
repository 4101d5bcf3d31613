"""Demo consultations and example responses («Eksempel»), on subjects from LPP's own
texts (seeds 000 and 003): the relatives' guideline (Pårørendeveilederen), the relatives'
strategy «Vi – de pårørende», NOU 2023:4, compulsion in mental health care and children
as relatives. The responses are clearly marked as examples: they show how the archive
works, they are not LPP's actual letters.

Idempotent: what exists is left as the editors left it."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Workflow

from advocacy.models import Authority, Theme
from base import roles
from home import workflows
from home.demo import ensure_page, rich
from home.models import HomePage

from . import lifecycle
from .models import Consultation, ConsultationResponseIndexPage, ConsultationResponsePage
from .status import Status
from .submission import archive_submission, generated_letter

WORKFLOW_NAME = "Høringssvar: gjennomgang og godkjenning"
REVIEW_TASK = "Gjennomgang i Arbeidsgruppe høringssvar"
APPROVAL_TASK = "Godkjenning i Landsstyret"
EXAMPLE_NOTE = (
    "Dette er et eksempel som viser hvordan høringssvar publiseres. Det er ikke et "
    "høringssvar LPP har sendt."
)


def ensure_workflow(index):
    """A second reader in the working group, then the board's approval, on the whole
    archive (home.workflows)."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    return workflows.ensure_review_workflow(workflow, index, REVIEW_TASK, roles.RESPONSES_GROUP)


def proposal(text, rationale, *theme_slugs, authority=None):
    return (
        "proposal",
        {
            "text": text,
            "rationale": rich(rationale),
            "themes": list(Theme.objects.filter(slug__in=theme_slugs)),
            "target_authority": authority,
        },
    )


def example_callout():
    return ("callout", {"title": "Eksempel", "text": rich(EXAMPLE_NOTE)})


def guideline_body():
    return [
        example_callout(),
        (
            "paragraph",
            rich(
                "Landsforeningen for Pårørende innen Psykisk helse (LPP) takker for muligheten til "
                "å gi innspill til revisjonen av Veileder for pårørende i helse- og "
                "omsorgstjenesten (Pårørendeveilederen).",
                "LPP er en landsomfattende organisasjon for pårørende og etterlatte innen psykisk "
                "helse og ROP-lidelser. Våre innspill bygger på erfaringene medlemmene våre har "
                "med tjenestene.",
            ),
        ),
        ("heading", {"text": "Veilederen må bli kjent og brukt", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Pårørende forteller at mange tjenester ikke kjenner veilederen. Pårørende skal bli "
                "spurt og oppleve å bli hørt, men dette skjer ikke av seg selv.",
            ),
        ),
        proposal(
            "Helsedirektoratet bør kreve at alle helseforetak og kommuner har en skriftlig "
            "rutine for pårørendearbeid innen 2027.",
            "En skriftlig rutine gjør anbefalingene i veilederen til praksis, og gir pårørende "
            "noe å vise til.",
            "parorendemedvirkning",
            "kunnskap-og-holdninger",
        ),
        ("heading", {"text": "Taushetsplikt og informasjon", "level": "h2"}),
        (
            "quote",
            {
                "text": "Taushetsplikten kan oppleves som et hinder for pårørende.",
                "source": "Anbefalinger fra toppmøtet om pårørende i psykisk helse, 2017",
            },
        ),
        (
            "paragraph",
            rich(
                "Pårørende har rett til generell informasjon selv når pasienten ikke samtykker. "
                "Likevel får mange ingen informasjon i det hele tatt.",
            ),
        ),
        proposal(
            "Veilederen bør få et eget kapittel med eksempler på hvilken informasjon pårørende "
            "kan få uten samtykke.",
            "Eksempler gjør det lettere for helsepersonell å bruke reglene riktig.",
            "taushetsplikt",
            "parorendes-rettigheter",
        ),
        proposal(
            "Helsedirektoratet bør utvikle et nasjonalt opplæringsprogram i taushetsplikt og "
            "pårørendes rettigheter for ansatte i psykisk helsevern og rusbehandling.",
            "Det trengs mer opplæring i anvendelse av taushetspliktreglene.",
            "taushetsplikt",
            "kunnskap-og-holdninger",
        ),
        ("heading", {"text": "Barn som pårørende", "level": "h2"}),
        proposal(
            "Veilederen bør tydeliggjøre at barn og søsken skal kartlegges og få tilpasset "
            "informasjon når en forelder eller et søsken er alvorlig psykisk syk.",
            "Formelle rettigheter for barn kan bidra til at de i økt grad ses, snakkes med og "
            "ivaretas.",
            "barn-som-parorende",
        ),
    ]


def nou_body(ministry):
    return [
        example_callout(),
        (
            "paragraph",
            rich(
                "LPP viser til høringen av NOU 2023:4 Tid for handling – Personellet i en "
                "bærekraftig helse- og omsorgstjeneste, og gir her innspill fra pårørende innen "
                "psykisk helse og rus.",
            ),
        ),
        ("heading", {"text": "Pårørende er en ressurs – ikke en gratis reserve", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Utvalget peker på at pårørende vil måtte bære mer av omsorgen i årene som kommer. "
                "Pårørende til personer med alvorlig psykisk lidelse og ROP-lidelser bærer allerede "
                "svært mye. Da må pårørende også få støtte, avlastning og rettigheter.",
            ),
        ),
        proposal(
            "Regjeringen bør innføre en lovfestet rett til avlastning for pårørende til personer "
            "med alvorlige psykiske lidelser og ROP-lidelser.",
            "Avlastning forebygger helseplager hos pårørende og gjør at de kan fortsette å være "
            "en ressurs.",
            "avlastning",
            "parorendes-rettigheter",
            authority=ministry,
        ),
        (
            "table",
            {
                "caption": "Hva pårørende trenger, og hvem som har ansvaret",
                "table": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [
                        ["Behov", "Ansvar"],
                        ["Avlastning", "Kommunen"],
                        ["Informasjon og involvering", "Spesialisthelsetjenesten og kommunen"],
                        ["Oppfølging etter selvmord", "Helseforetaket og kommunen"],
                    ],
                },
            },
        ),
        proposal(
            "Oppgavedeling må ikke føre til at pårørende får ansvar for oppgaver som krever "
            "helsefaglig kompetanse.",
            "",
            "parorendes-rettigheter",
            "likeverdige-helsetjenester",
            authority=ministry,
        ),
    ]


def strategy_body():
    return [
        example_callout(),
        (
            "paragraph",
            rich(
                "LPP gir med dette innspill til oppfølgingen av pårørendestrategien «Vi – de "
                "pårørende» og handlingsplanen for 2021–2025.",
            ),
        ),
        ("heading", {"text": "Fra strategi til praksis", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Strategien har gitt pårørende en tydeligere plass i politikken. Men i møte med "
                "tjenestene opplever mange pårørende at lite har endret seg.",
            ),
        ),
        proposal(
            "Pårørendestrategien bør videreføres med en ny handlingsplan med konkrete mål som "
            "kan måles, og årlig rapportering til Stortinget.",
            "Uten målbare mål er det vanskelig å vite hva strategien har utrettet.",
            "parorendes-rettigheter",
            "parorendemedvirkning",
        ),
        proposal(
            "Handlingsplanen bør ha et eget innsatsområde for pårørende innen psykisk helse og "
            "rus, med vekt på vold og trusler i nære relasjoner.",
            "Pårørende som utsettes for vold og trusler, trenger bedre ivaretakelse og et "
            "støtteapparat som kjenner situasjonen deres.",
            "vold-og-trusler",
            "rop",
        ),
    ]


def compulsion_draft_body():
    return [
        example_callout(),
        (
            "paragraph",
            rich(
                "Utkast: LPP arbeider for å fjerne bruk av krenkende og unødvendig tvang.",
            ),
        ),
        proposal(
            "Frivillighet skal dokumenteres i journal, og pårørende skal informeres før tvang "
            "iverksettes.",
            "Pårørende kjenner ofte pasienten best, og kan bidra til at tvang kan unngås.",
            "tvang",
            "parorendemedvirkning",
        ),
        proposal(
            "Behandlingskriteriet i psykisk helsevernloven må beholdes.",
            "",
            "tvang",
        ),
    ]


def ensure_response(index, consultation, slug, **fields):
    existing = index.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    if consultation.get_response() is not None:
        return consultation.get_response(), False
    page = ConsultationResponsePage(slug=slug, consultation=consultation, live=False, **fields)
    index.add_child(instance=page)
    page.save_revision()
    return page, True


def send(consultation, page, submitted_on, channel, recipient, then=()):
    """Take a fresh example through approval and submission, as staff would."""
    consultation.refresh_from_db()
    lifecycle.follow(consultation, Status.IN_REVIEW, via=lifecycle.WORKFLOW)
    lifecycle.follow(consultation, Status.APPROVED, via=lifecycle.WORKFLOW)
    consultation.approved_revision = page.get_latest_revision()
    consultation.save(update_fields=["approved_revision"])
    content, filename = generated_letter(consultation)
    archive_submission(
        consultation,
        content=content,
        filename=filename,
        submitted_on=submitted_on,
        channel=channel,
        recipient=recipient,
    )
    consultation.refresh_from_db()
    for status in then:
        lifecycle.transition(consultation, status)


def ensure_consultation(authority, case_number, **fields):
    themes = fields.pop("themes", [])
    consultation = Consultation.objects.filter(authority=authority, case_number=case_number).first()
    if consultation is not None:
        return consultation, False
    consultation = Consultation(authority=authority, case_number=case_number, **fields)
    consultation.full_clean()
    consultation.save()
    consultation.themes.set(list(Theme.objects.filter(slug__in=themes)))
    consultation.save()
    return consultation, True


def load(stdout):
    home = HomePage.objects.first()
    index = ensure_page(
        home,
        ConsultationResponseIndexPage,
        "horingssvar",
        title="Høringssvar",
        show_in_menus=True,
        intro="LPP gir profesjonelle og tydelige innspill i alle relevante høringer. Her finner "
        "du høringssvarene våre, og hva som er gjort med forslagene.",
    )
    roles.grant_section(roles.RESPONSES_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    ensure_workflow(index)

    hod = Authority.objects.get(name="Helse- og omsorgsdepartementet")
    hdir = Authority.objects.get(name="Helsedirektoratet")
    group = Group.objects.get(name=roles.RESPONSES_GROUP)
    today = timezone.localdate()
    days = datetime.timedelta

    guideline, created = ensure_consultation(
        hdir,
        "24/3117 (eksempel)",
        title="Eksempel: Høring – revidert Veileder for pårørende i helse- og omsorgstjenesten",
        our_reference="LPP 24/12",
        url="https://www.helsedirektoratet.no/",
        announced_on=datetime.date(2024, 9, 2),
        deadline=datetime.date(2024, 11, 29),
        draft_deadline=datetime.date(2024, 11, 8),
        working_group=group,
        themes=["parorendemedvirkning", "taushetsplikt", "barn-som-parorende"],
        notes="Eksempel. Interne notater vises aldri offentlig.",
    )
    if created:
        page, _ = ensure_response(
            index,
            guideline,
            "eksempel-parorendeveilederen",
            title="Eksempel: Høringssvar om revidert Pårørendeveileder",
            summary="LPP ber om at veilederen blir kjent og brukt, at reglene om taushetsplikt "
            "forklares med eksempler, og at barn og søsken som pårørende blir sett. (Eksempel)",
            letter_date=datetime.date(2024, 11, 27),
            signatory="Navn Navnesen (eksempel), styreleder",
            body=guideline_body(),
        )
        send(
            guideline,
            page,
            datetime.date(2024, 11, 27),
            "portal",
            "Helsedirektoratet (høringsportalen)",
            then=[Status.AWAITING_OUTCOME],
        )

    nou, created = ensure_consultation(
        hod,
        "23/998 (eksempel)",
        title="Eksempel: Høring – NOU 2023:4 Tid for handling",
        our_reference="LPP 23/04",
        url="https://www.regjeringen.no/",
        announced_on=datetime.date(2023, 2, 6),
        deadline=datetime.date(2023, 6, 6),
        working_group=group,
        themes=["avlastning", "parorendes-rettigheter"],
    )
    if created:
        page, _ = ensure_response(
            index,
            nou,
            "eksempel-nou-2023-4",
            title="Eksempel: Høringssvar om NOU 2023:4 Tid for handling",
            summary="Pårørende er en ressurs, ikke en gratis reserve. LPP ber om lovfestet rett "
            "til avlastning. (Eksempel)",
            letter_date=datetime.date(2023, 6, 5),
            signatory="Navn Navnesen (eksempel), styreleder",
            body=nou_body(hod),
        )
        send(
            nou,
            page,
            datetime.date(2023, 6, 5),
            "epost",
            "postmottak@hod.dep.no",
            then=[Status.AWAITING_OUTCOME, Status.CONCLUDED],
        )

    strategy, created = ensure_consultation(
        hod,
        "25/2210 (eksempel)",
        title="Eksempel: Innspill til oppfølgingen av pårørendestrategien «Vi – de pårørende»",
        our_reference="LPP 25/07",
        url="https://www.regjeringen.no/",
        announced_on=datetime.date(2025, 3, 3),
        deadline=datetime.date(2025, 5, 15),
        working_group=group,
        themes=["parorendes-rettigheter", "vold-og-trusler"],
    )
    if created:
        page, _ = ensure_response(
            index,
            strategy,
            "eksempel-vi-de-parorende",
            title="Eksempel: Innspill til pårørendestrategien «Vi – de pårørende»",
            summary="LPP ber om en ny handlingsplan med målbare mål, og et eget innsatsområde "
            "for pårørende innen psykisk helse og rus. (Eksempel)",
            letter_date=datetime.date(2025, 5, 14),
            signatory="Navn Navnesen (eksempel), styreleder",
            body=strategy_body(),
        )
        send(strategy, page, datetime.date(2025, 5, 14), "epost", "postmottak@hod.dep.no")

    compulsion, created = ensure_consultation(
        hod,
        "26/4410 (eksempel)",
        title="Eksempel: Høring – endringer i psykisk helsevernloven (tvang)",
        url="https://www.regjeringen.no/",
        announced_on=today - days(30),
        deadline=today + days(20),
        draft_deadline=today + days(6),
        working_group=group,
        themes=["tvang"],
    )
    if created:
        ensure_response(
            index,
            compulsion,
            "eksempel-tvang-i-psykisk-helsevern",
            title="Eksempel: Høringssvar om tvang i psykisk helsevern (utkast)",
            summary="Utkast: LPP arbeider for å fjerne krenkende og unødvendig tvang. (Eksempel)",
            signatory="Navn Navnesen (eksempel), styreleder",
            body=compulsion_draft_body(),
        )

    ensure_consultation(
        hod,
        "26/5120 (eksempel)",
        title="Eksempel: Høring – barn som pårørende, endringer i helsepersonelloven",
        url="https://www.regjeringen.no/",
        status=Status.ASSESSING,
        announced_on=today - days(10),
        deadline=today + days(45),
        draft_deadline=today + days(30),
        working_group=group,
        themes=["barn-som-parorende", "taushetsplikt"],
    )
    ensure_consultation(
        hdir,
        "26/6001 (eksempel)",
        title="Eksempel: Høring – nasjonal faglig retningslinje for selvmordsforebygging",
        url="https://www.helsedirektoratet.no/",
        announced_on=today - days(3),
        deadline=today + days(75),
        themes=["selvmordsforebygging"],
    )
    ensure_consultation(
        hdir,
        "26/3002 (eksempel)",
        title="Eksempel: Høring – endringer i forskrift om legemiddelhåndtering",
        url="https://www.helsedirektoratet.no/",
        status=Status.DECLINED,
        decline_reason="Saken berører ikke pårørende direkte. LPP prioriterer andre høringer.",
        announced_on=today - days(40),
        deadline=today + days(10),
    )
    import_sample_letters(stdout)
    stdout.write(
        f"  {Consultation.objects.count()} høringer, "
        f"{ConsultationResponsePage.objects.live().count()} publiserte høringssvar"
    )


# Three letters from the Word import's sample set (consultations/tests/samples/word/),
# imported the way staff import past letters, with every proposal candidate confirmed.
SAMPLE_LETTERS = ["01-stiler.docx", "02-direkte-formatering.docx", "03-pandoc.docx"]


def import_sample_letters(stdout):
    import hashlib
    from pathlib import Path

    from .word_import import service

    folder = Path(__file__).resolve().parent / "tests" / "samples" / "word"
    imported = 0
    for name in SAMPLE_LETTERS:
        path = folder / name
        if not path.exists():
            continue
        content = path.read_bytes()
        if service.first_import(hashlib.sha256(content).hexdigest()) is not None:
            continue
        service.import_as_read(
            content, name, with_proposals=True, title_prefix="Eksempel (importert fra Word): "
        )
        imported += 1
    if imported:
        stdout.write(f"  {imported} eksempelbrev importert fra Word")
