"""Word export of home's blocks (heading, quote, callout, table with caption) and the letter
head every LPP document is written with (OrganisationSettings), for the content apps'
layouts. Registered with the Word library in wagtail_hooks.py."""

from functools import cached_property

from wordexport.blocks import rich_source, write_table_value
from wordexport.layouts import PageLayout

from .blocks import CalloutBlock, HeadingBlock, QuoteBlock, TableWithCaptionBlock


def letter_head(site):
    """The organisation a document is sent from: the site's OrganisationSettings (the
    default site's when ``site`` is None)."""
    from wagtail.models import Site

    from .models import OrganisationSettings

    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return OrganisationSettings.for_site(site)


class LetterHeadLayout(PageLayout):
    """A layout written with the letter head of the page's site; the published file
    changes with it."""

    @cached_property
    def organisation(self):
        return letter_head(self.page.get_site())

    def cache_parts(self):
        organisation = self.organisation
        return [
            "|".join(
                str(getattr(organisation, f.attname)) for f in organisation._meta.concrete_fields
            )
        ]


def write_heading(writer, block, value, block_id):
    offset = 1 if value.get("level") == "h3" else 0
    writer.heading(value.get("text") or "", writer.h2_level + offset)


def write_quote(writer, block, value, block_id):
    writer.paragraph((value.get("text") or "").strip(), "Quote")
    if value.get("source"):
        writer.paragraph(f"– {value['source']}", "QuoteSource")


def write_callout(writer, block, value, block_id):
    with writer.box("callout"):
        if value.get("title"):
            writer.paragraph(value["title"], "BoxTitle")
        writer.rich_text(rich_source(value.get("text")))


def write_table_with_caption(writer, block, value, block_id):
    write_table_value(writer, value.get("table"), value.get("caption"))


def block_writers():
    return {
        HeadingBlock: write_heading,
        QuoteBlock: write_quote,
        CalloutBlock: write_callout,
        TableWithCaptionBlock: write_table_with_caption,
    }
