"""How LPP is named in the authorities' documents: the full name (also the older
«… innen psykiatri» and «… i psykisk helse»), and «LPP» as a word of its own (also the
genitive «LPPs», in lower case, or with a footnote mark).

Text from PDFs and Word files carries soft hyphens, zero-width characters and words
broken at the end of a line («Lands-↵foreningen»); they are undone before matching, so
the name is found however the document was set. «LPP» inside another word or joined by a
hyphen («LPP-prosjektet», «SLPP») is not LPP's name."""

import re

from base.analysis import fold

FULL_NAME = re.compile(
    r"landsforening\w*\s+for\s+parorende\s+(?:innen(?:for)?|i)\s+"
    r"(?:psykisk\s+helse\w*|psykiatri\w*)"
)
# A letter (not a digit or a footnote mark) or a hyphen on either side makes it part of
# another word.
ACRONYM = re.compile(
    r"(?<![\w-])LPP(?:s|'s|’s)?(?![^\W\d\u00b9\u00b2\u00b3\u2070-\u2079_]|-)",
    re.IGNORECASE,
)
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# A word broken at a line end: «pårø-\nrende» (a hyphen, the line break, a lower-case letter).
LINE_BREAK_HYPHEN = re.compile(r"(\w)[-\u2010\u2011]\s*\n\s*(?=[a-zæøå])")
# The same after the line breaks became spaces (HTML, a PDF's text): only for matching the
# full name, since «helse- og omsorg» is ordinary Norwegian.
SPACED_HYPHEN = re.compile(r"(\w)[-\u2010\u2011]\s+(?=[a-z])")


def normalise(text):
    """The text with soft hyphens, zero-width characters and line-end hyphenation undone."""
    text = (text or "").translate(INVISIBLE)
    return LINE_BREAK_HYPHEN.sub(r"\1", text)


def names_lpp(text):
    """Whether ``text`` names LPP."""
    text = normalise(text)
    if ACRONYM.search(text):
        return True
    folded = fold(text)
    return bool(FULL_NAME.search(folded) or FULL_NAME.search(SPACED_HYPHEN.sub(r"\1", folded)))
