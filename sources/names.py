"""How LPP is named in the authorities' documents: the full name (also the older
«… innen psykiatri» and «… i psykisk helse»), and «LPP» as a word of its own (also the
genitive «LPPs»)."""

import re

from base.analysis import fold

FULL_NAME = re.compile(
    r"landsforening\w*\s+for\s+parorende\s+(?:innen|i)\s+(?:psykisk\s+helse|psykiatri)"
)
ACRONYM = re.compile(r"(?<![\w-])LPP(?:s|'s|’s)?(?![\w-])")


def names_lpp(text):
    """Whether ``text`` names LPP."""
    return bool(ACRONYM.search(text or "") or FULL_NAME.search(fold(text or "")))
