"""StreamField blocks shared by every document type: themes and tracked proposals."""

from django import forms
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.compare import StructBlockComparison
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

    def render_basic(self, value, context=None):
        # What Wagtail's revision comparison shows: the names, not the list's «[]».
        return ", ".join(self.get_searchable_content(value))

    class Meta:
        icon = "tag"


class ProposalComparison(StructBlockComparison):
    """Wagtail's revision comparison of a proposal, with an empty «Rettet mot» shown empty
    rather than as «None» (a chooser block renders ``str(value)``)."""

    def __init__(self, block, exists_a, exists_b, val_a, val_b):
        super().__init__(block, exists_a, exists_b, _without_none(val_a), _without_none(val_b))

    def htmlvalue(self, val):
        return super().htmlvalue(_without_none(val))


def _without_none(value):
    if value is None:  # the block is added or deleted in this comparison
        return None
    return blocks.StructValue(
        value.block, [(name, "" if child is None else child) for name, child in value.items()]
    )


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

    def get_comparison_class(self):
        return ProposalComparison

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
