"""The evidence finder: read a bill, white paper, report or committee recommendation and
find (1) every passage that names LPP and (2) the passages that answer one of the
proposals LPP sent on the consultation, ranked by closeness of wording with the
project's Norwegian analysis (stems and compound parts, :mod:`base.analysis`).

Closeness of a passage to a proposal is the share of the proposal's meaningful terms
found in the passage, each term weighted by how rare it is in the document (a word in
every paragraph, like «pasient» in a health bill, says little). Found passages become
:class:`~sources.models.EvidencePassage` rows; accepting one records a *draft* outcome
event for staff to confirm.
"""

import io
import math
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from advocacy.models import EvidenceKind, OutcomeKind, Proposal
from advocacy.outcomes import record_event
from base.analysis import fold, terms
from base.file_checks import check_content

from .connectors.regjeringen import RegjeringenConnector
from .connectors.stortinget import StortingetConnector
from .http import Response, SourceError
from .models import EvidenceDocument, EvidencePassage, SourcedEvent
from .names import names_lpp
from .text import html_blocks

MIN_CLOSENESS = 0.2
MIN_PASSAGE_WORDS = 6
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DOCUMENT_HOSTS = {
    "regjeringen.no": RegjeringenConnector,
    "www.regjeringen.no": RegjeringenConnector,
    "stortinget.no": StortingetConnector,
    "www.stortinget.no": StortingetConnector,
    "data.stortinget.no": StortingetConnector,
}
HEADING_LINE = re.compile(r"^\d+(\.\d+)*\s+\S.{0,120}$")
# What the passage says the authority did, strongest first (folded text).
KIND_CUES = [
    (OutcomeKind.PARTLY_ADOPTED, ("delvis", "til en viss grad", "i noen grad")),
    (
        OutcomeKind.REJECTED,
        (
            "gar ikke videre med",
            "ikke hensiktsmessig",
            "vil ikke foresla",
            "foreslar ikke",
            "finner ikke grunn",
            "ikke grunnlag",
            "ikke folge opp",
            "avviser",
        ),
    ),
    (
        OutcomeKind.ADOPTED,
        (
            "slutter seg til",
            "foreslar departementet",
            "departementet foreslar",
            "folger opp forslaget",
            "tar forslaget til folge",
            "er enig",
            "vil innfore",
            "innfores",
            "lovfeste",
        ),
    ),
    (OutcomeKind.CONSIDERATION, ("vil vurdere", "vurderes naermere", "komme tilbake", "utrede")),
]


# Where a document's text is: paragraphs, list items (footnotes too), quotes, table cells.
PASSAGE_TAGS = ("p", "li", "blockquote", "div", "td", "th", "dd")


def _worth_reading(text):
    """Long enough to answer a proposal, or naming LPP however short (a table cell)."""
    return len(text.split()) >= MIN_PASSAGE_WORDS or names_lpp(text)


@dataclass
class Passage:
    chapter: str
    text: str
    anchor: str = ""


def suggested_kind(text):
    folded = fold(text)
    for kind, cues in KIND_CUES:
        if any(cue in folded for cue in cues):
            return kind
    return OutcomeKind.CONSIDERATION


def passages_from_html(html):
    blocks = html_blocks(html)
    chapter, anchor, result = "", "", []
    for block in blocks:
        if block.is_heading:
            if block.tag != "h1":
                chapter = block.text
            anchor = block.anchor or anchor
            continue
        if block.tag in PASSAGE_TAGS and _worth_reading(block.text):
            result.append(Passage(chapter, block.text, block.anchor or anchor))
    return result, next((b.text for b in blocks if b.tag == "h1"), "")


def passages_from_text(text):
    chapter, result = "", []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        if HEADING_LINE.match(paragraph) and len(paragraph.split()) <= 14:
            chapter = paragraph
            continue
        if _worth_reading(paragraph):
            result.append(Passage(chapter, paragraph))
    return result


def passages_from_docx(data):
    from docx import Document
    from docx.table import Table as DocxTable

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a broken file
        raise ValidationError("Filen kunne ikke leses som et Word-dokument (.docx).") from error
    chapter, result = "", []
    # Paragraphs and tables in document order, so a table row keeps its chapter.
    for part in document.iter_inner_content():
        if isinstance(part, DocxTable):
            result += _table_passages(part, chapter)
            continue
        text = " ".join(part.text.split())
        if not text:
            continue
        if part.style is not None and part.style.name.lower().startswith(("heading", "overskrift")):
            chapter = text
        elif _worth_reading(text):
            result.append(Passage(chapter, text))
    return result


def _table_passages(table, chapter):
    """A table of who said what: one row is one passage (merged cells once)."""
    result = []
    for row in table.rows:
        cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))
        text = " | ".join(c for c in cells if c)
        if _worth_reading(text):
            result.append(Passage(chapter, text))
    return result


def read_upload(upload):
    name = upload.name or ""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError("Filen er for stor (høyst 20 MB).")
    data = upload.read()
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in ("docx", "html", "htm", "txt"):
        raise ValidationError(
            "Last opp en Word-fil (.docx), en nettside (.html) eller en tekstfil (.txt)."
        )
    if not data:
        raise ValidationError("Filen er tom.")
    if suffix in ("docx", "txt"):
        # A renamed program, a broken file or a zip bomb is refused before it is read.
        check_content(name, data)
    if suffix == "docx":
        return passages_from_docx(data), name
    if b"\x00" in data:
        raise ValidationError("Filen er ikke tekst, selv om navnet sier det.")
    # The charset the file names (BOM, <meta charset>), else UTF-8, else Windows-1252.
    text = Response(url=name, status=200, body=data).text()
    if suffix == "txt":
        return passages_from_text(text), name
    passages, title = passages_from_html(text)
    return passages, title or name


def read_url(url):
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        host = ""
    connector_class = DOCUMENT_HOSTS.get(host)
    if connector_class is None:
        raise ValidationError("Lenken må gå til regjeringen.no eller stortinget.no.")
    response = connector_class().get(url, conditional=False)
    passages, title = passages_from_html(response.text())
    return passages, title


def evidence_kind_for(title):
    lowered = (title or "").lower()
    if lowered.startswith("innst"):
        return EvidenceKind.RECOMMENDATION
    if lowered.startswith("prop"):
        return EvidenceKind.BILL
    if lowered.startswith("meld"):
        return EvidenceKind.WHITE_PAPER
    return EvidenceKind.OTHER


# --- ranking ------------------------------------------------------------------------------


def document_weights(texts):
    """Inverse document frequency of each term over the passages of one document."""
    counts = Counter(term for text in texts for term in set(terms(text)))
    total = max(1, len(texts))
    return {term: math.log(1 + total / count) for term, count in counts.items()}


def closeness(proposal_terms, passage_terms, weights, default_weight):
    if not proposal_terms:
        return 0.0
    total = sum(weights.get(t, default_weight) for t in proposal_terms)
    shared = sum(weights.get(t, default_weight) for t in proposal_terms & passage_terms)
    return shared / total if total else 0.0


def rank(passages, proposals):
    """For each passage: (lpp_named, [(closeness, proposal_key), …] best first).
    ``proposals`` is a list of (key, text)."""
    weights = document_weights([p.text for p in passages])
    default_weight = math.log(1 + max(1, len(passages)))
    proposal_terms = [(key, set(terms(text))) for key, text in proposals]
    result = []
    for passage in passages:
        passage_terms = set(terms(passage.text))
        scores = sorted(
            (
                (round(closeness(pt, passage_terms, weights, default_weight), 3), key)
                for key, pt in proposal_terms
            ),
            key=lambda pair: -pair[0],
        )
        result.append((names_lpp(passage.text), scores))
    return result


def link_to(url, anchor):
    if not url:
        return ""
    return f"{url.split('#', 1)[0]}#{anchor}" if anchor else url


def find_evidence(consultation, *, url="", upload=None, user=None):
    """Read the document and store what was found. Returns the EvidenceDocument.
    Raises ValidationError (Norwegian) and stores nothing when it cannot be read."""
    if bool(url) == bool(upload):
        raise ValidationError("Oppgi enten en lenke eller en fil.")
    try:
        passages, title = read_upload(upload) if upload else read_url(url)
    except SourceError as error:
        raise ValidationError(f"Dokumentet kunne ikke hentes: {error}") from error
    if not passages:
        raise ValidationError("Fant ingen tekst i dokumentet.")
    response = consultation.get_response()
    proposals = (
        list(Proposal.objects.filter(source_page_id=response.pk, retired_at__isnull=True))
        if response
        else []
    )
    ranked = rank(passages, [(p.pk, p.text) for p in proposals])
    by_pk = {p.pk: p for p in proposals}
    with transaction.atomic():
        document = EvidenceDocument.objects.create(
            consultation=consultation,
            url=url,
            filename=upload.name[:255] if upload else "",
            title=(title or "")[:500],
            evidence_kind=evidence_kind_for(title),
            read_by=user,
        )
        found = []
        for position, (passage, (named, scores)) in enumerate(zip(passages, ranked, strict=True)):
            best, key = scores[0] if scores else (0.0, None)
            if not named and best < MIN_CLOSENESS:
                continue
            found.append(
                EvidencePassage(
                    document=document,
                    chapter=passage.chapter[:300],
                    text=passage.text,
                    link=link_to(url, passage.anchor)[:600],
                    lpp_named=named,
                    proposal=by_pk.get(key) if best >= MIN_CLOSENESS else None,
                    closeness=best,
                    suggested_kind=suggested_kind(passage.text),
                    position=position,
                )
            )
        EvidencePassage.objects.bulk_create(found)
    return document


def accept_passage(passage, *, proposal, kind, user=None):
    """Record a draft outcome event from a found passage. Raises ValidationError."""
    if passage.status != EvidencePassage.Status.NEW:
        raise ValidationError("Dette avsnittet er allerede behandlet.")
    if proposal is None:
        raise ValidationError("Velg hvilket forslag avsnittet svarer på.")
    document = passage.document
    quote = passage.text if len(passage.text) <= 1500 else passage.text[:1499] + "…"
    data = {
        "kind": kind,
        "date": timezone.localdate(),
        "evidence_kind": document.evidence_kind or EvidenceKind.OTHER,
        "evidence_title": (document.title or document.filename or document.url)[:300],
        "evidence_chapter": passage.chapter[:100],
        "evidence_url": passage.link[:500],
        "evidence_quote": quote,
        "lpp_named": passage.lpp_named,
    }
    with transaction.atomic():
        event = record_event(proposal, data, user=user, publish=False)
        SourcedEvent.objects.create(event=event, origin=SourcedEvent.Origin.EVIDENCE)
        passage.status = EvidencePassage.Status.ACCEPTED
        passage.proposal = proposal
        passage.save(update_fields=["status", "proposal"])
    return event


def dismiss_passage(passage):
    if passage.status != EvidencePassage.Status.NEW:
        raise ValidationError("Dette avsnittet er allerede behandlet.")
    passage.status = EvidencePassage.Status.DISMISSED
    passage.save(update_fields=["status"])
