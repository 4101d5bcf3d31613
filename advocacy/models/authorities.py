from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class Authority(index.Indexed, models.Model):
    """A body LPP addresses: the sender of a consultation, the addressee of a response
    and the target of a proposal."""

    class Kind(models.TextChoices):
        MINISTRY = "departement", "Departement"
        DIRECTORATE = "direktorat", "Direktorat eller tilsyn"
        STORTING = "storting", "Stortinget"
        COMMITTEE = "komite", "Stortingskomité"
        COUNTY_GOVERNOR = "statsforvalter", "Statsforvalteren"
        HEALTH_TRUST = "helseforetak", "Helseforetak"
        MUNICIPALITY = "kommune", "Kommune"
        OTHER = "annet", "Annet"

    name = models.CharField(
        "Navn",
        max_length=200,
        unique=True,
        error_messages={"unique": "Det finnes allerede en myndighet med dette navnet."},
    )
    short_name = models.CharField(
        "Kortnavn", max_length=40, blank=True, help_text="For eksempel HOD eller Hdir."
    )
    kind = models.CharField("Type", max_length=20, choices=Kind.choices)
    website = models.URLField("Nettsted", blank=True)
    postal_address = models.TextField(
        "Postadresse", blank=True, help_text="Brukes som mottakeradresse i brev (høringssvar)."
    )
    email = models.EmailField("E-post (postmottak)", blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldPanel("website"),
        FieldPanel("postal_address"),
        FieldPanel("email"),
    ]

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = "myndighet"
        verbose_name_plural = "myndigheter"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The short name where there is one: "HOD" reads better in lists."""
        return self.short_name or self.name
