"""Fill-in fields of the model agreement.

Editors mark a field in a clause's text as ``[[Pasient]]``, ``[[Pårørende]]``,
``[[Enhet]]``, ``[[Dato]]`` … The marker is only a label: the agreement is a model, and
whatever a service or family writes in the blanks is written in their own copy, never
in this system. The public page renders each marker as a labelled blank
(:func:`render_fill_ins`); the DOCX engine can use :data:`FILL_IN` to do the same.
"""

import re

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

#: ``[[Label]]``: a label of 1–60 characters without brackets, quotes or tags.
FILL_IN = re.compile(r"\[\[\s*([^\[\]<>\"]{1,60}?)\s*\]\]")


def fill_in_labels(html):
    """The labels of the fill-in fields in a piece of (rich) text, in order."""
    return [match.group(1) for match in FILL_IN.finditer(strip_tags(str(html or "")))]


def unclosed_marker(html):
    """The first malformed marker in the text, or None: an ``[[`` without its ``]]``
    (or the reverse), or one whose label is empty or too long."""
    text = strip_tags(str(html or ""))
    remainder = FILL_IN.sub("", text)
    match = re.search(r"\[\[[^\]]{0,30}|[^\[]{0,30}\]\]", remainder)
    return match.group(0).strip() if match else None


def render_fill_ins(html):
    """Replace each ``[[Label]]`` in rendered HTML by a labelled blank."""

    def blank(match):
        # The label comes from rendered HTML, already escaped, and the pattern admits
        # no tags or quotes: it is safe both as text and inside the attribute.
        label = match.group(1)
        return (
            f'<span class="fill-in" role="group" aria-label="Fylles ut: {label}">'
            f'<span class="fill-in__label">{label}</span></span>'
        )

    return mark_safe(FILL_IN.sub(blank, str(html or "")))  # noqa: S308 - input is rendered rich text
