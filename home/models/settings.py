from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def validate_org_number(value):
    """A Norwegian organisation number: nine digits with a modulus 11 check digit."""
    digits = value.replace(" ", "")
    if not (digits.isdigit() and len(digits) == 9):
        raise ValidationError("Organisasjonsnummeret må ha ni siffer.")
    weights = [3, 2, 7, 6, 5, 4, 3, 2]
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10 or check != int(digits[8]):
        raise ValidationError(
            "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)."
        )


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """LPP's own details: the letter head of every exported letter and the site footer."""

    name = models.CharField(
        "Navn",
        max_length=200,
        default="Landsforeningen for Pårørende innen Psykisk helse",
    )
    short_name = models.CharField("Kortnavn", max_length=20, default="LPP")
    street_address = models.CharField("Adresse", max_length=200, blank=True)
    postal_code = models.CharField(
        "Postnummer",
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", "Postnummeret må ha fire siffer.")],
    )
    city = models.CharField("Poststed", max_length=100, blank=True)
    org_number = models.CharField(
        "Organisasjonsnummer", max_length=11, blank=True, validators=[validate_org_number]
    )
    email = models.EmailField("E-post", blank=True)
    phone = models.CharField("Telefon", max_length=30, blank=True)
    website = models.URLField("Nettsted", blank=True)
    signatory_name = models.CharField("Navn på den som signerer", max_length=200, blank=True)
    signatory_title = models.CharField("Tittel på den som signerer", max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("org_number"),
            ],
            heading="Brevhode",
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading="Kontakt"
        ),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_title")],
            heading="Standard signatur i brev",
        ),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = "organisasjon"

    @property
    def postal_line(self):
        return " ".join(part for part in [self.postal_code, self.city] if part)
