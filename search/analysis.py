"""Norwegian text analysis, the same for the indexed text and for the query.

Every backend must agree on what a word is, so the public search index on SQLite and
PostgreSQL stores the *terms* this module makes, and the Elasticsearch/OpenSearch
analyzers in :mod:`search.conf` are built from the same three steps:

1. **fold**: lower case, æ → ae, ø → o, å → a and other accents removed, so a query
   typed on a keyboard without æøå ("parorende", "horingssvar") finds the word;
2. **stop words**: the commonest bokmål function words carry no meaning in a search;
3. **stem** with the Snowball Norwegian stemmer, *twice*. One pass takes the definite
   plural ending off "høringssvarene" → "horingssvar" but takes "-ar" off the bare
   "høringssvar" → "horingssv", so the two never meet (the reason Snowball alone, in
   PostgreSQL's ``norwegian`` config, misses this pair). A second pass brings both to
   "horingssv"; a third changes nothing (tested), so two passes are a fixed point.
"""

import re
import unicodedata
from functools import lru_cache

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


def words(text):
    """The words of ``text`` as written, in order."""
    return WORD_RE.findall(text or "")


def terms(text):
    """The index terms of a text: folded, stop words dropped, stemmed. Words in which
    underscores join parts (``\\w`` includes "_") are split on them."""
    result = []
    for word in words(text):
        for part in word.split("_"):
            folded = fold(part)
            if not folded or folded in STOP_WORDS or len(folded) > MAX_WORD_LENGTH:
                continue
            result.append(stem(folded))
    return result


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


def query_terms(query):
    """The distinct terms of a user's query, in order, with operator words removed.

    Any string is accepted: what is not a word is dropped, so quotes, brackets,
    ``AND``/``OR``/``NOT``/``NEAR``, ``*`` and ``:`` can never break the query."""
    seen = []
    for word in words(query):
        if word in OPERATOR_WORDS:
            continue
        for term in terms(word):
            if term not in seen:
                seen.append(term)
    return seen


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
