"""Word export of the model relatives' agreement (Pårørendeavtale): numbered clauses (§ 1,
§ 2 … with the paragraphs of each clause numbered 1.1, 1.2 by Word's own numbering), fill-in
fields as Word content controls, the guidance for services included or left out, and a
signature table; and the agreement's blocks. Registered with the Word library in
wagtail_hooks.py."""

from dataclasses import dataclass, field
from datetime import date

from home.docx import LetterHeadLayout
from wordexport.blocks import rich_source
from wordexport.content_controls import tagged_block, tagged_field
from wordexport.engine import DocxWriter, norwegian_date
from wordexport.styles import TEXT_WIDTH
from wordexport.xml import W_P, paragraph_style, set_paragraph_style

from .blocks import ChangeLogEntryBlock, ClauseBlock
from .models import AgreementPage


@dataclass
class Clause:
    title: str
    text_html: str = ""  # the clause's agreement text
    subclauses: list = field(default_factory=list)  # rich text each, numbered 1.1, 1.2 …
    guidance_html: str = ""  # «Veiledning» for the service, included only on request
    block_id: str = ""  # the StreamField block id: tags the clause for the Word round trip


@dataclass
class AgreementData:
    title: str
    version: str = ""
    version_date: date | None = None
    intro_html: str = ""
    clauses: list = field(default_factory=list)
    parties: list = field(default_factory=lambda: ["For tjenesten", "For pårørende"])
    change_log: list = field(default_factory=list)  # (version, date or None, text)
    organisation: str = ""


def write_clause(writer, clause, *, include_guidance):
    """«§ n Title» (Word numbering), the text, sub-clauses n.1, n.2 … and the guidance.

    In an editor's export the title, the text and each sub-clause are tagged fields of the
    clause's block, read back by the round trip; the guidance stays outside the block (it
    is advice to the services, not agreement text, and is not read back)."""
    label = f"Avtalepunkt «{clause.title}»"
    with tagged_block(writer, clause.block_id, label):
        with tagged_field(writer, "title", "Overskrift"):
            p = writer.paragraph(style="Clause", keep_next=True)
            writer.text(p, clause.title)
        writer.headings.append((1, clause.title, None))
        with tagged_field(writer, "text", "Avtaletekst"):
            writer.rich_text(clause.text_html)
        for index, subclause in enumerate(clause.subclauses):
            with tagged_field(writer, f"subclause:{index}", f"Underpunkt {index + 1}"):
                write_subclause(writer, subclause)
    if include_guidance and clause.guidance_html:
        write_guidance(writer, clause.guidance_html)


def write_subclause(writer, html):
    """A sub-clause: its first paragraph numbered (1.1), the rest indented under it."""
    start = len(writer.container)
    previous = writer.default_style
    writer.default_style = "SubClause"
    try:
        writer.rich_text(html)
    finally:
        writer.default_style = previous
    numbered = False
    for p in writer.container[start:]:
        if p.tag != W_P or paragraph_style(p) != "SubClause":
            continue
        if numbered:
            set_paragraph_style(p, "Normal", indent=567)
        numbered = True


def write_guidance(writer, html):
    previous = writer.default_style
    writer.default_style = "Guidance"
    try:
        writer.paragraph("Veiledning til tjenesten", "Guidance", bold=True, keep_next=True)
        writer.rich_text(html)
    finally:
        writer.default_style = previous


def write_agreement(agreement, *, include_guidance=True, draft_label=None, base_url=None):
    writer = DocxWriter(
        base_url=base_url,
        title=agreement.title,
        subject="Pårørendeavtale",
        draft_label=draft_label,
        h2_level=2,
    )
    writer.fill_in_tokens = True
    writer.paragraph(agreement.title, "Title")
    meta = []
    if agreement.version:
        meta.append(f"Versjon {agreement.version}")
    if agreement.version_date:
        meta.append(norwegian_date(agreement.version_date))
    if agreement.organisation:
        meta.append(f"Mal fra {agreement.organisation}")
    if meta:
        writer.paragraph(" · ".join(meta), "Subtitle")
    if not include_guidance:
        note = "Veiledningen til tjenestene er utelatt i denne utgaven."
    else:
        note = "Veiledningen til tjenestene står i gule felt og kan slettes før bruk."
    writer.paragraph(note, "Caption")
    writer.rich_text(agreement.intro_html)

    for clause in agreement.clauses:
        write_clause(writer, clause, include_guidance=include_guidance)

    # a last clause «Underskrifter» gets the signature table; otherwise it has its own heading
    last = agreement.clauses[-1].title.lower() if agreement.clauses else ""
    write_signatures(writer, agreement.parties, heading="underskrift" not in last)

    if agreement.change_log:
        writer.heading("Endringslogg", 2, bookmark=False)
        rows = [["Versjon", "Dato", "Endring"]]
        for version, when, text in agreement.change_log:
            rows.append([version, norwegian_date(when) if when else "", text])
        writer.table(rows, header_rows=1, widths=[1300, 2000, TEXT_WIDTH - 3300])
    return writer.to_bytes()


def write_signatures(writer, parties, heading=True):
    if heading:
        writer.heading("Underskrifter", 2, bookmark=False)
    width = TEXT_WIDTH // max(1, len(parties))
    _table, add_row = writer.layout_table([width] * len(parties))
    for cell, party in zip(add_row(), parties, strict=True):
        with writer.cell_container(cell):
            writer.paragraph(party, "BoxTitle")
    for cell, party in zip(add_row(), parties, strict=True):
        with writer.cell_container(cell):
            p = writer.paragraph("Sted og dato: ", "TableText")
            writer.content_control(
                p,
                f"Sted og dato ({party.lower()})",
                tag=f"signatur:sted:{party}",
                placeholder="[Sted og dato]",
            )
    for cell in add_row():
        with writer.cell_container(cell):
            writer.paragraph(style="TableText")
            writer.paragraph(style="TableText")
            writer.paragraph("_" * 34, "TableText")
            writer.paragraph("Underskrift", "RefLabel")
    for cell, party in zip(add_row(), parties, strict=True):
        with writer.cell_container(cell):
            p = writer.paragraph("Navn med blokkbokstaver: ", "TableText")
            writer.content_control(
                p, f"Navn ({party.lower()})", tag=f"signatur:navn:{party}", placeholder="[Navn]"
            )


# -- the agreement's blocks ------------------------------------------------------------------


def clause_from_value(value, block_id=""):
    return Clause(
        title=value.get("title") or "",
        text_html=rich_source(value.get("text")),
        subclauses=[rich_source(item) for item in (value.get("subclauses") or [])],
        guidance_html=rich_source(value.get("guidance")),
        block_id=str(block_id or ""),
    )


def write_clause_block(writer, block, value, block_id):
    write_clause(writer, clause_from_value(value, block_id), include_guidance=False)


def write_change(writer, block, value, block_id):
    when = norwegian_date(value["date"]) if value.get("date") else ""
    writer.paragraph(
        f"Versjon {value.get('version') or ''} ({when}): {value.get('description') or ''}"
    )


def block_writers():
    return {ClauseBlock: write_clause_block, ChangeLogEntryBlock: write_change}


# -- the page --------------------------------------------------------------------------------


def agreement_data(page, organisation):
    change_log = [
        (
            entry.value.get("version") or "",
            entry.value.get("date"),
            entry.value.get("description") or "",
        )
        for entry in page.change_log
    ]
    status = page.get_status_display()
    return AgreementData(
        title=page.title,
        version=f"{page.version} ({status.lower()})" if not page.is_adopted else page.version,
        version_date=page.adopted_at,
        intro_html=rich_source(page.intro),
        clauses=[clause_from_value(child.value, child.id) for child in page.clauses],
        change_log=change_log,
        organisation=organisation.short_name or organisation.name,
    )


class AgreementLayout(LetterHeadLayout):
    """The agreement, with or without the guidance for the services (?veiledning=nei)."""

    guidance_choice = True

    def write(self, options):
        return write_agreement(
            agreement_data(self.page, self.organisation),
            include_guidance=options.include_guidance,
            draft_label=options.draft_label,
        )


def page_layouts():
    return {AgreementPage: AgreementLayout}
