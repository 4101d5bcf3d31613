"""What the authorities did with LPP's proposals: the outcome timeline.

Each :class:`OutcomeEvent` is one dated fact about one proposal, with its evidence. Events
are never edited in place: a correction is a new event that ``corrects`` the earlier one,
which is then marked ``superseded_at`` and stays visible to staff. An event is a draft
until it is published; only published, current events reach the public or count towards
a proposal's status.

The status itself is kept on :class:`advocacy.models.Proposal` (``outcome_status`` …)
so that lists and figures over thousands of proposals aggregate in SQL; the rules that
keep those fields up to date are in :mod:`advocacy.outcomes`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from base.dates import long_date


class OutcomeKind(models.TextChoices):
    SUBMITTED = "submitted", "Sendt inn"
    ACKNOWLEDGED = "acknowledged", "Bekreftet mottatt"
    DIALOGUE = "dialogue", "Dialog eller møte"
    CONSIDERATION = "consideration", "Under vurdering"
    ADOPTED = "adopted", "Tatt til følge"
    PARTLY_ADOPTED = "partly_adopted", "Delvis tatt til følge"
    REJECTED = "rejected", "Ikke tatt til følge"
    NOT_ADDRESSED = "not_addressed", "Ikke omtalt"
    IMPLEMENTED = "implemented", "Gjennomført"


# A proposal's status is the kind of its status event, or none yet: the choices of
# ``Proposal.outcome_status`` and the one place its labels are read from.
NO_STATUS_LABEL = "Ikke vurdert ennå"
STATUS_CHOICES = [("", NO_STATUS_LABEL), *OutcomeKind.choices]


def status_label(value):
    """The Norwegian label of a proposal's ``outcome_status`` (exports, reports)."""
    return dict(STATUS_CHOICES).get(value, value)


class EvidenceKind(models.TextChoices):
    BILL = "bill", "Proposisjon (Prop.)"
    RECOMMENDATION = "recommendation", "Innstilling fra Stortinget (Innst.)"
    LAW = "law", "Lov"
    REGULATION = "regulation", "Forskrift"
    GUIDELINE = "guideline", "Veileder eller retningslinje"
    WHITE_PAPER = "white_paper", "Stortingsmelding (Meld. St.)"
    BUDGET = "budget", "Budsjett"
    LETTER = "letter", "Brev"
    MINUTES = "minutes", "Møtereferat"
    OTHER = "other", "Annet"


def validate_http_url(value):
    if not value:
        return
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            "Lenken må være en nettadresse som begynner med http:// eller https://.",
            code="invalid_scheme",
        )


# What of an event the public may see, written once: the public pages, the reports, the
# API and the feeds read these and nothing else (OutcomeEventQuerySet.public() loads only
# them). Spelled out rather than derived from the model: a field added later stays off the
# public site until someone decides it belongs here.
PUBLIC_EVENT_DETAILS = (
    "kind",
    "date",
    "evidence_kind",
    "evidence_title",
    "evidence_chapter",
    "evidence_url",
    "evidence_quote",
    "lpp_named",
    "public_note",
)
# The details, the keys that place an event and when it went public (the feeds' date).
PUBLIC_EVENT_FIELDS = ("id", "proposal_id", *PUBLIC_EVENT_DETAILS, "published_at")
# Only for the secretariat and administrators (:func:`can_see_staff_notes`).
STAFF_ONLY_EVENT_FIELDS = ("staff_note",)
VIEW_STAFF_NOTE = "advocacy.view_staff_note"


def can_see_staff_notes(user):
    """Whether ``user`` may read (and write) the staff-only note of outcome events: the
    secretariat and administrators, never the board or the working groups although they
    may see proposals (base.roles grants the permission)."""
    return bool(user and user.is_active and user.has_perm(VIEW_STAFF_NOTE))


def submitted_date(proposal):
    """The date from which events about ``proposal`` may be dated."""
    if proposal.submitted_on:
        return proposal.submitted_on
    if proposal.first_published_at:
        return timezone.localdate(proposal.first_published_at)
    return None


def validate_event(event, on=None):
    """The rules every event obeys, with Norwegian messages keyed by field (run by
    :meth:`OutcomeEvent.clean`)."""
    errors = {}
    if event.date:
        if event.date > (on or timezone.localdate()):
            errors["date"] = (
                "Datoen kan ikke være frem i tid. Registrer hendelser når de har skjedd."
            )
        elif event.kind != OutcomeKind.SUBMITTED and event.proposal_id:
            sent = submitted_date(event.proposal)
            if sent and event.date < sent:
                errors["date"] = (
                    f"Datoen er før forslaget ble sendt inn ({long_date(sent)}). "
                    "Sjekk datoen, eller registrer først når forslaget ble sendt inn."
                )
    evidence_details = any(
        (event.evidence_title, event.evidence_chapter, event.evidence_url, event.evidence_quote)
    )
    if evidence_details and not event.evidence_kind:
        errors["evidence_kind"] = "Velg hva slags kilde dette er."
    elif event.evidence_kind and not (event.evidence_title or event.evidence_url):
        errors["evidence_title"] = "Oppgi kildens tittel eller en lenke til den."
    if event.kind == OutcomeKind.IMPLEMENTED and not event.has_evidence:
        errors.setdefault(
            "evidence_kind",
            "«Gjennomført» må dokumenteres: oppgi kilden (for eksempel lov, forskrift eller "
            "budsjett) med tittel eller lenke.",
        )
    if event.corrects_id and event._state.adding:
        original = event.corrects
        if original.superseded_at is not None:
            errors["__all__"] = "Denne hendelsen er allerede rettet. Rett den nyeste versjonen."
        elif original.corrections.filter(
            superseded_at__isnull=True, published_at__isnull=True
        ).exists():
            errors["__all__"] = (
                "Det finnes allerede en rettelse av denne hendelsen som venter på publisering. "
                "Publiser eller rett den i stedet."
            )
        elif original.proposal_id != event.proposal_id:
            errors["__all__"] = "En rettelse må gjelde samme forslag."
    if errors:
        raise ValidationError(errors)


class OutcomeEventQuerySet(models.QuerySet):
    def current(self):
        """The latest version of each event (corrections replace what they correct)."""
        return self.filter(superseded_at__isnull=True)

    def published(self):
        return self.filter(published_at__isnull=False)

    def drafts(self):
        return self.filter(published_at__isnull=True)

    def public(self):
        """What the public may see: current, published events on public proposals,
        reading only :data:`PUBLIC_EVENT_FIELDS`."""
        # Proposal through the relation: advocacy.models.proposals imports this module.
        proposals = self.model._meta.get_field("proposal").related_model.objects.public()
        return self.current().published().filter(proposal__in=proposals).only(*PUBLIC_EVENT_FIELDS)

    def for_user(self, user):
        """Events as ``user`` may read them: without the staff-only fields unless
        :func:`can_see_staff_notes`."""
        return self if can_see_staff_notes(user) else self.defer(*STAFF_ONLY_EVENT_FIELDS)


class OutcomeEvent(models.Model):
    proposal = models.ForeignKey(
        "advocacy.Proposal",
        verbose_name="Forslag",
        on_delete=models.CASCADE,
        related_name="outcome_events",
    )
    kind = models.CharField("Hva skjedde", max_length=20, choices=OutcomeKind.choices)
    date = models.DateField(
        "Dato", help_text="Datoen hendelsen skjedde, ikke når den ble registrert."
    )

    evidence_kind = models.CharField(
        "Kilde", max_length=20, choices=EvidenceKind.choices, blank=True
    )
    evidence_title = models.CharField(
        "Kildens tittel",
        max_length=300,
        blank=True,
        help_text="For eksempel «Prop. 85 L (2025–2026) Endringer i pasient- og brukerrettighetsloven».",
    )
    evidence_chapter = models.CharField(
        "Kapittel eller punkt",
        max_length=100,
        blank=True,
        help_text="For eksempel «kap. 6.4 Departementets vurderinger».",
    )
    evidence_url = models.CharField(
        "Lenke til kilden",
        max_length=500,
        blank=True,
        validators=[validate_http_url],
        help_text="Må begynne med http:// eller https://.",
    )
    evidence_quote = models.TextField(
        "Sitat fra kilden",
        blank=True,
        max_length=1500,
        help_text="Et kort sitat som viser hva myndigheten skrev.",
    )
    lpp_named = models.BooleanField("LPP er nevnt ved navn", default=False)
    public_note = models.TextField(
        "Offentlig merknad", blank=True, help_text="Vises på nettstedet sammen med hendelsen."
    )
    staff_note = models.TextField(
        "Intern merknad", blank=True, help_text="Bare for sekretariatet. Vises aldri offentlig."
    )

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Registrert av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField("Registrert", default=timezone.now)
    published_at = models.DateTimeField("Publisert", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Publisert av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name="Retter",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    superseded_at = models.DateTimeField("Erstattet", null=True, blank=True)

    objects = OutcomeEventQuerySet.as_manager()

    class Meta:
        verbose_name = "hendelse"
        verbose_name_plural = "hendelser"
        ordering = ["proposal", "date", "recorded_at", "pk"]
        permissions = [
            ("publish_outcomeevent", "Kan publisere hendelser"),
            ("view_staff_note", "Kan se interne merknader (bare sekretariatet)"),
        ]
        indexes = [
            models.Index(
                fields=["proposal", "superseded_at", "published_at", "date"],
                name="outcome_event_current",
            ),
            models.Index(fields=["date"], name="outcome_event_date"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {long_date(self.date)}"

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def is_current(self):
        return self.superseded_at is None

    @property
    def has_evidence(self):
        return bool(self.evidence_kind and (self.evidence_title or self.evidence_url))

    def clean(self):
        validate_event(self)


@register_setting(icon="time")
class OutcomeSettings(BaseGenericSetting):
    """How long a proposal may go without news before staff are told to follow it up."""

    stale_after_months = models.PositiveSmallIntegerField(
        "Uten nytt etter (måneder)",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Et forslag uten registrerte hendelser så lenge regnes som «uten nytt».",
    )
    reminder_after_months = models.PositiveSmallIntegerField(
        "Påminnelse etter (måneder)",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Når en høring er over fristen og forslagene ikke har fått noe utfall på så "
        "mange måneder, får den ansvarlige en e-post og forslagene vises under «Følg opp».",
    )

    panels = [FieldPanel("stale_after_months"), FieldPanel("reminder_after_months")]

    class Meta:
        verbose_name = "Oppfølging av forslag"


class FollowUpReminder(models.Model):
    """A follow-up reminder sent about a proposal. One per quiet spell: ``quiet_since`` is
    the date of the proposal's last news when the reminder went out, so the same silence
    is never reported twice."""

    proposal = models.ForeignKey(
        "advocacy.Proposal", on_delete=models.CASCADE, related_name="follow_up_reminders"
    )
    quiet_since = models.DateField("Uten nytt siden")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField("Sendt", default=timezone.now)

    class Meta:
        verbose_name = "påminnelse"
        verbose_name_plural = "påminnelser"
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "quiet_since"], name="follow_up_once_per_quiet_spell"
            )
        ]

    def __str__(self):
        return f"Påminnelse {long_date(self.sent_at)}: {self.proposal}"
