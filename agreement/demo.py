"""The first draft of the model relatives' agreement (Pårørendeavtale), from the
strategy's description — "LPP fremmer en modellavtale for pårørendes rett til informasjon
og medvirkning" (seeds 001) — and the 2017 summit's recommendations (seeds 003):
confidentiality felt as a barrier, children as relatives, tools and routines for involving
relatives, the family and network in focus. Published as a draft ("Utkast – ikke
vedtatt"); the Arbeidsgruppe pårørendeavtale edits it, the board approves."""

import datetime

from wagtail.rich_text import RichText

from advocacy.models import Theme
from base import roles
from home.demo import ensure_home_page, ensure_page, rich
from political_platform.demo import ensure_review_workflow

from .models import AgreementPage

WORKFLOW_NAME = "Pårørendeavtale: arbeidsgruppe og landsstyret"

# (title, text, sub-clauses, guidance, theme slugs)
CLAUSES = [
    (
        "Formål",
        "Avtalen skal sikre at [[Pårørende]] får informasjon og kan medvirke når [[Pasient]] "
        "får helsehjelp ved [[Enhet]], og at pårørende blir sett som en ressurs og en del av "
        "løsningen.",
        [],
        "Tjenestene anbefales å ha både individet og individets familie og nettverk i fokus. "
        "Å involvere pårørende kan gi bedre effekt av tiltakene og et bedre liv for brukeren, "
        "og er anbefalt god faglig praksis.",
        ["parorendemedvirkning", "parorendes-rettigheter"],
    ),
    (
        "Parter",
        "Avtalen inngås mellom [[Enhet]], [[Pasient]] og [[Pårørende]].",
        [
            "Tjenesten: [[Enhet]], ved [[Ansvarlig leder]].",
            "Pasienten: [[Pasient]].",
            "Pårørende: [[Pårørende]], som pasienten har oppgitt som sin nærmeste pårørende.",
        ],
        "Pasienter og pårørende er ingen ensartet gruppe. Avtalen må tilpasses den enkelte "
        "familie og den enkeltes ønsker.",
        ["parorendemedvirkning"],
    ),
    (
        "Samtykke og taushetsplikt",
        "[[Pasient]] tar stilling til hvilke opplysninger [[Pårørende]] kan få. Samtykket "
        "skrives inn i journalen og kan endres når som helst.",
        [
            "Pårørende skal alltid få generell informasjon om sykdom, behandling og hjelpetilbud, "
            "også når pasienten ikke har samtykket til at taushetsbelagte opplysninger gis.",
            "Tjenesten tar imot informasjon fra pårørende uten at taushetsplikten er til hinder "
            "for det.",
        ],
        "Taushetsplikten kan oppleves som et hinder for pårørende. Ansatte trenger opplæring i "
        "å bruke taushetspliktreglene, slik at de blir tryggere på å samarbeide med pårørende.",
        ["taushetsplikt"],
    ),
    (
        "Informasjon til pårørende",
        "[[Pårørende]] får informasjon om tjenestens tilbud, om egne rettigheter og om hvor "
        "de kan få støtte og råd.",
        [],
        "Det er behov for generell folkeopplysning om pårørendes behov og rettigheter. Gi "
        "informasjonen både muntlig og skriftlig.",
        ["taushetsplikt", "parorendes-rettigheter"],
    ),
    (
        "Medvirkning i behandling",
        "[[Pårørende]] inviteres til samtaler om behandlingen og oppfølgingen av [[Pasient]] "
        "når pasienten ønsker det, og pårørendes kunnskap tas med i planleggingen.",
        [],
        "Tjenestene trenger verktøy, metoder og rutiner for pårørendeinvolvering. Brukeres og "
        "pårørendes kunnskap bør anerkjennes og benyttes mer.",
        ["parorendemedvirkning"],
    ),
    (
        "Barn som pårørende",
        "Tjenesten kartlegger om [[Pasient]] har barn eller søsken under 18 år, og sørger for "
        "at barna får informasjon og oppfølging tilpasset alder.",
        [],
        "Barna må i særdeleshet ivaretas. Ansatte trenger praktisk kompetanse i å snakke med "
        "barn. Søsken som pårørende har få rettigheter, og bør også bli sett.",
        ["barn-som-parorende"],
    ),
    (
        "Kontaktperson",
        "[[Kontaktperson]] ved [[Enhet]] er pårørendes faste kontakt, og kan nås på "
        "[[Telefon til enheten]].",
        [],
        "Velg en kontaktperson som kjenner pasientens behandling. Oppgi tjenestens telefon, "
        "ikke private numre.",
        ["parorendemedvirkning"],
    ),
    (
        "Kriseplan",
        "[[Pasient]], [[Pårørende]] og tjenesten lager sammen en kriseplan som sier hva "
        "pårørende skal gjøre, og hvem de skal kontakte, hvis situasjonen forverres.",
        [],
        "Døgnkontinuerlig tilgjengelighet og tidlig intervensjon bør prioriteres. Kriseplanen "
        "bør si hvordan pårørende varsles før tvang iverksettes.",
        ["tvang", "selvmordsforebygging"],
    ),
    (
        "Evaluering og endring",
        "Partene går gjennom avtalen innen [[Dato for evaluering]], og ellers når en av "
        "partene ber om det.",
        [],
        "Pårørendearbeid trenger trygg ledelsesforankring. Sett av tid til evalueringen: "
        "arbeid med en hel familie kan kreve mer tid.",
        ["parorendemedvirkning", "kunnskap-og-holdninger"],
    ),
    (
        "Underskrifter",
        "Sted og dato: [[Sted og dato]]",
        [
            "For tjenesten: [[Underskrift for tjenesten]]",
            "Pasient: [[Underskrift pasient]]",
            "Pårørende: [[Underskrift pårørende]]",
        ],
        "Hver part beholder sin egen kopi. Utfylte avtaler lagres i pasientens journal, ikke "
        "hos LPP.",
        [],
    ),
]


def clause_value(themes, title, text, subclauses, guidance, slugs):
    return {
        "title": title,
        "text": RichText(f"<p>{text}</p>"),
        "subclauses": [RichText(f"<p>{item}</p>") for item in subclauses],
        "guidance": RichText(f"<p>{guidance}</p>"),
        "themes": [themes[s] for s in slugs if s in themes],
    }


def load(stdout):
    home, _site = ensure_home_page()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    agreement = ensure_page(
        home,
        AgreementPage,
        "parorendeavtale",
        title="Pårørendeavtale",
        show_in_menus=True,
        version="0.1",
        status=AgreementPage.Status.DRAFT,
        intro=rich(
            "Pårørendeavtalen er LPPs modellavtale for pårørendes rett til informasjon og "
            "medvirkning. Helseforetak, DPS og kommuner kan ta den i bruk sammen med pasienten "
            "og de pårørende. Avtalen bygger blant annet på anbefalingene fra toppmøtet om "
            "pårørende innen psykisk helse i 2017.",
        ),
        clauses=[("clause", clause_value(themes, *clause)) for clause in CLAUSES],
        change_log=[
            (
                "entry",
                {
                    "version": "0.1",
                    "date": datetime.date(2026, 11, 24),
                    "description": "Første utkast fra arbeidsgruppen.",
                },
            )
        ],
    )
    roles.grant_section(roles.AGREEMENT_GROUP, agreement, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    ensure_review_workflow(WORKFLOW_NAME, agreement, roles.AGREEMENT_GROUP)
    stdout.write(f"  pårørendeavtale versjon {agreement.version}: {len(agreement.clauses)} punkter")
