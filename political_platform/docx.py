"""Word export of the political platform: the platform document (title page, table of
contents — a TOC field Word updates when the file is opened —, then one chapter per theme area
with its positions and demands set apart), a chapter on its own, and the platform's blocks.
Registered with the Word library in wagtail_hooks.py."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import Q
from django.utils.html import escape

from base.visibility import restrict_to_public
from home.docx import LetterHeadLayout
from wordexport.content_controls import tag_paragraph, tagged_block, tagged_field
from wordexport.engine import DocxWriter, norwegian_date
from wordexport.pages import approval_of

from .blocks import LEAD_IN, PlatformPositionBlock, PositionBlock
from .models import PlatformChapterPage, PlatformPage


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
    positions: list = field(default_factory=list)  # Statement, str, PositionBlock value or child
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
    """«LPP mener at» once, then each position (the continuation of the sentence). A
    position from a StreamField (it has an ``id``) is marked with its block id for the Word
    round trip (consultations/word_import/roundtrip.py)."""
    items = [(getattr(p, "id", None), _text(getattr(p, "value", p))) for p in positions]
    items = [(block_id, text) for block_id, text in items if text]
    if not items:
        return
    with writer.box("position"):
        writer.paragraph("LPP mener at", "BoxTitle")
        start = len(writer.container)
        writer.simple_list([text for _block_id, text in items])
        for (block_id, _), p in zip(items, list(writer.container)[start:], strict=True):
            tag_paragraph(writer, p, block_id, "Standpunkt")


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


# -- the platform's blocks -------------------------------------------------------------------


def write_position(writer, block, value, block_id):
    with tagged_block(writer, block_id, "Standpunkt"), writer.box("position"):
        writer.paragraph(LEAD_IN + " …", "BoxTitle")
        with tagged_field(writer, "text", "Standpunkt"):
            writer.paragraph((value.get("text") or "").strip())


def write_platform_position(writer, block, value, block_id):
    text = (value.get("quoted_text") or "").strip()
    if not text and value.get("position") is not None:
        text = value["position"].text
    writer.paragraph(f"{LEAD_IN} {text}", "Quote")
    source = (value.get("quoted_source") or "").strip()
    if source:
        p = writer.paragraph(style="QuoteSource")
        position = value.get("position")
        url = position.get_url() if position is not None else None
        if url and not PlatformPositionBlock.source_state(value) == "gone":
            writer.text(p, "– ")
            writer.link(p, writer.absolute_url(url), source)
        else:
            writer.text(p, f"– {source}")


def block_writers():
    return {PositionBlock: write_position, PlatformPositionBlock: write_platform_position}


# -- the pages -------------------------------------------------------------------------------


def _chapter(chapter):
    return Chapter(
        title=chapter.title,
        intro=chapter.intro,
        body=chapter.body,
        positions=list(chapter.positions),  # with their block ids
        extra_streams=[chapter.demands],
    )


def platform_chapters(platform, published_only):
    chapters = PlatformChapterPage.objects.child_of(platform).order_by("path")
    if published_only:
        return list(restrict_to_public(chapters))
    return [
        chapter.get_latest_revision_as_object() if chapter.has_unpublished_changes else chapter
        for chapter in chapters
    ]


def _adopted_by(platform):
    return (platform.adopted_by or "landsmøtet").strip().lower()


def platform_data(platform, chapters, organisation):
    sections = []
    if platform.vision:
        sections.append(("Visjon", f"<p>{escape(platform.vision)}</p>"))
    if platform.values:
        sections.append(("Verdier", platform.values))
    return PlatformData(
        organisation=organisation.name,
        title=platform.title,
        edition=platform.edition,
        adopted=platform.adopted_at if platform.is_adopted else None,
        adopted_by=_adopted_by(platform),
        intro_html=platform.introduction,
        sections=sections,
        chapters=[_chapter(chapter) for chapter in chapters],
    )


class PlatformLayout(LetterHeadLayout):
    """The whole edition: the platform page and its chapters (live ones for the public, the
    latest revisions for editors). A chapter that is not published or approved keeps the
    editor's export a draft."""

    @cached_property
    def published_chapters(self):
        return platform_chapters(self.page, published_only=True)

    def write(self, options, chapters=None):
        if chapters is None:
            chapters = platform_chapters(self.page, options.published_only)
        data = platform_data(self.page, chapters, self.organisation)
        return write_platform(data, draft_label=options.draft_label)

    def cache_parts(self):
        chapters = [f"{c.pk}:{c.live_revision_id}" for c in self.published_chapters]
        return chapters + super().cache_parts()

    def write_published(self, options):
        return self.write(options, self.published_chapters)

    def has_draft_parts(self):
        for chapter in PlatformChapterPage.objects.child_of(self.page).filter(
            Q(live=False) | Q(has_unpublished_changes=True)
        ):
            if approval_of(chapter, chapter.latest_revision) is None:
                return True
        return False


class ChapterLayout(LetterHeadLayout):
    """One chapter on its own, titled with its edition."""

    def write(self, options):
        page = self.page
        platform = page.get_parent().specific
        data = PlatformData(
            organisation=self.organisation.name,
            title=f"{page.title}",
            edition=(
                platform.title
                if platform.edition in platform.title
                else f"{platform.title} {platform.edition}"
            ),
            adopted=platform.adopted_at if platform.is_adopted else None,
            adopted_by=_adopted_by(platform),
            chapters=[_chapter(page)],
        )
        return write_platform(data, draft_label=options.draft_label)


def page_layouts():
    return {PlatformPage: PlatformLayout, PlatformChapterPage: ChapterLayout}
