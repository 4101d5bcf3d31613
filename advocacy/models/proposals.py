from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from wagtail.search import index

from .outcomes import OutcomeKind
from .themes import ThemedItem


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals the public may see: in a live document without view restrictions
        (a private page or one under a private section) and not retired."""
        from wagtail.models import Page

        return self.filter(
            source_page__live=True,
            retired_at__isnull=True,
            source_page__in=Page.objects.live().public().values("pk"),
        )

    def active(self):
        return self.filter(retired_at__isnull=True)


class Proposal(index.Indexed, ClusterableModel):
    """A proposal or demand LPP has made, tracked across the life of its document.

    Its identity is the StreamField block it was written in (``source_page`` +
    ``block_id``): editing the wording keeps the record, a version is kept of each
    published wording, and removing the block retires the record instead of deleting it.
    Records are written by :func:`advocacy.tracking.sync_proposals` when a document is
    published — never by hand.
    """

    class Kind(models.TextChoices):
        PROPOSAL = "forslag", "Forslag"
        DEMAND = "krav", "Krav"

    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Dokument",
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    # Kept so the record still says where it came from if the page is ever deleted.
    document_title = models.CharField("Dokumenttittel", max_length=255)
    block_id = models.CharField("Blokk-ID", max_length=64, editable=False)
    kind = models.CharField("Type", max_length=10, choices=Kind.choices, default=Kind.PROPOSAL)
    position = models.PositiveIntegerField(
        "Nummer i dokumentet", default=1, help_text="1 for dokumentets første forslag."
    )
    text = models.TextField("Forslag")
    rationale = models.TextField("Begrunnelse", blank=True)
    target_authority = models.ForeignKey(
        "advocacy.Authority",
        verbose_name="Rettet mot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    themes = TaggableManager(through="advocacy.ProposalTheme", blank=True, verbose_name="Temaer")
    first_published_at = models.DateTimeField("Først publisert", default=timezone.now)
    last_published_at = models.DateTimeField("Sist publisert", default=timezone.now)
    retired_at = models.DateTimeField(
        "Trukket tilbake",
        null=True,
        blank=True,
        help_text="Satt når forslaget ble fjernet fra en senere versjon av dokumentet.",
    )

    # Outcome tracking (advocacy.outcomes keeps these in step with the published, current
    # outcome events, so lists and figures aggregate in SQL).
    submitted_on = models.DateField(
        "Sendt inn",
        null=True,
        blank=True,
        db_index=True,
        help_text="Datoen forslaget ble sendt til myndigheten. Hendelser kan ikke være eldre.",
    )
    outcome_status = models.CharField(
        "Status",
        max_length=20,
        blank=True,
        db_index=True,
        choices=[("", "Ikke vurdert ennå"), *OutcomeKind.choices],
    )
    outcome_date = models.DateField("Status fra", null=True, blank=True)
    outcome_last_event_on = models.DateField("Siste hendelse", null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    search_fields = [
        index.SearchField("text", boost=2),
        index.AutocompleteField("text"),
        index.SearchField("rationale"),
        index.SearchField("document_title"),
        index.FilterField("kind"),
        index.FilterField("retired_at"),
        index.FilterField("source_page_id"),
        index.FilterField("target_authority_id"),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
    ]

    class Meta:
        verbose_name = "forslag"
        verbose_name_plural = "forslag"
        ordering = ["source_page_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_page", "block_id"], name="proposal_unique_block_per_page"
            )
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def save(self, *args, **kwargs):
        if self.submitted_on is None and self.first_published_at:
            # A consultation response's proposals were submitted when the response was
            # sent; other proposals when their document was first published. A «Sendt
            # inn» outcome event overrides either (advocacy.outcomes).
            from advocacy.outcomes import submission_date_for_page

            sent = submission_date_for_page(self.source_page_id) if self.source_page_id else None
            self.submitted_on = sent or timezone.localdate(self.first_published_at)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "submitted_on"}
        super().save(*args, **kwargs)

    @property
    def is_retired(self):
        return self.retired_at is not None

    @classmethod
    def public_search(cls):
        """Public search (search/registry.py): what the public may see."""
        return cls.objects.public().select_related("source_page", "target_authority")

    def search_document(self):
        """The public search document: the wording, rationale and its document's title,
        found on its document's page; public while that page is live."""
        page = self.source_page
        url = (page.get_url() or page.url_path) if page else ""
        status = getattr(self, "outcome_status", "") or ""
        return {
            "title": str(self),
            "text": "\n".join(
                part for part in [self.text, self.rationale, self.document_title] if part
            ),
            "url": f"{url}#{self.anchor}" if url else "",
            "page": page,
            "date": self.first_published_at,
            "status": status,
            "status_label": self.get_outcome_status_display() if status else "",
        }

    @property
    def public_status_label(self):
        return self.get_outcome_status_display()

    @property
    def anchor(self):
        """The id of the proposal's element on its document's page."""
        return f"forslag-{self.block_id}"


class ProposalTheme(ThemedItem):
    content_object = ParentalKey(Proposal, on_delete=models.CASCADE, related_name="theme_items")


class ProposalVersion(models.Model):
    """One published wording of a proposal. Never edited or deleted."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="versions")
    text = models.TextField("Forslag")
    rationale = models.TextField("Begrunnelse", blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField("Publisert", default=timezone.now)

    class Meta:
        verbose_name = "forslagsversjon"
        verbose_name_plural = "forslagsversjoner"
        ordering = ["proposal", "published_at", "pk"]

    def __str__(self):
        return f"{self.proposal} ({self.published_at:%d.%m.%Y})"
