from django.db import models
from django.urls import reverse
from taggit.models import ItemBase, TagBase
from wagtail.search import index


class Theme(index.Indexed, TagBase):
    """A policy theme: LPP's controlled vocabulary. Editors choose themes; only staff
    create them (``free_tagging = False`` on every taggable field)."""

    free_tagging = False

    description = models.TextField(
        "Beskrivelse",
        blank=True,
        help_text="Vises øverst på temasiden. Kort og i klarspråk.",
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("slug"),
    ]

    class Meta:
        verbose_name = "tema"
        verbose_name_plural = "temaer"
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("advocacy:theme", kwargs={"slug": self.slug})

    @classmethod
    def public_search(cls):
        """Public search (search/registry.py): every theme has a public page."""
        return cls.objects.all()

    def search_document(self):
        return {"text": self.description, "themes": [self], "date": None}


class ThemedItem(ItemBase):
    """Base for the through models that tag something with themes."""

    tag = models.ForeignKey(
        Theme,
        verbose_name="tema",
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
    )

    class Meta:
        abstract = True
