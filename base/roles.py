"""LPP's roles as Django groups, and what each may do.

Model permissions are granted here, after every migrate. Page permissions belong to a
section of the page tree (the platform, the responses, the agreement), so the demo
loader — or an administrator — grants them with :func:`grant_section` once the
section exists.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

STAFF = "Sekretariat"
BOARD = "Landsstyret"
PLATFORM_GROUP = "Arbeidsgruppe politisk plattform"
RESPONSES_GROUP = "Arbeidsgruppe høringssvar"
AGREEMENT_GROUP = "Arbeidsgruppe pårørendeavtale"
WORKING_GROUPS = [PLATFORM_GROUP, RESPONSES_GROUP, AGREEMENT_GROUP]

ADMIN_ACCESS = "wagtailadmin.access_admin"
CHOOSE_MEDIA = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]
ADD_MEDIA = ["wagtailimages.add_image", "wagtaildocs.add_document"]

# Model permissions per role, as "app_label.codename". Later apps add theirs here.
MODEL_PERMISSIONS = {
    STAFF: [
        ADMIN_ACCESS,
        *CHOOSE_MEDIA,
        *ADD_MEDIA,
        "wagtailimages.change_image",
        "wagtaildocs.change_document",
        "advocacy.add_theme",
        "advocacy.change_theme",
        "advocacy.delete_theme",
        "advocacy.add_authority",
        "advocacy.change_authority",
        "advocacy.delete_authority",
        "advocacy.view_proposal",
        "advocacy.view_outcomeevent",
        "advocacy.add_outcomeevent",
        "advocacy.publish_outcomeevent",
        "advocacy.view_staff_note",
        "advocacy.change_outcomesettings",
        "home.change_organisationsettings",
        "consultations.add_consultation",
        "consultations.change_consultation",
        "consultations.delete_consultation",
        "consultations.view_consultation",
        "consultations.view_sentreminder",
    ],
    BOARD: [
        ADMIN_ACCESS,
        *CHOOSE_MEDIA,
        "advocacy.view_proposal",
        "advocacy.view_outcomeevent",
        "consultations.view_consultation",
    ],
    PLATFORM_GROUP: [ADMIN_ACCESS, *CHOOSE_MEDIA, *ADD_MEDIA],
    RESPONSES_GROUP: [ADMIN_ACCESS, *CHOOSE_MEDIA, *ADD_MEDIA, "consultations.view_consultation"],
    AGREEMENT_GROUP: [ADMIN_ACCESS, *CHOOSE_MEDIA, *ADD_MEDIA],
}

# Everyone who writes or approves documents may see and quote the platform's positions
# (political_platform.Position: written on publish, never edited by hand).
for _group_name in (STAFF, BOARD, PLATFORM_GROUP, RESPONSES_GROUP):
    MODEL_PERMISSIONS[_group_name].append("political_platform.view_position")

# The watched sources (sources/): the secretariat reads the radar, links Stortinget cases
# and reads documents for evidence (sources/permissions.py names what the views check).
MODEL_PERMISSIONS[STAFF] += [
    f"sources.{codename}"
    for codename in (
        "view_candidate change_candidate view_caselink add_caselink delete_caselink "
        "view_evidencedocument add_evidencedocument view_themesignal add_themesignal "
        "change_themesignal delete_themesignal change_radarsettings view_sourcestatus"
    ).split()
]

# The strategy follow-up (strategy/): the secretariat keeps the plans and prepares each
# half-year review; the board rewords measures and approves the review (its workflow task).
_STRATEGY_RECORDS = ["plan", "focusarea", "measure", "indicator", "localchapter", "survey"]
MODEL_PERMISSIONS[STAFF] += [
    *(
        f"strategy.{action}_{model}"
        for model in _STRATEGY_RECORDS
        for action in ("add", "change", "view")
    ),
    "strategy.add_review",
    "strategy.change_review",
    "strategy.view_review",
    "strategy.lock_review",
    "strategy.unlock_review",
]
MODEL_PERMISSIONS[BOARD] += [
    *(f"strategy.view_{model}" for model in _STRATEGY_RECORDS),
    "strategy.change_measure",
    "strategy.view_review",
    "strategy.change_review",
    "strategy.publish_review",
]

# Page permissions on the whole site (granted on the site's root page).
SITE_PAGE_PERMISSIONS = {
    STAFF: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BOARD: ["change_page", "publish_page"],
}

# Working groups draft in their own section but never publish: publishing goes through
# review and the board's approval.
WORKING_GROUP_PAGE_PERMISSIONS = ["add_page", "change_page"]


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles():
    """Create the groups and (re)grant their model permissions. Idempotent."""
    groups = {}
    for name, permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(p) for p in permissions])
        groups[name] = group
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for name in MODEL_PERMISSIONS:
            for dotted in CHOOSE_MEDIA + (ADD_MEDIA if name != BOARD else []):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=_permission(dotted)
                )
    return groups


def ensure_roles_after_migrate(sender, using="default", **kwargs):
    # post_migrate reaches apps in INSTALLED_APPS order, so other apps' permissions may
    # not exist yet: create them all first.
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.snippets.models import create_extra_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    # Wagtail's publish/lock/unlock permissions of snippets (e.g. strategy.publish_review).
    create_extra_permissions(apps.get_app_config("wagtailsnippets"), using=using)
    ensure_roles()


def user_label(user):
    """How a person is named wherever users are listed or chosen: «Kari Nordmann», the
    username only for an account without a name."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def install():
    """A user reads as «Kari Nordmann» wherever Wagtail or Django print one with ``str()``:
    inspect views («Ansvarlig»), report filters («Låst av»), the aging-pages report,
    snippet history and spreadsheet exports – not only where LPP's own code asks
    :func:`user_label`. Runs once from ``BaseConfig.ready``."""
    from wagtail.admin.views.reports.aging_pages import AgingPagesView

    get_user_model().__str__ = user_label
    AgingPagesView.decorate_paginated_queryset = _aging_pages_by_full_name


def _aging_pages_by_full_name(view, queryset):
    # Wagtail's «Sider som ikke er oppdatert» names the last publisher by username.
    ids = set(queryset.values_list("last_published_by", flat=True))
    names = {user.pk: user_label(user) for user in view.user_model.objects.filter(pk__in=ids)}
    for page in queryset:
        view.add_last_publisher_name_to_page(names, page)
    return queryset


def staff_members(keep=None):
    """Active users who can answer for a piece of work: the secretariat and the site's
    administrators. ``keep`` (a user id) stays in the list, so a record whose responsible
    person has since left can still be saved unchanged."""
    chosen = Q(is_active=True) & (Q(groups__name=STAFF) | Q(is_superuser=True))
    if keep is not None:
        chosen |= Q(pk=keep)
    return (
        get_user_model()
        .objects.filter(chosen)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def working_groups(keep=None):
    """The board's working groups (and ``keep``, a group id already chosen)."""
    return Group.objects.filter(Q(name__in=WORKING_GROUPS) | Q(pk=keep)).order_by("name")


def grant_section(group_name, page, codenames):
    """Let a group act on ``page`` and everything below it."""
    group = Group.objects.get(name=group_name)
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(f"wagtailcore.{codename}")
        )


def grant_site_permissions(site_root):
    for group_name, codenames in SITE_PAGE_PERMISSIONS.items():
        grant_section(group_name, site_root, codenames)
