"""Demo themes and authorities, from LPP's own goals (seeds 000) and the 2017 summit
recommendations (seeds 003)."""

from .models import Authority, Theme

THEMES = [
    (
        "Pårørendes rettigheter",
        "parorendes-rettigheter",
        "Pårørendes nåværende rettigheter skal respekteres og overholdes, og de skal utvides: "
        "rett til offentlig støtte, rett til krisehjelp, rett til omsorgslønn og rett til avlastning.",
    ),
    (
        "Barn som pårørende",
        "barn-som-parorende",
        "Barna må i særdeleshet ivaretas. Dagens lovverk kan oppleves som en hindring for å ivareta "
        "barn som pårørende, og søsken som pårørende har få rettigheter.",
    ),
    (
        "Taushetsplikt og informasjon",
        "taushetsplikt",
        "Taushetsplikten kan oppleves som et hinder for pårørende. Det trengs mer opplæring i "
        "anvendelse av taushetspliktreglene, og pårørende har rett til informasjon.",
    ),
    (
        "Pårørendemedvirkning",
        "parorendemedvirkning",
        "Pårørende skal bli spurt og oppleve å bli hørt. Tjenestene trenger verktøy, metoder og "
        "rutiner for å involvere pårørende, familie og nettverk.",
    ),
    (
        "Tvang",
        "tvang",
        "LPP arbeider for å fjerne bruk av krenkende og unødvendig tvang. Frivillighet skal "
        "dokumenteres, og pårørende skal informeres før tvang iverksettes.",
    ),
    (
        "ROP-lidelser",
        "rop",
        "Behandling og oppfølging av personer med samtidige rus- og psykiske lidelser (ROP), og "
        "adskilt behandling for psykisk sykdom, rusavhengighet og dobbeltdiagnose.",
    ),
    (
        "Selvmordsforebygging",
        "selvmordsforebygging",
        "Styrket og kvalitetssikret oppfølging etter sykehusopphold for å forebygge selvmord, og "
        "ivaretakelse av pårørende og etterlatte etter alvorlige hendelser og selvmord.",
    ),
    (
        "Medisinfri behandling",
        "medisinfri-behandling",
        "LPP deltar i fellesaksjonen for medisinfri behandling og arbeider for at slik behandling "
        "tilbys ved alle sykehus og DPS.",
    ),
    (
        "Avlastning",
        "avlastning",
        "Pårørende trenger avlastning. Pakkeforløp med forløpskoordinator kan også avlaste pårørende.",
    ),
    (
        "Bolig og meningsfull hverdag",
        "bolig-og-meningsfull-hverdag",
        "Primærtilbud til brukere, som bolig, meningsfull hverdag og veiledning. Alle, uansett "
        "psykisk helse og ROP-diagnose, skal ha meningsfulle tilbud.",
    ),
    (
        "Pasientforløp",
        "pasientforlop",
        "Oppfølging av pakkeforløp og nasjonale pasientforløp for psykisk helse og rus, og "
        "innføring av forløpskoordinator.",
    ),
    (
        "Likeverdige helsetjenester",
        "likeverdige-helsetjenester",
        "Likestilling av psykisk helse, ROP og somatisk helse, både i spesialisthelsetjenesten og "
        "i den kommunale helsetjenesten, og tilstrekkelige ressurser til psykisk helsevern.",
    ),
    (
        "Kunnskap og holdninger i tjenestene",
        "kunnskap-og-holdninger",
        "Fagpersoner trenger mer kunnskap om pårørendearbeid og familiearbeid, og det må arbeides "
        "med holdninger og stigma, inkludert fordommer mot pårørende som «brysomme».",
    ),
    (
        "Vold og trusler i nære relasjoner",
        "vold-og-trusler",
        "Bedre ivaretakelse av pårørende ved vold og trusler i nære relasjoner.",
    ),
]

AUTHORITIES = [
    (
        "Helse- og omsorgsdepartementet",
        "HOD",
        Authority.Kind.MINISTRY,
        "https://www.regjeringen.no/no/dep/hod/",
        "Postboks 8011 Dep\n0030 Oslo",
    ),
    (
        "Helsedirektoratet",
        "Hdir",
        Authority.Kind.DIRECTORATE,
        "https://www.helsedirektoratet.no/",
        "Postboks 220 Skøyen\n0213 Oslo",
    ),
    (
        "Statens helsetilsyn",
        "Helsetilsynet",
        Authority.Kind.DIRECTORATE,
        "https://www.helsetilsynet.no/",
        "Postboks 231 Skøyen\n0213 Oslo",
    ),
    (
        "Barne- og familiedepartementet",
        "BFD",
        Authority.Kind.MINISTRY,
        "https://www.regjeringen.no/no/dep/bfd/",
        "Postboks 8036 Dep\n0030 Oslo",
    ),
    (
        "Justis- og beredskapsdepartementet",
        "JD",
        Authority.Kind.MINISTRY,
        "https://www.regjeringen.no/no/dep/jd/",
        "Postboks 8005 Dep\n0030 Oslo",
    ),
    (
        "Arbeids- og inkluderingsdepartementet",
        "AID",
        Authority.Kind.MINISTRY,
        "https://www.regjeringen.no/no/dep/aid/",
        "Postboks 8019 Dep\n0030 Oslo",
    ),
    ("Stortinget", "", Authority.Kind.STORTING, "https://www.stortinget.no/", "0026 Oslo"),
    (
        "Helse- og omsorgskomiteen",
        "",
        Authority.Kind.COMMITTEE,
        "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Komiteer/",
        "Stortinget\n0026 Oslo",
    ),
    (
        "Statsforvalteren i Oslo og Akershus",
        "",
        Authority.Kind.COUNTY_GOVERNOR,
        "https://www.statsforvalteren.no/oslo-og-akershus/",
        "",
    ),
    ("Helse Sør-Øst RHF", "HSØ", Authority.Kind.HEALTH_TRUST, "https://www.helse-sorost.no/", ""),
    ("Oslo kommune", "", Authority.Kind.MUNICIPALITY, "https://www.oslo.kommune.no/", ""),
]


def load(stdout):
    # get_or_create: a rerun adds what is missing and never overwrites staff edits.
    for name, slug, description in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
    for name, short_name, kind, website, address in AUTHORITIES:
        Authority.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short_name,
                "kind": kind,
                "website": website,
                "postal_address": address,
            },
        )
    stdout.write(f"  {Theme.objects.count()} temaer, {Authority.objects.count()} myndigheter")
