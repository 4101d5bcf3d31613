"""Deadlines read as dates («7. desember 2026», «om 6 dager»), never «0 minutter siden»:
in the consultation list, the reminders list, the dashboard and the reminder e-mail."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from base import roles
from base.admin_urls import snippet_url
from base.dates import long_date

from . import factories

pytestmark = pytest.mark.django_db

days = datetime.timedelta


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF, first_name="Siri", email="siri@lpp.example")


def visible_text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_list_shows_a_future_internal_deadline_as_a_date(client, staff):
    draft_deadline = timezone.localdate() + days(6)
    factories.ConsultationFactory(
        title="Høring med intern frist",
        draft_deadline=draft_deadline,
        deadline=timezone.localdate() + days(20),
    )
    client.force_login(staff)
    text = visible_text(client.get(snippet_url("consultations.consultation", "list")))
    assert f"{long_date(draft_deadline)} (om 6 dager)" in text
    assert "minutter siden" not in text and "akkurat nå" not in text.lower()


def test_a_deadline_tomorrow_reads_i_morgen_not_om_1_dager(client, staff):
    factories.ConsultationFactory(
        title="Høring som haster", deadline=timezone.localdate() + days(1)
    )
    client.force_login(staff)
    text = visible_text(client.get(snippet_url("consultations.consultation", "list")))
    assert "i morgen" in text and "om 1 dager" not in text


def test_the_reminders_list_shows_the_due_day_as_a_date(client, staff):
    due = timezone.localdate() + days(2)
    factories.ConsultationFactory(title="Høring med påminnelse", responsible=staff, deadline=due)
    call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))
    client.force_login(staff)
    text = visible_text(client.get(reverse("reminders:index")))
    assert f"{long_date(due)} (om 2 dager)" in text
    assert "minutter siden" not in text


def test_the_reminder_e_mail_gives_the_deadline_as_a_date(staff):
    due = timezone.localdate() + days(6)
    factories.ConsultationFactory(title="Høring i e-post", responsible=staff, deadline=due)
    call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))
    [message] = mail.outbox
    assert f"Høringsfrist: {long_date(due)}" in message.body
    assert "Om 6 dager" in message.body


def test_the_dashboard_gives_the_deadline_and_how_far_off_it_is(client, staff):
    due = timezone.localdate() + days(1)
    factories.ConsultationFactory(title="Høring på dashbordet", responsible=staff, deadline=due)
    client.force_login(staff)
    text = visible_text(client.get(reverse("wagtailadmin_home")))
    assert f"{long_date(due)} (i morgen)" in text
