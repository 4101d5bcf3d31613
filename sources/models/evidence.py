"""The evidence finder's records: a document read for LPP's name and for answers to its
proposals, and the passages found in it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class EvidenceDocument(models.Model):
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name="Høring",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Høringen LPP svarte på: forslagene i svaret er det vi leter etter svar på.",
    )
    url = models.URLField("Lenke til dokumentet", max_length=500, blank=True)
    filename = models.CharField("Opplastet fil", max_length=255, blank=True)
    title = models.CharField("Dokumentets tittel", max_length=500, blank=True)
    evidence_kind = models.CharField("Type", max_length=20, blank=True)
    read_at = models.DateTimeField("Lest", default=timezone.now)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "dokument lest for svar"
        verbose_name_plural = "dokumenter lest for svar"
        ordering = ["-read_at"]

    def __str__(self):
        return self.title or self.url or self.filename


class EvidencePassage(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "Ny"
        ACCEPTED = "accepted", "Tatt inn"
        DISMISSED = "dismissed", "Avvist"

    document = models.ForeignKey(
        EvidenceDocument, on_delete=models.CASCADE, related_name="passages"
    )
    chapter = models.CharField("Kapittel", max_length=300, blank=True)
    text = models.TextField("Avsnitt")
    link = models.CharField("Lenke til stedet", max_length=600, blank=True)
    lpp_named = models.BooleanField("LPP nevnt ved navn", default=False)
    proposal = models.ForeignKey(
        "advocacy.Proposal",
        verbose_name="Forslaget det svarer på",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closeness = models.FloatField("Likhet", default=0)
    suggested_kind = models.CharField("Foreslått utfall", max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "funnet avsnitt"
        verbose_name_plural = "funne avsnitt"
        ordering = ["document", "position"]

    def __str__(self):
        return self.text[:80]
