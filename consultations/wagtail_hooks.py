from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from advocacy.outcomes.report_sections import HALF_YEAR_SECTIONS_HOOK
from advocacy.permissions import ADD_EVENT

from . import contributions, strategy_metric
from .admin_menu import consultations_menu, response_action_menu
from .dashboard import ConsultationDashboardPanel
from .follow_up import FollowUpPanel
from .half_year import half_year_section
from .models import SentReminder
from .permissions import VIEW, reminder_policy
from .urls import admin_urlpatterns
from .viewsets import ConsultationViewSet, SentReminderViewSet
from .word_import import roundtrip
from .word_import import views as word_import_views

register_permission_policy(SentReminder, reminder_policy, exact_class=True)
consultation_viewset = ConsultationViewSet()
reminder_viewset = SentReminderViewSet()
register_snippet(consultation_viewset)


@hooks.register("register_admin_viewset")
def register_reminders():
    return reminder_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("horinger/", include((admin_urlpatterns, "consultations_admin")))]


@hooks.register("register_admin_menu_item")
def register_consultations_menu():
    return consultations_menu(reminder_viewset)


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    if request.user.has_perm(VIEW):
        panels.insert(0, ConsultationDashboardPanel(request))


@hooks.register("construct_homepage_panels")
def add_follow_up_panel(request, panels):
    if request.user.has_perm(ADD_EVENT):
        panels.append(FollowUpPanel(request))


hooks.register("construct_page_action_menu", response_action_menu)
hooks.register("lpp_theme_sections", contributions.theme_responses)
hooks.register("lpp_unsent_proposal_pages", contributions.unsent_response_pages)
# The board's half-year report: consultations answered, declined and missed.
hooks.register(HALF_YEAR_SECTIONS_HOOK, half_year_section)
# The strategy follow-up reads this app's figure through its hook (strategy/metrics.py).
hooks.register("register_strategy_metric", strategy_metric.register)
# «Last opp redigert Word-fil»: an edited export back as a draft (word_import/roundtrip.py).
hooks.register("register_page_header_buttons", word_import_views.round_trip_header_buttons)
hooks.register("register_page_listing_more_buttons", word_import_views.round_trip_listing_buttons)
hooks.register("register_log_actions", roundtrip.register_log_actions)

# Word export (consultations/docx.py): how its pages and blocks are written.
from . import docx  # noqa: E402

hooks.register("register_docx_page_layouts", docx.page_layouts)
