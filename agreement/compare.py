"""Clause-by-clause comparison of two versions of the agreement, for the public page
of an earlier version ("Hva er endret"). Clauses are matched by their block id, which
Wagtail keeps across revisions, so a moved or renamed clause is still the same clause.
Within a clause the heading, the agreement text, each sub-clause and the guidance are
compared apart, so a reader sees which of them changed. Fill-in fields (``[[Pårørende]]``)
are compared as one word and shown as the labelled blanks of the agreement itself.
Editors also have Wagtail's own revision comparison in the admin."""

import difflib
import html
import re
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags

from .text import FILL_IN, render_fill_ins

# A fill-in field is one token even when its label has spaces («[[Ansvarlig leder]]»).
TOKEN = re.compile(rf"{FILL_IN.pattern}|\S+")

ADDED, REMOVED, CHANGED, MOVED, UNCHANGED = "lagt til", "fjernet", "endret", "flyttet", "uendret"


@dataclass
class PartChange:
    """One part of a clause (heading, text, a sub-clause, guidance) and how it changed."""

    label: str
    kind: str
    diff: str


@dataclass
class ClauseChange:
    kind: str  # "lagt til", "fjernet", "endret", "flyttet", "uendret"
    title: str
    old_number: int | None
    new_number: int | None
    parts: list[PartChange] = field(default_factory=list)

    @property
    def label(self):
        if self.new_number is None:
            return f"§ {self.old_number} {self.title}"
        return f"§ {self.new_number} {self.title}"


def _plain(rich_text):
    source = getattr(rich_text, "source", rich_text)
    # Rich text keeps «&» as «&amp;»: unescape once, so the diff escapes it only once.
    return " ".join(html.unescape(strip_tags(str(source or ""))).split())


def tokens(text):
    """The words of a plain text, each fill-in field one word."""
    return [match.group(0) for match in TOKEN.finditer(text or "")]


def clause_parts(value, number):
    """[(label, words)] of a clause: heading, text, each sub-clause, guidance. Empty
    parts are left out, so adding guidance reads as «lagt til», not as a change."""
    parts = [
        ("Overskrift", tokens(value.get("title") or "")),
        ("Avtaletekst", tokens(_plain(value.get("text")))),
    ]
    for index, item in enumerate(value.get("subclauses") or [], start=1):
        parts.append((f"Underpunkt {number}.{index}", tokens(_plain(item))))
    parts.append(("Veiledning", tokens(_plain(value.get("guidance")))))
    return [(label, words) for label, words in parts if words]


def _render(words):
    return escape(" ".join(words))


def word_diff(old_words, new_words):
    """HTML with removed words in <del> and added words in <ins>, each announced to
    screen readers, and fill-in fields as labelled blanks."""
    out = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(_render(old_words[a1:a2]))
        if op in ("delete", "replace"):
            out.append(
                '<del><span class="visually-hidden">Fjernet: </span>'
                f"{_render(old_words[a1:a2])}</del>"
            )
        if op in ("insert", "replace"):
            out.append(
                '<ins><span class="visually-hidden">Lagt til: </span>'
                f"{_render(new_words[b1:b2])}</ins>"
            )
    # Every piece is escaped above; fill-in labels admit no tags or quotes.
    return render_fill_ins(" ".join(out))


def _whole(words, kind):
    """A part that was added or removed as a whole."""
    return word_diff([], words) if kind == ADDED else word_diff(words, [])


def compare_parts(old_parts, new_parts):
    """The parts that differ, matched by label, in the new order, removed parts last."""
    old = dict(old_parts)
    changes = []
    for label, words in new_parts:
        if label not in old:
            changes.append(PartChange(label, ADDED, _whole(words, ADDED)))
        elif old[label] != words:
            changes.append(PartChange(label, CHANGED, word_diff(old[label], words)))
    new_labels = {label for label, _words in new_parts}
    for label, words in old_parts:
        if label not in new_labels:
            changes.append(PartChange(label, REMOVED, _whole(words, REMOVED)))
    return changes


def compare_agreements(old_page, new_page):
    """The list of :class:`ClauseChange` from ``old_page`` to ``new_page``, in the new
    version's order, removed clauses last."""
    old = {child.id: (number, child.value) for number, child in enumerate(old_page.clauses, 1)}
    changes = []
    seen = set()
    for new_number, child in enumerate(new_page.clauses, start=1):
        title = child.value.get("title") or ""
        new_parts = clause_parts(child.value, new_number)
        if child.id not in old:
            parts = [PartChange(label, ADDED, _whole(words, ADDED)) for label, words in new_parts]
            changes.append(ClauseChange(ADDED, title, None, new_number, parts))
            continue
        seen.add(child.id)
        old_number, old_value = old[child.id]
        # Sub-clauses are numbered under the new clause number on both sides, so that a
        # moved clause compares its sub-clauses rather than reporting them all as new.
        parts = compare_parts(clause_parts(old_value, new_number), new_parts)
        if parts:
            changes.append(ClauseChange(CHANGED, title, old_number, new_number, parts))
        elif old_number != new_number:
            changes.append(ClauseChange(MOVED, title, old_number, new_number))
        else:
            changes.append(ClauseChange(UNCHANGED, title, old_number, new_number))
    for block_id, (old_number, old_value) in old.items():
        if block_id not in seen:
            parts = [
                PartChange(label, REMOVED, _whole(words, REMOVED))
                for label, words in clause_parts(old_value, old_number)
            ]
            changes.append(
                ClauseChange(REMOVED, old_value.get("title") or "", old_number, None, parts)
            )
    return changes
