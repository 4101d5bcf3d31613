import pytest

from base import roles


@pytest.fixture
def staff_client(client, make_user, home_page):
    roles.grant_site_permissions(home_page)
    client.force_login(make_user(roles.STAFF))
    return client
