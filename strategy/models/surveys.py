"""The member survey of a period: a few questions the secretariat writes, answered
through a link without logging in. Nothing identifies the member: no account, no address,
no time of day — only the date and what the member chooses to write."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .reviews import Review, new_token


class Survey(ClusterableModel):
    review = models.OneToOneField(
        Review,
        verbose_name="Halvårsgjennomgang",
        on_delete=models.PROTECT,
        related_name="survey",
        error_messages={
            "unique": "Denne halvårsgjennomgangen har allerede en medlemsundersøkelse."
        },
    )
    title = models.CharField("Tittel", max_length=200, default="Hvordan synes du LPP gjør det?")
    intro = models.TextField(
        "Innledning",
        blank=True,
        default="Svarene er anonyme. Ikke skriv navn eller andre opplysninger om deg selv "
        "eller andre.",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    is_open = models.BooleanField("Åpen for svar", default=True)

    panels = [
        FieldPanel("review"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("is_open"),
        InlinePanel("questions", heading="Spørsmål", label="spørsmål", min_num=1),
    ]

    class Meta:
        verbose_name = "medlemsundersøkelse"
        verbose_name_plural = "medlemsundersøkelser"

    def __str__(self):
        return f"{self.title} ({self.review.period_label})"


class SurveyQuestion(Orderable):
    class Kind(models.TextChoices):
        SCALE = "skala", "Skala 1–5"
        TEXT = "tekst", "Fritekst"

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField("Spørsmål", max_length=300)
    kind = models.CharField("Svartype", max_length=10, choices=Kind.choices, default=Kind.SCALE)

    panels = [FieldPanel("text"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = "spørsmål"
        verbose_name_plural = "spørsmål"

    def __str__(self):
        return self.text


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField("Sendt")

    class Meta:
        verbose_name = "svar på medlemsundersøkelse"
        verbose_name_plural = "svar på medlemsundersøkelser"

    def __str__(self):
        return f"Svar {self.submitted_on}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=2000)

    def __str__(self):
        return self.text or str(self.score)
