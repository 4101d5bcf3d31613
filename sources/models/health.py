from django.db import models


class SourceStatus(models.Model):
    """What was last read from one source, and whether it is healthy."""

    class State(models.TextChoices):
        OK = "ok", "I orden"
        UNAVAILABLE = "unavailable", "Svarer ikke"
        FORMAT_CHANGED = "format_changed", "Formatet er endret"
        DISABLED = "disabled", "Slått av"
        NEVER = "never", "Ikke lest ennå"

    name = models.CharField("Kilde", max_length=40, unique=True)
    state = models.CharField("Tilstand", max_length=20, choices=State.choices, default=State.NEVER)
    last_attempt_at = models.DateTimeField("Sist forsøkt", null=True, blank=True)
    last_success_at = models.DateTimeField("Sist lest", null=True, blank=True)
    last_error = models.TextField("Siste feil", blank=True)
    items_read = models.PositiveIntegerField("Oppføringer sist lest", default=0)
    items_new = models.PositiveIntegerField("Nye oppføringer sist", default=0)
    items_rejected = models.PositiveIntegerField("Oppføringer avvist sist", default=0)

    class Meta:
        verbose_name = "kildestatus"
        verbose_name_plural = "kildestatus"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}: {self.get_state_display()}"


class HttpCacheEntry(models.Model):
    """The validators of the last answer from one address, for conditional requests."""

    url = models.CharField(max_length=1000, unique=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "hentet adresse"
        verbose_name_plural = "hentede adresser"

    def __str__(self):
        return self.url
