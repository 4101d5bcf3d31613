"""LPP's two action plans, transcribed by hand from shared/seeds/ (PDF text with broken
lines and columns, so no parser: each row reads as the plan's table does).

* ``001_…``: Strategisk handlingsplan 2025–2035, six focus areas, 44 measures.
* ``000_…``: Handlingsplan 2023–2025, seven headings, 24 measures. That plan names no time
  frame or responsible per measure: the time frame is the plan's period and «Ansvarlig»
  is left as the plan leaves it.

A measure row: (area, measure, description, time frame, responsible roles, named group,
responsible as the plan writes it, metric key). Roles: S Sekretariatet, L Landsstyret,
K Lokallag, D Daglig leder, E Ekstern partner."""

S, L, K, D, E = "S", "L", "K", "D", "E"

STRATEGIC_PLAN = {
    "key": "strategisk-2025-2035",
    "title": "Strategisk handlingsplan 2025–2035",
    "start_year": 2025,
    "end_year": 2035,
    "midterm_year": 2030,
    "vision": "Pårørende skal leve gode liv – tross alt",
    "mission": "Til stede med vår erfaring og kompetanse",
    "values": (
        "Verdighet: Et samfunn kjennetegnes av hvordan de behandler sine svakeste.\n"
        "Omsorg: Både for de psykisk syke og deres pårørende.\n"
        "Løsninger: Lokalt og sentralt."
    ),
    "main_goals": (
        "LPP skal være et fristed for pårørende og innen 2035 skal LPP være en stor, synlig og "
        "slagkraftig organisasjon med politisk innflytelse, være kjent i alle relevante miljøer "
        "og blant alle pårørende og etterlatte innen psykisk helse og rus.\n"
        "10 000 medlemmer innen 2035, med en økning på andel yngre pårørende."
    ),
    "focus_areas": [
        {
            "number": 1,
            "title": "Organisasjon og økonomi",
            "main_goal": "Bærekraft og organisasjonsutvikling",
            "goal_text": "LPP skal styrke organisasjonen i alle ledd, både organisatorisk og "
            "økonomisk, for å møte framtidens behov og ambisjoner.",
            "summary": "LPP skal være en organisasjon med solid forankring, høy faglig "
            "kompetanse og bærekraftig økonomi. Vi vil utvikle våre strukturer, styrke "
            "lokallagene og øke kapasiteten både sentralt og regionalt. Ved å bygge sterke "
            "relasjoner, satse på fundraising og å være med på å utvikle pårørendesentre, skal "
            "vi bli bedre rustet til å møte pårørendes behov i årene som kommer.",
            "measures": [
                (
                    "Organisasjonsutvikling",
                    "Flere kontaktpunkter mellom sentralledd og lokallag",
                    "Regelmessige digitale møter og årlige fysiske samlinger",
                    "2025–2032",
                    [S, L, K],
                    "",
                    "Sekretariatet og landsstyret med lokallag",
                    "",
                ),
                (
                    "Organisasjonsutvikling",
                    "Kurs i styrearbeid, økonomi og søknadsskriving",
                    "Tilbud til alle tillitsvalgte, også digitalt",
                    "2026–2032",
                    [S, E],
                    "",
                    "Sekretariatet / Ekstern partner",
                    "",
                ),
                (
                    "Organisasjonsutvikling",
                    "Oppfordre lokallag til å delta i råd og utvalg",
                    "Økt påvirkning lokalt – støtte til verv",
                    "Kontinuerlig",
                    [K, L],
                    "",
                    "Lokallag / Landsstyret",
                    "",
                ),
                (
                    "Organisasjonsutvikling",
                    "Spørreundersøkelser til medlemmer og lokallag",
                    "En kvalitetssikring for læring, justering og forbedring underveis",
                    "Kontinuerlig",
                    [S, L],
                    "",
                    "Sekretariat, Landsstyre",
                    "",
                ),
                (
                    "Samarbeid",
                    "Styrke samarbeid med relevante organisasjoner",
                    "Utvikle strategiske partnerskap (eks. Mental Helse, Rådet for psykisk helse)",
                    "2025–2035",
                    [L, S],
                    "",
                    "Landsstyret, Sekretariat",
                    "",
                ),
                (
                    "Ressurser og bemanning",
                    "Styrke sekretariatet med fagkunnskap",
                    "Ansette relevant kompetanse innen organisasjonens arbeid",
                    "2025–2027",
                    [L, D],
                    "",
                    "Landsstyret med daglig leder",
                    "",
                ),
                (
                    "Økonomi og finansiering",
                    "Opprette ulike former for fundraising",
                    "Innsamlingsaksjon, gaver, nettbutikk, månedsgivere, m.m.",
                    "2025–2035",
                    [S, L],
                    "",
                    "Sekretariat med landsstyret",
                    "",
                ),
                (
                    "Økonomi og finansiering",
                    "Mere prosjektbasert arbeid",
                    "Søke prosjektmidler til utviklingsarbeid",
                    "Kontinuerlig",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Tilbud og tilstedeværelse",
                    "Være en aktiv pådriver for egne eller kommunale pårørendesentre",
                    "Styrke arbeidet med likepersonstøtte og systemnivåpåvirkning",
                    "2025–2035",
                    [S, K],
                    "",
                    "Sekretariatet og Lokallag",
                    "",
                ),
            ],
        },
        {
            "number": 2,
            "title": "Politikk og påvirkning",
            "main_goal": "Politisk innflytelse",
            "goal_text": "LPP skal være en tydelig premissleverandør for styrking av de psykiske "
            "helse- og ROP-tjenestene både på spesialist- og kommunenivå.",
            "summary": "LPP skal være en synlig og slagkraftig stemme for pårørende i psykisk "
            "helse og rus. Vi skal sette dagsorden, forme politikk og stille krav til "
            "tjenestene. Gjennom en tydelig politisk plattform, aktiv deltagelse i demokratiet "
            "og konkrete krav om bedre rettigheter, vil vi bidra til varig endring for "
            "pårørende.",
            "measures": [
                (
                    "Plattform og posisjon",
                    "Utarbeide politisk plattform",
                    "Samlet dokument som beskriver LPPs standpunkt",
                    "2027",
                    [L],
                    "Arbeidsgruppe fra lokallag",
                    "Landsstyret og arbeidsgruppe fra lokallag",
                    "political_platform.edition",
                ),
                (
                    "Påvirkningsarbeid",
                    "Være en stemme for pårørende mot myndigheter, kommuner og helseforetak",
                    "Aktiv dialog, møter, innspill og samarbeid",
                    "Kontinuerlig",
                    [S, L, K],
                    "",
                    "Sekretariatet / Landsstyret og lokallag",
                    "",
                ),
                (
                    "Påvirkningsarbeid",
                    "Fremme saker som er viktige for god avlastning for pårørende. God behandling, "
                    "bolig og en meningsfull hverdag for de psyke.",
                    "Aktiv dialog, møter, innspill og samarbeid",
                    "Kontinuerlig",
                    [L, K],
                    "",
                    "Landsstyret og lokallag",
                    "",
                ),
                (
                    "Påvirkningsarbeid",
                    "Skrive og levere høringssvar",
                    "Profesjonelle, tydelige innspill i alle relevante høringer",
                    "Kontinuerlig",
                    [L, S],
                    "",
                    "Landsstyret med sekretariatet",
                    "consultations.answered",
                ),
                (
                    "Påvirkningsarbeid",
                    "Delta aktivt i valgkamper",
                    "Kampanjer og tilstedeværelse lokalt og nasjonalt",
                    "2025, 2027, 2029, 2031",
                    [S, L, K],
                    "",
                    "Sekretariat, Landsstyret / Lokallag",
                    "",
                ),
                (
                    "Systempåvirkning",
                    "Jobbe for «Pårørendeavtale» i tjenestene",
                    "LPP fremmer en modellavtale for pårørendes rett til informasjon og medvirkning",
                    "2028",
                    [L],
                    "Landsstyrets arbeidsutvalg",
                    "Landsstyret arbeidsutvalg",
                    "agreement.version",
                ),
                (
                    "Systempåvirkning",
                    "Være en stemme for de stemmeløse, de vi er pårørende til.",
                    "Fremme viktige saker politisk og lokalt",
                    "Kontinuerlig",
                    [L, K],
                    "",
                    "Landsstyret og lokallag",
                    "",
                ),
                (
                    "Systempåvirkning",
                    "Jobbe for å implementere Pårørendeveilederen, pårørendestrategier og "
                    "nasjonale faglige råd for medvirkning",
                    "Følge med og følge opp alle nye strategier og faglige råd som foreligger.",
                    "Kontinuerlig",
                    [L, K],
                    "",
                    "Landsstyret og lokallag",
                    "",
                ),
                (
                    "Trygghet og rettsvern",
                    "Kreve bedre ivaretakelse ved vold/trusler i nære relasjoner",
                    "Politisk press og allianser for å styrke støtteapparatet for pårørende",
                    "2025–2035",
                    [E],
                    "LPP i samarbeid med relevante aktører",
                    "LPP i samarbeid med relevante aktører",
                    "",
                ),
            ],
        },
        {
            "number": 3,
            "title": "Medlemskap og fellesskap",
            "main_goal": "Vekst og synlighet",
            "goal_text": "LPP skal tilby relevante tilbud og et inkluderende fellesskap for alle "
            "pårørende uansett alder, livssituasjon, bakgrunn og språk. Vi skal nå bredere ut, "
            "og styrke rekruttering, tilhørighet og engasjement i medlemsmassen.",
            "summary": "LPP skal være et sted der alle pårørende kan finne støtte, fellesskap "
            "og mening. Med utgangspunkt i likepersonsprinsippet og med stor vekt på "
            "tilgjengelighet og mangfold, skal vi styrke vår medlemsmasse og skape en "
            "organisasjon der alle pårørende, uavhengig av alder, bakgrunn eller erfaring, "
            "føler seg hjemme.",
            "measures": [
                (
                    "Mangfold og bredde",
                    "Øke bredden i medlemsmassen",
                    "Aktiv innsats for å inkludere unge, flerspråklige og pårørende med ulik "
                    "livssituasjon",
                    "Kontinuerlig",
                    [S, K],
                    "",
                    "Sekretariatet / Lokallag",
                    "",
                ),
                (
                    "Mangfold og bredde",
                    "Etablere flere lokallag",
                    "Dette vil gjøre våre tilbud nært for flere pårørende",
                    "Kontinuerlig",
                    [S, K, L],
                    "",
                    "Sekretariat, lokallag og landsstyre",
                    "",
                ),
                (
                    "Oppfølging",
                    "Rutiner for medlemskontakt",
                    "Jevnlig kommunikasjon og velkomst-/oppfølgingssystemer",
                    "2025–2027",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Rekruttering",
                    "Utvikle rekruteringsstrategi",
                    "Utvikle en samlet plan for hvordan vi tiltrekker og beholder medlemmer.",
                    "2025–2026",
                    [S, L],
                    "",
                    "Sekretariatet, Landsstyret",
                    "",
                ),
                (
                    "Rekruttering",
                    "Synliggjøre medlemsfordeler",
                    "Klart og enkelt budskap om hva man får som medlem",
                    "Kontinuerlig",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Rekruttering",
                    "Forenkle innmelding",
                    "Digital løsning med lav terskel og støtte for flerspråklighet",
                    "2025",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Tilbud for unge",
                    "Etablere LPP Ung (15–35 år)",
                    "Bygge et fellesskap og tilbud spesielt for unge pårørende og etterlatte",
                    "2027–2028",
                    [],
                    "Egen arbeidsgruppe / Unge medlemmer",
                    "Egen arbeidsgruppe / Unge medlemmer",
                    "",
                ),
            ],
        },
        {
            "number": 4,
            "title": "Aktivitet",
            "main_goal": "Styrket tilbud til medlemmer og pårørende",
            "goal_text": "LPP skal være en støtte, en kunnskapsressurs og et fristed for "
            "pårørende og etterlatte med meningsfulle, varierte og tilgjengelige aktiviteter, "
            "både fysisk og digitalt. Dette ved å styrke lokallagene med verktøy og kompetanse.",
            "summary": "LPP skal være en trygg arena og en tilgjengelig ressurs for pårørende "
            "og etterlatte uansett hvor de bor, hvor gamle de er, og hva slags erfaring de har. "
            "Med både nasjonale og lokale tiltak skal vi skape gjenkjennbare, relevante og "
            "mangfoldige aktiviteter. Ved å satse på digital utvikling og kvalitet i vårt "
            "likepersonsarbeid, styrker vi både fellesskap og mestring.",
            "measures": [
                (
                    "Lokalt",
                    "Årlig arrangement under Pårørendeuka",
                    "Synliggjøre pårørendes situasjon og samle lokalsamfunn",
                    "Årlig",
                    [K],
                    "",
                    "Lokallag",
                    "",
                ),
                (
                    "Lokalt",
                    "Videreføre og utvikle nye aktiviteter",
                    "Likepersonssamtaler, selvhjelps- og samtalegrupper, Pårørendetreff, Møteplass "
                    "og temakvelder, m.m.",
                    "Kontinuerlig",
                    [K],
                    "Frivillige",
                    "Lokallag og frivillige",
                    "",
                ),
                (
                    "Nasjonalt",
                    "Nasjonal markering av Pårørendeuka",
                    "Arrangere felles nasjonalt arrangement med medieoppmerksomhet",
                    "Årlig",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Nasjonalt",
                    "Gjenkjennelige tilbud i hele landet",
                    "Sikre at tjenester som Rådgivningstelefon, MØTEPLASS og mestringskurs fremstår "
                    "enhetlig og gjenkjennelig",
                    "2025–2027",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Digitalt",
                    "Utvikle nye digitale tilbud",
                    "Webinarer, temakvelder og mestringskurs – lavterskel og tilgjengelig",
                    "2025–2030",
                    [L, S],
                    "",
                    "Landsstyret, sekretariat",
                    "",
                ),
                (
                    "Kompetanse",
                    "Kurs og opplæring",
                    "Tilby kompetanseheving i likepersonsarbeid, pårørendemedvirkning og "
                    "organisasjonsarbeid",
                    "Kontinuerlig",
                    [L, E],
                    "",
                    "Landsstyret / Eksterne",
                    "",
                ),
            ],
        },
        {
            "number": 5,
            "title": "Synlighet og kommunikasjon",
            "main_goal": "LPP skal være en tydelig stemme for pårørende i samfunnsdebatten",
            "goal_text": "Vi skal nå ut til pårørende, helsevesen og beslutningstakere med "
            "tydelige budskap. Gjennom en gjenkjennelig visuell og språklig profil skal vi "
            "styrke LPPs tilstedeværelse, bygge tillit og bidra til økt forståelse for "
            "pårørendes situasjon og behov. Kommunikasjonen vår skal være målrettet, "
            "profesjonell og forankret i pårørendes erfaringer.",
            "summary": "LPP skal være en synlig, tydelig og troverdig stemme i "
            "samfunnsdebatten. Med en enhetlig visuell identitet, godt språk og tydelig profil "
            "skal vi nå ut til både pårørende, myndigheter og helsevesen. Vi skal snakke med én "
            "stemme i tråd med våre verdier, og med tilpasset formidling i digitale kanaler.",
            "measures": [
                (
                    "Strategi og verktøy",
                    "Videreutvikle kommunikasjonsstrategien",
                    "Internt styringsdokument og praktisk veileder for ansatte og frivillige",
                    "2026",
                    [S, L],
                    "",
                    "Sekretariatet, Landsstyret",
                    "",
                ),
                (
                    "Informasjon og budskap",
                    "Spre kunnskap og informasjon",
                    "Rettigheter, tilbud og hvordan navigere i systemene",
                    "Kontinuerlig",
                    [S, K],
                    "",
                    "Sekretariatet / Lokallag",
                    "",
                ),
                (
                    "Informasjon og budskap",
                    "Aktiv medieprofil",
                    "Økt tilstedeværelse i debatter og nyhetsbilde",
                    "2025–2035",
                    [],
                    "Kommunikasjonsansvarlig (leder, politisk nestleder)",
                    "Kommunikasjonsansvarlig (leder, politisk nestleder)",
                    "",
                ),
                (
                    "Digitale kanaler",
                    "Være synlig i sosiale medier",
                    "Planlagt og målrettet tilstedeværelse på relevante plattformer",
                    "Kontinuerlig",
                    [L, K, S],
                    "",
                    "Landsstyret, lokallag, sekretariat",
                    "",
                ),
                (
                    "Merkevare og profil",
                    "Fortsette merkevarebygging",
                    "Felles visuelle identitet, språk og navn (eks. Pårørendetreff, Møteplass)",
                    "2025–2027",
                    [S, E],
                    "",
                    "Sekretariat og eksterne",
                    "",
                ),
                (
                    "Intern kommunikasjon",
                    "Samkjøre kommunikasjonen internt",
                    "Felles språk og forståelse i hele organisasjonen",
                    "2025–2026",
                    [S, L],
                    "",
                    "Sekretariatet, Landsstyret",
                    "",
                ),
                (
                    "Målgruppetilpasning",
                    "Tilpasse kommunikasjon til ulike målgrupper",
                    "Unge, etterlatte, pårørende i flerspråklige og ulike livssituasjoner",
                    "Kontinuerlig",
                    [],
                    "Kommunikasjonsansvarlig",
                    "Kommunikasjonsansvarlig",
                    "",
                ),
            ],
        },
        {
            "number": 6,
            "title": "Frivillighet og tillitsvalgte",
            "main_goal": "En sterk frivillig organisasjon",
            "goal_text": "LPP skal være en attraktiv og inkluderende organisasjon for frivillige "
            "og tillitsvalgte. Våre frivillige skal ha støtte, opplæring og verktøyene de "
            "trenger for å kunne bidra til LPPs målsetning på en meningsfull og bærekraftig "
            "måte.",
            "summary": "LPP skal bygge sin organisasjon på frivillighet og tillit. Vi skal gjøre "
            "det enkelt, trygt og meningsfullt å være frivillig og gi tillitsvalgte opplæringen "
            "og verktøyene de trenger for å lykkes. Gjennom støtte, kompetanseheving og "
            "felleskap skal vi utvikle en bærekraftig frivillig struktur som skaper "
            "ringvirkninger for pårørende i hele landet.",
            "measures": [
                (
                    "Frivillige i lokallag",
                    "Bidra til og oppmuntre frivillig innsats",
                    "Lære opp frivillige til å gjennomføre pårørendeaktiviteter og ivareta deltakere",
                    "Kontinuerlig",
                    [K, S],
                    "",
                    "Lokallag / sekretariat",
                    "",
                ),
                (
                    "Rekruttering",
                    "Aktiv innsats for å få flere frivillige",
                    "Senke terskelen for deltakelse med konkrete oppgaver og gode introduksjoner",
                    "2025–2035",
                    [S, K],
                    "",
                    "Sekretariatet / Lokallag",
                    "",
                ),
                (
                    "Ivaretagelse",
                    "Tilby støtte og felles møteplasser",
                    "Individuell veiledning og felles erfaringsutveksling",
                    "Kontinuerlig",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
                (
                    "Kompetanse",
                    "Kurs og opplæring for frivillige og tillitsvalgte",
                    "Opplæring i likepersonsarbeid, medvirkning, styrearbeid, kommunikasjon mm.",
                    "Årlig",
                    [S, L],
                    "",
                    "Sekretariat og landsstyre",
                    "",
                ),
                (
                    "Nettverk",
                    "Arenaer for erfaringsdeling",
                    "Nasjonale og regionale samlinger, digitale nettverksmøter",
                    "2025–2030",
                    [L, S],
                    "",
                    "Landsstyret, Sekretariatet",
                    "",
                ),
                (
                    "Ressursstøtte",
                    "Tilgang til materiell og maler",
                    "Gi lokallag tilgang til felles verktøy: maler, infoskriv, sjekklister mm.",
                    "Kontinuerlig",
                    [S],
                    "",
                    "Sekretariatet",
                    "",
                ),
            ],
        },
    ],
    # Goals with a number (the plan's main goal) and what the product counts itself.
    "indicators": [
        ("Medlemmer", "medlemmer", 10000, "2035-12-31"),
        ("Andel medlemmer under 35 år", "%", 20, "2035-12-31"),
        ("Lokallag", "lokallag", 20, "2035-12-31"),
        ("Andel relevante høringer besvart", "%", 100, "2035-12-31"),
    ],
}

ACTION_PLAN = {
    "key": "handlingsplan-2023-2025",
    "title": "Handlingsplan 2023–2025",
    "start_year": 2023,
    "end_year": 2025,
    "midterm_year": None,
    "vision": "Gode liv, tross alt",
    "mission": "Til stede med pårørendeerfaring og kompetanse",
    "values": "Verdighet, omsorg og løsninger",
    "main_goals": "Utvikle organisasjonen\nVelferd for pårørende\nHelsepolitisk arbeid",
    "focus_areas": [
        {
            "number": 1,
            "title": "Medlemsverving",
            "measures": [
                "LPP skal spre informasjon ved å oppsøke skoler i samarbeid med "
                "helsesykepleiere/skole, lage annonser for lokallagene, mv.",
                "LPP skal bidra til og oppmuntre til ulike tiltak i lokallagene.",
                "LPP sentralt utarbeider kampanjemateriell som distribueres lokalt.",
                "LPP vil ha fokus på arrangement på Pårørendedagen 22. september.",
                "LPP skal være synlig i presse og media.",
            ],
        },
        {
            "number": 2,
            "title": "Oppfølging av medlemmer og tillitsvalgte",
            "measures": [
                "LPP skal ha tillitsvalgte som kan fremme LPPs målsetning og strategiske mål på "
                "en god måte.",
                "LPP skal utarbeide rutiner for oppfølging av medlemmer.",
                "LPP skal utvikle og holde kurs og webinarer om: likepersonsarbeid; styrearbeid; "
                "bruk av sosiale medier og digital kommunikasjon; å være brukerrepresentant/ "
                "brukermedvirkning; mestringskurs for pårørende.",
                "LPP skal arbeide for å styrke økonomien til lokallagene.",
                "LPP skal informere lokallagene om arenaer for brukermedvirkning i kommunale råd "
                "for mennesker med nedsatt funksjonsevne, og om brukerutvalg i helseforetak.",
                "LPP skal medvirke til økt kunnskap om lover og retningslinjer for "
                "brukermedvirkning på individ- og systemnivå.",
                "LPP skal ta kontakt med Helsedirektoratet om lovfortolkninger.",
                "Alle skal få kunnskap om tilsynsorgan og klageinstanser.",
                "LPP skal holde kurs for å styrke pårørendes kunnskap om lover, retningslinjer "
                "og pasientforløp.",
            ],
        },
        {
            "number": 3,
            "title": "Medisinfri behandling",
            "measures": [
                "LPP forsetter arbeidet i aksjonen for medisinfri behandling som en permanent "
                "modell.",
            ],
        },
        {
            "number": 4,
            "title": "En meningsfull hverdag",
            "measures": [
                "LPP skal arbeide for at alle, uansett psykisk helse og ROP-diagnose, skal ha "
                "meningsfulle tilbud for et godt og meningsfullt liv. LPP mener at disse skal "
                "være lovpålagt.",
            ],
        },
        {
            "number": 5,
            "title": "Samarbeid med andre organisasjoner",
            "measures": [
                "LPP skal styrke samarbeidet med brukerstyrte sentre og andre organisasjoner.",
            ],
        },
        {
            "number": 6,
            "title": "Kommunikasjon",
            "measures": [
                "LPP skal utvikle en kommunikasjonsstrategi.",
                "LPP skal være premissleverandør til media og andre instanser når det gjelder "
                "pårørendes og deres brukeres rettigheter.",
                "LPP skal prioritere bruk av Facebook og Instagram som sosiale plattformer.",
            ],
        },
        {
            "number": 7,
            "title": "Politisk arbeid for å sikre pårørendes rettigheter",
            "measures": [
                (
                    "LPP skal følge opp Helsedirektoratet og departementet når det gjelder våre "
                    "høringssvar og hva som blir gjort med våre forslag.",
                    "advocacy.outcomes",
                ),
                "LPP skal sette søkelys på behandling og oppfølging av ROP-pasienter.",
                "LPP skal arbeide for at behandlingskriteriet i loven om psykisk helsevern "
                "beholdes.",
                "LPP skal følge opp implementering av: Veileder for pårørende i helse- og "
                "omsorgssektoren; «Vi – de pårørende»: pårørendestrategi og handlingsplan "
                "2021–2025; NOU 2023:4 Tid for handling – Personellet i bærekraftig helse- og "
                "omsorgstjeneste.",
            ],
        },
    ],
    "indicators": [],
}

PLANS = [STRATEGIC_PLAN, ACTION_PLAN]
