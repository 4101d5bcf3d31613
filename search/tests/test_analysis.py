"""Norwegian analysis: the same terms for the indexed text and the query."""

import pytest

from base import analysis


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("pårørendes", "pårørende"),
        ("høringssvarene", "høringssvar"),
        ("rettigheter", "rettighet"),
        ("rettighet", "rettigheter"),
        ("kommunen", "kommune"),
        ("kommune", "kommunen"),
        ("barnehager", "barnehage"),
        ("barnehage", "barnehager"),
        ("parorende", "pårørende"),
        ("horingssvar", "høringssvarene"),
        ("Taushetsplikten", "taushetsplikt"),
        ("TVANGEN", "tvang"),
    ],
)
def test_inflected_and_unaccented_forms_meet(query, document):
    assert analysis.query_terms(query) == analysis.terms(document)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("tvangsbruk", ("tvang", "bruk")),
        ("Pårørendeavtalen", ("parorende", "avtale")),
        ("selvmordsforebygging", ("selvmord", "forebygging")),
        ("tvang", ()),  # a lexicon word alone is not split
        ("brukere", ()),  # shorter than a compound can be
        ("kursene", ()),
    ],
)
def test_compound_parts_come_from_the_lexicon(word, parts):
    assert analysis.compound_parts(analysis.fold(word)) == parts


def test_a_compound_indexes_its_parts_and_a_query_keeps_them_together():
    assert analysis.terms("tvangsbruk") == ["tvangsbruk", "tvang", "bruk"]
    assert analysis.query_words("tvangsbruk og tvang") == [
        ("tvangsbruk", "tvang", "bruk"),
        ("tvang",),
    ]


def test_two_stemming_passes_are_a_fixed_point():
    for word in ["høringssvarene", "rettighetene", "pårørendes", "barnehagene", "kommunene"]:
        once = analysis.stem(analysis.fold(word))
        assert analysis.stem(once) == once


def test_fold_removes_norwegian_letters_and_accents():
    assert analysis.fold("Pårørende ÆØÅ café") == "parorende aeoa cafe"


def test_stop_words_and_operators_are_not_terms():
    assert analysis.query_terms("rett til avlastning OR NOT NEAR") == ["rett", "avlastning"]


@pytest.mark.parametrize(
    "query",
    ['"', "(", ")", '"pårørende', "pårørende)", "a:b", "*", "NEAR(a b)", "-", "^", "{}", "'"],
)
def test_punctuation_never_reaches_a_term(query):
    for term in analysis.query_terms(query):
        assert term.isalnum()


def test_autocomplete_words_are_folded_and_whole():
    assert analysis.autocomplete_words("Pårørendes rettigheter") == "parorendes rettigheter"
    assert analysis.query_prefixes("pårø") == ["paro"]


def test_a_snippet_keeps_the_pieces_of_a_document_apart():
    """Headings, paragraphs and theme names are separate pieces of a document's text: a
    result's excerpt must not run them together into one false sentence."""
    from search.indexer import _plain
    from search.snippets import snippet

    text = "\n".join(
        [
            _plain("<h2>Taushetsplikt</h2><p>Helsepersonell må informere.</p><p>Også barn.</p>"),
            "Barn som pårørende",
            "Helsedirektoratet",
        ]
    )
    excerpt = snippet(text, {analysis.stem(analysis.fold("taushetsplikt"))})
    assert excerpt == (
        "<mark>Taushetsplikt</mark> · Helsepersonell må informere. Også barn. "
        "Barn som pårørende · Helsedirektoratet"
    )
