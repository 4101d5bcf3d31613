"""The consultations' places in the admin's menus: the «Høringer» submenu and the action
menu of a response's editor. Registered in consultations/wagtail_hooks.py."""

from django.urls import reverse
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from base.admin_urls import snippet_url

from .models import Consultation, ConsultationResponsePage
from .permissions import CHANGE, VIEW, VIEW_REMINDERS
from .status import SENT_STATUSES
from .word_import.views import may_import


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions, **kwargs):
        self.permissions = permissions
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return any(request.user.has_perm(p) for p in self.permissions)


class WordImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


class ConsultationSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return any(item.is_shown(request) for item in self.menu.menu_items_for_request(request))


def consultations_menu(reminder_viewset):
    """The «Høringer» submenu; each item shows for those who may use it."""
    menu = Menu(
        items=[
            PermissionMenuItem(
                "Alle høringer",
                snippet_url(Consultation, "list"),
                icon_name="list-ul",
                order=100,
                permissions=[VIEW, CHANGE],
            ),
            PermissionMenuItem(
                "Påminnelser som er sendt",
                reverse(reminder_viewset.get_url_name("index")),
                icon_name="mail",
                order=200,
                permissions=[VIEW_REMINDERS],
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
                permissions=[CHANGE],
            ),
        ]
    )
    return ConsultationSubmenu("Høringer", menu, icon_name="date", name="horinger", order=150)


def response_action_menu(menu_items, request, context):
    """A response goes public when its submission is recorded
    (consultations.submission), not from the editor: until it is sent there is no
    «Publiser» button, and the board's approval keeps its task's own label «Godkjenn»
    instead of Wagtail's «Godkjenn og Publiser» (approval only marks the consultation
    «Godkjent av landsstyret», consultations.workflows)."""
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
