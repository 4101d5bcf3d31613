"""The names the engine relies on in the shipped template (template.docx).

Every style is applied by its style id (fast: python-docx's lookup by name is slow), so the
template must define each id below. ``checks.check_template`` verifies that at start-up.
"""

# style id -> (type, name shown in Word's style gallery)
REQUIRED_STYLES = {
    "Normal": ("paragraph", "Normal"),
    "Title": ("paragraph", "Title"),
    "Subtitle": ("paragraph", "Subtitle"),
    "Heading1": ("paragraph", "heading 1"),
    "Heading2": ("paragraph", "heading 2"),
    "Heading3": ("paragraph", "heading 3"),
    "Quote": ("paragraph", "Quote"),
    "QuoteSource": ("paragraph", "Sitatkilde"),
    "Caption": ("paragraph", "caption"),
    "Header": ("paragraph", "header"),
    "Footer": ("paragraph", "footer"),
    "ListParagraph": ("paragraph", "List Paragraph"),
    "TOCHeading": ("paragraph", "TOC Heading"),
    "TOC1": ("paragraph", "toc 1"),
    "TOC2": ("paragraph", "toc 2"),
    "TableText": ("paragraph", "Tabelltekst"),
    "TableHeading": ("paragraph", "Tabelloverskrift"),
    "BoxTitle": ("paragraph", "Boks – tittel"),
    "BoxText": ("paragraph", "Boks – tekst"),
    "Rule": ("paragraph", "Skillelinje"),
    "LetterHeadName": ("paragraph", "Brevhode – navn"),
    "LetterHead": ("paragraph", "Brevhode"),
    "Address": ("paragraph", "Adresse"),
    "RefLabel": ("paragraph", "Referanse – ledetekst"),
    "RefValue": ("paragraph", "Referanse – verdi"),
    "Subject": ("paragraph", "Emne"),
    "Closing": ("paragraph", "Hilsen"),
    "Signature": ("paragraph", "Signatur"),
    "TitlePageOrg": ("paragraph", "Tittelside – organisasjon"),
    "TitlePageMeta": ("paragraph", "Tittelside – detaljer"),
    "Clause": ("paragraph", "Paragraf"),
    "SubClause": ("paragraph", "Underpunkt"),
    "Guidance": ("paragraph", "Veiledning"),
    "DraftMark": ("paragraph", "Utkastmerke"),
    "DefaultParagraphFont": ("character", "Default Paragraph Font"),
    "Hyperlink": ("character", "Hyperlink"),
    "FillIn": ("character", "Utfyllingsfelt"),
    "TableNormal": ("table", "Normal Table"),
    "LppTable": ("table", "LPP-tabell"),
    "LayoutTable": ("table", "Oppsettstabell"),
    "NoList": ("numbering", "No List"),
}

# abstractNum ids defined in the template's numbering part
ABSTRACT_BULLET = 1
ABSTRACT_DECIMAL = 2
ABSTRACT_CLAUSE = 3
# the one w:num of the agreement's clause numbering (§ 1, 1.1)
NUM_CLAUSES = 1
REQUIRED_ABSTRACT_NUMS = (ABSTRACT_BULLET, ABSTRACT_DECIMAL, ABSTRACT_CLAUSE)

# A4 with 2.5 cm margins, in twentieths of a point
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN = 1418
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
