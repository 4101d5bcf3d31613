from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from advocacy.tracking import ProposalSource
from base.visibility import restrict_to_public
from home.forms import PersonalDataPageForm
from home.models import LppPage

from ..blocks import ResponseBodyBlock
from ..filters import ArchiveFilterForm, renamed_parameters_url
from ..forms import ConsultationResponsePageForm
from ..status import SENT_STATUSES

ARCHIVE_PAGE_SIZE = 20


class ConsultationResponseIndexPage(LppPage, Page):
    """«Høringssvar»: the public archive of LPP's published consultation responses."""

    intro = models.TextField("Ingress", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("confirm_personal_data"),
    ]
    base_form_class = PersonalDataPageForm
    subpage_types = ["consultations.ConsultationResponsePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "høringssvararkiv"
        verbose_name_plural = "høringssvararkiv"

    def responses(self):
        return (
            restrict_to_public(ConsultationResponsePage.objects.descendant_of(self))
            .filter(consultation__status__in=SENT_STATUSES)
            .select_related("consultation__authority")
            .prefetch_related("consultation__themes")
            .order_by("-letter_date", "-pk")
        )

    def serve(self, request, *args, **kwargs):
        renamed = renamed_parameters_url(request)
        if renamed is not None:
            return HttpResponsePermanentRedirect(renamed)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        responses = self.responses()
        form = ArchiveFilterForm(request.GET or None, responses=responses)
        if form.is_bound and form.is_valid():
            responses = form.filter(responses)
        paginator = Paginator(responses, ARCHIVE_PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("side", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        query = request.GET.copy()
        query.pop("side", None)
        context.update(
            filter_form=form,
            responses=page_obj.object_list,
            page_obj=page_obj,
            paginator=paginator,
            filter_query=query.urlencode(),
        )
        return context


class ConsultationResponsePage(ProposalSource, LppPage, Page):
    """A høringssvar: the letter LPP sends in answer to one consultation."""

    consultation = models.OneToOneField(
        "consultations.Consultation",
        verbose_name="Høring",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="response",
        error_messages={"unique": "Denne høringen har allerede et høringssvar."},
    )
    summary = models.TextField(
        "Sammendrag",
        help_text="Kort og i klarspråk: vises i lister og til pårørende som leser svaret.",
    )
    letter_date = models.DateField("Brevdato", null=True, blank=True)
    signatory = models.CharField(
        "Underskrevet av",
        max_length=200,
        blank=True,
        help_text="For eksempel «Kari Nordmann, styreleder».",
    )
    body = StreamField(ResponseBodyBlock(), verbose_name="Brevtekst", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("consultation"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("letter_date"), FieldPanel("signatory")], heading="Brev"),
        FieldPanel("confirm_personal_data"),
    ]
    base_form_class = ConsultationResponsePageForm
    exclude_fields_in_copy = ["consultation", "personal_data_fingerprint"]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["consultations.ConsultationResponseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "høringssvar"
        verbose_name_plural = "høringssvar"

    def default_target_authority(self):
        return self.consultation.authority if self.consultation_id else None

    def proposals_sent_on(self):
        """A response's proposals were sent with the letter: the day its submission was
        recorded (None until it is)."""
        from .records import Submission

        if not self.consultation_id:
            return None
        return (
            Submission.objects.filter(consultation_id=self.consultation_id)
            .values_list("submitted_on", flat=True)
            .first()
        )

    def search_document(self):
        """Public search (search/registry.py): the authority answered and the letter's
        date as facets; only public fields of the consultation are read."""
        return {
            "authority": self.default_target_authority(),
            "date": self.letter_date or self.first_published_at,
        }

    @cached_property
    def themes(self):
        return list(self.consultation.themes.all()) if self.consultation_id else []

    def body_with_proposals(self):
        """The body's blocks, each paired with its tracked proposal record (or None)."""
        from advocacy.models import Proposal

        records = (
            {
                p.block_id: p
                for p in Proposal.objects.filter(source_page_id=self.pk, retired_at__isnull=True)
            }
            if self.pk
            else {}
        )
        return [(child, records.get(str(child.id))) for child in self.body]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blocks = self.body_with_proposals()
        context["blocks"] = blocks
        context["proposals"] = [
            (child, record) for child, record in blocks if child.block_type == "proposal"
        ]
        consultation = None
        if self.consultation_id:
            from .records import Consultation

            consultation = (
                Consultation.objects.select_related("authority")
                .prefetch_related("themes")
                .get(pk=self.consultation_id)
            )
        context["consultation"] = consultation
        return context
