"""Clause-by-clause comparison of two versions of the agreement, for the public page
of an earlier version ("Hva er endret"). Clauses are matched by their block id, which
Wagtail keeps across revisions, so a moved or renamed clause is still the same clause.
Editors also have Wagtail's own revision comparison in the admin."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe


@dataclass
class ClauseChange:
    kind: str  # "lagt til", "fjernet", "endret", "flyttet", "uendret"
    title: str
    old_number: int | None
    new_number: int | None
    diff: str = ""

    @property
    def label(self):
        if self.new_number is None:
            return f"§ {self.old_number} {self.title}"
        return f"§ {self.new_number} {self.title}"


def clause_text(value):
    """The plain text of a clause: title, text, sub-clauses and guidance."""
    parts = [value.get("title") or "", _plain(value.get("text"))]
    for number, item in enumerate(value.get("subclauses") or [], start=1):
        parts.append(f"({number}) {_plain(item)}")
    guidance = _plain(value.get("guidance"))
    if guidance:
        parts.append(f"Veiledning: {guidance}")
    return " ".join(part for part in parts if part).split()


def _plain(rich_text):
    source = getattr(rich_text, "source", rich_text)
    return " ".join(strip_tags(str(source or "")).split())


def word_diff(old_words, new_words):
    """HTML with removed words in <del> and added words in <ins>."""
    out = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(old_words[a1:a2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 - every piece is escaped above


def compare_agreements(old_page, new_page):
    """The list of :class:`ClauseChange` from ``old_page`` to ``new_page``, in the new
    version's order, removed clauses last."""
    old = {child.id: (number, child.value) for number, child in enumerate(old_page.clauses, 1)}
    changes = []
    seen = set()
    for new_number, child in enumerate(new_page.clauses, start=1):
        title = child.value.get("title") or ""
        if child.id not in old:
            changes.append(ClauseChange("lagt til", title, None, new_number))
            continue
        seen.add(child.id)
        old_number, old_value = old[child.id]
        old_words, new_words = clause_text(old_value), clause_text(child.value)
        if old_words != new_words:
            changes.append(
                ClauseChange(
                    "endret", title, old_number, new_number, word_diff(old_words, new_words)
                )
            )
        elif old_number != new_number:
            changes.append(ClauseChange("flyttet", title, old_number, new_number))
        else:
            changes.append(ClauseChange("uendret", title, old_number, new_number))
    for block_id, (old_number, old_value) in old.items():
        if block_id not in seen:
            changes.append(ClauseChange("fjernet", old_value.get("title") or "", old_number, None))
    return changes
