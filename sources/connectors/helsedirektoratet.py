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
        # One heading with a link per consultation: h2 on the recorded page, h3 on a
        # page that groups them under h2 sections.
        card_tag = next(
            (tag for tag in ("h2", "h3") if any(b.tag == tag and b.links for b in blocks)), None
        )
        if card_tag is None and not any(
            "høring" in b.text.lower() for b in blocks if b.tag == "h1"
        ):
            raise FormatChanged("Helsedirektoratets høringsside har ikke lenger høringslisten.")
        results, seen = [], set()
        for index, block in enumerate(blocks):
            if not (block.tag == card_tag and block.links):
                continue
            href = block.links[0][0].split("#", 1)[0].split("?", 1)[0]
            external_id = href.strip("/").rsplit("/", 1)[-1][:300]
            if not external_id or external_id in known_ids or external_id in seen:
                continue
            seen.add(external_id)
            following = []
            for later in blocks[index + 1 :]:
                if later.is_heading and later.tag <= card_tag:
                    break
                following.append(later.text)
            deadline = next(
                (
                    parse_date(t)
                    for t in following
                    if t.lower().startswith(("høringsfrist", "frist"))
                ),
                None,
            )
            if deadline is None:
                results.append(
                    Rejected(external_id, f"Fant ikke høringsfristen for «{block.text}».")
                )
                continue
            summary = " ".join(
                t
                for t in following
                if not t.lower().startswith(("høringsfrist", "frist", "publisert"))
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
