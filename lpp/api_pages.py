"""What the pages endpoint of the API shows a reader (used by :mod:`lpp.api`): the
summary and the published text as plain text, the themes, and the proposals written in
the page with their public status, for every page type; and the few facts a page type
adds (a response's letter date and addressee, a platform's edition, the agreement's
version). Every field is named here: a field added to a model stays out of the API
until someone decides it belongs (staff fields never do). A page's own row holds its
published content (drafts live in revisions), so nothing unpublished is read.
"""

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing

from lpp.api_proposals import StatusField, absolute, public_proposals

SUMMARY_FIELDS = ("summary", "intro", "introduction", "search_description")
# In reading order; the summary's own field is left out of the body.
BODY_FIELDS = ("introduction", "vision", "values", "body", "positions", "demands", "clauses")


def _field_text(page, name):
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        parts = field.get_searchable_content(value)
    elif isinstance(field, RichTextField):
        parts = [value or ""]
    else:
        return str(value or "").strip()
    texts = (get_text_for_indexing(str(part)) for part in parts)
    return "\n\n".join(text for text in texts if text.strip())


def _has_field(page, name):
    return any(field.name == name for field in page._meta.get_fields())


def page_summary(page):
    for name in SUMMARY_FIELDS:
        if _has_field(page, name):
            text = _field_text(page, name)
            if text:
                return text
    return ""


def page_body_text(page):
    summary_field = next((n for n in SUMMARY_FIELDS if _has_field(page, n)), None)
    texts = [
        _field_text(page, name)
        for name in BODY_FIELDS
        if name != summary_field and _has_field(page, name)
    ]
    return "\n\n".join(text for text in texts if text)


def page_proposals(page):
    """The page's public proposals (the proposals endpoint's rule), in the order they
    are written."""
    return list(public_proposals().filter(source_page_id=page.pk).order_by("position", "pk"))


def page_positions(page):
    """A platform chapter's public positions («LPP mener at …»), in order."""
    from political_platform.models import Position

    return list(
        Position.objects.public()
        .filter(chapter_id=page.pk)
        .prefetch_related("theme_items__tag")
        .order_by("order", "pk")
    )


def page_themes(page):
    """The page's own themes (a response's consultation), or else those of what is
    written in it (a chapter's positions and proposals)."""
    value = getattr(page, "themes", None)
    if isinstance(value, (list, tuple)):
        return list(value)
    if value is not None and hasattr(value, "all"):
        return list(value.all())
    themes = {}
    for record in [*page_positions(page), *page_proposals(page)]:
        for item in record.theme_items.all():
            themes.setdefault(item.tag.pk, item.tag)
    return sorted(themes.values(), key=lambda theme: theme.name)


class _PageField(Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


class SummaryField(_PageField):
    def to_representation(self, page):
        return page_summary(page.specific)


class BodyTextField(_PageField):
    def to_representation(self, page):
        return page_body_text(page.specific)


class PageThemesField(_PageField):
    def to_representation(self, page):
        return [
            {
                "id": theme.pk,
                "name": theme.name,
                "slug": theme.slug,
                "html_url": absolute(theme.get_absolute_url()),
            }
            for theme in page_themes(page.specific)
        ]


class PageProposalsField(_PageField):
    def to_representation(self, page):
        status = StatusField()
        return [
            {
                "id": proposal.pk,
                "kind": proposal.kind,
                "text": proposal.text,
                "status": status.to_representation(proposal),
                "detail_url": absolute(f"/api/v2/proposals/{proposal.pk}/"),
            }
            for proposal in page_proposals(page)
        ]


class PositionsField(_PageField):
    def to_representation(self, page):
        return [
            {
                "id": position.pk,
                "text": position.full_text,
                "themes": [item.tag.slug for item in position.theme_items.all()],
                "html_url": absolute(position.get_url() or ""),
            }
            for position in page_positions(page)
        ]


class AuthorityNameField(_PageField):
    def to_representation(self, page):
        authority = page.default_target_authority()
        return authority.name if authority else None


READER_FIELDS = [
    APIField("summary", serializer=SummaryField()),
    APIField("body_text", serializer=BodyTextField()),
    APIField("themes", serializer=PageThemesField()),
    APIField("proposals", serializer=PageProposalsField()),
]

# What a page type adds, by model label.
TYPE_FIELDS = {
    "consultations.consultationresponsepage": [
        APIField("letter_date"),
        APIField("signatory"),
        APIField("authority", serializer=AuthorityNameField()),
    ],
    "political_platform.platformpage": [APIField("edition"), APIField("adopted_at")],
    "political_platform.platformchapterpage": [
        APIField("position_statements", serializer=PositionsField())
    ],
    "agreement.agreementpage": [APIField("version"), APIField("adopted_at")],
}


def reader_fields(model):
    return READER_FIELDS + TYPE_FIELDS.get(model._meta.label_lower, [])
