"""Regenerate the sample letters the Word import is tested and benchmarked on.

    .venv/bin/python consultations/tests/samples/word/make_samples.py

Each letter is written the way a different tool or habit writes Word files (python-docx
with real styles, direct formatting and typed numbering, pandoc from Markdown, LibreOffice
from HTML), with tracked changes, comments, text boxes, footnotes and letter heads in a
table or in the page header. ``expected/<name>.json`` says what a faithful reader finds;
it is written by hand here, never from a reader's output. The texts are invented."""

import copy
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK  # noqa: F401 (kept for hand edits)
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt  # noqa: F401

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"


# -- python-docx helpers -------------------------------------------------------------


def numbered(document, text, level=0, num_id=None, bullet=False):
    """A paragraph with automatic numbering (w:numPr) at ``level``."""
    style = "List Bullet" if bullet else "List Number"
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(text)
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numpr.append(ilvl)
    if num_id is not None:
        nid = OxmlElement("w:numId")
        nid.set(qn("w:val"), str(num_id))
        numpr.append(nid)
    else:
        style_numpr = document.styles[style].element.pPr.numPr
        numpr.append(copy.deepcopy(style_numpr.numId))
    ppr.append(numpr)
    return paragraph


def multilevel_numbering(document):
    """A two-level list definition («1.» then «a.»), as Word's numbering gallery makes."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2."/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    numbering.append(num)
    return 90


def hyperlink(paragraph, url, text):
    part = paragraph.part
    r_id = part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def tracked(paragraph, inserted, deleted):
    """A tracked insertion and a tracked deletion, as Word writes them."""
    ins = parse_xml(
        f'<w:ins {nsdecls("w")} w:id="901" w:author="Kari" w:date="2024-03-01T10:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
    )
    dele = parse_xml(
        f'<w:del {nsdecls("w")} w:id="902" w:author="Kari" w:date="2024-03-01T10:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
    )
    paragraph._p.append(dele)
    paragraph._p.append(ins)


def text_box(paragraph, text):
    """A text box (VML, as older Word and LibreOffice write it)."""
    run = parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:shape style="width:200pt;height:60pt"><v:textbox><w:txbxContent>'
        f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(run)


def table(document, rows, style="Table Grid"):
    t = document.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = style
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    return t


# -- the letters ---------------------------------------------------------------------


def letter_styles(path):
    """Real heading styles, automatic nested numbering, a letter head in a table, a
    comment and tracked changes."""
    document = docx.Document()
    head = table(
        document,
        [
            ["Helse- og omsorgsdepartementet", "Deres ref.: 23/4512"],
            ["Postboks 8011 Dep, 0030 Oslo", "Vår ref.: LPP-2024-07"],
            ["", "Oslo, 12. mars 2024"],
        ],
        style="Normal Table",
    )
    del head
    document.add_paragraph(
        "Høringssvar – forslag til endringer i pasient- og brukerrettighetsloven"
    )
    document.styles  # noqa: B018
    p = document.add_paragraph(
        "Vi viser til departementets høringsbrev med høringsfrist 15. mars 2024. "
    )
    tracked(p, "LPP takker for muligheten til å svare.", "Vi har ingen merknader.")
    document.add_heading("Innledning", level=1)
    p = document.add_paragraph("Pårørende er en ")
    p.add_run("viktig").bold = True
    p.add_run(" ressurs, og ")
    p.add_run("taushetsplikten").italic = True
    p.add_run(" hindrer ofte samarbeid. Se ")
    hyperlink(p, "https://www.lpp.no/", "LPPs nettsted")
    p.add_run(".")
    document.add_comment(p.runs[0], text="Bør vi sitere undersøkelsen?", author="Ola")
    document.add_heading("Barn som pårørende", level=2)
    document.add_paragraph(
        "LPP foreslår at barn som pårørende får en lovfestet rett til samtale med helsepersonell."
    )
    document.add_heading("Våre forslag", level=1)
    num = multilevel_numbering(document)
    numbered(document, "Pårørende får rett til informasjon om behandlingsplanen.", 0, num)
    numbered(document, "Helseforetakene skal ha en pårørendekontakt.", 0, num)
    numbered(document, "Kontakten skal være kjent for pasienten.", 1, num)
    numbered(document, "Kontakten skal svare innen to virkedager.", 1, num)
    numbered(document, "Tvangsvedtak skal varsles nærmeste pårørende.", 0, num)
    document.add_heading("Tall fra undersøkelsen", level=2)
    table(
        document, [["Spørsmål", "Andel"], ["Fikk informasjon", "34 %"], ["Ble involvert", "21 %"]]
    )
    document.add_paragraph("Med vennlig hilsen")
    document.add_paragraph("Kari Nordmann, styreleder")
    document.save(path)
    return {
        "title": "forslag til endringer i pasient- og brukerrettighetsloven",
        "authority": "Helse- og omsorgsdepartementet",
        "case_number": "23/4512",
        "our_reference": "LPP-2024-07",
        "deadline": "2024-03-15",
        "sent_on": "2024-03-12",
        "headings": ["Innledning", "Barn som pårørende", "Våre forslag", "Tall fra undersøkelsen"],
        "list_items": [
            [0, "1.", "Pårørende får rett til informasjon om behandlingsplanen."],
            [0, "2.", "Helseforetakene skal ha en pårørendekontakt."],
            [1, "a.", "Kontakten skal være kjent for pasienten."],
            [1, "b.", "Kontakten skal svare innen to virkedager."],
            [0, "3.", "Tvangsvedtak skal varsles nærmeste pårørende."],
        ],
        "tables": 1,
        "links": ["https://www.lpp.no/"],
        "footnotes": [],
        "kept": ["LPP takker for muligheten til å svare."],
        "dropped": ["Vi har ingen merknader.", "Bør vi sitere undersøkelsen?"],
        "proposals": [
            "LPP foreslår at barn som pårørende får en lovfestet rett til samtale med helsepersonell.",
            "Pårørende får rett til informasjon om behandlingsplanen.",
            "Helseforetakene skal ha en pårørendekontakt.",
            "Tvangsvedtak skal varsles nærmeste pårørende.",
        ],
    }


def letter_direct(path):
    """Bold direct formatting instead of heading styles, typed numbering «1.» and «a)»,
    the letter head in the page header, bold lead sentences and a text box."""
    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Landsforeningen for Pårørende innen Psykisk helse"
    header.add_paragraph("Helsedirektoratet · Deres ref. 24/118-3 · Vår ref. 2024/31")
    document.add_paragraph("Oslo, 3. juni 2024")
    subject = document.add_paragraph()
    subject.add_run(
        "Høring: Nasjonal faglig retningslinje for tvang i psykisk helsevern"
    ).bold = True
    document.add_paragraph("Høringsfrist: 10.06.2024")
    heading = document.add_paragraph()
    heading.add_run("Generelle merknader").bold = True
    p = document.add_paragraph()
    p.add_run("Retningslinjen må gjelde alle døgnenheter. ").bold = True
    p.add_run("Mange pårørende forteller at praksis varierer mellom enhetene.")
    box = document.add_paragraph("Se faktaboksen: ")
    text_box(box, "Faktaboks: 4 av 10 pårørende ble ikke informert om tvangsvedtaket.")
    heading = document.add_paragraph()
    heading.add_run("Forslag").bold = True
    document.add_paragraph("1. Pårørende skal informeres før vedtak om tvang.")
    document.add_paragraph("2. Direktoratet bør lage en veileder om samtykke:")
    document.add_paragraph("a) for voksne pasienter,")
    document.add_paragraph("b) for barn og unge.")
    document.add_paragraph("3. Evalueringen skal ta med pårørendes erfaringer.")
    heading = document.add_paragraph()
    heading.add_run("Avslutning").bold = True
    document.add_paragraph(
        "Vi ber direktoratet om et møte om oppfølgingen. LPP bidrar gjerne med erfaringer."
    )
    document.add_paragraph("Med vennlig hilsen\nOla Nordmann\ngeneralsekretær")
    document.save(path)
    return {
        "title": "Nasjonal faglig retningslinje for tvang i psykisk helsevern",
        "authority": "Helsedirektoratet",
        "case_number": "24/118-3",
        "our_reference": "2024/31",
        "deadline": "2024-06-10",
        "sent_on": "2024-06-03",
        "headings": ["Generelle merknader", "Forslag", "Avslutning"],
        "list_items": [
            [0, "1.", "Pårørende skal informeres før vedtak om tvang."],
            [0, "2.", "Direktoratet bør lage en veileder om samtykke:"],
            [1, "a)", "for voksne pasienter,"],
            [1, "b)", "for barn og unge."],
            [0, "3.", "Evalueringen skal ta med pårørendes erfaringer."],
        ],
        "tables": 0,
        "links": [],
        "footnotes": [],
        "kept": ["Faktaboks: 4 av 10 pårørende ble ikke informert om tvangsvedtaket."],
        "dropped": [],
        "proposals": [
            "Retningslinjen må gjelde alle døgnenheter.",
            "Pårørende skal informeres før vedtak om tvang.",
            "Direktoratet bør lage en veileder om samtykke:",
            "Evalueringen skal ta med pårørendes erfaringer.",
            "Vi ber direktoratet om et møte om oppfølgingen.",
        ],
    }


PANDOC_LETTER = """\
Arbeids- og inkluderingsdepartementet

Deres ref.: 22/3301 · Vår ref.: 2023-12

Oslo, 20. november 2023

**Høringssvar – NOU 2023: 5 Den store forskjellen**

Høringsfrist 1. desember 2023.

# Pårørendes økonomi

Mange pårørende går ned i stilling.[^1] Se [rapporten](https://www.regjeringen.no/nou2023-5).

> Pårørende er samfunnets usynlige helsepersonell.

LPP mener at pleiepengeordningen må utvides til pårørende av voksne med alvorlig psykisk lidelse.

## Våre forslag

1. Pleiepenger for pårørende av voksne.
2. Kompensasjon for tapt pensjonsopptjening:
    a. for foreldre,
    b. for ektefeller.
3. Rett til fleksibel arbeidstid.

| Ordning | Gjelder i dag |
|---|---|
| Pleiepenger | barn under 18 år |
| Omsorgsstønad | kommunalt skjønn |

Med vennlig hilsen

Kari Nordmann, styreleder

[^1]: Pårørendeundersøkelsen 2022, LPP.
"""


def letter_pandoc(path):
    import pypandoc

    pypandoc.convert_text(PANDOC_LETTER, "docx", format="markdown", outputfile=str(path))
    return {
        "title": "NOU 2023: 5 Den store forskjellen",
        "authority": "Arbeids- og inkluderingsdepartementet",
        "case_number": "22/3301",
        "our_reference": "2023-12",
        "deadline": "2023-12-01",
        "sent_on": "2023-11-20",
        "headings": ["Pårørendes økonomi", "Våre forslag"],
        "list_items": [
            [0, "1.", "Pleiepenger for pårørende av voksne."],
            [0, "2.", "Kompensasjon for tapt pensjonsopptjening:"],
            [1, "a.", "for foreldre,"],
            [1, "b.", "for ektefeller."],
            [0, "3.", "Rett til fleksibel arbeidstid."],
        ],
        "tables": 1,
        "links": ["https://www.regjeringen.no/nou2023-5"],
        "footnotes": ["Pårørendeundersøkelsen 2022, LPP."],
        "kept": ["Pårørende er samfunnets usynlige helsepersonell."],
        "dropped": [],
        "proposals": [
            "LPP mener at pleiepengeordningen må utvides til pårørende av voksne med alvorlig "
            "psykisk lidelse.",
            "Pleiepenger for pårørende av voksne.",
            "Kompensasjon for tapt pensjonsopptjening:",
            "Rett til fleksibel arbeidstid.",
        ],
    }


LIBREOFFICE_LETTER = """\
<html><head><meta charset="utf-8"></head><body>
<p>Oslo kommune, Helseetaten</p>
<p>Deres ref.: 24/900 &nbsp; Vår ref.: 2024-40</p>
<p>Oslo, 5. september 2024</p>
<p><b>Høringssvar – plan for psykisk helse og rus 2025–2030</b></p>
<h1>Om planen</h1>
<p>LPP støtter hovedgrepene i planen, men savner pårørende i <i>alle</i> tiltakene.
Les <a href="https://www.oslo.kommune.no/plan">planen</a>.</p>
<h2>Våre forslag</h2>
<ul>
<li>Kommunen bør opprette et pårørendesenter.</li>
<li>Pårørende må få tilbud om avlastning:
  <ul><li>i helgene,</li><li>i ferier.</li></ul></li>
</ul>
<h2>Bolig</h2>
<p>Vi ber kommunen om å prioritere boliger med oppfølging for personer med ROP-lidelser.</p>
<table border="1"><tr><th>Tiltak</th><th>År</th></tr><tr><td>Pårørendesenter</td><td>2026</td></tr></table>
<p>Med vennlig hilsen</p>
<p>Kari Nordmann, styreleder</p>
</body></html>
"""


def letter_libreoffice(path):
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) trengs for å lage 04-libreoffice.docx.")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "brev.html"
        source.write_text(LIBREOFFICE_LETTER, encoding="utf-8")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.copy(Path(tmp) / "brev.docx", path)
    return {
        "title": "plan for psykisk helse og rus 2025–2030",
        "authority": "Oslo kommune",
        "case_number": "24/900",
        "our_reference": "2024-40",
        "deadline": None,
        "sent_on": "2024-09-05",
        "headings": ["Om planen", "Våre forslag", "Bolig"],
        "list_items": [
            [0, "•", "Kommunen bør opprette et pårørendesenter."],
            [0, "•", "Pårørende må få tilbud om avlastning:"],
            [1, "•", "i helgene,"],
            [1, "•", "i ferier."],
        ],
        "tables": 1,
        "links": ["https://www.oslo.kommune.no/plan"],
        "footnotes": [],
        "kept": [],
        "dropped": [],
        "proposals": [
            "Kommunen bør opprette et pårørendesenter.",
            "Pårørende må få tilbud om avlastning:",
            "Vi ber kommunen om å prioritere boliger med oppfølging for personer med ROP-lidelser.",
        ],
    }


def pdf_from(docx_name, path):
    """A PDF of one of the letters, as LibreOffice prints it (the PDF import's sample)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) trengs for å lage PDF-eksempelet.")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(HERE / docx_name),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.copy(Path(tmp) / (Path(docx_name).stem + ".pdf"), path)


LETTERS = {
    "01-stiler": letter_styles,
    "02-direkte-formatering": letter_direct,
    "03-pandoc": letter_pandoc,
    "04-libreoffice": letter_libreoffice,
}


def main(names=None):
    EXPECTED.mkdir(exist_ok=True)
    (HERE / "pdf").mkdir(exist_ok=True)
    for name, make in LETTERS.items():
        if names and name not in names:
            continue
        expected = make(HERE / f"{name}.docx")
        (EXPECTED / f"{name}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"{name}.docx")
    if not names:
        pdf_from("02-direkte-formatering.docx", HERE / "pdf" / "02-direkte-formatering.pdf")
        print("pdf/02-direkte-formatering.pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
