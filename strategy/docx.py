"""The board report and the midterm grid as Word documents, written with the project's
Word library (wordexport) in LPP's styles."""

from base.dates import long_date
from wordexport.engine import DocxWriter
from wordexport.styles import TEXT_WIDTH

from .models import StatusChoice
from .report import STATUS_LABELS

SHORT_STATUS = {
    StatusChoice.NOT_STARTED: "Ikke startet",
    StatusChoice.ON_TRACK: "I rute",
    StatusChoice.DELAYED: "Forsinket",
    StatusChoice.DONE: "Fullført",
    StatusChoice.STOPPED: "Stoppet",
    StatusChoice.CONTINUOUS: "Løpende",
}


def write_board_report(data, *, organisation=""):
    """The board's half-year strategy report: the plan's progress per focus area, what is
    late or changed, the indicators, the advocacy figures, the member survey and every
    measure's status."""
    review = data["review"]
    title = f"Strategirapport til landsstyret – {review.period_label}"
    writer = DocxWriter(title=title, subject=review.plan.title, header_text=title)
    _write_title(writer, review, organisation)
    _write_progress(writer, data["progress"])
    _write_indicators(writer, data["indicators"])
    _write_advocacy(writer, data["advocacy"])
    _write_survey(writer, data["survey"])
    _write_measures(writer, data["rows"])
    return writer.to_bytes()


def _write_title(writer, review, organisation):
    if organisation:
        writer.paragraph(organisation, "TitlePageMeta")
    writer.paragraph("Strategirapport til landsstyret", "Title")
    writer.paragraph(f"{review.plan.title} · {review.period_label}", "Subtitle")
    if review.approved_at:
        # The day in Oslo: an approval at 00.30 on the 24th is 23.30 UTC on the 23rd.
        writer.paragraph(f"Godkjent av landsstyret {long_date(review.approved_at)}.")
    else:
        writer.paragraph("UTKAST – ikke godkjent av landsstyret.", bold=True)
    if review.summary:
        writer.heading("Samlet vurdering", 1, bookmark=False)
        writer.paragraph(review.summary)


def _write_progress(writer, progress):
    writer.heading("Fremdrift per innsatsområde", 1, bookmark=False)
    rows = [["Innsatsområde", *[SHORT_STATUS[v] for v, _l in StatusChoice.choices], "I alt"]]
    for area in progress:
        rows.append([str(area["area"]), *[str(n) for _l, n in area["counts"]], str(area["total"])])
    widths = [TEXT_WIDTH - 7 * 1000] + [1000] * 7
    writer.table(rows, header_rows=1, widths=widths)
    writer.paragraph(style="TableText")

    late = [row for area in progress for row in area["late"]]
    writer.heading("Forsinket eller over tidsrammen", 1, bookmark=False)
    _list_or(
        writer,
        [
            f"{row.measure.title} ({row.measure.timeframe}): "
            f"{STATUS_LABELS[row.status.status]}" + (" – over tidsrammen" if row.overdue else "")
            for row in late
        ],
        "Ingen tiltak er forsinket eller over tidsrammen.",
    )
    changed = [row for area in progress for row in area["changed"]]
    writer.heading("Endret siden forrige periode", 1, bookmark=False)
    _list_or(
        writer,
        [
            f"{row.measure.title}: {STATUS_LABELS[row.previous.status]} → "
            f"{STATUS_LABELS[row.status.status]}"
            for row in changed
        ],
        "Ingen tiltak har endret status siden forrige periode.",
    )


def _list_or(writer, items, empty):
    if items:
        writer.simple_list(items)
    else:
        writer.paragraph(empty)


def _write_indicators(writer, indicators):
    writer.heading("Indikatorer", 1, bookmark=False)
    if not indicators:
        writer.paragraph("Planen har ingen indikatorer.")
        return
    rows = [["Indikator", "Mål", "Innen", "Siste verdi", "Dato", "Andel av mål"]]
    for item in indicators:
        indicator, latest = item["indicator"], item["latest"]
        rows.append(
            [
                indicator.title,
                f"{item['target']} {indicator.unit}",
                long_date(indicator.deadline),
                f"{item['value']} {indicator.unit}" if latest else "Ikke målt",
                long_date(latest.date) if latest else "",
                f"{item['share']} %" if item["share"] is not None else "",
            ]
        )
    writer.table(rows, header_rows=1, widths=[2400, 1400, 1500, 1500, 1400, TEXT_WIDTH - 8200])
    writer.paragraph(style="TableText")


def _write_advocacy(writer, advocacy):
    writer.heading("Påvirkningsarbeidet i perioden", 1, bookmark=False)
    for label, figures in advocacy:
        writer.paragraph(label, "Caption")
        writer.table(
            [["", "Antall"]] + [[f.label, f.value] for f in figures],
            header_rows=1,
            widths=[TEXT_WIDTH - 1800, 1800],
        )
        writer.paragraph(style="TableText")


def _write_survey(writer, survey):
    if not survey:
        return
    writer.heading("Medlemsundersøkelsen", 1, bookmark=False)
    writer.paragraph(f"{survey['responses']} svar.")
    for item in survey["items"]:
        line = item["question"].text
        if item["average"]:
            line += f" – snitt {item['average']} av 5 ({item['answers']} svar)"
        writer.paragraph(line, bold=True)
        if item["texts"]:
            writer.simple_list(item["texts"])


def _write_measures(writer, rows):
    writer.heading("Alle tiltak", 1, bookmark=False)
    current = None
    for row in rows:
        area = row.measure.focus_area
        if area.pk != current:
            current = area.pk
            writer.heading(str(area), 2, bookmark=False)
        writer.paragraph(row.measure.title, bold=True, keep_next=True)
        writer.simple_list(_measure_details(row))


def _measure_details(row):
    status = row.status
    details = [
        f"Tidsramme: {row.measure.timeframe}. Ansvarlig: {row.measure.responsible_display}.",
        f"Status: {STATUS_LABELS[status.status]}"
        + (" (over tidsrammen)" if row.overdue else "")
        + (f", forrige periode: {STATUS_LABELS[row.previous.status]}" if row.previous else "")
        + ".",
    ]
    if row.figures:
        details.append(
            "Tall fra systemet: " + "; ".join(f"{f.label}: {f.value}" for f in row.figures)
        )
    if status.assessment:
        details.append(f"Vurdering: {status.assessment}")
    if status.next_step:
        details.append(f"Neste steg: {status.next_step}")
    for report in row.chapter_reports:
        details.append(
            f"{report.chapter.name}: {STATUS_LABELS[report.status]}"
            + (f" – {report.comment}" if report.comment else "")
        )
    return details


def write_midterm(plan, reviews, rows, *, organisation=""):
    title = f"Midtveisevaluering – {plan.title}"
    writer = DocxWriter(title=title, subject="Status over tid", header_text=title)
    if organisation:
        writer.paragraph(organisation, "TitlePageMeta")
    writer.paragraph("Midtveisevaluering", "Title")
    writer.paragraph(f"{plan.title}: status for hvert tiltak i hver periode", "Subtitle")
    if not reviews:
        writer.paragraph("Ingen halvårsgjennomganger ennå.")
        return writer.to_bytes()
    header = ["Tiltak", *[f"{r.half}/{str(r.year)[2:]}" for r in reviews]]
    first = max(2200, TEXT_WIDTH - 900 * len(reviews))
    rest = max(400, (TEXT_WIDTH - first) // len(reviews))
    current = None
    table = None
    for measure, cells in rows:
        area = measure.focus_area
        if area.pk != current:
            if table:
                writer.table(table, header_rows=1, widths=[first] + [rest] * len(reviews))
                writer.paragraph(style="TableText")
            current = area.pk
            writer.heading(str(area), 1, bookmark=False)
            table = [header]
        label = measure.title + (" (utgått)" if measure.retired_at else "")
        table.append([label, *[SHORT_STATUS.get(c.status, "") if c else "–" for c in cells]])
    if table:
        writer.table(table, header_rows=1, widths=[first] + [rest] * len(reviews))
    writer.paragraph("Kolonnene er halvår: 1/26 er 1. halvår 2026. – betyr ikke vurdert.")
    return writer.to_bytes()
