"""Fixtures shared by every app's tests."""

import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def home_page(db):
    from home.demo import ensure_home_page

    home, _site = ensure_home_page()
    return home


@pytest.fixture
def site(home_page):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def make_user(db, django_user_model):
    """make_user("Sekretariat") -> a user in that role (group); no group -> no role."""
    counter = {"n": 0}

    def make(*group_names, superuser=False, **fields):
        counter["n"] += 1
        username = fields.pop("username", f"bruker{counter['n']}")
        user = django_user_model.objects.create_user(
            username=username,
            email=fields.pop("email", f"{username}@example.org"),
            password="passord-123",
            is_superuser=superuser,
            is_staff=superuser,
            **fields,
        )
        for name in group_names:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it."""
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
