"""Consultation responses: submission dates, the outcome summary, the follow-up reminder
(sent once per quiet spell) and the «Følg opp» dashboard panel."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from advocacy.models import FollowUpReminder, Proposal
from advocacy.outcomes import months_before, record_event
from advocacy.tests.factories import event_data
from base import roles
from consultations.follow_up import send_follow_up_reminders

from .factories import ResponseIndexPageFactory, proposal_block, published_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def responsible(make_user):
    return make_user(roles.STAFF, first_name="Kari", last_name="Nordmann", email="kari@example.org")


@pytest.fixture
def answered(home_page, responsible):
    today = timezone.localdate()
    record, page = published_response(
        ResponseIndexPageFactory(parent=home_page),
        body=[proposal_block(f"Forslag {n}") for n in range(1, 4)],
        title="Høring om pårørendes rett til informasjon",
        announced_on=today - datetime.timedelta(days=120),
        deadline=today - datetime.timedelta(days=60),
        responsible=responsible,
    )
    return record, page


def test_a_responses_proposals_count_as_submitted_when_it_was_sent(answered):
    record, page = answered
    proposals = Proposal.objects.filter(source_page=page)
    assert proposals.count() == 3
    assert set(proposals.values_list("submitted_on", flat=True)) == {record.submission.submitted_on}


def test_outcome_summary_of_a_consultation_response(answered):
    _record, page = answered
    first, second, third = Proposal.objects.filter(source_page=page).order_by("position")
    today = timezone.localdate()
    record_event(first, event_data("adopted", today), publish=True)
    record_event(second, event_data("partly_adopted", today), publish=True)
    record_event(third, event_data("rejected", today), publish=False)
    html = Template(
        "{% load outcome_tags %}{% outcome_summary_for page as s %}{{ s.text }}"
    ).render(Context({"page": page}))
    assert html == "2 av 3 forslag helt eller delvis tatt til følge"


def backdate(page, days):
    """Pretend the response was sent ``days`` ago."""
    sent = timezone.localdate() - datetime.timedelta(days=days)
    Proposal.objects.filter(source_page=page).update(submitted_on=sent)
    return sent


def test_the_responsible_person_is_reminded_once(answered):
    _record, page = answered
    backdate(page, 200)
    sent, covered, unassigned = send_follow_up_reminders()
    assert (sent, covered, unassigned) == (1, 3, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kari@example.org"]
    assert "Følg opp: 3 forslag uten svar" in message.subject
    assert "Forslag 2" in message.body and f"?document={page.pk}" in message.body
    assert send_follow_up_reminders() == (0, 0, 0)
    assert len(mail.outbox) == 1
    assert FollowUpReminder.objects.count() == 3


def test_news_starts_a_new_quiet_spell_and_a_decision_ends_the_reminders(answered):
    _record, page = answered
    backdate(page, 200)
    send_follow_up_reminders()
    first, second, _third = Proposal.objects.filter(source_page=page).order_by("position")
    today = timezone.localdate()
    record_event(first, event_data("dialogue", today - datetime.timedelta(days=60)), publish=True)
    record_event(second, event_data("rejected", today - datetime.timedelta(days=60)), publish=True)
    # Not yet quiet for three months: nothing new goes out.
    assert send_follow_up_reminders() == (0, 0, 0)
    later = today + datetime.timedelta(days=40)
    sent, covered, _ = send_follow_up_reminders(on=later)
    assert (sent, covered) == (1, 1)  # the first proposal again; the rejected one is decided
    assert "Forslag 1" in mail.outbox[-1].body and "Forslag 2" not in mail.outbox[-1].body


def test_nothing_is_due_before_n_months(answered, settings):
    _record, page = answered
    sent_on = backdate(page, 10)
    assert send_follow_up_reminders() == (0, 0, 0)
    # The configured number of months decides.
    on = timezone.localdate() + datetime.timedelta(days=30)
    assert months_before(on, 1) > sent_on
    assert send_follow_up_reminders(on=on, months=1)[1] == 3


def test_a_consultation_without_a_responsible_person_is_listed_not_mailed(answered):
    record, page = answered
    record.responsible = None
    record.save(update_fields=["responsible"])
    backdate(page, 200)
    assert send_follow_up_reminders() == (0, 0, 1)
    assert not mail.outbox and not FollowUpReminder.objects.exists()


def test_the_daily_command(answered, capsys):
    _record, page = answered
    backdate(page, 200)
    call_command("send_outcome_reminders")
    call_command("send_outcome_reminders")
    out = capsys.readouterr().out
    assert "Sendte 1 påminnelse om 3 forslag." in out
    assert "Sendte 0 påminnelser om 0 forslag." in out
    assert len(mail.outbox) == 1


def test_the_command_refuses_bad_arguments_in_norwegian():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("send_outcome_reminders", "--dato", "24.11.2026")
    with pytest.raises(CommandError, match="mellom 1 og 60"):
        call_command("send_outcome_reminders", "--maaneder", "0")


def test_the_dashboard_lists_what_to_follow_up(client, answered, responsible):
    _record, page = answered
    backdate(page, 200)
    client.force_login(responsible)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Følg opp: forslag uten svar" in html
    assert "Høring om pårørendes rett til informasjon" in html
    assert "Kari Nordmann" in html


def test_a_response_published_without_a_recorded_submission_is_not_followed_up(answered):
    """Only proposals that went to the authority (Proposal.objects.submitted()) are
    followed up: a response that is public but was never sent has nothing to ask about."""
    from consultations.models import Submission

    record, page = answered
    backdate(page, 400)
    deleted, _rows = Submission.objects.filter(consultation=record).delete()

    assert deleted == 1

    assert send_follow_up_reminders() == (0, 0, 0)
    assert mail.outbox == []
