"""The political platform: an index (/politikk/), one page per edition
(/politikk/2027-2031/) and one page per chapter, plus the :class:`Position` records that
give every «LPP mener at …» a stable identity other documents can quote."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from advocacy.blocks import DemandBlock
from advocacy.models import Proposal, ProposalTheme, ThemedItem
from advocacy.tracking import ProposalSource
from base.visibility import is_public_page, restrict_to_public, with_public_page
from home.blocks import ContentBlock
from home.forms import PersonalDataPageForm
from home.models import LppPage

from .blocks import LEAD_IN, PlatformPositionBlock, PositionStreamBlock

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PlatformIndexBodyBlock(ContentBlock):
    """The landing page's text: ordinary content plus quotes of platform positions."""

    platform_position = PlatformPositionBlock()


class PlatformIndexPage(LppPage, Page):
    """/politikk/: the list of platform editions, the current one first."""

    intro = RichTextField("Ingress", blank=True, features=INTRO_FEATURES)
    body = StreamField(PlatformIndexBodyBlock(), verbose_name="Innhold", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    content_panels += [FieldPanel("confirm_personal_data")]
    base_form_class = PersonalDataPageForm
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["political_platform.PlatformPage"]
    max_count = 1

    class Meta:
        verbose_name = "politikkforside"
        verbose_name_plural = "politikkforsider"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = list(
            restrict_to_public(PlatformPage.objects.child_of(self)).order_by("-first_published_at")
        )
        current = PlatformPage.pick_current(editions)
        context["current_edition"] = current
        context["other_editions"] = [e for e in editions if e is not current]
        return context


class PlatformPage(LppPage, Page):
    """One edition of the platform ("2027–2031"). Its chapters are its child pages.

    A new edition is started from the current one with the admin action "Start ny
    utgave" (a copy of the edition and its chapters as drafts); the old edition is left
    as it was and stays readable."""

    class Status(models.TextChoices):
        DRAFT = "utkast", "Utkast – ikke vedtatt"
        ADOPTED = "vedtatt", "Vedtatt"

    edition = models.CharField(
        "Utgave",
        max_length=40,
        unique=True,
        help_text="For eksempel «2027–2031». Hver utgave har sin egen betegnelse.",
        error_messages={
            "unique": "Det finnes allerede en utgave av plattformen med denne betegnelsen. "
            "Velg en annen, for eksempel neste periode."
        },
    )
    status = models.CharField("Status", max_length=10, choices=Status.choices, default=Status.DRAFT)
    adopted_at = models.DateField("Vedtatt dato", null=True, blank=True)
    adopted_by = models.CharField(
        "Vedtatt av", max_length=100, blank=True, help_text="For eksempel «Landsmøtet»."
    )
    introduction = RichTextField("Innledning", blank=True, features=INTRO_FEATURES)
    vision = models.CharField("Visjon", max_length=200, blank=True)
    values = RichTextField("Verdier", blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("edition"),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("adopted_at"), FieldPanel("adopted_by")]),
            ],
            heading="Utgave og vedtak",
        ),
        FieldPanel("introduction"),
        FieldPanel("vision"),
        FieldPanel("values"),
    ]
    content_panels += [FieldPanel("confirm_personal_data")]
    base_form_class = PersonalDataPageForm
    search_fields = Page.search_fields + [
        index.SearchField("edition"),
        index.SearchField("introduction"),
        index.SearchField("values"),
        index.FilterField("status"),
    ]

    parent_page_types = ["political_platform.PlatformIndexPage"]
    subpage_types = ["political_platform.PlatformChapterPage"]

    class Meta:
        verbose_name = "plattformutgave"
        verbose_name_plural = "plattformutgaver"

    def clean(self):
        super().clean()
        self.edition = (self.edition or "").strip()
        errors = {}
        if self.status == self.Status.ADOPTED:
            if not self.adopted_at:
                errors["adopted_at"] = "Oppgi datoen utgaven ble vedtatt."
            if not self.adopted_by.strip():
                errors["adopted_by"] = "Oppgi hvem som vedtok utgaven, for eksempel «Landsmøtet»."
        elif self.adopted_at:
            errors["adopted_at"] = (
                "Et utkast har ingen vedtaksdato. Sett status til «Vedtatt» eller fjern datoen."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED

    @staticmethod
    def pick_current(editions):
        """The edition that speaks for LPP now: the most recently adopted one, or, while
        nothing is adopted yet, the newest draft."""
        adopted = [e for e in editions if e.status == PlatformPage.Status.ADOPTED]
        if adopted:
            return max(adopted, key=lambda e: (e.adopted_at, e.pk))
        return max(editions, key=lambda e: e.pk) if editions else None

    @classmethod
    def current(cls):
        return cls.pick_current(
            list(
                restrict_to_public(cls.objects.all()).only(
                    "id", "status", "adopted_at", "edition", "title", "url_path", "path", "depth"
                )
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chapters = list(
            restrict_to_public(PlatformChapterPage.objects.child_of(self)).order_by("path")
        )
        ids = [chapter.pk for chapter in chapters]
        # Themes through the tag tables directly, one query each: taggit's own
        # prefetch builds far more objects than a page of 150 positions needs.
        position_themes = defaultdict(list)
        for item in (
            PositionTheme.objects.filter(
                content_object__chapter_id__in=ids, content_object__retired_at__isnull=True
            )
            .select_related("tag")
            .order_by("tag__name")
        ):
            position_themes[item.content_object_id].append(item.tag)
        proposal_themes = defaultdict(list)
        for item in (
            ProposalTheme.objects.filter(
                content_object__source_page_id__in=ids, content_object__retired_at__isnull=True
            )
            .select_related("tag")
            .order_by("tag__name")
        ):
            proposal_themes[item.content_object_id].append(item.tag)
        positions = defaultdict(list)
        for position in Position.objects.filter(
            chapter_id__in=ids, retired_at__isnull=True
        ).order_by("order"):
            position.theme_list = position_themes[position.pk]
            positions[position.chapter_id].append(position)
        demands = defaultdict(list)
        for proposal in Proposal.objects.filter(
            source_page_id__in=ids, retired_at__isnull=True
        ).order_by("position"):
            proposal.theme_list = proposal_themes[proposal.pk]
            demands[proposal.source_page_id].append(proposal)
        for number, chapter in enumerate(chapters, start=1):
            chapter.number = number
            chapter.position_records = positions[chapter.pk]
            chapter.demand_records = demands[chapter.pk]
        context["chapters"] = chapters
        context["lead_in"] = LEAD_IN
        if self.is_adopted:
            context["superseded_by"] = (
                restrict_to_public(PlatformPage.objects.all())
                .filter(status=self.Status.ADOPTED, adopted_at__gt=self.adopted_at)
                .order_by("-adopted_at")
                .first()
            )
        else:
            context["superseded_by"] = None
        return context


class PlatformChapterPage(ProposalSource, LppPage, Page):
    """A chapter of the platform: narrative (``body``), positions (``positions``,
    «LPP mener at …») and demands (``demands``, «LPP vil …»). Demands become tracked
    proposals on publish (advocacy.tracking), positions become :class:`Position`
    records (political_platform.tracking)."""

    intro = models.TextField("Ingress", blank=True, help_text="Et kort sammendrag i klarspråk.")
    body = StreamField(ContentBlock(), verbose_name="Tekst", blank=True)
    positions = StreamField(
        PositionStreamBlock(), verbose_name="Standpunkter («LPP mener at …»)", blank=True
    )
    demands = StreamField(
        [("demand", DemandBlock())], verbose_name="Krav («LPP vil …»)", blank=True
    )

    proposal_stream_fields = ("demands",)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("positions"),
        FieldPanel("demands"),
    ]
    content_panels += [FieldPanel("confirm_personal_data")]
    base_form_class = PersonalDataPageForm
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("positions"),
        index.SearchField("demands"),
    ]

    parent_page_types = ["political_platform.PlatformPage"]
    subpage_types = []

    class Meta:
        verbose_name = "plattformkapittel"
        verbose_name_plural = "plattformkapitler"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["edition"] = PlatformPage.objects.filter(path=self.path[: -self.steplen]).first()
        proposals = {
            proposal.block_id: proposal
            for proposal in Proposal.objects.filter(source_page_id=self.pk, retired_at__isnull=True)
        }
        context["demand_items"] = [(child, proposals.get(child.id)) for child in self.demands]
        context["lead_in"] = LEAD_IN
        return context


class PositionQuerySet(models.QuerySet):
    def public(self):
        """Positions the public may see: in a public chapter (base.visibility: live,
        not expired, no view restriction on it or an ancestor) and still in the
        platform."""
        # Marked, so get_url() need not ask again for each position of a list.
        return with_public_page(self.filter(retired_at__isnull=True), "chapter").annotate(
            chapter_is_public=models.Value(True, output_field=models.BooleanField())
        )


class Position(index.Indexed, ClusterableModel):
    """A position («LPP mener at …») of a published platform chapter.

    Identity: (chapter, block id), like a tracked proposal; written by
    :func:`political_platform.tracking.sync_positions` when the chapter is published,
    never by hand. A block removed from the chapter retires its record; a deleted
    chapter leaves the record without a chapter. Other documents quote a position with
    :class:`political_platform.blocks.PlatformPositionBlock`; Wagtail's reference
    index records where."""

    chapter = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Kapittel",
        null=True,
        on_delete=models.SET_NULL,
        related_name="platform_positions",
    )
    edition = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Utgave",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    block_id = models.CharField("Blokk-ID", max_length=64, editable=False)
    source_label = models.CharField("Kilde", max_length=300)
    order = models.PositiveIntegerField("Nummer i kapitlet", default=1)
    text = models.TextField("Standpunkt", help_text="Fortsettelsen av «LPP mener at …».")
    themes = TaggableManager(
        through="political_platform.PositionTheme", blank=True, verbose_name="Temaer"
    )
    first_published_at = models.DateTimeField("Først publisert", default=timezone.now)
    text_changed_at = models.DateTimeField("Ordlyd sist endret", default=timezone.now)
    last_published_at = models.DateTimeField("Sist publisert", default=timezone.now)
    retired_at = models.DateTimeField(
        "Tatt ut av plattformen",
        null=True,
        blank=True,
        help_text="Satt når standpunktet ble fjernet fra en senere versjon av kapitlet.",
    )

    objects = PositionQuerySet.as_manager()

    search_fields = [
        index.SearchField("text", boost=2),
        index.AutocompleteField("text"),
        index.SearchField("source_label"),
        index.AutocompleteField("source_label"),
        index.FilterField("id"),
        index.FilterField("retired_at"),
        index.FilterField("chapter_id"),
        index.FilterField("edition_id"),
        index.RelatedFields("chapter", [index.FilterField("live")]),
        index.RelatedFields(
            "themes",
            [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("slug")],
        ),
    ]

    class Meta:
        verbose_name = "standpunkt"
        verbose_name_plural = "standpunkter"
        ordering = ["edition_id", "chapter_id", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "block_id"], name="position_unique_block_per_chapter"
            )
        ]

    def __str__(self):
        text = f"{LEAD_IN} {self.text}"
        return text if len(text) <= 100 else text[:99] + "…"

    @property
    def full_text(self):
        return f"{LEAD_IN} {self.text}"

    @property
    def is_retired(self):
        return self.retired_at is not None

    @property
    def anchor(self):
        """The id of the position's element on its chapter page and its edition page."""
        return f"standpunkt-{self.block_id}"

    @classmethod
    def public_search(cls):
        """Public search (search/registry.py): positions of public chapters."""
        return cls.objects.public().select_related("chapter")

    def search_document(self):
        return {
            "title": str(self),
            "text": "\n".join(part for part in [self.full_text, self.source_label] if part),
            "url": self.get_url() or "",
            "page": self.chapter,
        }

    def get_url(self, request=None):
        """The position on its chapter page, or None when the chapter is not public."""
        known = getattr(self, "chapter_is_public", None)
        if self.chapter_id is None or not (known or is_public_page(self.chapter_id)):
            return None
        url = self.chapter.get_url(request=request)
        return f"{url}#{self.anchor}" if url else None


class PositionTheme(ThemedItem):
    content_object = ParentalKey(Position, on_delete=models.CASCADE, related_name="theme_items")

    class Meta:
        verbose_name = "tema på standpunkt"
        verbose_name_plural = "temaer på standpunkter"
