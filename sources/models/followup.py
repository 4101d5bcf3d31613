"""Stortinget follow-up: a proposal or a consultation linked to a Stortinget case, the
progress steps seen, and the draft outcome events proposed from sources."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class CaseLink(models.Model):
    case_id = models.CharField(
        "Stortingets saks-ID",
        max_length=20,
        help_text="Tallet i sakens adresse på stortinget.no (…/Sak/?p=104567) eller sakens ID.",
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name="Høring",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    proposal = models.ForeignKey(
        "advocacy.Proposal",
        verbose_name="Forslag",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField("Sakens tittel", max_length=500, blank=True)
    status = models.CharField("Status i Stortinget", max_length=60, blank=True)
    last_checked_at = models.DateTimeField("Sist sjekket", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("Koblet", default=timezone.now)

    class Meta:
        verbose_name = "stortingssak"
        verbose_name_plural = "stortingssaker"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title or f"Sak {self.case_id}"

    def clean(self):
        if not self.consultation_id and not self.proposal_id:
            raise ValidationError("Velg en høring eller et forslag som saken gjelder.")
        if self.consultation_id and self.proposal_id:
            raise ValidationError("Velg enten en høring eller et forslag, ikke begge.")

    def proposals(self):
        from advocacy.models import Proposal

        if self.proposal_id:
            return Proposal.objects.filter(pk=self.proposal_id, retired_at__isnull=True)
        response = self.consultation.get_response() if self.consultation_id else None
        if response is None:
            return Proposal.objects.none()
        return Proposal.objects.filter(source_page_id=response.pk, retired_at__isnull=True)


class CaseStep(models.Model):
    """One step of a case's progress that has been turned into draft events, so the
    same step is never proposed twice (even after staff discard the drafts)."""

    link = models.ForeignKey(CaseLink, on_delete=models.CASCADE, related_name="steps")
    key = models.CharField(max_length=80)
    label = models.CharField("Steg", max_length=200)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "key"], name="case_step_once")]

    def __str__(self):
        return self.label


class SourcedEvent(models.Model):
    """Marks a draft outcome event as proposed from a source, for «Foreslåtte hendelser»."""

    class Origin(models.TextChoices):
        STORTINGET = "stortinget", "Stortingets saksgang"
        EVIDENCE = "evidence", "Funnet i dokument"

    event = models.OneToOneField(
        "advocacy.OutcomeEvent", on_delete=models.CASCADE, related_name="source_origin"
    )
    origin = models.CharField("Opphav", max_length=12, choices=Origin.choices)
    step = models.ForeignKey(
        CaseStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )

    class Meta:
        verbose_name = "foreslått hendelse"
        verbose_name_plural = "foreslåtte hendelser"

    def __str__(self):
        return str(self.event)
