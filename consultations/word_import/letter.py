"""An LPP høringssvar read out of a Word document's generic blocks: the letter head
(title, authority, «Deres ref.», «Vår ref.», deadline, date sent, signatory), the
proposal candidates staff confirm, suggested themes, and the response body as
StreamField data (``ResponseBodyBlock``)."""

import datetime
import html
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

import snowballstemmer

from .docx_reader import Heading, ListBlock, Paragraph, Quote, Table

MONTHS = {
    name: number
    for number, name in enumerate(
        "januar februar mars april mai juni juli august september oktober november desember".split(),
        start=1,
    )
}
LONG_DATE = re.compile(r"(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
SHORT_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
DATE = rf"(?:{LONG_DATE.pattern}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})"
REFERENCE = r"[:.]?\s*([0-9A-ZÆØÅa-zæøå][\w/.\-]*(?:\s?-\s?\d+)?)"
THEIR_REF = re.compile(r"Deres\s+ref(?:eranse)?\.?" + REFERENCE, re.IGNORECASE)
OUR_REF = re.compile(r"Vår\s+ref(?:eranse)?\.?" + REFERENCE, re.IGNORECASE)
DEADLINE = re.compile(rf"(?:høringsfrist|svarfrist|frist)\b[^\n.]{{0,40}}?({DATE})", re.IGNORECASE)
SENT = re.compile(
    rf"(?:^|\n)\s*(?:[A-ZÆØÅ][a-zæøå]+,\s*(?:den\s+)?|(?:Vår\s+)?dato[:\s]+)({DATE})",
    re.IGNORECASE,
)
SUBJECT = re.compile(
    r"^(?:(?:LPPs?\s+)?høringssvar|høringsuttalelse|høringsinnspill|svar på høring|høring)"
    r"\s*(?:fra LPP)?\s*(?:[-–—:]|om|til|på|\b)\s*(?P<title>.+)$",
    re.IGNORECASE,
)
CLOSING = re.compile(r"^(med\s+(?:vennlig|beste)\s+hilsen|vennlig hilsen|mvh)\b", re.IGNORECASE)
PROPOSAL_START = re.compile(
    r"^(?:LPP|Landsforeningen for Pårørende innen Psykisk helse|Vi|Foreningen)\s+"
    r"(?:foreslår|mener|ber|krever|vil|anbefaler|går inn for|støtter ikke|ønsker)\b"
    r"|\b(?:departementet|direktoratet|regjeringen|kommunene|helseforetakene)\s+(?:bør|må)\b",
    re.IGNORECASE,
)
PROPOSAL_HEADING = re.compile(r"forslag|krav|anbefaling|innspill|tiltak", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])")
NOTES_HEADING = "Noter"


@dataclass
class LetterHead:
    title: str = ""
    authority_name: str = ""
    case_number: str = ""
    our_reference: str = ""
    deadline: datetime.date | None = None
    sent_on: datetime.date | None = None
    signatory: str = ""


@dataclass
class Candidate:
    """A passage that states what LPP proposes: ``block`` (and ``item`` in a list) say
    where it stands in the body, so a confirmed one replaces that passage."""

    key: str
    text: str
    context: str
    reason: str
    block: int
    item: int | None = None


@dataclass
class Letter:
    head: LetterHead
    body: list  # generic blocks, letter head and closing removed
    footnotes: list
    candidates: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    text: str = ""


def parse_date(text):
    if not text:
        return None
    match = LONG_DATE.search(text)
    try:
        if match:
            return datetime.date(
                int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))
            )
        match = SHORT_DATE.search(text)
        if match:
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


def _block_text(block):
    if isinstance(block, ListBlock):
        return "\n".join(item.text for item in block.items)
    if isinstance(block, Table):
        return "\n".join("  ".join(row) for row in block.rows)
    return block.text


def _subject(blocks, head):
    """Index of the subject line, which ends the letter head (None: no subject found);
    sets ``head.title``."""
    for index, block in enumerate(blocks[:15]):
        if isinstance(block, Heading | Paragraph):
            match = SUBJECT.match(block.text.strip())
            if match and len(block.text) < 300:
                head.title = match.group("title").strip(" .–-:")[:300]
                return index
    for index, block in enumerate(blocks[:10]):
        if isinstance(block, Heading):
            head.title = block.text[:300]
            return index
    return None


def _split_head(document, blocks, subject_at):
    """(head text, body): the letter head may be in the page header, in a table or in the
    first paragraphs; letter-head lines just under the subject belong to it too."""
    before = blocks[: subject_at or 0]
    body = blocks[(subject_at + 1) if subject_at is not None else 0 :]
    head_text = "\n".join(document.header_lines + [_block_text(b) for b in before])
    # A letter-head table later than the subject (rare) still belongs to the head.
    for block in list(body[:3]):
        if isinstance(block, Table) and THEIR_REF.search(_block_text(block)):
            head_text += "\n" + _block_text(block)
            body.remove(block)
    return head_text, body


def _strip_head_lines(body):
    """Drop letter-head lines just under the subject («Høringsfrist: …», «Deres ref. …»)."""
    while body and isinstance(body[0], Paragraph) and len(body[0].text) < 120:
        if not (DEADLINE.search(body[0].text) or THEIR_REF.search(body[0].text)):
            break
        body.pop(0)
    return body


def _read_head_fields(head, head_text, search_text):
    if match := THEIR_REF.search(search_text):
        head.case_number = match.group(1).strip(" .")[:60]
    if match := OUR_REF.search(search_text):
        head.our_reference = match.group(1).strip(" .")[:60]
    if match := DEADLINE.search(search_text):
        head.deadline = parse_date(match.group(1))
    if match := SENT.search(head_text):
        head.sent_on = parse_date(match.group(1))
    if head.sent_on is None and (match := LONG_DATE.search(head_text)):
        head.sent_on = parse_date(match.group(0))


def _find_authority(head, head_text, authority_names):
    lowered = _fold(head_text + "\n" + head.title)
    for name in sorted(authority_names, key=len, reverse=True):
        if name and re.search(r"\b" + re.escape(_fold(name)) + r"\b", lowered):
            head.authority_name = name
            return


def _cut_closing(body, head):
    """The body without the closing («Med vennlig hilsen», then the signatory's name and
    role), which sets ``head.signatory``."""
    for index, block in enumerate(body):
        if isinstance(block, Paragraph | Heading) and CLOSING.match(block.text):
            rest = [b.text for b in body[index + 1 : index + 4] if isinstance(b, Paragraph)]
            head.signatory = ", ".join(line for line in rest[:2] if line)[:200]
            lines = block.text.split("\n")
            if not head.signatory and len(lines) > 1:
                head.signatory = ", ".join(line.strip() for line in lines[1:3])[:200]
            return body[:index]
    return body


def read_letter(document, authority_names=()):
    """Split a :class:`~.docx_reader.Document` into letter head and body and find the
    proposal candidates. ``authority_names`` are the known authorities (name and short
    name) to look for in the address."""
    blocks = list(document.blocks)
    head = LetterHead()
    subject_at = _subject(blocks, head)
    head_text, body = _split_head(document, blocks, subject_at)
    search_text = head_text + "\n" + "\n".join(_block_text(b) for b in body[:4])
    body = _strip_head_lines(body)
    _read_head_fields(head, head_text, search_text)
    _find_authority(head, head_text, authority_names)
    body = _cut_closing(body, head)
    letter = Letter(head=head, body=body, footnotes=list(document.footnotes))
    letter.notices = list(document.notices)
    letter.text = document.text
    letter.candidates = find_candidates(body)
    return letter


def find_candidates(body):
    candidates = []
    under_proposal_heading = False
    for index, block in enumerate(body):
        if isinstance(block, Heading):
            under_proposal_heading = bool(PROPOSAL_HEADING.search(block.text))
            continue
        if isinstance(block, ListBlock):
            for number, item in enumerate(block.items):
                if under_proposal_heading and item.level == 0:
                    reason = "Punkt i listen under «forslag»"
                elif PROPOSAL_START.search(item.text):
                    reason = "Sier hva LPP foreslår eller krever"
                else:
                    continue
                candidates.append(
                    Candidate(
                        key=f"{index}-{number}",
                        text=item.text,
                        context=item.text,
                        reason=reason,
                        block=index,
                        item=number,
                    )
                )
        elif isinstance(block, Paragraph):
            sentences = SENTENCE.split(block.text)
            if block.bold_lead:
                text, reason = block.bold_lead, "Uthevet innledende setning"
            else:
                hits = [s for s in sentences if PROPOSAL_START.search(s)]
                if not hits:
                    continue
                text, reason = " ".join(hits[:2]), "Sier hva LPP foreslår eller krever"
            candidates.append(
                Candidate(key=f"{index}", text=text, context=block.text, reason=reason, block=index)
            )
    return candidates


# -- themes --------------------------------------------------------------------------

_stemmer = snowballstemmer.stemmer("norwegian")
_STOP = set(
    "og i på til for av med som det er en et den de at om ikke har var skal kan vil bør "
    "må eller fra ved å seg sin sitt sine også men så der".split()
)


def _fold(text):
    return unicodedata.normalize("NFC", text or "").lower()


def _stems(text):
    return [
        _stemmer.stemWord(word)
        for word in re.findall(r"\w+", _fold(text))
        if word not in _STOP and len(word) > 2
    ]


def suggest_themes(text, themes, limit=4):
    """Themes whose name occurs in the text as a phrase (stemmed, stop words left out:
    «barn som pårørende» matches «barna som pårørende», not «barn» and «pårørende» far
    apart), ranked by how often, then by how many of the description's words occur."""
    stems = _stems(text)
    counts = {}
    for stem in stems:
        counts[stem] = counts.get(stem, 0) + 1
    scored = []
    for theme in themes:
        name = _stems(theme.name)
        if not name:
            continue
        hits = sum(stems[i : i + len(name)] == name for i in range(len(stems) - len(name) + 1))
        if not hits:
            continue
        described = sum(min(counts.get(t, 0), 3) for t in set(_stems(theme.description or "")))
        scored.append((-hits, -described, theme.name, theme))
    scored.sort(key=lambda item: item[:3])
    return [item[3] for item in scored[:limit]]


# -- the response body ---------------------------------------------------------------


def _list_html(items, ordered):
    """Nested <ol>/<ul> from items with levels (Wagtail's rich text keeps the nesting)."""
    tag = "ol" if ordered else "ul"
    out, depth = [], -1
    for item in items:
        level = max(0, min(item.level, depth + 1))
        while depth < level:
            out.append(f"<{tag}>")
            depth += 1
        while depth > level:
            out.append(f"</li></{tag}>")
            depth -= 1
        if out[-1] != f"<{tag}>":
            out.append("</li>")
        out.append(f"<li>{item.html}")
    while depth >= 0:
        out.append(f"</li></{tag}>")
        depth -= 1
    return "".join(out)


def _proposal(text, themes=(), target_authority=None):
    return {
        "type": "proposal",
        "value": {
            "text": text.strip(),
            "rationale": "",
            "themes": [theme.pk for theme in themes],
            "target_authority": target_authority.pk if target_authority else None,
        },
        "id": str(uuid.uuid4()),
    }


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _table_data(block):
    return _block(
        "table",
        {
            "caption": "",
            "table": {
                "data": block.rows,
                "first_row_is_table_header": len(block.rows) > 1,
                "first_col_is_header": False,
                "table_caption": "",
            },
        },
    )


def _list_data(block, chosen, themes):
    """A list, cut where a confirmed item becomes a proposal block."""
    data, pending = [], []
    for number, item in enumerate(block.items):
        if number in chosen:
            if pending:
                data.append(_block("paragraph", _list_html(pending, block.ordered)))
                pending = []
            data.append(_proposal(chosen[number][1], themes))
        else:
            pending.append(item)
    if pending:
        data.append(_block("paragraph", _list_html(pending, block.ordered)))
    return data


def _paragraph_data(block, chosen, themes):
    if None not in chosen:
        return [_block("paragraph", f"<p>{block.html}</p>")]
    candidate, wording = chosen[None]
    if block.bold_lead and candidate.text == block.bold_lead:
        # The bold lead becomes the proposal; the rest of the paragraph stays.
        data = [_proposal(wording, themes)]
        rest = block.text[len(block.bold_lead) :].strip()
        if rest:
            data.append(_block("paragraph", f"<p>{html.escape(rest, quote=False)}</p>"))
        return data
    if candidate.text == block.text:
        return [_proposal(wording, themes)]
    # A sentence inside a longer paragraph: keep the argument, add the proposal.
    return [_block("paragraph", f"<p>{block.html}</p>"), _proposal(wording, themes)]


def _body_block_data(block, chosen, themes):
    if isinstance(block, Heading):
        level = "h2" if block.level <= 2 else "h3"
        return [_block("heading", {"text": block.text[:200], "level": level})]
    if isinstance(block, Quote):
        return [_block("quote", {"text": block.text, "source": ""})]
    if isinstance(block, Table):
        return [_table_data(block)]
    if isinstance(block, ListBlock):
        return _list_data(block, chosen, themes)
    if isinstance(block, Paragraph):
        return _paragraph_data(block, chosen, themes)
    return []


def stream_data(letter, confirmed=None, themes=()):
    """The response body as StreamField data. ``confirmed`` maps a candidate key to its
    (possibly edited) wording; those passages become proposal blocks."""
    confirmed = confirmed or {}
    by_block = {}
    for candidate in letter.candidates:
        if candidate.key in confirmed:
            by_block.setdefault(candidate.block, {})[candidate.item] = (
                candidate,
                confirmed[candidate.key],
            )
    data = []
    for index, block in enumerate(letter.body):
        data.extend(_body_block_data(block, by_block.get(index, {}), themes))
    if letter.footnotes:
        data.append(_block("heading", {"text": NOTES_HEADING, "level": "h3"}))
        items = "".join(f"<li>{html.escape(note, quote=False)}</li>" for note in letter.footnotes)
        data.append(_block("paragraph", f"<ol>{items}</ol>"))
    return data
