import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from advocacy.models import ThemedItem
from base.dates import long_date
from base.roles import user_label

from ..status import Status


class ConsultationQuerySet(models.QuerySet):
    def with_list_data(self):
        return self.select_related("authority", "responsible", "working_group")


class Consultation(ClusterableModel):
    """A consultation (høring) LPP may answer: a staff record, never shown to the public
    except through its published response."""

    Status = Status

    title = models.CharField("Tittel", max_length=300)
    authority = models.ForeignKey(
        "advocacy.Authority",
        verbose_name="Høringsinstans (avsender)",
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    case_number = models.CharField(
        "Deres ref.", max_length=60, blank=True, help_text="Myndighetens saksnummer."
    )
    our_reference = models.CharField("Vår ref.", max_length=60, blank=True)
    url = models.URLField("Lenke til høringen", blank=True, max_length=500)
    announced_on = models.DateField("Kunngjort", default=timezone.localdate)
    deadline = models.DateField("Høringsfrist")
    draft_deadline = models.DateField(
        "Intern frist for utkast",
        null=True,
        blank=True,
        help_text="Når utkastet skal være klart til gjennomgang.",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Ansvarlig",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_consultations",
    )
    working_group = models.ForeignKey(
        "auth.Group",
        verbose_name="Arbeidsgruppe",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ClusterTaggableManager(
        through="consultations.ConsultationTheme", blank=True, verbose_name="Temaer"
    )
    notes = models.TextField("Interne notater", blank=True, help_text="Vises aldri offentlig.")
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    status_changed_at = models.DateTimeField("Status endret", default=timezone.now)
    decline_reason = models.TextField(
        "Begrunnelse for å avstå",
        blank=True,
        help_text="Påkrevd når LPP avstår fra å svare.",
    )
    approved_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="Godkjent versjon",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("Registrert", auto_now_add=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = "høring"
        verbose_name_plural = "høringer"
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="consultation_status_deadline")]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "case_number"],
                condition=~Q(case_number=""),
                name="consultation_unique_case_number_per_authority",
                violation_error_message=(
                    "Denne myndigheten har allerede en høring med samme saksnummer (Deres ref.)."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.announced_on and self.deadline and self.deadline < self.announced_on:
            errors["deadline"] = "Høringsfristen kan ikke være før høringen ble kunngjort."
        if self.draft_deadline and self.deadline and self.draft_deadline > self.deadline:
            errors["draft_deadline"] = "Den interne fristen må være før høringsfristen."
        if self.draft_deadline and self.announced_on and self.draft_deadline < self.announced_on:
            errors["draft_deadline"] = (
                "Den interne fristen kan ikke være før høringen ble kunngjort."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        from ..status import OPEN_STATUSES

        return self.status in OPEN_STATUSES

    @property
    def days_left(self):
        return (self.deadline - timezone.localdate()).days

    @property
    def responsible_name(self):
        return user_label(self.responsible)

    @property
    def theme_names(self):
        return ", ".join(theme.name for theme in self.themes.all())

    def get_response(self):
        """The response page, or None (without raising on a missing one-to-one)."""
        try:
            return self.response
        except models.ObjectDoesNotExist:
            return None


class ConsultationTheme(ThemedItem):
    content_object = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="theme_items")

    class Meta:
        verbose_name = "tema på høring"
        verbose_name_plural = "temaer på høringer"


class ConsultationDocument(Orderable):
    """The consultation paper and its attachments, as Wagtail documents."""

    consultation = ParentalKey(Consultation, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Dokument", on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = "høringsdokument"
        verbose_name_plural = "høringsdokumenter"


def private_storage():
    """Submissions are kept out of the public media folder (settings.STORAGES["private"]):
    staff fetch them through consultations.views.submission_file."""
    return storages["private"]


def submission_upload_to(instance, filename):
    return f"hoeringssvar/innsendt/{timezone.now():%Y}/{secrets.token_hex(8)}/{filename}"


class Submission(models.Model):
    """What LPP sent: the exact file, its checksum, when, how and to whom. Written once by
    :func:`consultations.submission.archive_submission` and never changed."""

    class Channel(models.TextChoices):
        EMAIL = "epost", "E-post"
        PORTAL = "portal", "Myndighetens høringsportal"
        LETTER = "brev", "Brev"

    consultation = models.OneToOneField(
        Consultation, verbose_name="Høring", on_delete=models.PROTECT, related_name="submission"
    )
    submitted_on = models.DateField("Sendt dato")
    channel = models.CharField("Kanal", max_length=10, choices=Channel.choices)
    recipient = models.CharField("Mottaker", max_length=300)
    file = models.FileField(
        "Fil som ble sendt", upload_to=submission_upload_to, storage=private_storage, max_length=300
    )
    filename = models.CharField("Filnavn", max_length=255)
    size = models.PositiveBigIntegerField("Størrelse (byte)")
    sha256 = models.CharField("SHA-256", max_length=64)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="Publisert versjon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Registrert av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField("Registrert", auto_now_add=True)
    imported = models.BooleanField(
        "Importert",
        default=False,
        help_text="Et tidligere høringssvar hentet inn fra Word eller PDF (consultations.word_import).",
    )

    class Meta:
        verbose_name = "innsending"
        verbose_name_plural = "innsendinger"
        constraints = [
            # The same letter imported twice would count its proposals twice.
            models.UniqueConstraint(
                fields=["sha256"],
                condition=Q(imported=True),
                name="submission_imported_once",
                violation_error_message="Denne filen er allerede importert.",
            )
        ]

    def __str__(self):
        return f"{self.consultation} – sendt {long_date(self.submitted_on)}"

    def save(self, *args, **kwargs):
        if self.pk and type(self).objects.filter(pk=self.pk).exists():
            raise ValidationError("En registrert innsending kan ikke endres.")
        super().save(*args, **kwargs)

    def read_bytes(self):
        with self.file.open("rb") as handle:
            return handle.read()

    def is_intact(self):
        """Whether the archived file still has the checksum it was archived with."""
        return hashlib.sha256(self.read_bytes()).hexdigest() == self.sha256


class SentReminder(models.Model):
    """One reminder e-mail that went out. The unique constraint is what makes the daily
    command send each reminder once, however often it runs."""

    class Kind(models.TextChoices):
        DRAFT_DEADLINE = "intern", "Intern frist"
        DEADLINE = "horingsfrist", "Høringsfrist"

    consultation = models.ForeignKey(
        Consultation, verbose_name="Høring", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField("Frist", max_length=15, choices=Kind.choices)
    due_on = models.DateField("Fristen")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Sendt til",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField("E-postadresse")
    sent_at = models.DateTimeField("Sendt", auto_now_add=True)

    class Meta:
        verbose_name = "påminnelse"
        verbose_name_plural = "påminnelser"
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "kind", "due_on"], name="reminder_sent_once_per_deadline"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {long_date(self.due_on)}: {self.consultation}"


class CalendarFeed(models.Model):
    """A staff member's secret calendar address. Only the SHA-256 of the token is stored;
    revoking sets ``revoked_at`` and a new address gets a new token."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "kalenderabonnement"
        verbose_name_plural = "kalenderabonnement"

    def __str__(self):
        state = "slått av" if self.revoked_at else "aktiv"
        return f"Kalender for {user_label(self.user)} ({state})"

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def create_for(cls, user):
        """Revoke the user's current address and return (feed, token) for a new one."""
        cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        token = secrets.token_urlsafe(32)
        return cls.objects.create(user=user, token_hash=cls.hash_token(token)), token

    @classmethod
    def revoke_all(cls, user):
        return cls.objects.filter(user=user, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )

    @classmethod
    def active_for_token(cls, token):
        if not token or len(token) > 100:
            return None
        return (
            cls.objects.select_related("user")
            .filter(token_hash=cls.hash_token(token), revoked_at__isnull=True)
            .first()
        )
