import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

import base.params  # noqa: F401 - registers the <id:…> converter
from advocacy.models import Authority, Theme
from base.roles import staff_members, user_label

from . import views
from .forms import ConsultationForm
from .models import Consultation, SentReminder
from .panels import ConsultationStatusPanel
from .responses import stub_consultation_ids
from .status import Status


class DeadlineWindow:
    CHOICES = [
        ("passert", "Fristen er passert"),
        ("7", "Innen 7 dager"),
        ("30", "Innen 30 dager"),
        ("90", "Innen 90 dager"),
        ("senere", "Om mer enn 90 dager"),
    ]

    @staticmethod
    def filter(queryset, name, value):
        today = timezone.localdate()
        if value == "passert":
            return queryset.filter(deadline__lt=today)
        if value == "senere":
            return queryset.filter(deadline__gt=today + datetime.timedelta(days=90))
        if value in {"7", "30", "90"}:
            return queryset.filter(
                deadline__gte=today, deadline__lte=today + datetime.timedelta(days=int(value))
            )
        return queryset


class ConsultationFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label="Status", choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    frist = django_filters.ChoiceFilter(
        label="Høringsfrist",
        choices=DeadlineWindow.CHOICES,
        method=DeadlineWindow.filter,
        empty_label="Alle frister",
    )
    authority = django_filters.ModelChoiceFilter(
        label="Myndighet", queryset=Authority.objects.order_by("name"), empty_label="Alle"
    )
    themes = django_filters.ModelChoiceFilter(
        label="Tema",
        queryset=Theme.objects.order_by("name"),
        field_name="themes",
        empty_label="Alle temaer",
    )
    responsible = django_filters.ModelChoiceFilter(
        label="Ansvarlig", queryset=lambda request: staff_members(), empty_label="Alle"
    )

    class Meta:
        model = Consultation
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["responsible"].field.label_from_instance = user_label


class DeadlineColumn(Column):
    cell_template_name = "consultations/admin/deadline_cell.html"


class ConsultationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("authority", "responsible")

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.is_export:
            queryset = queryset.prefetch_related("themes")
        return queryset


class ConsultationEditView(EditView):
    submit_url_name = None

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status == Status.APPROVED and self.request.user.has_perm(
            "consultations.change_consultation"
        ):
            buttons.append(
                HeaderButton(
                    "Registrer innsending",
                    url=reverse(self.submit_url_name, args=[self.object.pk]),
                    icon_name="mail",
                )
            )
        return buttons


def response_button(consultation, start_url_name):
    """«Skriv høringssvar» (or «Åpne høringssvaret») for a consultation's header."""
    if consultation.status == Status.DECLINED:
        return None
    response = consultation.get_response()
    if response is not None:
        return HeaderButton(
            "Åpne høringssvaret",
            url=reverse("wagtailadmin_pages:edit", args=[response.pk]),
            icon_name="doc-full",
        )
    return HeaderButton(
        "Skriv høringssvar",
        url=reverse(start_url_name, args=[consultation.pk]),
        icon_name="doc-full",
    )


class ConsultationInspectView(InspectView):
    """What the working group sees of a consultation: with a button to its response."""

    start_response_url_name = None

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        button = response_button(self.object, self.start_response_url_name)
        if button is not None:
            buttons.append(button)
        return buttons


class ConsultationChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label="Søk",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Tittel, saksnummer eller myndighet"}),
    )

    def filter(self, objects):
        text = self.cleaned_data.get("q")
        if text:
            objects = objects.filter(
                Q(title__icontains=text)
                | Q(case_number__icontains=text)
                | Q(authority__name__icontains=text)
            )
            self.is_searching = True
            self.search_query = text
        return objects


class ConsultationChooseMixin:
    """What a response may answer: a consultation without a response yet (an abandoned,
    empty stub does not count: consultations.stubs), that LPP has not declined. The
    response being edited shows its own consultation as chosen."""

    filter_form_class = ConsultationChooserFilterForm

    def get_object_list(self):
        free = Q(response__isnull=True) | Q(pk__in=stub_consultation_ids(self.request.user))
        return (
            Consultation.objects.filter(free)
            .exclude(status=Status.DECLINED)
            .select_related("authority")
            .order_by("deadline", "pk")
        )


class ConsultationChooseView(ConsultationChooseMixin, ChooseView):
    pass


class ConsultationChooseResultsView(ConsultationChooseMixin, ChooseResultsView):
    pass


class ConsultationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ConsultationChooseView
    choose_results_view_class = ConsultationChooseResultsView


class ConsultationViewSet(SnippetViewSet):
    model = Consultation
    icon = "date"
    menu_label = "Høringer"
    menu_name = "consultations"
    add_to_admin_menu = False
    index_view_class = ConsultationIndexView
    chooser_viewset_class = ConsultationChooserViewSet
    edit_view_class = ConsultationEditView
    inspect_view_class = ConsultationInspectView
    filterset_class = ConsultationFilterSet
    search_fields = ["title", "case_number", "our_reference", "authority__name", "notes"]
    search_backend_name = None
    ordering = ["deadline", "pk"]
    list_per_page = 50
    # Board members and the working group may read a consultation, not change it.
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "authority",
        "case_number",
        "our_reference",
        "url",
        "announced_on",
        "draft_deadline",
        "deadline",
        "status",
        "decline_reason",
        "responsible",
        "working_group",
        "notes",
    ]
    list_display = [
        "title",
        Column("authority", label="Myndighet", accessor="authority"),
        DeadlineColumn("deadline", label="Høringsfrist", sort_key="deadline"),
        DateColumn("draft_deadline", label="Intern frist", sort_key="draft_deadline"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        Column("responsible", label="Ansvarlig", accessor="responsible_name"),
    ]
    list_export = [
        "title",
        "authority",
        "case_number",
        "our_reference",
        "get_status_display",
        "announced_on",
        "deadline",
        "draft_deadline",
        "responsible_name",
        "working_group",
        "theme_names",
        "url",
        "decline_reason",
        "notes",
    ]
    export_headings = {
        "authority": "Myndighet",
        "get_status_display": "Status",
        "responsible_name": "Ansvarlig",
        "working_group": "Arbeidsgruppe",
        "theme_names": "Temaer",
    }
    export_filename = "horinger"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    ConsultationStatusPanel(),
                    FieldPanel("title"),
                    FieldPanel("authority"),
                    FieldRowPanel([FieldPanel("case_number"), FieldPanel("our_reference")]),
                    FieldPanel("url"),
                    FieldRowPanel(
                        [
                            FieldPanel("announced_on"),
                            FieldPanel("draft_deadline"),
                            FieldPanel("deadline"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("responsible"), FieldPanel("working_group")]),
                    FieldPanel("themes"),
                    InlinePanel("documents", label="Høringsdokument", heading="Høringsdokumenter"),
                ],
                heading="Høringen",
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("status"), FieldPanel("decline_reason")],
                        heading="Status",
                        help_text=(
                            "«Til gjennomgang» og «Godkjent» følger godkjenningsflyten til "
                            "høringssvaret, og «Sendt» settes når innsendingen registreres."
                        ),
                    ),
                    FieldPanel("notes"),
                ],
                heading="Status og notater",
            ),
        ],
        base_form_class=ConsultationForm,
    )

    # The record's own admin views beyond Wagtail's: recording the submission (with the
    # archived file) and starting the one response.
    extra_views = {
        "submit": ("<id:pk>/innsending/", views.submit),
        "submission_file": ("<id:pk>/innsending/fil/", views.submission_file),
        "start_response": ("<id:pk>/horingssvar/", views.start_response),
    }

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": self.get_url_name(name) for name in self.extra_views},
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(route, view, name=name) for name, (route, view) in self.extra_views.items()
        ]


class SentReminderViewSet(ModelViewSet):
    model = SentReminder
    icon = "mail"
    menu_label = "Påminnelser"
    name = "reminders"
    add_to_admin_menu = False
    list_display = [
        "consultation",
        Column("kind", label="Frist", accessor="get_kind_display"),
        DateColumn("due_on", label="Fristen"),
        "email",
        DateColumn("sent_at", label="Sendt"),
    ]
    list_filter = ["kind"]
    search_fields = ["consultation__title", "email"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["consultation", "kind", "due_on", "email"]

    def get_queryset(self, request):
        return SentReminder.objects.select_related("consultation")
