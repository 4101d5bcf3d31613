import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from base import roles
from base.admin_urls import snippet_url
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_every_role_exists_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.STAFF, roles.BOARD, *roles.WORKING_GROUPS} <= names


def test_ensure_roles_is_idempotent():
    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    roles.ensure_roles()
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == before


def test_the_public_cannot_reach_the_admin(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_user_without_a_role_cannot_use_the_admin(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("role", [roles.STAFF, roles.BOARD, *roles.WORKING_GROUPS])
def test_every_role_can_open_the_admin(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_staff_manage_authorities_but_the_board_does_not(client, make_user, home_page):
    url = snippet_url("advocacy.authority", "add")
    client.force_login(make_user(roles.STAFF))
    assert client.get(url).status_code == 200
    client.force_login(make_user(roles.BOARD))
    assert client.get(url).status_code in (302, 403)
    client.force_login(make_user(roles.RESPONSES_GROUP))
    assert client.get(url).status_code in (302, 403)


def test_staff_edit_organisation_settings_but_working_groups_do_not(client, make_user, site):
    url = reverse("wagtailsettings:edit", args=["home", "organisationsettings", site.pk])
    client.force_login(make_user(roles.STAFF))
    assert client.get(url).status_code == 200
    client.force_login(make_user(roles.PLATFORM_GROUP))
    assert client.get(url).status_code in (302, 403)


def test_staff_and_board_may_publish_anywhere_on_the_site(make_user, home_page):
    roles.grant_site_permissions(home_page)
    for role in (roles.STAFF, roles.BOARD):
        perms = home_page.permissions_for_user(make_user(role))
        assert perms.can_edit() and perms.can_publish()


def test_a_working_group_drafts_in_its_section_only_and_never_publishes(make_user, home_page):
    section = StandardPage(title="Høringssvar", slug="horingssvar")
    home_page.add_child(instance=section)
    other = StandardPage(title="Om LPP", slug="om-lpp")
    home_page.add_child(instance=other)
    roles.grant_section(roles.RESPONSES_GROUP, section, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    member = make_user(roles.RESPONSES_GROUP)

    in_section = section.permissions_for_user(member)
    assert in_section.can_edit() and in_section.can_add_subpage()
    assert not in_section.can_publish()
    assert not other.permissions_for_user(member).can_edit()
    outsider = make_user(roles.PLATFORM_GROUP)
    assert not section.permissions_for_user(outsider).can_edit()
