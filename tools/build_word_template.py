"""Writes wordexport/template.docx, the styles template every export starts from.

The file is shipped in the repository; run this only after changing a style:

    .venv/bin/python -m tools.build_word_template

A deliberately small package (no theme, no latent styles, no thumbnail): python-docx parses
and re-serialises every part on each export, so a lean template is a faster export.
"""

import zipfile
from pathlib import Path

from wordexport.styles import (
    ABSTRACT_BULLET,
    ABSTRACT_CLAUSE,
    ABSTRACT_DECIMAL,
    MARGIN,
    NUM_CLAUSES,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
)

TEMPLATE_PATH = Path(__file__).resolve().parent.parent / "wordexport" / "template.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

ACCENT = "1F4E79"  # LPP blue: headings, box borders
FONT = "Calibri"

CONTENT_TYPES = (
    HEAD
    + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""
)

PACKAGE_RELS = (
    HEAD
    + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""
)

DOCUMENT_RELS = (
    HEAD
    + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>"""
)

CORE = (
    HEAD
    + """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title/><dc:creator>LPP</dc:creator><dc:language>nb-NO</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>
</cp:coreProperties>"""
)

APP = (
    HEAD
    + """<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>LPP påvirknings-CMS</Application></Properties>"""
)

DOCUMENT = (
    HEAD
    + f"""<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>
<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>
<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="709" w:footer="567" w:gutter="0"/>
<w:cols w:space="708"/></w:sectPr></w:body></w:document>"""
)

SETTINGS = (
    HEAD
    + f"""<w:settings xmlns:w="{W_NS}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="709"/>
<w:hyphenationZone w:val="425"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="nb-NO"/>
<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>
</w:settings>"""
)


def _rpr(size=None, bold=False, italic=False, color=None, caps=False):
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _pstyle(
    style_id,
    name,
    *,
    based_on="Normal",
    next_style=None,
    ppr="",
    rpr="",
    outline=None,
    ui_priority=None,
    q_format=True,
    link=None,
):
    bits = [f'<w:style w:type="paragraph" w:styleId="{style_id}">', f'<w:name w:val="{name}"/>']
    if based_on:
        bits.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        bits.append(f'<w:next w:val="{next_style}"/>')
    if ui_priority is not None:
        bits.append(f'<w:uiPriority w:val="{ui_priority}"/>')
    if q_format:
        bits.append("<w:qFormat/>")
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if ppr:
        bits.append(f"<w:pPr>{ppr}</w:pPr>")
    bits.append(rpr)
    bits.append("</w:style>")
    return "".join(bits)


def _spacing(before=0, after=0, line=None):
    line_attr = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{line_attr}/>'


def _border(side, size=4, color="808080", space=4):
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def styles_xml():
    cell_margins = (
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    )
    grid = "".join(
        _border(side, 4, "8C8C8C", 0)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    styles = [
        f"""<w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nb-NO" w:eastAsia="nb-NO" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{_spacing(0, 160, 264)}</w:pPr></w:pPrDefault>
</w:docDefaults>""",
        _pstyle("Normal", "Normal", based_on=None).replace(
            'w:type="paragraph"', 'w:type="paragraph" w:default="1"', 1
        ),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        _pstyle(
            "Title",
            "Title",
            next_style="Normal",
            ui_priority=10,
            ppr=_spacing(0, 240) + "<w:contextualSpacing/>",
            rpr=_rpr(56, bold=True, color=ACCENT),
        ),
        _pstyle(
            "Subtitle",
            "Subtitle",
            next_style="Normal",
            ui_priority=11,
            ppr=_spacing(0, 240),
            rpr=_rpr(32, color="404040"),
        ),
        _pstyle(
            "Heading1",
            "heading 1",
            next_style="Normal",
            ui_priority=9,
            outline=0,
            ppr="<w:keepNext/><w:keepLines/>" + _spacing(360, 120),
            rpr=_rpr(32, bold=True, color=ACCENT),
        ),
        _pstyle(
            "Heading2",
            "heading 2",
            next_style="Normal",
            ui_priority=9,
            outline=1,
            ppr="<w:keepNext/><w:keepLines/>" + _spacing(240, 80),
            rpr=_rpr(26, bold=True, color=ACCENT),
        ),
        _pstyle(
            "Heading3",
            "heading 3",
            next_style="Normal",
            ui_priority=9,
            outline=2,
            ppr="<w:keepNext/><w:keepLines/>" + _spacing(200, 60),
            rpr=_rpr(23, bold=True, color="262626"),
        ),
        _pstyle(
            "Quote",
            "Quote",
            next_style="Normal",
            ui_priority=29,
            ppr=f"<w:pBdr>{_border('left', 18, ACCENT, 8)}</w:pBdr>"
            + _spacing(120, 60)
            + '<w:ind w:left="567" w:right="567"/>',
            rpr=_rpr(italic=True, color="404040"),
        ),
        _pstyle(
            "QuoteSource",
            "Sitatkilde",
            based_on="Quote",
            next_style="Normal",
            ppr=_spacing(0, 200),
            rpr=_rpr(20, color="595959"),
        ),
        _pstyle(
            "Caption",
            "caption",
            next_style="Normal",
            ui_priority=35,
            ppr="<w:keepNext/>" + _spacing(120, 60),
            rpr=_rpr(20, bold=True, color="404040"),
        ),
        _pstyle(
            "Header",
            "header",
            q_format=False,
            ppr='<w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs>' + _spacing(0, 0),
            rpr=_rpr(18, color="595959"),
        ),
        _pstyle(
            "Footer",
            "footer",
            q_format=False,
            ppr=_spacing(0, 0) + '<w:jc w:val="center"/>',
            rpr=_rpr(18, color="595959"),
        ),
        _pstyle(
            "ListParagraph",
            "List Paragraph",
            ui_priority=34,
            ppr=_spacing(0, 60) + '<w:ind w:left="720"/>',
        ),
        _pstyle(
            "TOCHeading",
            "TOC Heading",
            based_on="Heading1",
            next_style="Normal",
            ui_priority=39,
            ppr='<w:outlineLvl w:val="9"/>',
        ),
        _pstyle(
            "TOC1",
            "toc 1",
            next_style="Normal",
            ui_priority=39,
            q_format=False,
            ppr=f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
            + _spacing(120, 60),
            rpr=_rpr(bold=True),
        ),
        _pstyle(
            "TOC2",
            "toc 2",
            next_style="Normal",
            ui_priority=39,
            q_format=False,
            ppr=f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
            + _spacing(0, 40)
            + '<w:ind w:left="284"/>',
        ),
        _pstyle("TableText", "Tabelltekst", ppr=_spacing(0, 0, 240), rpr=_rpr(20)),
        _pstyle(
            "TableHeading",
            "Tabelloverskrift",
            based_on="TableText",
            ppr="<w:keepNext/>",
            rpr=_rpr(bold=True),
        ),
        _pstyle(
            "BoxTitle",
            "Boks – tittel",
            next_style="BoxText",
            ppr="<w:keepNext/>" + _spacing(0, 60),
            rpr=_rpr(bold=True, color=ACCENT),
        ),
        _pstyle("BoxText", "Boks – tekst", ppr=_spacing(0, 80)),
        _pstyle(
            "Rule",
            "Skillelinje",
            ppr=f"<w:pBdr>{_border('bottom', 6, '8C8C8C', 1)}</w:pBdr>" + _spacing(0, 200),
            rpr=_rpr(8),
        ),
        _pstyle(
            "LetterHeadName",
            "Brevhode – navn",
            ppr=_spacing(0, 40),
            rpr=_rpr(28, bold=True, color=ACCENT),
        ),
        _pstyle("LetterHead", "Brevhode", ppr=_spacing(0, 0), rpr=_rpr(18, color="404040")),
        _pstyle("Address", "Adresse", ppr=_spacing(0, 0)),
        _pstyle(
            "RefLabel", "Referanse – ledetekst", ppr=_spacing(0, 0), rpr=_rpr(16, color="595959")
        ),
        _pstyle("RefValue", "Referanse – verdi", ppr=_spacing(0, 0), rpr=_rpr(20)),
        _pstyle(
            "Subject",
            "Emne",
            next_style="Normal",
            ppr="<w:keepNext/>" + _spacing(480, 240),
            rpr=_rpr(24, bold=True),
        ),
        _pstyle("Closing", "Hilsen", ppr="<w:keepNext/>" + _spacing(360, 720)),
        _pstyle("Signature", "Signatur", ppr="<w:keepNext/>" + _spacing(0, 0)),
        _pstyle(
            "TitlePageOrg",
            "Tittelside – organisasjon",
            ppr=_spacing(2400, 480),
            rpr=_rpr(28, color="404040", caps=True),
        ),
        _pstyle(
            "TitlePageMeta",
            "Tittelside – detaljer",
            ppr=_spacing(0, 120),
            rpr=_rpr(24, color="404040"),
        ),
        _pstyle(
            "Clause",
            "Paragraf",
            next_style="Normal",
            outline=0,
            ppr="<w:keepNext/><w:keepLines/>"
            + f'<w:numPr><w:numId w:val="{NUM_CLAUSES}"/></w:numPr>'
            + _spacing(360, 120),
            rpr=_rpr(28, bold=True, color=ACCENT),
        ),
        _pstyle(
            "SubClause",
            "Underpunkt",
            next_style="Normal",
            ppr=f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="{NUM_CLAUSES}"/></w:numPr>'
            + _spacing(0, 120),
        ),
        _pstyle(
            "Guidance",
            "Veiledning",
            ppr="<w:pBdr>"
            + _border("left", 18, "C9A227", 8)
            + "</w:pBdr>"
            + '<w:shd w:val="clear" w:color="auto" w:fill="FFF6DB"/>'
            + _spacing(0, 120)
            + '<w:ind w:left="284" w:right="284"/>',
            rpr=_rpr(20, italic=True, color="3F3F3F"),
        ),
        _pstyle(
            "DraftMark", "Utkastmerke", based_on="Header", rpr=_rpr(20, bold=True, color="C00000")
        ),
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
        '<w:style w:type="character" w:styleId="FillIn"><w:name w:val="Utfyllingsfelt"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
        '<w:rPr><w:color w:val="1F4E79"/><w:shd w:val="clear" w:color="auto" w:fill="E7EEF7"/>'
        "</w:rPr></w:style>",
        '<w:style w:type="table" w:styleId="LppTable"><w:name w:val="LPP-tabell"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        f"<w:pPr>{_spacing(0, 0)}</w:pPr>"
        f"<w:tblPr><w:tblBorders>{grid}</w:tblBorders>{cell_margins}</w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE6F1"/></w:tcPr></w:tblStylePr>'
        "</w:style>",
        '<w:style w:type="table" w:styleId="LayoutTable"><w:name w:val="Oppsettstabell"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="99"/>'
        f"<w:pPr>{_spacing(0, 0)}</w:pPr>"
        '<w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
    ]
    return HEAD + f'<w:styles xmlns:w="{W_NS}">' + "".join(styles) + "</w:styles>"


def _levels(kind):
    levels = []
    bullets = ["\u2022", "\u25e6", "\u25aa"]
    for ilvl in range(3):
        indent = 720 * (ilvl + 1)
        if kind == "bullet":
            fmt, text = "bullet", bullets[ilvl]
            rpr = '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr>'
        else:
            fmt = ["decimal", "lowerLetter", "lowerRoman"][ilvl]
            text, rpr = f"%{ilvl + 1}.", ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>'
        )
    return "".join(levels)


def numbering_xml():
    clause = (
        f'<w:abstractNum w:abstractNumId="{ABSTRACT_CLAUSE}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="Clause"/><w:suff w:val="space"/>'
        '<w:lvlText w:val="§\u00a0%1"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="SubClause"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    return (
        HEAD + f'<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="{ABSTRACT_BULLET}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{_levels('bullet')}</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="{ABSTRACT_DECIMAL}"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{_levels('decimal')}</w:abstractNum>"
        f"{clause}"
        f'<w:num w:numId="{NUM_CLAUSES}"><w:abstractNumId w:val="{ABSTRACT_CLAUSE}"/></w:num>'
        "</w:numbering>"
    )


def build(path=TEMPLATE_PATH):
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/document.xml": DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": SETTINGS,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            # fixed timestamps: the same styles give the same bytes
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return path


if __name__ == "__main__":
    print(f"Skrev {build()}")
