import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from base import roles
from consultations.ical import escape_text, fold
from consultations.models import CalendarFeed, SentReminder
from consultations.status import Status

from . import factories

pytestmark = pytest.mark.django_db
days = datetime.timedelta


@pytest.fixture
def staff(make_user):
    return make_user(roles.STAFF, email="siri@lpp.example")


def new_feed_url(client, user):
    client.force_login(user)
    response = client.post(reverse("consultations_admin:calendar"), {"action": "ny"})
    assert response.status_code == 200
    html = response.content.decode()
    url = html.split('id="calendar-url" type="text" readonly value="')[1].split('"')[0]
    client.logout()
    return url.replace("http://testserver", "")


def unfold(body):
    return body.replace("\r\n ", "")


def test_the_feed_lists_open_deadlines(client, staff):
    factories.ConsultationFactory(
        title="Høring om tvang",
        deadline=datetime.date(2099, 3, 1),
        announced_on=datetime.date(2099, 1, 1),
        draft_deadline=datetime.date(2099, 2, 15),
        responsible=staff,
    )
    factories.ConsultationFactory(
        title="Avslått høring", status=Status.DECLINED, decline_reason="Nei"
    )
    url = new_feed_url(client, staff)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = unfold(response.content.decode())
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Høringsfrist: Høring om tvang (ditt ansvar)" in body
    assert "DTSTART;VALUE=DATE:20990301" in body
    assert "DTSTART;VALUE=DATE:20990215" in body
    assert "Avslått høring" not in body


def test_text_in_the_feed_cannot_inject_lines(client, staff):
    evil = "Høring\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:Falsk; hendelse, ja"
    factories.ConsultationFactory(title=evil)
    body = client.get(new_feed_url(client, staff)).content.decode()
    lines = unfold(body).split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    assert not any(line.startswith("SUMMARY:Falsk") for line in lines)
    assert (
        "SUMMARY:Høringsfrist: Høring\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Falsk\\; hendelse\\, ja"
        in unfold(body)
    )
    for line in body.split("\r\n"):
        assert len(line.encode()) <= 75


def test_escape_and_fold():
    assert escape_text("a\\b;c,d\ne\rf\x07") == "a\\\\b\\;c\\,d\\ne\\nf"
    line = "SUMMARY:" + "æøå" * 40
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_a_wrong_or_revoked_token_gets_404(client, staff):
    url = new_feed_url(client, staff)
    assert client.get(url).status_code == 200
    assert client.get(url[:-8] + "xxxx.ics").status_code == 404
    assert client.get("/kalender/.ics").status_code == 404
    new_url = new_feed_url(client, staff)  # a new address revokes the old one
    assert client.get(url).status_code == 404
    assert client.get(new_url).status_code == 200
    client.force_login(staff)
    client.post(reverse("consultations_admin:calendar"), {"action": "stopp"})
    client.logout()
    assert client.get(new_url).status_code == 404


def test_the_feed_stops_when_the_user_is_no_longer_staff(client, staff):
    from django.contrib.auth.models import Group

    url = new_feed_url(client, staff)
    staff.groups.remove(Group.objects.get(name=roles.STAFF))
    assert client.get(url).status_code == 404
    staff.groups.add(Group.objects.get(name=roles.STAFF))
    staff.is_active = False
    staff.save()
    assert client.get(url).status_code == 404


def test_tokens_are_stored_only_as_hashes(client, staff):
    url = new_feed_url(client, staff)
    token = url.split("/")[-1][: -len(".ics")]
    feed = CalendarFeed.objects.get(revoked_at__isnull=True)
    assert feed.token_hash != token and token not in feed.token_hash
    assert CalendarFeed.active_for_token(token) == feed


def test_non_staff_cannot_make_a_feed(client, make_user):
    board = make_user(roles.BOARD)
    client.force_login(board)
    response = client.post(reverse("consultations_admin:calendar"), {"action": "ny"})
    assert response.status_code in (302, 403)
    assert not CalendarFeed.objects.exists()


# --- reminders ----------------------------------------------------------------------


def run(**options):
    call_command("send_deadline_reminders", stdout=open("/dev/null", "w"), **options)


def test_reminders_go_to_the_responsible_person_once(staff):
    today = timezone.localdate()
    record = factories.ConsultationFactory(
        title="Høring om barn som pårørende",
        responsible=staff,
        status=Status.DRAFTING,
        deadline=today + days(7),
        draft_deadline=today + days(3),
    )
    run()
    assert len(mail.outbox) == 2
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[0].startswith("Påminnelse: høringsfrist")
    assert subjects[1].startswith("Påminnelse: intern frist")
    assert all(m.to == ["siri@lpp.example"] for m in mail.outbox)
    assert "Høring om barn som pårørende" in mail.outbox[0].body
    assert f"/admin/snippets/consultations/consultation/edit/{record.pk}/" in mail.outbox[0].body
    run()
    run(days=10)
    assert len(mail.outbox) == 2
    assert SentReminder.objects.count() == 2


def test_a_moved_deadline_gets_a_new_reminder(staff):
    today = timezone.localdate()
    record = factories.ConsultationFactory(responsible=staff, deadline=today + days(5))
    run()
    record.deadline = today + days(6)
    record.save()
    run()
    assert len(mail.outbox) == 2


def test_no_reminders_for_far_off_closed_or_unassigned_consultations(staff):
    today = timezone.localdate()
    factories.ConsultationFactory(responsible=staff, deadline=today + days(30))
    factories.ConsultationFactory(
        responsible=staff, deadline=today + days(2), status=Status.DECLINED, decline_reason="Nei"
    )
    factories.ConsultationFactory(deadline=today + days(2))
    factories.ConsultationFactory(
        responsible=staff,
        deadline=today + days(4),
        status=Status.APPROVED,
        draft_deadline=today + days(1),
    )
    run()
    assert [m.subject.split(":")[1].strip()[:12] for m in mail.outbox] == ["høringsfrist"]


def test_reminders_as_of_a_given_date_and_bad_options():
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        run(today="24.11.2026")
    with pytest.raises(CommandError, match="mellom 0 og 365"):
        run(days=-1)


def test_a_failed_email_is_not_recorded_as_sent(staff, monkeypatch):
    from consultations.management.commands import send_deadline_reminders as command

    today = timezone.localdate()
    factories.ConsultationFactory(responsible=staff, deadline=today + days(2))

    def broken(*args, **kwargs):
        raise OSError("SMTP nede")

    monkeypatch.setattr(command, "send_mail", broken)
    with pytest.raises(CommandError, match="1 påminnelse kunne ikke sendes"):
        run()
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    run()
    assert len(mail.outbox) == 1


def test_sent_reminders_are_listed_for_staff_and_cannot_be_edited(client, make_user, staff):
    today = timezone.localdate()
    record = factories.ConsultationFactory(
        title="Høring med påminnelse", responsible=staff, deadline=today + days(2)
    )
    run()
    reminder = SentReminder.objects.get()
    admin = make_user(superuser=True)
    for user in (staff, admin):
        client.force_login(user)
        listing = client.get(reverse("reminders:index"))
        assert listing.status_code == 200
        assert "Høring med påminnelse" in listing.content.decode()
        edit = client.post(
            reverse("reminders:edit", args=[reminder.pk]),
            {
                "consultation": record.pk,
                "kind": "intern",
                "due_on": today.isoformat(),
                "email": "x@example.org",
            },
        )
        assert edit.status_code in (302, 403)
        assert client.post(reverse("reminders:delete", args=[reminder.pk])).status_code in (
            302,
            403,
        )
    reminder.refresh_from_db()
    assert reminder.email == "siri@lpp.example" and SentReminder.objects.count() == 1


def test_a_calendar_feed_is_named_by_its_owners_full_name(make_user):
    owner = make_user(roles.STAFF, username="siri1", first_name="Siri", last_name="Sekretær")
    CalendarFeed.create_for(owner)
    assert str(CalendarFeed.objects.get(user=owner)) == "Kalender for Siri Sekretær (aktiv)"
