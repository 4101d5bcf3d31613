"""Helsedirektoratet: the list page of its consultations (helsedirektoratet.no/horinger),
one card per consultation with its title, deadline and a short introduction."""

from ..http import FormatChanged
from ..text import html_blocks, parse_date
from .base import Connector, Item, Rejected

PUBLIC_SITE = "https://www.helsedirektoratet.no/"


class HelsedirektoratetConnector(Connector):
    name = "helsedirektoratet"
    list_path = "horinger/"

    def fetch(self, known_ids=frozenset()):
        response = self.get(self.list_path)
        if response.not_modified:
            return []
        blocks = html_blocks(response.text())
        cards = [b for b in blocks if b.tag == "h2" and b.links]
        if not cards and not any("høring" in b.text.lower() for b in blocks if b.tag == "h1"):
            raise FormatChanged("Helsedirektoratets høringsside har ikke lenger høringslisten.")
        results = []
        for index, block in enumerate(blocks):
            if not (block.tag == "h2" and block.links):
                continue
            href = block.links[0][0]
            external_id = href.strip("/").rsplit("/", 1)[-1]
            if external_id in known_ids:
                continue
            following = []
            for later in blocks[index + 1 :]:
                if later.tag == "h2":
                    break
                following.append(later.text)
            deadline = next(
                (parse_date(t) for t in following if t.lower().startswith("høringsfrist")), None
            )
            if deadline is None:
                results.append(
                    Rejected(external_id, f"Fant ikke høringsfristen for «{block.text}».")
                )
                continue
            summary = " ".join(
                t for t in following if not t.lower().startswith(("høringsfrist", "publisert"))
            )
            published = next(
                (parse_date(t) for t in following if t.lower().startswith("publisert")), None
            )
            results.append(
                Item(
                    source=self.name,
                    external_id=external_id,
                    title=block.text,
                    url=href if href.startswith("http") else PUBLIC_SITE + href.lstrip("/"),
                    authority_name="Helsedirektoratet",
                    published_on=published,
                    deadline=deadline,
                    summary=summary,
                )
            )
        return results
