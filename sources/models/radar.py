"""The consultation radar's records: the signal words of each theme, the candidates
read from the sources, and the radar's settings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class ThemeSignal(models.Model):
    """A word or phrase that signals a policy theme. Matched with the project's Norwegian
    analysis (base.analysis): stems and compound parts, so «tvang» also matches
    «tvangsbruk» and «pårørende» matches «pårørendes»."""

    theme = models.ForeignKey(
        "advocacy.Theme", verbose_name="Tema", on_delete=models.CASCADE, related_name="signals"
    )
    phrase = models.CharField(
        "Ord eller uttrykk",
        max_length=120,
        help_text="Alle ordene må forekomme. Bøyningsformer og sammensatte ord fanges opp.",
    )
    weight = models.DecimalField(
        "Vekt",
        max_digits=4,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text="Hvor sterkt ordet peker mot temaet (0–10). Standard 1.",
    )

    panels = [FieldPanel("theme"), FieldPanel("phrase"), FieldPanel("weight")]

    class Meta:
        verbose_name = "signalord"
        verbose_name_plural = "signalord"
        ordering = ["theme__name", "phrase"]
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "phrase"],
                name="theme_signal_unique_phrase",
                violation_error_message="Temaet har allerede dette signalordet.",
            )
        ]

    def __str__(self):
        return f"{self.phrase} ({self.theme})"


class Candidate(models.Model):
    """One consultation or hearing read from a source, waiting for staff to decide.
    Written whole by :func:`sources.radar.store_item` or not at all."""

    class Status(models.TextChoices):
        NEW = "new", "Ny"
        ACCEPTED = "accepted", "Tatt inn"
        DISMISSED = "dismissed", "Avvist"
        SNOOZED = "snoozed", "Utsatt"

    source = models.CharField("Kilde", max_length=40)
    external_id = models.CharField("Kildens ID", max_length=300)
    title = models.CharField("Tittel", max_length=500)
    authority_name = models.CharField("Avsender", max_length=300, blank=True)
    authority = models.ForeignKey(
        "advocacy.Authority",
        verbose_name="Myndighet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    case_number = models.CharField("Deres ref.", max_length=60, blank=True)
    url = models.URLField("Lenke", max_length=500)
    published_on = models.DateField("Publisert", null=True, blank=True)
    deadline = models.DateField("Høringsfrist", null=True, blank=True)
    summary = models.TextField("Sammendrag", blank=True)
    consulted_bodies = models.TextField("Høringsinstanser", blank=True)
    documents = models.JSONField("Dokumenter", default=list, blank=True)
    stortinget_case_id = models.CharField("Stortingssak", max_length=20, blank=True)

    score = models.FloatField("Relevans", default=0, db_index=True)
    matched = models.JSONField("Treff", default=list, blank=True)
    lpp_consulted = models.BooleanField("LPP er høringsinstans", default=False)
    themes = models.ManyToManyField("advocacy.Theme", verbose_name="Temaer", blank=True)

    status = models.CharField(
        "Status", max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    dismiss_reason = models.TextField("Begrunnelse for å avvise", blank=True)
    snoozed_until = models.DateField("Utsatt til", null=True, blank=True)
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name="Høring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name="Samme sak som",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Avgjort av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("Avgjort", null=True, blank=True)
    first_seen_at = models.DateTimeField("Først sett", default=timezone.now)
    notified_at = models.DateTimeField("Varslet", null=True, blank=True)

    class Meta:
        verbose_name = "høringskandidat"
        verbose_name_plural = "nye høringer"
        ordering = ["-score", "deadline", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="candidate_unique_per_source"
            )
        ]

    def __str__(self):
        return self.title

    def get_source_label(self):
        from sources import conf

        return conf.SOURCES.get(self.source, (self.source,))[0]

    @property
    def matched_words(self):
        return ", ".join(m["phrase"] for m in self.matched)


@register_setting(icon="view")
class RadarSettings(BaseGenericSetting):
    threshold = models.DecimalField(
        "Terskel for relevans",
        max_digits=4,
        decimal_places=1,
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
        help_text="Høringer med minst denne poengsummen vises først og varsles på e-post.",
    )
    digest_email = models.EmailField(
        "E-post for daglig varsel",
        blank=True,
        help_text="Tom: alle i Sekretariatet med e-postadresse.",
    )

    last_digest_on = models.DateField(null=True, blank=True, editable=False)

    panels = [FieldPanel("threshold"), FieldPanel("digest_email")]

    class Meta:
        verbose_name = "Høringsradar"
