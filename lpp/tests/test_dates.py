"""One way a date reads, in Europe/Oslo, whatever time zone is active."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone

from base import dates

UTC = datetime.UTC
# 17:43 UTC on 1 December is 18:43 in Oslo (winter time, UTC+1).
MOMENT = datetime.datetime(2026, 12, 1, 17, 43, tzinfo=UTC)


def test_a_day_reads_with_the_month_in_words():
    assert dates.long_date(datetime.date(2026, 12, 7)) == "7. desember 2026"
    assert dates.long_date(None) == ""


def test_a_moment_reads_in_oslo_time_even_when_utc_is_active():
    with timezone.override("UTC"):
        assert dates.long_datetime(MOMENT) == "1. desember 2026 kl. 18.43"


def test_a_summer_moment_reads_in_oslo_summer_time():
    summer = datetime.datetime(2026, 6, 1, 10, 5, tzinfo=UTC)
    assert dates.long_datetime(summer) == "1. juni 2026 kl. 12.05"


def test_a_moment_late_in_the_utc_evening_is_the_next_day_in_oslo():
    late = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    with timezone.override("UTC"):
        assert dates.long_date(late) == "7. desember 2026"
        assert dates.short_date(late) == "07.12.2026"
        assert dates.iso_day(late) == "2026-12-07"


@pytest.mark.parametrize(
    ("offset", "text"),
    [
        (0, "i dag"),
        (1, "i morgen"),
        (-1, "i går"),
        (6, "om 6 dager"),
        (-3, "for 3 dager siden"),
        (59, "om 59 dager"),
        (-120, "for 4 måneder siden"),
        (-754, "for 2 år siden"),
    ],
)
def test_relative_day_says_how_far_off_a_day_is(offset, text):
    today = datetime.date(2026, 12, 1)
    assert dates.relative_day(today + datetime.timedelta(days=offset), today=today) == text


def test_the_template_filters_use_the_same_format():
    rendered = Template(
        "{% load lpp_dates %}{{ day|long_date }}|{{ moment|long_datetime }}|{{ moment|iso_date }}"
    ).render(Context({"day": datetime.date(2026, 12, 7), "moment": MOMENT}))
    assert rendered == "7. desember 2026|1. desember 2026 kl. 18.43|2026-12-01"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2026-12-07", "7. desember 2026"),
        ("2026-12-06T23:30:00+00:00", "7. desember 2026 kl. 00.30"),
        ("ikke en dato", "ikke en dato"),
        (None, ""),
        (17, "17"),
    ],
)
def test_the_date_filters_read_text_and_never_fail(value, shown):
    """A value read from JSON or a form arrives as text; a template must not turn it
    into an error page."""
    rendered = Template("{% load lpp_dates %}{{ value|long_datetime }}").render(
        Context({"value": value})
    )
    assert rendered == shown


def test_wagtails_date_widget_shows_a_future_day_as_a_date_not_minutes_ago():
    future = timezone.localdate() + datetime.timedelta(days=6)
    html = Template("{% load wagtailadmin_tags %}{% human_readable_date day %}").render(
        Context({"day": future})
    )
    assert dates.long_date(future) in html and "om 6 dager" in html
    assert "siden" not in html


def test_wagtails_date_widget_shows_a_future_moment_as_a_date_and_time():
    moment = timezone.now() + datetime.timedelta(days=2)
    html = Template("{% load wagtailadmin_tags %}{% human_readable_date moment %}").render(
        Context({"moment": moment})
    )
    assert dates.long_datetime(moment) in html
    assert "siden" not in html


def test_wagtails_date_widget_keeps_time_ago_for_the_past():
    moment = timezone.now() - datetime.timedelta(hours=3)
    html = Template("{% load wagtailadmin_tags %}{% human_readable_date moment %}").render(
        Context({"moment": moment})
    )
    assert "3\xa0timer siden" in html


def test_something_that_happened_this_minute_reads_akkurat_naa():
    html = Template("{% load wagtailadmin_tags %}{% human_readable_date moment %}").render(
        Context({"moment": timezone.now()})
    )
    assert "Akkurat nå" in html and "0 minutter siden" not in html


@pytest.mark.django_db
def test_every_admin_user_sees_oslo_time_whatever_zone_they_once_chose(make_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(make_user())
    profile.current_time_zone = "UTC"
    profile.save()
    assert profile.get_current_time_zone() == "Europe/Oslo"
