"""A position's times read the same, in Oslo time, on its detail page, in the list and in
the export (the detail page used to show UTC: 17:43 there, 18:43 in the list)."""

import datetime
import re

import pytest

from base import roles
from base.admin_urls import snippet_url
from political_platform.models import Position

from .factories import PlatformChapterPageFactory, PlatformPageFactory, position

pytestmark = pytest.mark.django_db

# 17:43 UTC on 1 December 2026 is 18:43 in Oslo.
CHANGED = datetime.datetime(2026, 12, 1, 17, 43, tzinfo=datetime.UTC)


@pytest.fixture
def changed_position(home_page):
    PlatformChapterPageFactory(
        parent=PlatformPageFactory(), title="Tvang", positions=[position("tvang skal ned.")]
    )
    pos = Position.objects.get()
    Position.objects.filter(pk=pos.pk).update(text_changed_at=CHANGED)
    return pos


def test_the_detail_page_shows_the_time_in_oslo(client, make_user, changed_position):
    client.force_login(make_user(roles.STAFF))
    url = snippet_url("political_platform.position", "inspect", changed_position.pk)
    html = client.get(url).content.decode()
    assert "1. desember 2026 kl. 18.43" in html
    assert not re.search(r"17[:.]43", html)


def test_the_export_writes_the_time_in_oslo(client, make_user, changed_position):
    client.force_login(make_user(roles.STAFF))
    url = snippet_url("political_platform.position", "list")
    csv_text = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert "2026-12-01 18:43" in csv_text
    assert "17:43" not in csv_text
