"""StreamField blocks of the political platform.

Structure (for the DOCX engine and anyone else walking a platform chapter):

* ``PlatformChapterPage.body`` — narrative, :class:`home.blocks.ContentBlock` children.
* ``PlatformChapterPage.positions`` — a stream of :class:`PositionBlock` («LPP mener at …»):
  ``text`` (plain text, the continuation of "LPP mener at"), ``themes`` (list of Theme).
* ``PlatformChapterPage.demands`` — a stream of :class:`advocacy.blocks.DemandBlock`
  («LPP vil …»): tracked as :class:`advocacy.models.Proposal` records on publish.

:class:`PlatformPositionBlock` quotes a platform position in another document (a
consultation response): a chooser over :class:`political_platform.models.Position` plus a
copy of the quoted wording, so the quote survives later edits and deletion of its source.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from advocacy.blocks import ThemeChoiceBlock
from base.visibility import is_public_page

LEAD_IN = "LPP mener at"


class PositionBlock(blocks.StructBlock):
    """«LPP mener at …» — a position of the platform.

    ``text`` holds only the continuation of the sentence ("pårørende skal …"), so the
    position reads the same as a list item under "LPP mener at:" and as a quote
    ("LPP mener at pårørende skal …"). On publish each block becomes a
    :class:`political_platform.models.Position` record with a stable identity
    (page + block id) and a public anchor ``#standpunkt-<block id>``.
    """

    text = blocks.TextBlock(
        label="LPP mener at …",
        help_text="Fortsett setningen «LPP mener at …», for eksempel «pårørende skal …».",
    )
    themes = ThemeChoiceBlock(label="Temaer")

    def clean(self, value):
        value = super().clean(value)
        text = (value.get("text") or "").strip()
        if text.lower().startswith(LEAD_IN.lower()):
            # "LPP mener at" is printed in front of every position: don't repeat it.
            text = text[len(LEAD_IN) :].strip()
        if not text:
            raise StructBlockValidationError(
                block_errors={
                    "text": ErrorList([ValidationError("Skriv standpunktet: hva mener LPP?")])
                }
            )
        value["text"] = text
        return value

    class Meta:
        icon = "openquote"
        label = "Standpunkt («LPP mener at …»)"
        template = "political_platform/blocks/position.html"


class PositionStreamBlock(blocks.StreamBlock):
    position = PositionBlock()


class PositionChooserBlock(SnippetChooserBlock):
    """Chooses a :class:`Position` (searchable by text and theme in the chooser). Loads
    every chosen position of a StreamField in one query, with its chapter."""

    def __init__(self, **kwargs):
        super().__init__("political_platform.Position", **kwargs)

    @cached_property
    def field(self):
        # The model through the block's own target (political_platform.models imports
        # this module).
        return forms.ModelChoiceField(
            queryset=self.target_model.objects.all(),
            widget=self.widget,
            required=self._required,
            help_text=self._help_text,
            error_messages={
                "invalid_choice": "Standpunktet finnes ikke lenger. Velg et annet standpunkt.",
            },
        )

    def bulk_to_python(self, values):
        ids = [value for value in values if value is not None]
        objects = self.target_model.objects.select_related("chapter").in_bulk(ids) if ids else {}
        return [objects.get(int(value)) if value is not None else None for value in values]


class PlatformPositionBlock(blocks.StructBlock):
    """A platform position quoted in another document.

    Value: ``position`` (the :class:`Position`, or None when it has been deleted),
    ``quoted_text`` (the wording as it was quoted, without "LPP mener at") and
    ``quoted_source`` (e.g. "Politisk plattform 2027–2031, kap. Tvang"). Both copies
    are filled in from the position when the document is saved and left as they are
    afterwards, so the document keeps saying what it said. Empty ``quoted_text`` →
    the position's current wording is copied again on the next save.

    Rendering (``political_platform/blocks/platform_position.html``) shows the copy
    as a quote of the platform with a link to the position, and says so when the
    position has since changed or is gone. :meth:`source_state` gives that state.
    """

    position = PositionChooserBlock(
        label="Standpunkt fra plattformen",
        required=False,
        help_text="Søk etter tekst eller tema.",
    )
    quoted_text = blocks.TextBlock(
        label="Sitert ordlyd",
        required=False,
        help_text="Fylles ut automatisk når siden lagres. Tøm feltet for å hente "
        "standpunktets gjeldende ordlyd.",
    )
    quoted_source = blocks.CharBlock(
        label="Kilde",
        required=False,
        max_length=300,
        help_text="Fylles ut automatisk.",
    )

    def clean(self, value):
        value = super().clean(value)
        position = value.get("position")
        if position is not None and not (value.get("quoted_text") or "").strip():
            value["quoted_text"] = position.text
            value["quoted_source"] = position.source_label
        elif position is not None and not value.get("quoted_source"):
            value["quoted_source"] = position.source_label
        if position is None and not (value.get("quoted_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "position": ErrorList(
                        [ValidationError("Velg et standpunkt fra den politiske plattformen.")]
                    )
                }
            )
        return value

    @staticmethod
    def source_state(value):
        """'current', 'changed' (the position's wording differs from the copy),
        'retired' (removed from the platform), or 'gone' (deleted or unpublished)."""
        position = value.get("position")
        if position is None or not is_public_page(position.chapter_id):
            return "gone"
        position.chapter_is_public = True  # asked once: get_url() need not ask again
        if position.retired_at is not None:
            return "retired"
        if (value.get("quoted_text") or "").strip() != position.text.strip():
            return "changed"
        return "current"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        state = self.source_state(value)
        position = value.get("position")
        request = (parent_context or {}).get("request")
        context["state"] = state
        context["url"] = position.get_url(request) if state != "gone" else None
        context["lead_in"] = LEAD_IN
        return context

    class Meta:
        icon = "openquote"
        label = "Standpunkt fra plattformen"
        template = "political_platform/blocks/platform_position.html"
