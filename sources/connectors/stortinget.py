"""Stortinget's open data (data.stortinget.no/eksport): the current session
(``sesjoner``), the committees' hearings in it (``horinger?sesjonid=``) and one case
with its progress (``sak?sakid=``). XML in the namespace http://data.stortinget.no."""

from ..http import FormatChanged
from ..text import child_text, parse_date, parse_xml
from .base import Connector, Item, Rejected

HEARING_PAGE = "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/horing/?h={id}"
CASE_PAGE = "https://www.stortinget.no/no/Saker-og-publikasjoner/Saker/Sak/?p={id}"


class StortingetConnector(Connector):
    name = "stortinget"
    list_path = "eksport/horinger"

    def current_session(self):
        root = parse_xml(self.get("eksport/sesjoner", conditional=False).body, "Sesjonslisten")
        session = child_text(root, "innevaerende_sesjon/id")
        if root.tag != "sesjoner_oversikt" or not session:
            raise FormatChanged("Stortingets sesjonsliste har ikke lenger «innevaerende_sesjon».")
        return session

    def fetch(self, known_ids=frozenset()):
        session = self.current_session()
        response = self.get(f"{self.list_path}?sesjonid={session}")
        if response.not_modified:
            return []
        root = parse_xml(response.body, "Høringslisten fra Stortinget")
        hearings = root.find("horinger_liste")
        if root.tag != "horinger_oversikt" or hearings is None:
            raise FormatChanged("Stortingets høringsliste har ikke lenger «horinger_liste».")
        results = []
        for hearing in hearings.findall("horing"):
            hearing_id = child_text(hearing, "id")
            if hearing_id in known_ids:
                continue
            if child_text(hearing, "skriftlig").lower() not in ("true", ""):
                continue  # an oral hearing only: nothing to write
            try:
                results.append(self.read_hearing(hearing, hearing_id))
            except FormatChanged as error:
                results.append(Rejected(hearing_id or "?", str(error)))
        return results

    def read_hearing(self, hearing, hearing_id):
        case = hearing.find("horing_sak_info_liste/horing_sak_info")
        if not hearing_id or case is None:
            raise FormatChanged("En høring mangler ID eller sak.")
        title = child_text(case, "sak_tittel") or child_text(case, "sak_korttittel")
        deadline = parse_date(child_text(hearing, "innspillsfrist"))
        if not title or deadline is None:
            raise FormatChanged(f"Høring {hearing_id} mangler tittel eller innspillsfrist.")
        reference = child_text(case, "sak_henvisning")
        return Item(
            source=self.name,
            external_id=hearing_id,
            title=title,
            url=HEARING_PAGE.format(id=hearing_id),
            authority_name=child_text(hearing, "komite/navn"),
            case_number=reference,
            published_on=parse_date(child_text(hearing, "start_dato")),
            deadline=deadline,
            summary=" ".join(
                part
                for part in (
                    child_text(case, "sak_korttittel"),
                    child_text(hearing, "status_info_tekst"),
                )
                if part
            ),
            documents=[{"title": reference, "url": CASE_PAGE.format(id=child_text(case, "sak_id"))}]
            if reference
            else [],
            stortinget_case_id=child_text(case, "sak_id"),
        )

    def read_case(self, case_id):
        """One case's progress as a dict: title, status, committee and its steps
        ``[(key, label, evidence_kind, title, url)]`` in the order they happen."""
        root = parse_xml(self.get(f"eksport/sak?sakid={case_id}", conditional=False).body, "Saken")
        if root.tag != "detaljert_sak" or not child_text(root, "id"):
            raise FormatChanged(f"Stortingssak {case_id} kom ikke som «detaljert_sak».")
        status = child_text(root, "status")
        committee = child_text(root, "komite/navn")
        title = child_text(root, "korttittel") or child_text(root, "tittel")
        page = CASE_PAGE.format(id=case_id)
        steps = []
        if status in ("til_behandling", "behandlet") and committee:
            steps.append(("komite", f"Sendt til {committee}", "other", title, page))
        for publication in root.findall("publikasjon_referanse_liste/publikasjon_referanse"):
            kind = child_text(publication, "type")
            text = child_text(publication, "lenke_tekst")
            url = child_text(publication, "lenke_url") or page
            export_id = child_text(publication, "eksport_id") or text
            if kind == "innst":
                steps.append(
                    (
                        f"innst:{export_id}",
                        f"Innstilling avgitt: {text}",
                        "recommendation",
                        text,
                        url,
                    )
                )
            elif kind == "referat":
                steps.append(
                    (f"debatt:{export_id}", f"Debattert i Stortinget: {text}", "minutes", text, url)
                )
            elif kind == "lovvedtak":
                steps.append((f"lovvedtak:{export_id}", f"Lovvedtak: {text}", "law", text, url))
        if status == "behandlet":
            decision = child_text(root, "kortvedtak") or child_text(root, "vedtakstekst")
            steps.append(
                ("vedtak", f"Behandlet i Stortinget: {decision}"[:200], "other", title, page)
            )
        return {"title": title, "status": status, "committee": committee, "steps": steps}
