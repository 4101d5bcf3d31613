"""The first draft of LPP's political platform, from LPP's own goals: the statutes'
"Helsepolitisk arbeid" and the action plan 2023–2025's "Politisk arbeid for å sikre
pårørendes rettigheter" (seeds 000), grouped into chapters by theme. Every position and
demand below is one LPP has stated there; nothing is added. Published as a draft edition
("Utkast – ikke vedtatt") so visitors can read it.

Also the working arrangements: the platform section is the Arbeidsgruppe politisk
plattform's to edit, and a workflow sends it through the working group's review and
the board's approval."""

from wagtail.models import Workflow

from advocacy.models import Theme
from base import roles
from home import workflows
from home.demo import bullets, ensure_home_page, ensure_page, rich

from .models import PlatformChapterPage, PlatformIndexPage, PlatformPage, Position

# (title, slug, intro, narrative paragraphs, positions, demands); positions and demands
# are (text, [theme slugs]).
CHAPTERS = [
    (
        "Pårørendes rettigheter",
        "parorendes-rettigheter",
        "Pårørende skal bli anerkjent, respektert og få de rettighetene de har krav på.",
        [
            "LPP arbeider for anerkjennelse av pårørendes kompetanse og for anerkjennelse og "
            "respekt for pårørendes situasjon overfor myndigheter og samfunn. LPP arbeider på "
            "individnivå og systemnivå.",
            "LPP skal påse at pårørendes nåværende rettigheter respekteres og overholdes, og "
            "følge opp at veiledere og strategier for pårørende faktisk tas i bruk.",
        ],
        [
            (
                "pårørendes nåværende rettigheter skal respekteres og overholdes.",
                ["parorendes-rettigheter"],
            ),
            (
                "pårørendes kompetanse og situasjon skal anerkjennes og respekteres av "
                "myndigheter og samfunn.",
                ["parorendes-rettigheter", "kunnskap-og-holdninger"],
            ),
            (
                "pasient- og menneskerettighetene skal oppfylles og styrkes.",
                ["parorendes-rettigheter"],
            ),
        ],
        [
            (
                "utvide pårørendes rettigheter: rett til offentlig støtte, rett til krisehjelp, "
                "rett til omsorgslønn og rett til avlastning.",
                ["parorendes-rettigheter", "avlastning"],
            ),
            (
                "at Veileder for pårørende i helse- og omsorgssektoren, pårørendestrategien "
                "«Vi – de pårørende» og NOU 2023:4 Tid for handling følges opp og gjennomføres.",
                ["parorendes-rettigheter"],
            ),
        ],
    ),
    (
        "Pårørende som del av nettverket",
        "nettverk-og-medvirkning",
        "Pårørende og resten av brukerens nettverk skal være med i åpen dialog.",
        [
            "LPP skal være en aktiv deltaker og pårørendes premissleverandør i den offentlige "
            "debatten om psykisk helse og ROP-lidelser og lovgivning.",
        ],
        [
            (
                "tjenestene skal fremme nettverksrelatert arbeid og åpen dialog med pårørende og "
                "andre deler av brukerens nettverk.",
                ["parorendemedvirkning"],
            ),
            (
                "utfordringene med beslutnings- og samtykkekompetanse må bli bedre kjent.",
                ["parorendemedvirkning", "taushetsplikt"],
            ),
        ],
        [
            ("at brukerstyrte plasser på sykehus og DPS opprettholdes.", ["parorendemedvirkning"]),
        ],
    ),
    (
        "Likeverdige tjenester og nok ressurser",
        "likeverdige-tjenester",
        "Psykisk helse og ROP skal likestilles med somatisk helse.",
        [
            "LPP arbeider for styrking og kvalitetsbedring av helhetlige tilbud og tiltak for "
            "brukere i og utenfor behandlingsinstitusjoner.",
        ],
        [
            (
                "psykisk helse, ROP og somatisk helse skal likestilles, både i "
                "spesialisthelsetjenesten og i den kommunale helsetjenesten.",
                ["likeverdige-helsetjenester"],
            ),
        ],
        [
            (
                "at det alltid følger med tilstrekkelige ressurser i form av økonomi og ansatte "
                "i psykisk helsevern.",
                ["likeverdige-helsetjenester"],
            ),
        ],
    ),
    (
        "Behandling ved psykisk sykdom, rusavhengighet og dobbeltdiagnose",
        "rop",
        "Ulike pasientgrupper trenger ulik behandling.",
        [
            "LPP setter søkelys på behandling og oppfølging av pasienter med samtidige rus- og "
            "psykiske lidelser (ROP).",
        ],
        [],
        [
            (
                "ha adskilt behandling for de ulike pasientgruppene: psykisk sykdom, "
                "rusavhengighet og dobbeltdiagnose.",
                ["rop"],
            ),
        ],
    ),
    (
        "Oppfølging etter sykehusopphold og selvmordsforebygging",
        "oppfolging-etter-sykehusopphold",
        "Tiden etter utskrivning er sårbar, både for pasienten og for familien.",
        [
            "LPP gir tilbud som ivaretar pårørende og etterlatte etter alvorlige hendelser og "
            "selvmord.",
        ],
        [],
        [
            (
                "styrke og kvalitetssikre oppfølgingen etter sykehusopphold, blant annet for å "
                "forebygge selvmord.",
                ["selvmordsforebygging"],
            ),
        ],
    ),
    (
        "Medisinfri behandling",
        "medisinfri-behandling",
        "Medisinfri behandling skal være et reelt valg.",
        [
            "LPP deltar i fellesaksjonen for medisinfri behandling og fortsetter arbeidet i "
            "aksjonen for medisinfri behandling som en permanent modell.",
        ],
        [
            (
                "bruken av tunge psykofarmaka skal reduseres, etter at alle andre alternativer "
                "uten medisiner er prøvd.",
                ["medisinfri-behandling", "tvang"],
            ),
        ],
        [
            ("at medisinfri behandling tilbys ved alle sykehus og DPS.", ["medisinfri-behandling"]),
        ],
    ),
    (
        "Tvang",
        "tvang",
        "Krenkende og unødvendig tvang skal bort.",
        [
            "LPP arbeider for å fjerne bruk av krenkende og unødvendig tvang.",
        ],
        [
            (
                "frivillighet skal dokumenteres i journal, og pårørende skal informeres før tvang "
                "iverksettes.",
                ["tvang", "taushetsplikt"],
            ),
        ],
        [
            ("at behandlingskriteriet i loven om psykisk helsevern beholdes.", ["tvang"]),
        ],
    ),
    (
        "Pasientforløp og forløpskoordinator",
        "pasientforlop",
        "Sammenhengende forløp avlaster både pasienten og de pårørende.",
        [
            "LPP følger opp pakkeforløp for psykisk syke og nasjonale pasientforløp for psykisk "
            "helse og rus.",
        ],
        [
            (
                "innføring av forløpskoordinator vil være til avlastning for pårørende.",
                ["pasientforlop", "avlastning"],
            ),
        ],
        [
            (
                "at pakkeforløpene for psykisk helse og rus følges opp, og at forløpskoordinator "
                "innføres.",
                ["pasientforlop"],
            ),
        ],
    ),
    (
        "Bolig og en meningsfull hverdag",
        "bolig-og-meningsfull-hverdag",
        "Et godt liv handler om mer enn behandling.",
        [
            "LPP skal arbeide for at alle, uansett psykisk helse og ROP-diagnose, skal ha "
            "meningsfulle tilbud for et godt og meningsfullt liv.",
        ],
        [
            (
                "meningsfulle tilbud for alle, uansett psykisk helse og ROP-diagnose, skal være "
                "lovpålagt.",
                ["bolig-og-meningsfull-hverdag"],
            ),
        ],
        [
            (
                "sikre primærtilbud til brukere, som bolig, meningsfull hverdag og veiledning.",
                ["bolig-og-meningsfull-hverdag"],
            ),
        ],
    ),
]

FEATURED = [
    "pårørendes nåværende rettigheter skal respekteres og overholdes.",
    "frivillighet skal dokumenteres i journal, og pårørende skal informeres før tvang iverksettes.",
]

WORKFLOW_NAME = "Politisk plattform: arbeidsgruppe og landsstyret"


def ensure_review_workflow(name, page, working_group):
    """A second reader in the working group, then the board's approval, for ``page``
    and below (home.workflows)."""
    workflow, _ = Workflow.objects.get_or_create(name=name)
    return workflows.ensure_review_workflow(
        workflow, page, f"Gjennomgang i {working_group}", working_group
    )


def chapter_fields(themes, intro, narrative, positions, demands):
    return {
        "intro": intro,
        "body": [("paragraph", rich(*narrative))],
        "positions": [
            ("position", {"text": text, "themes": [themes[s] for s in slugs if s in themes]})
            for text, slugs in positions
        ],
        "demands": [
            (
                "demand",
                {
                    "text": text,
                    "rationale": rich(),
                    "themes": [themes[s] for s in slugs if s in themes],
                    "target_authority": None,
                },
            )
            for text, slugs in demands
        ],
    }


def load(stdout):
    home, _site = ensure_home_page()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    index = ensure_page(
        home,
        PlatformIndexPage,
        "politikk",
        title="Politisk plattform",
        show_in_menus=True,
        intro=rich(
            "Den politiske plattformen samler LPPs standpunkter i ett dokument, slik at vi "
            "snakker med én stemme. Plattformen utarbeides av landsstyret og en arbeidsgruppe "
            "fra lokallagene, og skal vedtas i 2027."
        ),
    )
    roles.grant_section(roles.PLATFORM_GROUP, index, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    ensure_review_workflow(WORKFLOW_NAME, index, roles.PLATFORM_GROUP)

    edition = ensure_page(
        index,
        PlatformPage,
        "2027-2031",
        title="Politisk plattform 2027–2031",
        edition="2027–2031",
        status=PlatformPage.Status.DRAFT,
        introduction=rich(
            "LPP er en landsomfattende ideell interesse- og brukerorganisasjon for pårørende "
            "og etterlatte innen psykisk helse og ROP-lidelser. LPP skal være en tydelig "
            "premissleverandør for styrking av de psykiske helse- og ROP-tjenestene både på "
            "spesialist- og kommunenivå.",
            "Dette første utkastet bygger på LPPs helsepolitiske mål og handlingsplanens "
            "politiske arbeid for å sikre pårørendes rettigheter. Organisasjonen er "
            "partipolitisk uavhengig og livssynsnøytral.",
        ),
        vision="Gode liv, tross alt",
        values=bullets("Verdighet", "Omsorg", "Løsninger"),
    )
    for title, slug, intro, narrative, positions, demands in CHAPTERS:
        ensure_page(
            edition,
            PlatformChapterPage,
            slug,
            title=title,
            **chapter_fields(themes, intro, narrative, positions, demands),
        )

    # Only on a fresh index page (one revision): never overwrite the editors' text.
    if not index.body and index.revisions.count() == 1:
        featured = [
            p
            for text in FEATURED
            if (p := Position.objects.filter(edition=edition, text=text).first())
        ]
        if featured:
            index.body = [("heading", {"text": "Utvalgte standpunkter", "level": "h2"})] + [
                (
                    "platform_position",
                    {"position": p, "quoted_text": p.text, "quoted_source": p.source_label},
                )
                for p in featured
            ]
            index.save_revision().publish()
    stdout.write(
        f"  politisk plattform {edition.edition}: {edition.get_children().count()} kapitler, "
        f"{Position.objects.filter(edition=edition).count()} standpunkter"
    )
