from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from wagtail.search import index

from base.dates import long_date

from .outcomes import STATUS_CHOICES, OutcomeEvent, OutcomeKind
from .themes import ThemedItem


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals the public may see: in a public document (base.visibility) and
        not retired."""
        from base.visibility import with_public_page

        return with_public_page(self.filter(retired_at__isnull=True), "source_page")

    def active(self):
        return self.filter(retired_at__isnull=True)

    def submitted(self):
        """Public proposals that were actually sent to an authority — the only ones the
        figures count as «sendt inn» (issue 13). A document type whose publication is not
        a sending says so through the ``lpp_unsent_proposal_pages`` hook: a consultation
        response counts once its submission is recorded, a platform chapter never (its
        demands are positions LPP holds, counted apart by :meth:`platform_demands`). A
        proposal in such a document counts when it was sent on its own: a target
        authority and a published «Sendt inn» event with its evidence (the letter or
        e-mail it went in)."""
        sent_with_evidence = (
            OutcomeEvent.objects.filter(
                proposal=models.OuterRef("pk"),
                kind=OutcomeKind.SUBMITTED,
                superseded_at__isnull=True,
                published_at__isnull=False,
            )
            .exclude(evidence_kind="")
            .exclude(evidence_title="", evidence_url="")
        )
        sent_on_its_own = models.Q(
            models.Exists(sent_with_evidence), target_authority__isnull=False
        )
        sent_with_document = models.Q(pk__isnull=False)  # every document, unless a hook says
        for page_ids in _hook_pages(UNSENT_PROPOSAL_PAGES_HOOK):
            sent_with_document &= ~models.Q(source_page__in=page_ids)
        return self.public().filter(sent_with_document | sent_on_its_own)

    def platform_demands(self):
        """Public demands of an adopted platform edition («LPP krever»): what LPP holds,
        shown and counted apart from what it has sent. Demands of a draft edition count
        nowhere."""
        pages = _hook_pages(PLATFORM_DEMAND_PAGES_HOOK)
        if not pages:
            return self.none()
        where = models.Q()
        for page_ids in pages:
            where |= models.Q(source_page__in=page_ids)
        return self.public().filter(where, kind=Proposal.Kind.DEMAND)

    def followed(self):
        """What the public outcome news follows: the submitted proposals and the
        demands of an adopted platform (each kind labelled by :meth:`with_submitted`)."""
        return self.public().filter(
            models.Q(pk__in=self.submitted().values("pk"))
            | models.Q(pk__in=self.platform_demands().values("pk"))
        )

    def with_submitted(self):
        """Annotate ``is_submitted``: whether the proposal counts as sent (see
        :meth:`submitted`)."""
        return self.annotate(
            is_submitted=models.Exists(
                Proposal.objects.submitted().filter(pk=models.OuterRef("pk"))
            )
        )


# Extension points for the apps that own the documents (advocacy can't import them): each
# hook returns a queryset of page ids.
# Documents whose proposals publishing alone does not send (a response not yet sent, a
# platform chapter).
UNSENT_PROPOSAL_PAGES_HOOK = "lpp_unsent_proposal_pages"
# Chapters of an adopted platform edition, whose demands LPP holds.
PLATFORM_DEMAND_PAGES_HOOK = "lpp_platform_demand_pages"


def _hook_pages(name):
    from wagtail import hooks

    return [function() for function in hooks.get_hooks(name)]


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
        choices=STATUS_CHOICES,
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
            # Sent when its document was first published, until the document says it was
            # sent on another day (advocacy.tracking.apply_submission_dates) or staff
            # record a «Sendt inn» event (advocacy.outcomes.refresh_outcomes).
            self.submitted_on = timezone.localdate(self.first_published_at)
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

    class Meta:
        verbose_name = "tema på forslag"
        verbose_name_plural = "temaer på forslag"


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
        # The day in Oslo: a version published at 00.30 belongs to that day, not the one before.
        return f"{self.proposal} ({long_date(self.published_at)})"
