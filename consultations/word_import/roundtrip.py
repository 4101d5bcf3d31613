"""Word round trip for drafts: a page's draft exported to Word, edited there and read back
as a new draft revision of the same page.

The export marks each proposal, demand and position with a content control tagged with
its StreamField block id, and stamps the file with the page, the revision and a checksum
per block (wordexport.content_controls). Reading the file back:

* a tagged block whose text differs from its checksum is **edited** (same block id, so the
  proposal keeps its identity and its record gets a new version when published);
* a tagged block that is gone, or emptied, is **deleted**: it leaves the draft, and
  advocacy.tracking retires its record (never deletes it) when the draft is published;
* untagged paragraphs that were not in the export are **offered as new blocks**, a
  proposal-like one («LPP foreslår …», «LPP mener at …») pre-selected;
* a file from another page, without the marks, or with altered marks is refused; a file
  exported from an older revision than the latest is merged onto the latest only after
  the editor has seen a warning (and which blocks were changed on both sides).

The agreement (agreement.AgreementPage) comes back the same way, clause by clause: its
title, text and sub-clauses are tagged fields of the clause's block. An edited clause is an
edit of the same block; a deleted clause leaves the draft (clauses have no records to
retire: the page's revisions are their history); a paragraph typed in Word may become a
new clause, never by default.

Saving makes a draft revision, never a publication; the editor then sees Wagtail's
revision comparison. Nothing is stored before that confirm, and nothing at all on a bad
file."""

import copy
import html
import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import strip_tags
from lxml import etree
from wagtail.blocks import RichTextBlock
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page

from advocacy.blocks import DemandBlock, ProposalBlock
from agreement.blocks import ClauseBlock
from base import file_checks
from political_platform.blocks import PositionBlock
from wordexport import content_controls

from . import service
from .docx_reader import Heading, ListBlock, Paragraph, Quote, Table, _Reader
from .letter import PROPOSAL_START, _list_html

LOG_ACTION = "lpp.word_round_trip"
LOG_LABEL = "Redigert i Word"

KINDS = {
    "proposal": "Nytt forslag",
    "demand": "Nytt krav («LPP vil …»)",
    "position": "Nytt standpunkt («LPP mener at …»)",
    "paragraph": "Nytt avsnitt",
    "clause": "Nytt avtalepunkt",
}
KIND_OF_BLOCK = {
    "proposal": "Forslag",
    "demand": "Krav",
    "position": "Standpunkt",
    "clause": "Avtalepunkt",
}
CLAUSE_TITLE_LENGTH = 80
FILL_IN_TAG = "felt:"  # wordexport.html: an agreement's «[[Label]]» as a content control
POSITION_LEAD = re.compile(r"^LPP\s+mener\s+at\s+", re.IGNORECASE)
DEMAND_LEAD = re.compile(r"^LPP\s+(?:vil|krever)\s+", re.IGNORECASE)

READ_ERRORS = {
    "unmarked": "Filen er ikke en Word-eksport av en side herfra: den mangler sidens "
    "kjennemerker. Eksporter siden med «Eksporter til Word», rediger den filen og last den "
    "opp her. Ingenting er endret.",
    "tampered": "Kjennemerkene i filen (side, versjon og kontrollsummer) er endret etter "
    "eksporten, så filen kan ikke leses tilbake trygt. Eksporter siden på nytt. Ingenting "
    "er endret.",
    "corrupt": "Filen er skadet: Word-innholdet i den kan ikke leses. Ingenting er endret.",
}


def refuse(message, code="invalid"):
    raise ValidationError(message, code=code)


# -- where tracked blocks live in a page -----------------------------------------------


def kind_of(block):
    if isinstance(block, DemandBlock):
        return "demand"
    if isinstance(block, ProposalBlock):
        return "proposal"
    if isinstance(block, PositionBlock):
        return "position"
    if isinstance(block, ClauseBlock):
        return "clause"
    return None


def stream_fields(page):
    return [f for f in type(page)._meta.get_fields() if isinstance(f, StreamField)]


def supports_round_trip(page):
    """Whether a page type holds blocks the export tags (proposals, demands, positions)."""
    return any(
        kind_of(child)
        for stream_field in stream_fields(page.specific)
        for child in stream_field.stream_block.child_blocks.values()
    )


def tracked_label(page):
    """What a page's tracked blocks are, for the upload and review screens."""
    kinds = {
        kind_of(child)
        for stream_field in stream_fields(page.specific)
        for child in stream_field.stream_block.child_blocks.values()
    }
    if "clause" in kinds and not kinds & {"proposal", "demand", "position"}:
        return "Avtalepunkter"
    return "Forslag, krav og standpunkter"


def _child_name(stream_block, kind):
    """The name of the child block of ``stream_block`` that makes a new ``kind``."""
    for name, child in stream_block.child_blocks.items():
        if kind == "paragraph" and name == "paragraph" and isinstance(child, RichTextBlock):
            return name
        if kind != "paragraph" and kind_of(child) == kind:
            return name
    return None


@dataclass
class Located:
    field: str
    kind: str
    value: dict  # raw (prepared) value


def tracked_blocks(page):
    """{block id: Located} of the page's tracked top-level blocks, in document order."""
    found = {}
    for stream_field in stream_fields(page):
        children = stream_field.stream_block.child_blocks
        for item in _raw(page, stream_field):
            block = children.get(item.get("type"))
            kind = kind_of(block) if block is not None else None
            if kind and item.get("id"):
                found.setdefault(str(item["id"]), Located(stream_field.name, kind, item["value"]))
    return found


def _raw(page, stream_field):
    return list(stream_field.stream_block.get_prep_value(getattr(page, stream_field.name)))


def _plain(value):
    return content_controls.normalise(html.unescape(strip_tags(str(value or ""))))


def _subclauses(value):
    """A clause's sub-clauses as plain texts (raw list items carry ids in Wagtail 8)."""
    items = value.get("subclauses") or []
    return [_plain(item.get("value") if isinstance(item, dict) else item) for item in items]


def _same(a, b):
    if _plain(a.get("title")) != _plain(b.get("title")) or _subclauses(a) != _subclauses(b):
        return False
    return _plain(a.get("text")) == _plain(b.get("text")) and _plain(a.get("rationale")) == _plain(
        b.get("rationale")
    )


# -- the plan: what the file changes ---------------------------------------------------


@dataclass
class BlockChange:
    block_id: str
    kind: str
    status: str  # unchanged, edited, deleted; done: the latest revision already has it
    old_text: str
    new_text: str = ""
    rationale_html: str | None = None  # None: the rationale is kept as it is
    conflict: str = ""
    clause: dict | None = None  # an edited clause: its new title, text and sub-clauses
    probe: str = ""  # text that stays in the file as a plain paragraph when its mark is lost

    @property
    def kind_label(self):
        return KIND_OF_BLOCK[self.kind]

    @property
    def remark(self):
        """The review screen's «Merknad»: a conflict, or what deleting a clause means."""
        notes = [self.conflict] if self.conflict else []
        if self.kind == "clause" and self.status == "deleted":
            notes.append(
                "Avtalepunkter har ingen egen historikk som kan trekkes tilbake: punktet "
                "fjernes fra kladden, og tidligere versjoner av avtalen viser det fortsatt."
            )
        return " ".join(notes)


@dataclass
class NewParagraph:
    key: str
    text: str
    suggested: str  # a KINDS key, or "" (not taken in)
    after: str | None  # the nearest tagged block before it in the file
    before: str | None  # … and after it


@dataclass
class Plan:
    page: Page
    base_revision_id: int | None
    latest_revision_id: int | None
    older: bool
    changes: list = field(default_factory=list)
    new_paragraphs: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    kinds: dict = field(default_factory=dict)  # KINDS available on this page

    def count(self, status):
        return sum(1 for change in self.changes if change.status == status)

    def new_text(self):
        """All the text the file brings in (edited wordings and new paragraphs)."""
        texts = [c.new_text for c in self.changes if c.status == "edited"]
        texts += [c.rationale_html or "" for c in self.changes if c.status == "edited"]
        texts += [p.text for p in self.new_paragraphs]
        return "\n".join(_plain(text) for text in texts if text)

    @property
    def tracked_label(self):
        return tracked_label(self.page)

    @property
    def has_changes(self):
        return bool(self.new_paragraphs) or any(
            c.status in {"edited", "deleted"} for c in self.changes
        )


def check_upload(filename, content):
    """The checks every uploaded Word file passes (size, zip bomb, macros, old .doc,
    password), plus: only .docx comes back from a Word export."""
    if not (filename or "").lower().endswith(".docx"):
        refuse(
            "Last opp Word-filen (.docx) du eksporterte fra denne siden og redigerte. "
            "Ingenting er endret.",
            "extension",
        )
    return service.check_file(filename, content)


def read_file(page, filename, content):
    """Check and read an edited export of ``page``: a :class:`Plan`, or ValidationError
    with a Norwegian message (nothing is stored either way)."""
    page = page.specific
    check_upload(filename, content)
    try:
        trip = content_controls.read_round_trip(content, file_checks.read_entry)
    except content_controls.RoundTripReadError as error:
        refuse(READ_ERRORS[error.code], error.code)
    if trip.page_id != page.pk:
        other = Page.objects.filter(pk=trip.page_id).first()
        named = f" («{other.title}»)" if other is not None else ""
        refuse(
            f"Filen er eksportert fra en annen side{named}, ikke fra «{page.title}». Last den "
            "opp på siden den kom fra, eller eksporter denne siden på nytt. Ingenting er endret.",
            "other_page",
        )
    base = _base(page, trip.revision_id)
    latest_revision = page.get_latest_revision()
    latest = page.get_latest_revision_as_object() if latest_revision else page
    plan = Plan(
        page=page,
        base_revision_id=trip.revision_id,
        latest_revision_id=latest_revision.pk if latest_revision else None,
        older=(trip.revision_id or None) != (latest_revision.pk if latest_revision else None),
        kinds={
            kind: label
            for kind, label in KINDS.items()
            if any(_child_name(f.stream_block, kind) for f in stream_fields(page))
        },
    )
    archive = zipfile.ZipFile(io.BytesIO(content))
    _plan_blocks(plan, trip, tracked_blocks(base), tracked_blocks(latest), archive)
    _plan_new(plan, trip, tracked_blocks(latest))
    # Refuse content that cannot be saved (a clause without text) at upload, not at save;
    # applied to a throwaway copy of the latest revision.
    copy_of_latest = page.get_latest_revision_as_object() if latest_revision else None
    _apply(copy_of_latest or page.specific_class.objects.get(pk=page.pk), plan, {})
    return plan


def _base(page, revision_id):
    """The page as it was exported."""
    if revision_id is None:
        return page
    revision = page.revisions.filter(pk=revision_id).first()
    if revision is None:
        refuse(
            "Versjonen av siden som filen ble eksportert fra, finnes ikke lenger. Eksporter "
            "siden på nytt. Ingenting er endret.",
            "unknown_revision",
        )
    return revision.as_object()


def _plan_blocks(plan, trip, base_blocks, latest_blocks, archive):
    in_file = {}
    for block in trip.blocks:
        if block.block_id in in_file:
            plan.notices.append(
                f"Et merket punkt ({plan.tracked_label.lower()}) er kopiert i Word-filen; "
                "bare det første eksemplaret er lest."
            )
            continue
        in_file[block.block_id] = block
    for block_id, base in base_blocks.items():
        if block_id not in trip.checksums:
            continue
        change = _block_change(block_id, base)
        found = in_file.get(block_id)
        if found is None or _emptied(base.kind, found):
            change.status = "deleted"
        elif found.checksum != trip.checksums[block_id] and base.kind == "clause":
            change.status = "edited"
            change.clause = _clause_edit(archive, found)
            change.new_text = _clause_summary(change.clause)
        elif found.checksum != trip.checksums[block_id]:
            change.status = "edited"
            change.new_text = _new_text(base.kind, found.texts["text"])
            if "rationale" in found.texts and content_controls.normalise(
                found.texts["rationale"]
            ) != _plain(base.value.get("rationale")):
                change.rationale_html = rich_text_html(archive, found.fields["rationale"])
        if _already_saved(change, latest_blocks.get(block_id)):
            change.status = "done"
        elif change.status != "unchanged":
            change.conflict = _conflict(block_id, base, latest_blocks)
        plan.changes.append(change)
    _check_marks_kept(plan, trip)
    added = [block_id for block_id in latest_blocks if block_id not in trip.checksums]
    if added:
        plan.notices.append(
            f"{len(added)} nye ({plan.tracked_label.lower()}) er lagt til i Wagtail etter "
            "eksporten. De står ikke i filen og beholdes som de er."
        )


def _check_marks_kept(plan, trip):
    """A «deleted» block whose text still stands in the file lost its mark, not its text:
    LibreOffice 7 drops content-control tags when it saves, and text can be cut out of its
    control. Reading that as a deletion would retire proposals nobody removed."""
    loose = {p.text for p in trip.paragraphs}
    lost = [
        c
        for c in plan.changes
        if c.status == "deleted" and content_controls.normalise(c.probe or c.old_text) in loose
    ]
    if lost:
        clauses = plan.tracked_label == "Avtalepunkter"
        which = "avtalepunktene" if clauses else "forslagene, kravene eller standpunktene"
        refuse(
            f"Merkene rundt {len(lost)} av {which} er borte fra "
            "filen, men teksten står der fortsatt (for eksempel «"
            f"{lost[0].old_text[:80]}»). Det skjer når filen lagres i et program som fjerner "
            "merkene (LibreOffice gjør det), eller når teksten flyttes ut av feltet sitt. "
            "Rediger filen i Word, eller gjør endringene i Wagtail. Ingenting er endret.",
            "lost_marks",
        )


def _emptied(kind, found):
    """A block emptied in Word is deleted; a clause only when all of it is gone (a clause
    whose text alone was emptied is an edit, refused as a clause without text)."""
    names = found.texts if kind == "clause" else ["text"]
    return not any(content_controls.normalise(found.texts.get(name)) for name in names)


def _block_change(block_id, base):
    if base.kind == "clause":
        title = (base.value.get("title") or "").strip()
        return BlockChange(
            block_id,
            base.kind,
            "unchanged",
            old_text=_clause_summary({"title": title, **base.value}),
            probe=title,
        )
    return BlockChange(
        block_id, base.kind, "unchanged", old_text=(base.value.get("text") or "").strip()
    )


def _clause_summary(value):
    """A clause as one line of plain text for the review screen: «Title: text …»."""
    parts = [_plain(value.get("text")), *_subclauses(value)]
    return f"{_plain(value.get('title'))}: " + " ".join(part for part in parts if part)


def _single_item_list(html_text):
    """A sub-clause reads back as a one-item numbered list (Word numbers it n.1): its
    item is the sub-clause's first paragraph."""
    match = re.match(r"^<ol><li>(.*?)</li></ol>", html_text, re.DOTALL)
    if match and "<li>" not in match.group(1):
        return f"<p>{match.group(1)}</p>" + html_text[match.end() :]
    return html_text


def _clause_edit(archive, found):
    """The new title, text and sub-clauses of a clause edited in Word. A sub-clause whose
    field was deleted or emptied is dropped."""
    names = sorted(
        (name for name in found.fields if name.startswith("subclause:")),
        key=lambda name: int(name.partition(":")[2] or 0),
    )
    subclauses, origins = [], []
    for name in names:
        if content_controls.normalise(found.texts.get(name)):
            field_content = _fill_in_markers(found.fields[name])
            subclauses.append(_single_item_list(rich_text_html(archive, field_content)))
            origins.append(int(name.partition(":")[2] or 0))
    return {
        "title": content_controls.normalise(found.texts.get("title")),
        "text": rich_text_html(archive, _fill_in_markers(found.fields["text"])),
        "subclauses": subclauses,
        "origins": origins,  # each sub-clause's place in the export
    }


def _fill_in_markers(content):
    """A copy of a clause field with its fill-in fields (content controls tagged
    ``felt:<label>``, shown as «[Pasient]» in Word) written back as «[[Pasient]]», the way
    they are typed in Wagtail."""
    content = copy.deepcopy(content)
    w = content_controls.W_NS
    for sdt in list(content.iter(f"{{{w}}}sdt")):
        tag = content_controls._tag(sdt)
        if not tag.startswith(FILL_IN_TAG) or sdt.getparent() is None:
            continue
        run = etree.Element(f"{{{w}}}r")
        etree.SubElement(run, f"{{{w}}}t").text = f"[[{tag[len(FILL_IN_TAG) :]}]]"
        sdt.getparent().replace(sdt, run)
    return content


def _already_saved(change, latest):
    """The latest revision already says what the file says (the same file uploaded again)."""
    if change.status == "deleted":
        return latest is None
    if change.status != "edited" or latest is None:
        return False
    if change.clause is not None:
        return _same(change.clause, latest.value)
    rationale_same = change.rationale_html is None or _plain(change.rationale_html) == _plain(
        latest.value.get("rationale")
    )
    return _plain(change.new_text) == _plain(latest.value.get("text")) and rationale_same


def _conflict(block_id, base, latest_blocks):
    latest = latest_blocks.get(block_id)
    if latest is None:
        return "Slettet i Wagtail etter eksporten: Word-endringen blir ikke tatt med."
    if not _same(base.value, latest.value):
        return "Endret i Wagtail etter eksporten: Word-versjonen erstatter den endringen."
    return ""


def _new_text(kind, text):
    text = (text or "").strip()
    if kind == "position":
        text = POSITION_LEAD.sub("", text)
    elif kind == "demand":
        text = DEMAND_LEAD.sub("", text)
    return text


def _suggest(text, kinds):
    # A new clause is never pre-selected: agreement text is taken in only by choice.
    if POSITION_LEAD.match(text) and "position" in kinds:
        return "position"
    if DEMAND_LEAD.match(text) and "demand" in kinds:
        return "demand"
    if PROPOSAL_START.search(text):
        for kind in ("proposal", "demand"):
            if kind in kinds:
                return kind
    return ""


def _plan_new(plan, trip, latest_blocks):
    anchors = [b for b in trip.blocks if b.block_id in latest_blocks]
    extra = [
        (block.order, content_controls.normalise(block.texts.get("text")))
        for block in trip.blocks
        if block.block_id not in trip.checksums
    ]
    typed = [(p.order, p.text) for p in trip.new_paragraphs()]
    for order, text in sorted(typed + extra):
        if not text:
            continue
        after = [b.block_id for b in anchors if b.order < order]
        before = [b.block_id for b in anchors if b.order > order]
        plan.new_paragraphs.append(
            NewParagraph(
                key=f"n{order}",
                text=text,
                suggested=_suggest(text, plan.kinds),
                after=after[-1] if after else None,
                before=before[0] if before else None,
            )
        )


def rich_text_html(archive, content):
    """Wagtail rich text (paragraphs, lists, bold, italic, links) of a field as edited in
    Word, read by the import's reader (tracked changes accepted)."""
    reader = _Reader(archive)
    reader.body(content)
    out = []
    for block in reader.blocks:
        if isinstance(block, ListBlock):
            out.append(_list_html(block.items, block.ordered))
        elif isinstance(block, Paragraph):
            out.append(f"<p>{block.html}</p>")
        elif isinstance(block, Heading | Quote):
            out.append(f"<p>{html.escape(block.text, quote=False)}</p>")
        elif isinstance(block, Table):
            out.extend(f"<p>{html.escape(' '.join(row), quote=False)}</p>" for row in block.rows)
    return "".join(out)


# -- saving ----------------------------------------------------------------------------


def _new_clause(text):
    """A clause from a paragraph typed in Word: its first sentence (when short) as title."""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".")
    title = first if len(first) <= CLAUSE_TITLE_LENGTH else "Nytt punkt"
    return {
        "title": title,
        "text": f"<p>{html.escape(text, quote=False)}</p>",
        "subclauses": [],
        "guidance": "",
        "themes": [],
    }


def _new_block(stream_field, kind, text):
    name = _child_name(stream_field.stream_block, kind)
    if kind == "clause":
        value = _new_clause(text)
    elif kind == "paragraph":
        value = f"<p>{html.escape(text, quote=False)}</p>"
    elif kind == "position":
        value = {"text": _new_text(kind, text), "themes": []}
    else:
        value = {
            "text": _new_text(kind, text),
            "rationale": "",
            "themes": [],
            "target_authority": None,
        }
    return {"type": name, "value": value, "id": str(uuid.uuid4())}


def _target_field(page, kind, paragraph, latest_blocks):
    """The StreamField a new block goes into: that of its neighbouring tagged block when it
    takes this kind, otherwise the first that does."""
    fields = [f for f in stream_fields(page) if _child_name(f.stream_block, kind)]
    for neighbour in (paragraph.after, paragraph.before):
        located = latest_blocks.get(neighbour) if neighbour else None
        for stream_field in fields:
            if located is not None and stream_field.name == located.field:
                return stream_field
    return fields[0] if fields else None


def _insert(items, new, paragraph, inserted_after):
    ids = [str(item.get("id")) for item in items]
    if paragraph.after in ids:
        # after the tagged block, and after blocks already added behind it
        anchor = inserted_after.get(paragraph.after, paragraph.after)
        index = ids.index(anchor) + 1
        inserted_after[paragraph.after] = new["id"]
    elif paragraph.before in ids:
        index = ids.index(paragraph.before)
    else:
        index = len(items)
    items.insert(index, new)


def block_error_messages(error):
    """The messages of a block validation error, nested errors included: a stream's own
    message is only Wagtail's English «Validation error in StreamBlock»."""
    nested = getattr(error, "block_errors", None) or {}
    outer = getattr(error, "non_block_errors", None) or []
    if not nested and not outer:
        return list(error.messages) if isinstance(error, ValidationError) else [str(error)]
    found = []
    for item in [*getattr(outer, "data", outer), *_values(nested)]:
        for inner in getattr(item, "data", [item]) if not isinstance(item, list) else item:
            found += [m for m in block_error_messages(inner) if m not in found]
    return found


def _values(nested):
    return list(nested.values()) if isinstance(nested, dict) else list(nested)


def _apply_clause(value, clause):
    """Title, text and sub-clauses from Word; guidance and themes stay. Sub-clauses keep
    their list item ids (by their place in the export), so an edited sub-clause stays the
    same item when another is deleted."""
    value["title"] = clause["title"]
    value["text"] = clause["text"]
    old = value.get("subclauses") or []
    items = []
    for index, text in zip(clause["origins"], clause["subclauses"], strict=True):
        previous = old[index] if index < len(old) else None
        if isinstance(previous, dict):
            items.append({**previous, "value": text})
        else:
            items.append({"type": "item", "value": text, "id": str(uuid.uuid4())})
    value["subclauses"] = items


def _apply(page, plan, choices):
    """Change the page object (the latest revision) as the plan and the editor's choices
    say; returns the counts for the history."""
    latest_blocks = tracked_blocks(page)
    raw = {f.name: _raw(page, f) for f in stream_fields(page)}
    changes = {c.block_id: c for c in plan.changes if c.status in {"edited", "deleted"}}
    for items in raw.values():
        for item in list(items):
            change = changes.get(str(item.get("id")))
            if change is None:
                continue
            if change.status == "deleted":
                items.remove(item)
            elif change.clause is not None:
                _apply_clause(item["value"], change.clause)
            else:
                item["value"]["text"] = change.new_text
                if change.rationale_html is not None:
                    item["value"]["rationale"] = change.rationale_html
    added = 0
    inserted_after = {}
    for paragraph in plan.new_paragraphs:
        kind = choices.get(paragraph.key) or ""
        if kind not in plan.kinds:
            continue
        stream_field = _target_field(page, kind, paragraph, latest_blocks)
        new = _new_block(stream_field, kind, paragraph.text)
        _insert(raw[stream_field.name], new, paragraph, inserted_after)
        added += 1
    for stream_field in stream_fields(page):
        value = stream_field.stream_block.to_python(raw[stream_field.name])
        try:
            value = stream_field.stream_block.clean(value)
        except ValidationError as error:
            refuse(
                "Word-filen gir et innhold som ikke kan lagres (for eksempel et punkt uten "
                f"tekst): {' '.join(block_error_messages(error))} Ingenting er endret.",
                "invalid_content",
            )
        setattr(page, stream_field.name, value)
    return {
        "edited": plan.count("edited"),
        "deleted": plan.count("deleted"),
        "added": added,
    }


def save(plan, choices, user, filename):
    """Save the file's changes as a new draft revision of the latest one. Returns (the
    previous latest revision, the new revision). Refused when the page got a newer revision
    while the editor looked at the changes."""
    page = plan.page
    with transaction.atomic():
        locked = Page.objects.select_for_update().get(pk=page.pk)
        if locked.latest_revision_id != plan.latest_revision_id:
            refuse(
                "Siden er lagret på nytt mens du så på endringene. Last opp filen igjen for å "
                "se endringene mot den nyeste versjonen. Ingenting er endret.",
                "stale",
            )
        page = page.specific_class.objects.get(pk=page.pk)
        previous = page.get_latest_revision()
        latest = page.get_latest_revision_as_object() if previous else page
        counts = _apply(latest, plan, choices)
        # One history line that says where the revision came from (instead of «Lagret»).
        revision = latest.save_revision(user=user, log_action=False)
        log(
            instance=latest,
            action=LOG_ACTION,
            user=user,
            revision=revision,
            content_changed=True,
            data={
                "filename": filename,
                "exported_revision": plan.base_revision_id,
                **counts,
            },
        )
    return previous, revision


def history_message(data):
    """The page history line for a Word round trip."""
    parts = [f"{data.get('edited', 0)} endret", f"{data.get('deleted', 0)} fjernet"]
    if data.get("added"):
        parts.append(f"{data['added']} nye")
    return f"Ny kladd fra Word-filen «{data.get('filename', '')}»: " + ", ".join(parts) + "."


def register_log_actions(actions):
    """For the hook ``register_log_actions``: the page history names a Word round trip."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action(LOG_ACTION)
    class WordRoundTrip(LogFormatter):
        label = LOG_LABEL

        def format_message(self, log_entry):
            return history_message(log_entry.data or {})
