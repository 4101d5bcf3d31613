"""LPP's starting signal words per theme (by the themes' slugs in advocacy.demo). The demo
loader stores them as ThemeSignal rows; staff tune them in the admin afterwards. The
radar's benchmark (bench/radar.py) measures this list."""

DEFAULT_SIGNALS = {
    "parorendes-rettigheter": [
        ("pårørende", 3),
        ("nærstående", 2.5),  # the laws' own word for relatives (helsepersonelloven)
        ("pårørendestøtte", 2),
        ("etterlatte", 2),
    ],
    "barn-som-parorende": [("barn som pårørende", 3), ("barneansvarlig", 2)],
    "taushetsplikt": [("taushetsplikt", 2), ("opplysningsplikt", 1), ("samtykke", 1)],
    "parorendemedvirkning": [("medvirkning", 1), ("brukermedvirkning", 1.5), ("involvering", 1)],
    "tvang": [("tvang", 2.5), ("tvungen", 2), ("skjerming", 1.5), ("tvangsinnleggelse", 2)],
    "rop": [("rus", 2), ("rusmiddel", 2), ("ROP", 2), ("avhengighet", 1.5), ("rusbehandling", 2)],
    "selvmordsforebygging": [("selvmord", 3), ("selvskading", 2), ("etterlatte", 1)],
    "medisinfri-behandling": [("medisinfri", 3), ("legemiddelfri", 3), ("psykofarmaka", 2)],
    "avlastning": [("avlastning", 2.5), ("omsorgsstønad", 2), ("pleiepenger", 2)],
    "bolig-og-meningsfull-hverdag": [("bolig", 1), ("botilbud", 1.5), ("aktivitet", 0.5)],
    "pasientforlop": [
        ("pakkeforløp", 2),
        ("pasientforløp", 2),
        ("DPS", 2),
        ("oppfølgingsteam", 1.5),
    ],
    "likeverdige-helsetjenester": [
        ("psykisk helse", 3),
        ("psykisk helsevern", 3),
        ("psykiatri", 3),
    ],
    "kunnskap-og-holdninger": [
        ("psykiske lidelser", 2),
        ("psykisk syke", 2),
        ("stigma", 1.5),
        # The illnesses themselves and the profession that treats them: a consultation
        # about one of them concerns LPP's members even when «psykisk» is not in it.
        ("psykose", 2),
        ("schizofreni", 2),
        ("bipolar", 2),
        ("spiseforstyrrelser", 2),
        ("depresjon", 1.5),
        ("psykolog", 1.5),
    ],
    "vold-og-trusler": [("vold i nære relasjoner", 2), ("partnervold", 1.5)],
}


def ensure_default_signals():
    """Create the missing default signals for the themes that exist. Idempotent; never
    changes a signal staff have edited."""
    from advocacy.models import Theme

    from .models import ThemeSignal

    created = 0
    for theme in Theme.objects.filter(slug__in=DEFAULT_SIGNALS):
        for phrase, weight in DEFAULT_SIGNALS[theme.slug]:
            _, new = ThemeSignal.objects.get_or_create(
                theme=theme, phrase=phrase, defaults={"weight": weight}
            )
            created += new
    return created
