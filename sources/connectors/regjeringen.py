"""regjeringen.no: the RSS feed of consultations (Dokumenter → Høringer) and the
consultation page each item links to («Høringsfrist:», «Vår ref.:», the sender, the
documents and the list of «Høringsinstanser»)."""

import re
from email.utils import parsedate_to_datetime

from django.utils import timezone

from ..http import FormatChanged
from ..text import child_text, html_blocks, labelled_value, parse_date, parse_xml
from .base import Connector, Item, Rejected

PUBLIC_SITE = "https://www.regjeringen.no/"
ID_RE = re.compile(r"/id(\d+)/?")
DOCUMENT_RE = re.compile(r"\.(pdf|docx?|odt)(\?|$)", re.IGNORECASE)


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
            link = child_text(entry, "link")
            title = child_text(entry, "title")
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
            except FormatChanged as error:
                results.append(Rejected(external_id, str(error)))
        return results

    def read_page(self, entry, external_id, link, title):
        response = self.get(link, conditional=False)
        blocks = html_blocks(response.text())
        deadline = parse_date(labelled_value(blocks, "Høringsfrist"))
        if deadline is None:
            raise FormatChanged(f"Fant ikke høringsfristen på siden for «{title}».")
        sender = ""
        for block in blocks:
            if block.text.startswith("Høring |") or block.text.startswith("Høyring |"):
                sender = block.text.rsplit("|", 1)[-1].strip()
                break
        heading = next((b.text for b in blocks if b.tag == "h1"), title)
        summary = child_text(entry, "description")
        intro = next((b.text for b in blocks if b.tag == "p" and "ingress" in b.anchor), "")
        published = None
        pub = child_text(entry, "pubDate")
        if pub:
            try:
                published = timezone.localdate(parsedate_to_datetime(pub))
            except (TypeError, ValueError):
                published = None
        return Item(
            source=self.name,
            external_id=external_id,
            title=heading,
            url=link,
            authority_name=sender,
            case_number=labelled_value(blocks, "Vår ref.", "Vår referanse"),
            published_on=published,
            deadline=deadline,
            summary=" ".join(part for part in (summary, intro) if part),
            consulted_bodies=consulted_bodies(blocks),
            documents=[
                {"title": text or href, "url": self.public_url(href)}
                for block in blocks
                for href, text in block.links
                if DOCUMENT_RE.search(href)
            ],
        )

    @staticmethod
    def public_url(href):
        return href if href.startswith("http") else PUBLIC_SITE + href.lstrip("/")


def consulted_bodies(blocks):
    """The list items under the heading «Høringsinstanser» (until the next heading)."""
    names, inside = [], False
    for block in blocks:
        if block.is_heading:
            inside = block.text.lower().startswith(("høringsinstanser", "høyringsinstansar"))
            continue
        if inside and block.tag == "li":
            names.append(block.text)
    return names
