"""Word export of advocacy's blocks (a proposal or demand, set apart in a box) and of the
board's half-year report (advocacy.outcomes.queries.HalfYear): the period's figures,
the events by kind and the list of published events. Registered with the Word library in
wagtail_hooks.py."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.decorators.http import require_safe
from wagtail.models import Site

from wordexport.blocks import rich_source
from wordexport.content_controls import tagged_block, tagged_field
from wordexport.engine import DocxWriter, norwegian_date
from wordexport.layouts import letter_head
from wordexport.styles import TEXT_WIDTH
from wordexport.views import docx_response

from .blocks import DemandBlock, ProposalBlock
from .outcomes.queries import HalfYear
from .permissions import VIEW_PROPOSAL


def write_proposal(writer, block, value, block_id):
    lead_in = getattr(block.meta, "lead_in", "LPP foreslår")
    # Marked with its block id: an edited Word file comes back as the same proposal
    # (consultations/word_import/roundtrip.py).
    with tagged_block(writer, block_id, lead_in), writer.box("proposal"):
        writer.paragraph(lead_in, "BoxTitle")
        with tagged_field(writer, "text", "Forslaget"):
            writer.paragraph((value.get("text") or "").strip(), bold=True)
        with tagged_field(writer, "rationale", "Begrunnelse"):
            writer.rich_text(rich_source(value.get("rationale")))


def block_writers():
    return {ProposalBlock: write_proposal, DemandBlock: write_proposal}


# -- the half-year report --------------------------------------------------------------------


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


@require_safe
def half_year_report_export(request):
    """The board's half-year report as Word, with the report page's filters (period,
    authority), read by the same queries (advocacy.outcomes.queries). Staff with access to
    the outcome reports only."""
    if not request.user.has_perm(VIEW_PROPOSAL):
        raise PermissionDenied
    half_year = HalfYear.from_query(request.GET)
    organisation = letter_head(Site.find_for_request(request))
    data = write_half_year_report(
        half_year.summary(),
        half_year.events(),
        organisation=organisation.name if organisation is not None else "",
        sections=half_year.sections(),
    )
    start, end = half_year.start, half_year.end
    return docx_response(data, f"halvarsrapport-{start:%Y-%m-%d}-{end:%Y-%m-%d}.docx", private=True)


def admin_urls():
    return [
        path(
            "word-eksport/halvarsrapport/",
            half_year_report_export,
            name="lpp_docx_half_year",
        )
    ]
