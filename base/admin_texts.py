"""Bokmål for the few admin labels Wagtail never passes through gettext: columns and form
fields that take their label from a field name («Site name», «Content types»), so no
catalogue (locale/nb) can reach them. :func:`install` runs once from ``LppConfig.ready``.
The rest of the admin is translated in locale/nb/LC_MESSAGES/{django,djangojs}.po."""

from django.utils import translation
from wagtail.admin.forms import choosers
from wagtail.admin.forms.workflows import WorkflowContentTypeForm
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.sites import views as site_views

SITE_COLUMNS = {"port": "Port", "site_name": "Navn på nettstedet", "root_page": "Startside"}
# The link choosers of the rich-text editor label their fields from the field names.
LINK_CHOOSER_LABELS = {
    "link_text": "Lenketekst",
    "email_address": "E-postadresse",
    "subject": "Emne",
    "body": "Tekst",
    "phone_number": "Telefonnummer",
}


def install():
    from django.db.models.signals import post_migrate

    post_migrate.connect(rename_permissions, dispatch_uid="lpp-norwegian-permission-names")
    for column in site_views.IndexView.columns:
        if column.name in SITE_COLUMNS:
            column.label = SITE_COLUMNS[column.name]
    WorkflowContentTypeForm.base_fields["content_types"].label = "Innholdstyper"
    for form in (
        choosers.ExternalLinkChooserForm,
        choosers.AnchorLinkChooserForm,
        choosers.EmailLinkChooserForm,
        choosers.PhoneLinkChooserForm,
    ):
        for name, field in form.base_fields.items():
            if name in LINK_CHOOSER_LABELS:
                field.label = LINK_CHOOSER_LABELS[name]
    # The choice on the bulk publish/unpublish/delete screens of pages.
    DefaultPageForm.base_fields["include_descendants"].label = "Ta med undersidene"


# Django names its default permissions in English when it creates them («Can add høring»,
# «Can add workflow»), and Wagtail shows those names on the group screen (to screen
# readers, and in full in «Wagtail-kjernen | side | …»). Renamed after every migrate, with
# the model's bokmål name; codenames stay as they are.
DEFAULT_ACTIONS = {
    "add": "Kan legge til",
    "change": "Kan endre",
    "delete": "Kan slette",
    "view": "Kan se",
    "lock": "Kan låse",
    "unlock": "Kan låse opp",
    "publish": "Kan publisere",
    "choose": "Kan velge",
}
WAGTAIL_PERMISSIONS = {
    "Can access Wagtail admin": "Har tilgang til administrasjonen",
    "Delete pages with children": "Slette sider med undersider",
    "Lock/unlock pages you've locked": "Låse og låse opp sider du selv har låst",
    "Publish any page": "Publisere alle sider",
    "Unlock any page": "Låse opp alle sider",
}


def norwegian_name(permission, model):
    """The bokmål name of a permission of ``model`` (None: a model no longer installed)."""
    if permission.name in WAGTAIL_PERMISSIONS:
        return WAGTAIL_PERMISSIONS[permission.name]
    action, _sep, model_name = permission.codename.partition("_")
    if model is None or action not in DEFAULT_ACTIONS or model_name != model._meta.model_name:
        return permission.name
    with translation.override("nb"):
        return f"{DEFAULT_ACTIONS[action]} {model._meta.verbose_name}"


def rename_permissions(sender, using="default", apps=None, **kwargs):
    """post_migrate: give the app's permissions their bokmål names (after Django has
    created them for the app)."""
    from django.apps import apps as installed
    from django.contrib.auth.management import create_permissions

    try:
        Permission = apps.get_model("auth", "Permission")
    except (AttributeError, LookupError):  # no migration state, or auth not installed
        return
    create_permissions(sender, verbosity=0, using=using, apps=apps)
    permissions = Permission.objects.using(using).filter(content_type__app_label=sender.label)
    for permission in permissions.select_related("content_type"):
        try:
            model = installed.get_model(sender.label, permission.content_type.model)
        except LookupError:
            model = None
        name = norwegian_name(permission, model)
        if name != permission.name:
            permission.name = name[:255]
            permission.save(update_fields=["name"])
