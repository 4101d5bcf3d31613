"""Factories for the political platform: the index, an edition and its chapters, published
through revisions as editors publish them, and the position and demand blocks of a chapter.
Apps above political_platform build platform content here too."""

import datetime

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from advocacy.tests.factories import site_root
from political_platform.models import PlatformChapterPage, PlatformIndexPage, PlatformPage


def publish(page):
    """Publish ``page``'s current state through a revision, as the editor's «Publiser»."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class PlatformIndexPageFactory(wagtail_factories.PageFactory):
    """«Politisk plattform» under the home page (there is only ever one), published."""

    class Meta:
        model = PlatformIndexPage

    parent = factory.LazyFunction(site_root)
    title = "Politisk plattform"
    slug = "politikk"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        if existing:
            return existing
        return publish(super()._create(model_class, *args, **kwargs))


class PlatformPageFactory(wagtail_factories.PageFactory):
    """A published edition, a draft («utkast») unless ``status="vedtatt"`` (then adopted
    by the national assembly on 12 June 2027 unless told otherwise)."""

    class Meta:
        model = PlatformPage

    parent = factory.SubFactory(PlatformIndexPageFactory)
    edition = "2027–2031"
    title = factory.LazyAttribute(lambda page: f"Politisk plattform {page.edition}")
    slug = factory.LazyAttribute(lambda page: page.edition.replace("–", "-"))
    status = "utkast"
    adopted_at = factory.LazyAttribute(
        lambda page: datetime.date(2027, 6, 12) if page.status == "vedtatt" else None
    )
    adopted_by = factory.LazyAttribute(
        lambda page: "Landsmøtet" if page.status == "vedtatt" else ""
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return publish(super()._create(model_class, *args, **kwargs))


def position(text, *themes):
    """A position block («LPP mener at …») for a chapter's ``positions``."""
    return ("position", {"text": text, "themes": list(themes)})


def demand(text, *themes):
    """A demand block («LPP vil …») for a chapter's ``demands``."""
    return (
        "demand",
        {"text": text, "rationale": RichText(""), "themes": list(themes), "target_authority": None},
    )


class PlatformChapterPageFactory(wagtail_factories.PageFactory):
    """A chapter of ``parent`` (an edition) with a paragraph of text, published unless
    ``live=False`` (then a draft with one revision)."""

    class Meta:
        model = PlatformChapterPage

    parent = factory.SubFactory(PlatformPageFactory)
    title = "Tvang"
    slug = factory.LazyAttribute(lambda chapter: chapter.title.lower().replace(" ", "-"))
    body = factory.LazyAttribute(
        lambda chapter: [("paragraph", RichText(f"<p>Tekst om {chapter.title}.</p>"))]
    )
    positions = ()
    demands = ()
    live = True

    @classmethod
    def _create(cls, model_class, *args, positions=(), demands=(), **kwargs):
        chapter = super()._create(
            model_class, *args, positions=list(positions), demands=list(demands), **kwargs
        )
        if chapter.live:
            return publish(chapter)
        chapter.save_revision()
        return chapter
