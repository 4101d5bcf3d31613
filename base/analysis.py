"""Norwegian text analysis, the same for the indexed text and for the query.

Every backend must agree on what a word is, so the public search index on SQLite and
PostgreSQL stores the *terms* this module makes, and the Elasticsearch/OpenSearch
analyzers in :mod:`search.conf` are built from the same steps:

1. **fold**: lower case, æ → ae, ø → o, å → a and other accents removed, so a query
   typed on a keyboard without æøå ("parorende", "horingssvar") finds the word;
2. **compounds**: a long word also gives the words from ``data/compound_parts.txt``
   found inside it ("tvangsbruk" → tvang, bruk), so a part finds the compound; a query
   word matches its own term or all of its parts together;
3. **stop words**: the commonest bokmål function words carry no meaning in a search;
4. **stem** with the Snowball Norwegian stemmer, *twice*. One pass takes the definite
   plural ending off "høringssvarene" → "horingssvar" but takes "-ar" off the bare
   "høringssvar" → "horingssv", so the two never meet (the reason Snowball alone, in
   PostgreSQL's ``norwegian`` config, misses this pair). A second pass brings both to
   "horingssv"; a third changes nothing (tested), so two passes are a fixed point.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

# Words of letters and digits; everything else (quotes, brackets, operators, colons,
# asterisks) separates words and never reaches a query language.
WORD_RE = re.compile(r"\w+", re.UNICODE)

FOLD_TABLE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})

# Bokmål function words (folded). Short and conservative: "ikke" and "mot" stay, they
# change what a position means.
STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som pa de med han av for ikke der var meg seg men
    ett har om vi min mitt ha hadde hun na over da ved fra du ut sin dem oss opp man kan
    hans hvor eller hva skal selv sjol her alle vil bli ble blitt kunne inn nar vaere
    kom noen noe ville dere som deres kun ja etter ned skulle denne for deg si sine sitt
    mot a meget hvorfor dette disse uten hvordan ingen din ditt blir samme hvilken
    hvilke sann inni mellom var vart dykk dei deira dei hennar hennes hoss hossen
    """.split()
)

# Operator words people type from other search engines; they are not terms.
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR", "OG", "ELLER", "IKKE"})

MAX_WORD_LENGTH = 40

# Compounds: a word of at least COMPOUND_MIN_WORD letters also yields every part from the
# lexicon it contains (3–15 letters, anywhere in the word), as Elasticsearch's
# dictionary_decompounder does with the same list (search.conf).
COMPOUND_PARTS_FILE = Path(__file__).parent / "data" / "compound_parts.txt"
COMPOUND_MIN_WORD = 8
COMPOUND_MIN_PART = 3
COMPOUND_MAX_PART = 15

_stemmer = snowballstemmer.stemmer("norwegian")


def fold(text):
    """Lower case without æøå or other accents: "Pårørende" → "parorende"."""
    text = text.lower().translate(FOLD_TABLE)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def stem(word):
    """The search term of one folded word (see the module docstring)."""
    return _stemmer.stemWord(_stemmer.stemWord(word))


@cache
def compound_lexicon():
    """The folded compound parts (see COMPOUND_PARTS_FILE)."""
    lines = COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and line[0] != "#")


@lru_cache(maxsize=100_000)
def compound_parts(folded):
    """The lexicon words inside a long folded word, in order: "tvangsbruk" → tvang, bruk."""
    if len(folded) < COMPOUND_MIN_WORD:
        return ()
    lexicon = compound_lexicon()
    found = []
    for start in range(len(folded) - COMPOUND_MIN_PART + 1):
        for end in range(
            start + COMPOUND_MIN_PART, min(start + COMPOUND_MAX_PART, len(folded)) + 1
        ):
            part = folded[start:end]
            if part in lexicon and part != folded and part not in found:
                found.append(part)
    return tuple(found)


def word_terms(folded):
    """The terms of one folded word: its stem, then the stems of its compound parts."""
    result = [stem(folded)]
    for part in compound_parts(folded):
        term = stem(part)
        if term not in result:
            result.append(term)
    return result


def words(text):
    """The words of ``text`` as written, in order."""
    return WORD_RE.findall(text or "")


def _folded_words(text, *, query=False):
    """The folded words of ``text`` that carry meaning: no stop words (nor, in a query,
    operator words); words in which underscores join parts (``\\w`` includes "_") are
    split on them."""
    for word in words(text):
        if query and word in OPERATOR_WORDS:
            continue
        for part in word.split("_"):
            folded = fold(part)
            if folded and folded not in STOP_WORDS and len(folded) <= MAX_WORD_LENGTH:
                yield folded


def terms(text):
    """The index terms of a text: folded, stop words dropped, stemmed, each long word
    followed by its compound parts."""
    return [term for folded in _folded_words(text) for term in word_terms(folded)]


def index_text(text):
    """The text stored in the full-text index: its terms separated by spaces."""
    return " ".join(terms(text))


def autocomplete_words(text):
    """Folded whole words for prefix matching ("pårø" → "paro" finds "pårørende")."""
    seen = []
    for word in words(text):
        folded = fold(word).replace("_", "")
        if folded and folded not in seen and len(folded) <= MAX_WORD_LENGTH:
            seen.append(folded)
    return " ".join(seen)


def query_words(query):
    """The distinct words of a user's query, each as its terms (see :func:`word_terms`):
    a document matches a word when it has the word's own term, or every one of its
    compound parts ("pårørendeavtale", or "avtale" and "pårørende").

    Any string is accepted: what is not a word is dropped, so quotes, brackets,
    ``AND``/``OR``/``NOT``/``NEAR``, ``*`` and ``:`` can never break the query."""
    return list(dict.fromkeys(tuple(word_terms(f)) for f in _folded_words(query, query=True)))


def query_terms(query):
    """Every distinct term of a user's query, in order (for marking matches)."""
    return list(dict.fromkeys(term for word in query_words(query) for term in word))


def query_prefixes(query):
    """Folded words of a partial query for autocomplete; the last one is a prefix."""
    result = []
    for word in words(query):
        if word in OPERATOR_WORDS:
            continue
        folded = fold(word).replace("_", "")
        if folded and folded not in result and len(folded) <= MAX_WORD_LENGTH:
            result.append(folded)
    return result
