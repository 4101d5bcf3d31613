"""The board's half-year report (advocacy.outcomes.reports.HalfYearReport) as a Word document:
the period's figures, the events by kind and the list of published events."""

from .engine import DocxWriter, norwegian_date
from .styles import TEXT_WIDTH


def write_half_year_report(summary, events, *, organisation="", sections=()):
    """``sections``: the report_sections other apps add (consultations answered, declined
    and missed), each written after the summary with its counts and its list."""
    writer = DocxWriter(
        title="Halvårsrapport til landsstyret",
        subject="Oppfølging av forslag",
        header_text=f"Halvårsrapport {summary['start']} – {summary['end']}",
    )
    if organisation:
        writer.paragraph(organisation, "TitlePageMeta")
    writer.paragraph("Halvårsrapport til landsstyret", "Title")
    writer.paragraph(f"Perioden {summary['start']} – {summary['end']}", "Subtitle")
    writer.heading("Sammendrag", 1, bookmark=False)
    writer.simple_list(
        [
            f"Sendt inn: {summary['submitted']} forslag i {summary['documents']} dokumenter.",
            f"Avgjort i perioden: {summary['decided']} forslag, hvorav {summary['adopted']} helt "
            "eller delvis tatt til følge"
            + (f" ({summary['rate']} %)." if summary.get("rate") is not None else "."),
        ]
    )
    writer.paragraph("Publiserte hendelser i perioden", "Caption")
    writer.table(
        [["Hva skjedde", "Antall"]] + [[label, str(count)] for label, count in summary["by_kind"]],
        header_rows=1,
        widths=[TEXT_WIDTH - 1800, 1800],
    )
    writer.paragraph(style="TableText")
    for section in sections:
        _write_section(writer, section)
    writer.heading("Hendelsene", 1, bookmark=False)
    rows = [["Dato", "Hva skjedde", "Forslag", "Dokument", "Rettet mot", "Kilde"]]
    for event in events:
        proposal = event.proposal
        rows.append(
            [
                norwegian_date(event.date),
                event.get_kind_display(),
                proposal.text,
                getattr(proposal, "document_title", "") or "",
                str(proposal.target_authority or ""),
                event.evidence_title or "",
            ]
        )
    if len(rows) == 1:
        writer.paragraph("Ingen publiserte hendelser i perioden.")
    else:
        writer.table(rows, header_rows=1, widths=[1300, 1400, 2570, 1500, 1200, 1100])
    return writer.to_bytes()


def _write_section(writer, section):
    writer.heading(section.heading, 1, bookmark=False)
    writer.simple_list([f"{label}: {count}" for label, count in section.counts])
    if not section.rows:
        writer.paragraph(section.empty)
        return
    columns = len(section.columns)
    width = TEXT_WIDTH // columns
    writer.table(
        [list(section.columns)] + [list(row.cells) for row in section.rows],
        header_rows=1,
        widths=[width] * (columns - 1) + [TEXT_WIDTH - width * (columns - 1)],
    )
    writer.paragraph(style="TableText")
