"""The relevance set: Norwegian queries over the demo content, each with documents
(by title prefix) that must be among the top five. Runs on SQLite and, in the
PostgreSQL CI run, on PostgreSQL."""

import pytest

from search import engines

RELEVANCE_SET = [
    ("pårørendes rettigheter", ["Pårørendes rettigheter"]),
    ("barn som pårørende", ["Barn som pårørende"]),
    ("taushetsplikten", ["Taushetsplikt og informasjon"]),
    ("tvangen", ["Tvang"]),
    ("ROP", ["ROP-lidelser"]),
    ("selvmord", ["Selvmordsforebygging"]),
    ("medisinfri behandling", ["Medisinfri behandling"]),
    ("avlastning", ["Avlastning"]),
    ("bolig", ["Bolig og meningsfull hverdag", "Bolig og en meningsfull hverdag"]),
    ("meningsfull hverdag", ["Bolig og meningsfull hverdag"]),
    ("pasientforløp", ["Pasientforløp", "Pasientforløp og forløpskoordinator"]),
    ("forløpskoordinator", ["Pasientforløp og forløpskoordinator"]),
    ("likeverdige helsetjenester", ["Likeverdige helsetjenester"]),
    ("holdninger", ["Kunnskap og holdninger i tjenestene"]),
    ("vold og trusler", ["Vold og trusler i nære relasjoner"]),
    ("høringssvarene", ["Høringssvar", "Eksempel: Høringssvar om"]),
    ("horingssvar", ["Høringssvar"]),
    ("pårørendeavtalen", ["Pårørendeavtale"]),
    ("parorendeavtale", ["Pårørendeavtale"]),
    ("politisk plattform", ["Politisk plattform"]),
    ("møteplass", ["Pårørende MØTEPLASS"]),
    ("moteplass", ["Pårørende MØTEPLASS"]),
    ("vedtekter formål", ["Om LPP"]),
    ("etterlatte selvmord", ["Selvmordsforebygging"]),
    ("pårørendeveilederen", ["Eksempel: Høringssvar om revidert Pårørendeveileder"]),
    ("NOU tid for handling", ["Eksempel: Høringssvar om NOU 2023:4"]),
    ("pårørendestrategien", ["Eksempel: Innspill til pårørendestrategien"]),
    ("sykehusopphold", ["Oppfølging etter sykehusopphold"]),
    ("dobbeltdiagnose", ["Behandling ved psykisk sykdom, rusavhengighet og dobbeltdiagnose"]),
    ("behandlingskriteriet", ["at behandlingskriteriet i loven"]),
    ("brukerstyrte plasser", ["at brukerstyrte plasser på sykehus"]),
    ("opplæringsprogram i taushetsplikt", ["Helsedirektoratet bør utvikle et nasjonalt"]),
    ("samtykkekompetanse", ["LPP mener at utfordringene med beslutnings- og samtykkekompetanse"]),
    ("nettverket", ["Pårørende som del av nettverket"]),
    ("psykofarmaka", ["LPP mener at bruken av tunge psykofarmaka"]),
    ("søsken", ["Veilederen bør tydeliggjøre at barn og søsken"]),
    ("kontaktperson kriseplan", ["Pårørendeavtale"]),
    ("strategisk handlingsplan", ["Strategisk handlingsplan 2025–2035"]),
]


def test_the_set_is_large_enough():
    assert len(RELEVANCE_SET) >= 30


@pytest.mark.django_db
def test_relevance_set(indexed_site):
    index = engines.DatabaseIndex()
    misses = []
    for query, expected in RELEVANCE_SET:
        outcome = index.search(engines.SearchQuery(text=query, per_page=5), with_facets=False)
        top = [doc.title for doc in outcome.documents]
        for prefix in expected:
            if not any(title.startswith(prefix) for title in top):
                misses.append(f"{query!r}: {prefix!r} ikke blant topp 5 {top}")
    assert not misses, "\n".join(misses)
