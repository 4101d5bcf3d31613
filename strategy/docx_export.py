"""The board report and the midterm grid as Word documents, written with the project's
Word engine (advocacy.docx.engine) in LPP's styles."""

from advocacy.docx.engine import DocxWriter, norwegian_date
from advocacy.docx.styles import TEXT_WIDTH

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
    review = data["review"]
    title = f"Strategirapport til landsstyret – {review.period_label}"
    writer = DocxWriter(title=title, subject=review.plan.title, header_text=title)
    if organisation:
        writer.paragraph(organisation, "TitlePageMeta")
    writer.paragraph("Strategirapport til landsstyret", "Title")
    writer.paragraph(f"{review.plan.title} · {review.period_label}", "Subtitle")
    if review.approved_at:
        writer.paragraph(f"Godkjent av landsstyret {norwegian_date(review.approved_at.date())}.")
    else:
        writer.paragraph("UTKAST – ikke godkjent av landsstyret.", bold=True)
    if review.summary:
        writer.heading("Samlet vurdering", 1, bookmark=False)
        writer.paragraph(review.summary)

    writer.heading("Fremdrift per innsatsområde", 1, bookmark=False)
    rows = [["Innsatsområde", *[SHORT_STATUS[v] for v, _l in StatusChoice.choices], "I alt"]]
    for area in data["progress"]:
        rows.append([str(area["area"]), *[str(n) for _l, n in area["counts"]], str(area["total"])])
    widths = [TEXT_WIDTH - 7 * 1000] + [1000] * 7
    writer.table(rows, header_rows=1, widths=widths)
    writer.paragraph(style="TableText")

    late = [row for area in data["progress"] for row in area["late"]]
    writer.heading("Forsinket eller over tidsrammen", 1, bookmark=False)
    if late:
        writer.simple_list(
            [
                f"{row.measure.title} ({row.measure.timeframe}): "
                f"{STATUS_LABELS[row.status.status]}"
                + (" – over tidsrammen" if row.overdue else "")
                for row in late
            ]
        )
    else:
        writer.paragraph("Ingen tiltak er forsinket eller over tidsrammen.")
    changed = [row for area in data["progress"] for row in area["changed"]]
    writer.heading("Endret siden forrige periode", 1, bookmark=False)
    if changed:
        writer.simple_list(
            [
                f"{row.measure.title}: {STATUS_LABELS[row.previous.status]} → "
                f"{STATUS_LABELS[row.status.status]}"
                for row in changed
            ]
        )
    else:
        writer.paragraph("Ingen tiltak har endret status siden forrige periode.")

    writer.heading("Indikatorer", 1, bookmark=False)
    if data["indicators"]:
        rows = [["Indikator", "Mål", "Innen", "Siste verdi", "Dato", "Andel av mål"]]
        for item in data["indicators"]:
            indicator, latest = item["indicator"], item["latest"]
            rows.append(
                [
                    indicator.title,
                    f"{item['target']} {indicator.unit}",
                    norwegian_date(indicator.deadline),
                    f"{item['value']} {indicator.unit}" if latest else "Ikke målt",
                    norwegian_date(latest.date) if latest else "",
                    f"{item['share']} %" if item["share"] is not None else "",
                ]
            )
        writer.table(rows, header_rows=1, widths=[2400, 1400, 1500, 1500, 1400, TEXT_WIDTH - 8200])
        writer.paragraph(style="TableText")
    else:
        writer.paragraph("Planen har ingen indikatorer.")

    writer.heading("Påvirkningsarbeidet i perioden", 1, bookmark=False)
    for label, figures in data["advocacy"]:
        writer.paragraph(label, "Caption")
        writer.table(
            [["", "Antall"]] + [[f.label, f.value] for f in figures],
            header_rows=1,
            widths=[TEXT_WIDTH - 1800, 1800],
        )
        writer.paragraph(style="TableText")

    survey = data["survey"]
    if survey:
        writer.heading("Medlemsundersøkelsen", 1, bookmark=False)
        writer.paragraph(f"{survey['responses']} svar.")
        for item in survey["items"]:
            line = item["question"].text
            if item["average"]:
                line += f" – snitt {item['average']} av 5 ({item['answers']} svar)"
            writer.paragraph(line, bold=True)
            if item["texts"]:
                writer.simple_list(item["texts"])

    writer.heading("Alle tiltak", 1, bookmark=False)
    current = None
    for row in data["rows"]:
        area = row.measure.focus_area
        if area.pk != current:
            current = area.pk
            writer.heading(str(area), 2, bookmark=False)
        status = row.status
        writer.paragraph(row.measure.title, bold=True, keep_next=True)
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
        writer.simple_list(details)
    return writer.to_bytes()


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
