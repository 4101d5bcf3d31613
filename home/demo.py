"""Demo pages from LPP's own texts: the statutes' purpose clause, vision, mission and
values (seeds 000), the strategy 2025–2035 (seeds 001) and the Pårørende MØTEPLASS
brochure (seeds 002). Also the helpers every app's demo module uses."""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from base import roles

from .models import HomePage, OrganisationSettings, StandardPage


def ensure_page(parent, model, slug, **fields):
    """The child of ``parent`` with ``slug``, created and published if missing. An
    existing page is left as the editors left it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def rich(*paragraphs):
    return RichText("".join(f"<p>{p}</p>" for p in paragraphs))


def bullets(*items):
    return RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def ensure_home_page():
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Landsforeningen for Pårørende innen Psykisk helse",
            slug="lpp",
            seo_title="Pårørende skal leve gode liv – tross alt",
            intro=RichText(
                "<p>Pårørende skal bli spurt og oppleve å bli hørt. Derfor arbeider vi for å vise "
                "at pårørende er en ressurs og en del av løsningen for den som er syk, og at "
                "deres erfaringer skal bli tatt på alvor av helsevesenet og kommunene.</p>"
            ),
            body=[
                (
                    "paragraph",
                    rich(
                        "LPP er en landsomfattende medlemsorganisasjon for pårørende og etterlatte "
                        "innen psykisk helse og ROP-lidelser. Vi er en pådriver for å styrke tilbudet "
                        "innen psykisk helsevern ved en bedret kommunikasjon mellom brukere, "
                        "pårørende, behandlere og myndigheter.",
                        "Her finner du LPPs politikk, våre høringssvar og hva myndighetene har gjort "
                        "med forslagene våre – samlet etter tema.",
                    ),
                ),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="LPP",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "LPP"
        site.save()
        # Wagtail's "Welcome" placeholder is a bare Page with nothing under it.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    return home, site


ABOUT_BODY = [
    ("heading", {"text": "Formål", "level": "h2"}),
    (
        "paragraph",
        rich(
            "LPP er en landsomfattende ideell interesse- og brukerorganisasjon for pårørende og "
            "etterlatte innen psykisk helse og ROP-lidelser.",
            "LPP bistår pårørende med råd og veiledning når det gjelder psykisk helsevern og psykisk "
            "helsearbeid. LPP skal arbeide på individnivå og systemnivå, og bidra til utvikling av "
            "offentlige tjenester og tiltak.",
            "Organisasjonen er partipolitisk uavhengig, og er livssynsnøytral.",
        ),
    ),
    ("heading", {"text": "LPP arbeider for", "level": "h3"}),
    (
        "paragraph",
        bullets(
            "Anerkjennelse av pårørendes kompetanse",
            "Anerkjennelse og respekt for pårørendes situasjon overfor myndigheter og samfunn",
            "Helse- og velferdstilbud og møteplasser for pårørende",
            "Styrking og kvalitetsbedring av helhetlige tilbud og tiltak for brukere i og utenfor "
            "behandlingsinstitusjoner",
            "Oppfyllelse av pårørendes rettigheter",
        ),
    ),
    ("heading", {"text": "Visjon", "level": "h2"}),
    ("quote", {"text": "Pårørende skal leve gode liv – tross alt", "source": ""}),
    ("heading", {"text": "Misjon", "level": "h2"}),
    ("paragraph", rich("Til stede med vår erfaring og kompetanse.")),
    ("heading", {"text": "Verdier", "level": "h2"}),
    (
        "paragraph",
        RichText(
            "<ul><li><b>Verdighet:</b> Et samfunn kjennetegnes av hvordan de behandler sine "
            "svakeste.</li><li><b>Omsorg:</b> Både for de psykisk syke og deres pårørende.</li>"
            "<li><b>Løsninger:</b> Lokalt og sentralt.</li></ul>"
        ),
    ),
]

FOCUS_AREAS = [
    (
        "Organisasjon og økonomi",
        "Bærekraft og organisasjonsutvikling",
        "LPP skal styrke organisasjonen i alle ledd, både organisatorisk og økonomisk, for å møte "
        "framtidens behov og ambisjoner.",
        "LPP skal være en organisasjon med solid forankring, høy faglig kompetanse og bærekraftig "
        "økonomi. Vi vil utvikle våre strukturer, styrke lokallagene og øke kapasiteten både sentralt "
        "og regionalt.",
    ),
    (
        "Politikk og påvirkning",
        "Politisk innflytelse",
        "LPP skal være en tydelig premissleverandør for styrking av de psykiske helse- og "
        "ROP-tjenestene både på spesialist- og kommunenivå.",
        "LPP skal være en synlig og slagkraftig stemme for pårørende i psykisk helse og rus. Vi skal "
        "sette dagsorden, forme politikk og stille krav til tjenestene. Gjennom en tydelig politisk "
        "plattform, aktiv deltagelse i demokratiet og konkrete krav om bedre rettigheter, vil vi "
        "bidra til varig endring for pårørende.",
    ),
    (
        "Medlemskap og fellesskap",
        "Vekst og synlighet",
        "LPP skal tilby relevante tilbud og et inkluderende fellesskap for alle pårørende uansett "
        "alder, livssituasjon, bakgrunn og språk.",
        "LPP skal være et sted der alle pårørende kan finne støtte, fellesskap og mening.",
    ),
    (
        "Aktivitet",
        "Styrket tilbud til medlemmer og pårørende",
        "LPP skal være en støtte, en kunnskapsressurs og et fristed for pårørende og etterlatte med "
        "meningsfulle, varierte og tilgjengelige aktiviteter, både fysisk og digitalt.",
        "LPP skal være en trygg arena og en tilgjengelig ressurs for pårørende og etterlatte uansett "
        "hvor de bor, hvor gamle de er, og hva slags erfaring de har.",
    ),
    (
        "Synlighet og kommunikasjon",
        "LPP skal være en tydelig stemme for pårørende i samfunnsdebatten",
        "Vi skal nå ut til pårørende, helsevesen og beslutningstakere med tydelige budskap.",
        "Vi skal snakke med én stemme i tråd med våre verdier, og med tilpasset formidling i "
        "digitale kanaler.",
    ),
    (
        "Frivillighet og tillitsvalgte",
        "En sterk frivillig organisasjon",
        "LPP skal være en attraktiv og inkluderende organisasjon for frivillige og tillitsvalgte.",
        "LPP skal bygge sin organisasjon på frivillighet og tillit.",
    ),
]

POLICY_MEASURES = {
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "data": [
        ["Tiltak", "Beskrivelse", "Tidsramme", "Ansvarlig"],
        [
            "Utarbeide politisk plattform",
            "Samlet dokument som beskriver LPPs standpunkt",
            "2027",
            "Landsstyret og arbeidsgruppe fra lokallag",
        ],
        [
            "Skrive og levere høringssvar",
            "Profesjonelle, tydelige innspill i alle relevante høringer",
            "Kontinuerlig",
            "Landsstyret med sekretariatet",
        ],
        [
            "Jobbe for «Pårørendeavtale» i tjenestene",
            "LPP fremmer en modellavtale for pårørendes rett til informasjon og medvirkning",
            "2028",
            "Landsstyrets arbeidsutvalg",
        ],
        [
            "Jobbe for å implementere Pårørendeveilederen",
            "Følge med og følge opp alle nye strategier og faglige råd som foreligger",
            "Kontinuerlig",
            "Landsstyret og lokallag",
        ],
        [
            "Kreve bedre ivaretakelse ved vold/trusler i nære relasjoner",
            "Politisk press og allianser for å styrke støtteapparatet for pårørende",
            "2025–2035",
            "LPP i samarbeid med relevante aktører",
        ],
    ],
}


def strategy_body():
    body = [
        (
            "paragraph",
            rich(
                "LPP skal være et fristed for pårørende og innen 2035 skal LPP være en stor, synlig og "
                "slagkraftig organisasjon med politisk innflytelse, være kjent i alle relevante miljøer "
                "og blant alle pårørende og etterlatte innen psykisk helse og rus.",
                "Landsstyret legger frem en toårig handlingsplan til hvert landsmøte, basert på den "
                "strategiske handlingsplanen.",
            ),
        ),
    ]
    for number, (name, goal, intro, summary) in enumerate(FOCUS_AREAS, start=1):
        body.append(("heading", {"text": f"Innsatsområde {number}: {name}", "level": "h2"}))
        body.append(("paragraph", rich(f"<b>Hovedmål: {goal}.</b> {intro}")))
        if name == "Politikk og påvirkning":
            body.append(("table", {"caption": "Utvalgte tiltak", "table": POLICY_MEASURES}))
        body.append(("paragraph", rich(summary)))
    body += [
        ("heading", {"text": "Oppfølging og evaluering", "level": "h2"}),
        (
            "paragraph",
            bullets(
                "Halvårlig statusrapportering: to ganger i året vurderer landsstyret fremdriften for "
                "de strategiske målene og tiltakene.",
                "Midtveisevaluering i 2030 av hele strategien.",
                "Brukerundersøkelser og medlemsdialog som del av evalueringen.",
            ),
        ),
        (
            "paragraph",
            rich(
                'Landsstyrets siste status for hvert tiltak finner du på siden <a href="/strategi/">'
                "Slik følger vi opp strategien</a>.",
            ),
        ),
    ]
    return body


MEETING_PLACE_BODY = [
    ("heading", {"text": "Hva er Pårørende MØTEPLASS?", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Pårørende MØTEPLASS er arena for et likeverdig møte og gjensidig læring mellom pårørende "
            "og fagfolk, der pårørendes situasjon er i fokus. Pårørende MØTEPLASS er forebyggende "
            "folkehelsearbeid og brukermedvirkning i praksis!",
        ),
    ),
    ("heading", {"text": "Hvorfor Pårørende MØTEPLASS?", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Hjelpeapparatet trenger kunnskap om den krevende livssituasjonen det er å være pårørende, "
            "og hvilke utfordringer pårørende erfarer i møte med helsetjenesten. Pårørende selv er dem "
            "som best kan formidle slik kunnskap.",
            "Pårørende MØTEPLASS styrker samarbeidet mellom pårørende og tjenesteapparatet gjennom at "
            "de blir bedre kjent med hverandres utfordringer og dilemmaer.",
        ),
    ),
    ("heading", {"text": "Pårørende", "level": "h3"}),
    (
        "paragraph",
        bullets(
            "bidrar med sin erfaringskompetanse",
            "får uttrykke ønsker og behov og oppleve å bli sett og hørt",
            "får anerkjennelse for en krevende livssituasjon",
            "får økt kunnskap om støtteapparat og tjenestetilbud",
            "opplever håp, mening og mestring gjennom dialog med helsepersonell",
            "møter andre pårørende",
        ),
    ),
    ("heading", {"text": "Fagfolk", "level": "h3"}),
    (
        "paragraph",
        bullets(
            "bidrar med sin fagkompetanse",
            "får økt kunnskap og kompetanse",
            "gis rom for refleksjon over egen og virksomhetens praksis",
            "kan bidra til holdningsendring og bedre praksis og rutiner på arbeidsplassen",
            "kan bidra til bedre samhandling og samordning på tvers av tjenestene",
        ),
    ),
    ("heading", {"text": "Slik fungerer Pårørende MØTEPLASS", "level": "h2"}),
    (
        "paragraph",
        rich(
            "Pårørende MØTEPLASS er gratis og arrangeres to til tre ganger i halvåret. Bak møtene står "
            "et lokalt Pårørende MØTEPLASS-team som består av fagfolk og pårørende som har fått "
            "opplæring i konseptet. Hvert møte har et tema og ledes av to fagpersoner.",
            "Pårørende MØTEPLASS varer i 2,5 time inkludert en pause.",
        ),
    ),
    (
        "callout",
        {
            "title": "Et avtalefestet samarbeid",
            "text": rich(
                "LPP driver Pårørende MØTEPLASS i et avtalefestet samarbeid med helseforetak (sykehus, DPS, "
                "lærings- og mestringsenheter) og kommunehelsetjenesten. LPP sentralt forplikter seg til "
                "gratis å lære opp Pårørende MØTEPLASS-team i konseptet. Pårørende MØTEPLASS er et "
                "nasjonalt pårørendeprogram støttet av Helsedirektoratet.",
            ),
        },
    ),
]


def load(stdout):
    home, site = ensure_home_page()
    roles.grant_site_permissions(home)
    about = ensure_page(
        home,
        StandardPage,
        "om-lpp",
        title="Om LPP",
        show_in_menus=True,
        intro="LPP er en landsomfattende ideell interesse- og brukerorganisasjon for pårørende "
        "og etterlatte innen psykisk helse og ROP-lidelser.",
        body=ABOUT_BODY,
    )
    ensure_page(
        about,
        StandardPage,
        "strategi-2025-2035",
        title="Strategisk handlingsplan 2025–2035",
        intro="Seks innsatsområder skal forsterke arbeidet vårt, nå flere pårørende og styrke "
        "LPPs posisjon i det politiske landskapet.",
        body=strategy_body(),
    )
    ensure_page(
        home,
        StandardPage,
        "parorende-moteplass",
        title="Pårørende MØTEPLASS",
        show_in_menus=True,
        intro="En arena for likeverdig møte og gjensidig læring mellom pårørende og fagfolk.",
        body=MEETING_PLACE_BODY,
    )
    org = OrganisationSettings.for_site(site)
    if not org.email:
        # Example contact details: the secretariat fills in the real ones in the admin.
        org.email = "post@example.org"
        org.street_address = "Eksempelgata 1 (eksempeladresse)"
        org.postal_code = "0150"
        org.city = "Oslo"
        org.signatory_name = "Navn Navnesen (eksempel)"
        org.signatory_title = "Generalsekretær"
        org.save()
    stdout.write(f"  forside og {StandardPage.objects.count()} standardsider")
