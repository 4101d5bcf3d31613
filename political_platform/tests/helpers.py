"""Builders for platform tests: an index, an edition and chapters, published."""

import datetime

from wagtail.rich_text import RichText

from advocacy.models import Theme
from political_platform.models import PlatformChapterPage, PlatformIndexPage, PlatformPage


def theme(slug, name=None):
    return Theme.objects.get_or_create(slug=slug, defaults={"name": name or slug.title()})[0]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_index(home):
    existing = PlatformIndexPage.objects.first()
    if existing:
        return existing
    index = PlatformIndexPage(title="Politisk plattform", slug="politikk")
    home.add_child(instance=index)
    return publish(index)


def make_edition(home, edition="2027–2031", status="utkast", **fields):
    index = make_index(home)
    if status == "vedtatt":
        fields.setdefault("adopted_at", datetime.date(2027, 6, 12))
        fields.setdefault("adopted_by", "Landsmøtet")
    page = PlatformPage(
        title=f"Politisk plattform {edition}",
        slug=edition.replace("–", "-"),
        edition=edition,
        status=status,
        **fields,
    )
    index.add_child(instance=page)
    return publish(page)


def position(text, *themes):
    return ("position", {"text": text, "themes": list(themes)})


def demand(text, *themes):
    return (
        "demand",
        {"text": text, "rationale": RichText(""), "themes": list(themes), "target_authority": None},
    )


def make_chapter(edition, title, positions=(), demands=(), slug=None, live=True):
    chapter = PlatformChapterPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        body=[("paragraph", RichText(f"<p>Tekst om {title}.</p>"))],
        positions=list(positions),
        demands=list(demands),
        live=live,
    )
    edition.add_child(instance=chapter)
    if live:
        return publish(chapter)
    chapter.save_revision()
    return chapter
