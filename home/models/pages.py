from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from base.visibility import restrict_to_public
from home.blocks import ContentBlock
from home.forms import PersonalDataPageForm

from .lpp_page import LppPage


class HomePage(LppPage, Page):
    intro = RichTextField("Ingress", blank=True, features=["bold", "italic", "link"])
    body = StreamField(ContentBlock(), verbose_name="Innhold", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    content_panels += [FieldPanel("confirm_personal_data")]
    base_form_class = PersonalDataPageForm
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "forside"

    def get_context(self, request, *args, **kwargs):
        from advocacy.models import Theme

        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.all()
        context["sections"] = (
            restrict_to_public(self.get_children()).in_menu().specific().only("title", "url_path")
        )
        return context


class StandardPage(LppPage, Page):
    """A plain page: "Om LPP", "Pårørende MØTEPLASS" and the like."""

    intro = models.TextField("Ingress", blank=True, help_text="Et kort sammendrag i klarspråk.")
    body = StreamField(ContentBlock(), verbose_name="Innhold", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    content_panels += [FieldPanel("confirm_personal_data")]
    base_form_class = PersonalDataPageForm
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "standardside"
        verbose_name_plural = "standardsider"
