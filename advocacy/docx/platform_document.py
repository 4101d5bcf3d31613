"""The political platform: title page, table of contents (a TOC field Word updates when the
file is opened), then one chapter per theme area with its positions and demands set apart."""

from dataclasses import dataclass, field
from datetime import date

from .engine import DocxWriter, norwegian_date


@dataclass
class Statement:
    """A position ("LPP mener at …") or a demand ("LPP vil …") outside a StreamField."""

    text: str
    rationale_html: str = ""


@dataclass
class Chapter:
    title: str
    intro: str = ""  # plain text lead
    intro_html: str = ""  # rich text
    body: object = None  # a StreamValue
    positions: list = field(default_factory=list)  # Statement, str or PositionBlock value
    demands: list = field(default_factory=list)  # Statement
    extra_streams: list = field(default_factory=list)  # StreamValues after the body


@dataclass
class PlatformData:
    organisation: str
    title: str
    edition: str = ""
    adopted: date | None = None
    adopted_by: str = "landsmøtet"
    intro: str = ""
    intro_html: str = ""
    sections: list = field(default_factory=list)  # (heading, StreamValue or rich text html)
    chapters: list = field(default_factory=list)


def write_positions(writer, positions):
    """«LPP mener at» once, then each position (the continuation of the sentence)."""
    texts = [_text(position) for position in positions]
    texts = [text for text in texts if text]
    if not texts:
        return
    with writer.box("position"):
        writer.paragraph("LPP mener at", "BoxTitle")
        writer.simple_list(texts)


def write_demands(writer, demands):
    for demand in demands:
        with writer.box("proposal"):
            writer.paragraph("LPP vil", "BoxTitle")
            writer.paragraph(_text(demand), bold=True)
            writer.rich_text(getattr(demand, "rationale_html", ""))


def _text(statement):
    if isinstance(statement, str):
        return statement.strip()
    if hasattr(statement, "get"):
        return (statement.get("text") or "").strip()
    return (statement.text or "").strip()


def write_platform(platform, *, draft_label=None, base_url=None):
    title = platform.title
    show_edition = bool(platform.edition) and platform.edition not in platform.title
    if show_edition:
        title = f"{platform.title} {platform.edition}"
    writer = DocxWriter(
        base_url=base_url,
        title=title,
        subject="Politisk plattform",
        draft_label=draft_label,
        h2_level=2,
        different_first_page=True,
    )
    # title page
    writer.paragraph(platform.organisation, "TitlePageOrg")
    writer.paragraph(platform.title, "Title")
    if show_edition:
        writer.paragraph(platform.edition, "Subtitle")
    if platform.adopted:
        writer.paragraph(
            f"Vedtatt av {platform.adopted_by} {norwegian_date(platform.adopted)}", "TitlePageMeta"
        )
    else:
        writer.paragraph("Ikke vedtatt", "TitlePageMeta")
    writer.page_break()

    entries = []
    anchors = []
    if platform.intro or platform.intro_html or platform.sections:
        entries.append((1, "Innledning", "_TocIntro"))
    for index, chapter in enumerate(platform.chapters, start=1):
        anchor = f"_TocChapter{index}"
        anchors.append(anchor)
        entries.append((1, chapter.title, anchor))
    writer.table_of_contents(entries)

    if platform.intro or platform.intro_html or platform.sections:
        writer.heading("Innledning", 1, page_break_before=True, anchor="_TocIntro")
        if platform.intro:
            writer.paragraph(platform.intro)
        writer.rich_text(platform.intro_html)
        for heading, content in platform.sections:
            if heading:
                writer.heading(heading, 2)
            if isinstance(content, str):
                writer.rich_text(content)
            else:
                writer.stream(content)

    for chapter, anchor in zip(platform.chapters, anchors, strict=True):
        writer.heading(chapter.title, 1, page_break_before=True, anchor=anchor)
        if chapter.intro:
            writer.paragraph(chapter.intro, italic=True)
        writer.rich_text(chapter.intro_html)
        writer.stream(chapter.body)
        write_positions(writer, chapter.positions)
        write_demands(writer, chapter.demands)
        for stream in chapter.extra_streams:
            writer.stream(stream)
    return writer.to_bytes()
