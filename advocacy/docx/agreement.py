"""The model relatives' agreement (Pårørendeavtale): numbered clauses (§ 1, § 2 … with the
paragraphs of each clause numbered 1.1, 1.2 by Word's own numbering), fill-in fields as Word
content controls, the guidance for services included or left out, and a signature table."""

from dataclasses import dataclass, field
from datetime import date

from .engine import W_P, DocxWriter, norwegian_date, paragraph_style, set_paragraph_style
from .styles import TEXT_WIDTH


@dataclass
class Clause:
    title: str
    text_html: str = ""  # the clause's agreement text
    subclauses: list = field(default_factory=list)  # rich text each, numbered 1.1, 1.2 …
    guidance_html: str = ""  # «Veiledning» for the service, included only on request


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
    """«§ n Title» (Word numbering), the text, sub-clauses n.1, n.2 … and the guidance."""
    p = writer.paragraph(style="Clause", keep_next=True)
    writer.text(p, clause.title)
    writer.headings.append((1, clause.title, None))
    writer.rich_text(clause.text_html)
    for subclause in clause.subclauses:
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
