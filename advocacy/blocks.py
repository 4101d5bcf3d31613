"""StreamField blocks shared by every document type: themes and tracked proposals."""

from django import forms
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ThemeChoiceBlock(blocks.FieldBlock):
    """Themes chosen from the controlled vocabulary (checkboxes). Stored as ids; loaded
    in one query per StreamField, whatever the number of blocks."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self._required = required
        self._help_text = help_text
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        from .models import Theme

        return forms.ModelMultipleChoiceField(
            queryset=Theme.objects.order_by("name"),
            required=self._required,
            help_text=self._help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def get_default(self):
        return []

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        from .models import Theme

        ids = {int(pk) for value in values for pk in (value or [])}
        themes = Theme.objects.in_bulk(ids) if ids else {}
        return [[themes[int(pk)] for pk in (value or []) if int(pk) in themes] for value in values]

    def get_prep_value(self, value):
        return [getattr(theme, "pk", theme) for theme in (value or [])]

    def value_for_form(self, value):
        return [getattr(theme, "pk", theme) for theme in (value or [])]

    def value_from_form(self, value):
        return list(value or [])

    def get_searchable_content(self, value):
        return [theme.name for theme in (value or []) if hasattr(theme, "name")]

    class Meta:
        icon = "tag"


class ProposalBlock(blocks.StructBlock):
    """«LPP foreslår …» written inline where it belongs in the argument. On publish each
    block becomes a tracked :class:`advocacy.models.Proposal` (see advocacy.tracking)."""

    text = blocks.TextBlock(
        label="Forslag",
        help_text="Én setning som kan følges opp: hva LPP foreslår at myndighetene gjør.",
    )
    rationale = blocks.RichTextBlock(
        label="Begrunnelse", required=False, features=["bold", "italic", "link", "ol", "ul"]
    )
    themes = ThemeChoiceBlock(label="Temaer")
    target_authority = SnippetChooserBlock(
        "advocacy.Authority",
        label="Rettet mot",
        required=False,
        help_text="Tomt betyr dokumentets mottaker.",
    )

    class Meta:
        icon = "pick"
        label = "Forslag («LPP foreslår …»)"
        template = "advocacy/blocks/proposal.html"
        proposal_kind = "forslag"
        lead_in = "LPP foreslår"


class DemandBlock(ProposalBlock):
    """«LPP vil / krever …» in a platform chapter: tracked like a proposal."""

    class Meta:
        icon = "pick"
        label = "Krav («LPP vil …»)"
        proposal_kind = "krav"
        lead_in = "LPP vil"
