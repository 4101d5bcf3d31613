"""Result snippets: a short excerpt around the words that matched, those words marked
with <mark>, everything else escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from base import analysis

TOKEN_RE = re.compile(r"\w+|\W+", re.UNICODE)


def _is_match(token, terms):
    if not token[:1].isalnum():
        return False
    folded = analysis.fold(token)
    return bool(folded) and not terms.isdisjoint(analysis.word_terms(folded))


def highlight(text, terms):
    """All of ``text`` escaped, with the words whose term is in ``terms`` marked."""
    terms = set(terms)
    out = []
    for token in TOKEN_RE.findall(text or ""):
        if _is_match(token, terms):
            out.append(f"<mark>{escape(token)}</mark>")
        else:
            out.append(escape(token))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def one_line(text):
    """``text`` on one line. A document's text is made of pieces on lines of their own (a
    heading, a theme name, a paragraph); where no punctuation ends a piece, " · " keeps
    it apart from the next instead of running the two together."""
    out = ""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if out:
            out += " " if out[-1] in ".!?:;…" else " · "
        out += line
    return out


def snippet(text, terms, words=36):
    """About ``words`` words of ``text`` around the densest cluster of matches."""
    terms = set(terms)
    tokens = TOKEN_RE.findall(one_line(text))
    word_positions = [i for i, tok in enumerate(tokens) if tok[:1].isalnum()]
    if not word_positions:
        return ""
    matches = [n for n, i in enumerate(word_positions) if _is_match(tokens[i], terms)]
    if matches:
        # The window of `words` words holding the most matches.
        best_start, best_count = matches[0], 0
        for start in matches:
            count = sum(1 for m in matches if start <= m < start + words)
            if count > best_count:
                best_start, best_count = start, count
        first = max(0, best_start - words // 4)
    else:
        first = 0
    last = min(len(word_positions), first + words)
    first = max(0, last - words)
    start_token = word_positions[first]
    end_token = word_positions[last - 1] + 1
    out = []
    if first > 0:
        out.append("… ")
    for token in tokens[start_token:end_token]:
        out.append(f"<mark>{escape(token)}</mark>" if _is_match(token, terms) else escape(token))
    if last < len(word_positions):
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
