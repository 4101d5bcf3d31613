"""regjeringen.no: the RSS feed of consultations (Dokumenter → Høringer) and the
consultation page each item links to («Høringsfrist:», «Vår ref.:», the sender, the
documents and the list of «Høringsinstanser»)."""

import re
from email.utils import parsedate_to_datetime

from django.utils import timezone

from ..http import FormatChanged, SourceError
from ..text import child_text, html_blocks, labelled_value, parse_date, parse_xml, plain_text
from .base import Connector, Item, Rejected

PUBLIC_SITE = "https://www.regjeringen.no/"
ID_RE = re.compile(r"/id(\d+)/?")
DOCUMENT_RE = re.compile(r"\.(pdf|docx?|odt)(\?|#|$)", re.IGNORECASE)
DEADLINE_LABELS = ("Høringsfrist", "Høyringsfrist", "Frist for høringssvar", "Svarfrist")
CASE_LABELS = ("Vår referanse", "Vår ref.", "Vår ref", "Saksnummer", "Saksnr.", "Saksnr")


class RegjeringenConnector(Connector):
    name = "regjeringen"
    list_path = "no/dokument/hoyringar/id1763/?show=rss"

    def fetch(self, known_ids=frozenset()):
        response = self.get(self.list_path)
        if response.not_modified:
            return []
        root = parse_xml(response.body, "Høringslisten fra regjeringen.no")
        channel = root.find("channel")
        if root.tag != "rss" or channel is None:
            raise FormatChanged("Høringslisten fra regjeringen.no er ikke lenger en RSS-feed.")
        results = []
        for entry in channel.findall("item"):
            link = child_text(entry, "link") or child_text(entry, "guid")
            title = plain_text(child_text(entry, "title"))
            if not link or not title:
                results.append(
                    Rejected(link or title or "?", "Oppføringen mangler tittel eller lenke.")
                )
                continue
            match = ID_RE.search(link)
            external_id = match.group(1) if match else link
            if external_id in known_ids:
                continue
            try:
                results.append(self.read_page(entry, external_id, link, title))
            except SourceError as error:
                # One page that cannot be read (gone, or a new layout) is reported; the
                # rest of the list is still read.
                results.append(Rejected(external_id, str(error)))
        return results

    def read_page(self, entry, external_id, link, title):
        response = self.get(link, conditional=False)
        blocks = html_blocks(response.text())
        deadline = parse_date(labelled_value(blocks, *DEADLINE_LABELS))
        if deadline is None:
            raise FormatChanged(f"Fant ikke høringsfristen på siden for «{title}».")
        heading = next((b.text for b in blocks if b.tag == "h1"), title)
        summary = plain_text(child_text(entry, "description"))
        intro = next((b.text for b in blocks if b.tag == "p" and "ingress" in b.anchor), "")
        if intro and intro in summary:
            intro = ""
        seen, documents = set(), []
        for block in blocks:
            for href, text in block.links:
                url = self.public_url(href)
                if DOCUMENT_RE.search(href) and url not in seen:
                    seen.add(url)
                    documents.append({"title": text or href, "url": url})
        return Item(
            source=self.name,
            external_id=external_id,
            title=heading,
            url=link,
            authority_name=sender(blocks) or feed_author(entry),
            case_number=labelled_value(blocks, *CASE_LABELS)[:60],
            published_on=published_on(child_text(entry, "pubDate")),
            deadline=deadline,
            summary=" ".join(part for part in (summary, intro) if part),
            consulted_bodies=consulted_bodies(blocks),
            documents=documents,
        )

    @staticmethod
    def public_url(href):
        return href if href.startswith("http") else PUBLIC_SITE + href.lstrip("/")


def sender(blocks):
    """The ministry in the page's line «Høring | Dato: 13.11.2026 | Helse- og …»."""
    for block in blocks:
        if block.text.startswith(("Høring |", "Høyring |", "Høring|", "Høyring|")):
            return block.text.rsplit("|", 1)[-1].strip()
    return ""


def feed_author(entry):
    """The sender as the feed names it (``dc:creator``, ``author``/``a10:author/a10:name``):
    used when the page does not say."""
    for path in ("creator", "author/name", "author"):
        value = plain_text(child_text(entry, path))
        if value and "@" not in value:
            return value
    return ""


def published_on(value):
    """The date of an RFC 822 ``pubDate`` in Oslo; a zone the parser does not know
    («CET», «MEST») is read as Oslo time."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return parse_date(value)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return timezone.localdate(moment)


def consulted_bodies(blocks):
    """The bodies listed under the heading «Høringsinstanser» (until the next heading):
    list items or table cells, or paragraphs with one name per line."""
    names, inside = [], False
    for block in blocks:
        if block.is_heading:
            inside = block.text.lower().startswith(("høringsinstanser", "høyringsinstansar"))
            continue
        if not inside:
            continue
        if block.tag in ("li", "td"):
            names.append(block.text)
        elif block.tag in ("p", "div", "dd") and (len(block.lines) > 1 or len(block.text) <= 150):
            names.extend(block.lines)
    return names
