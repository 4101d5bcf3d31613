from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from advocacy.outcomes.report_sections import HALF_YEAR_SECTIONS_HOOK
from advocacy.visibility import restrict_to_public

from .dashboard import ConsultationDashboardPanel
from .half_year import half_year_section
from .models import SentReminder
from .status import SENT_STATUSES
from .urls import admin_urlpatterns
from .viewsets import ConsultationViewSet, ReadOnlyPolicy, SentReminderViewSet

register_permission_policy(SentReminder, ReadOnlyPolicy(SentReminder), exact_class=True)
consultation_viewset = ConsultationViewSet()
reminder_viewset = SentReminderViewSet()
register_snippet(consultation_viewset)


@hooks.register("register_admin_viewset")
def register_reminders():
    return reminder_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("horinger/", include((admin_urlpatterns, "consultations_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions, **kwargs):
        self.permissions = permissions
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return any(request.user.has_perm(p) for p in self.permissions)


class WordImportMenuItem(MenuItem):
    def is_shown(self, request):
        from .word_import.views import may_import

        return may_import(request.user)


class ConsultationSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return any(item.is_shown(request) for item in self.menu.menu_items_for_request(request))


@hooks.register("register_admin_menu_item")
def consultations_menu():
    menu = Menu(
        items=[
            PermissionMenuItem(
                "Alle høringer",
                reverse("wagtailsnippets_consultations_consultation:list"),
                icon_name="list-ul",
                order=100,
                permissions=[
                    "consultations.view_consultation",
                    "consultations.change_consultation",
                ],
            ),
            PermissionMenuItem(
                "Påminnelser som er sendt",
                reverse(reminder_viewset.get_url_name("index")),
                icon_name="mail",
                order=200,
                permissions=["consultations.view_sentreminder"],
            ),
            WordImportMenuItem(
                "Importer høringssvar fra Word",
                reverse("consultations_admin:word_import"),
                icon_name="upload",
                order=250,
            ),
            PermissionMenuItem(
                "Frister i kalenderen",
                reverse("consultations_admin:calendar"),
                icon_name="date",
                order=300,
                permissions=["consultations.change_consultation"],
            ),
        ]
    )
    return ConsultationSubmenu("Høringer", menu, icon_name="date", name="horinger", order=150)


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    if request.user.has_perm("consultations.view_consultation"):
        panels.insert(0, ConsultationDashboardPanel(request))


def theme_responses(theme, request):
    """The published responses on a theme, for the theme's public page."""
    from .models import ConsultationResponsePage

    items = list(
        restrict_to_public(ConsultationResponsePage.objects.all())
        .filter(consultation__themes=theme, consultation__status__in=SENT_STATUSES)
        .select_related("consultation__authority")
        .order_by("-letter_date", "-pk")
        .distinct()[:20]
    )
    if not items:
        return None
    return {
        "title": "Høringssvar",
        "items": items,
        "template": "consultations/includes/theme_responses.html",
    }


hooks.register("lpp_theme_sections", theme_responses)
# The board's half-year report: consultations answered, declined and missed.
hooks.register(HALF_YEAR_SECTIONS_HOOK, half_year_section)


@hooks.register("lpp_unsent_proposal_pages")
def unsent_response_pages():
    """advocacy's «sendt inn»: a response's proposals count as sent once its submission
    is recorded, not when the page is published."""
    from .models import ConsultationResponsePage

    return ConsultationResponsePage.objects.filter(consultation__submission__isnull=True).values(
        "pk"
    )


@hooks.register("construct_page_action_menu")
def response_action_menu(menu_items, request, context):
    """A response goes public when its submission is recorded
    (consultations.submission), not from the editor: until it is sent there is no
    «Publiser» button, and the board's approval keeps its task's own label «Godkjenn»
    instead of Wagtail's «Godkjenn og Publiser» (approval only marks the consultation
    «Godkjent av landsstyret», consultations.workflows)."""
    from .models import ConsultationResponsePage

    page = context.get("page")
    if not isinstance(page, ConsultationResponsePage):
        return
    sent = page.consultation_id is not None and page.consultation.status in SENT_STATUSES
    if not sent:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    task = page.current_workflow_task if page.pk else None
    if task is None:
        return
    labels = {
        (name, bool(modal)): label for name, label, modal in task.get_actions(page, request.user)
    }
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem):
            item.label = labels.get((item.name, bool(item.launch_modal)), item.label)


# The strategy follow-up reads this app's figure through its hook (strategy/metrics.py).
from . import strategy_metric  # noqa: E402

hooks.register("register_strategy_metric", strategy_metric.register)
