"""People are named by their full name on every screen and in every file, also where
Wagtail or Django print a user with ``str()`` (issue 13: «Ansvarlig» read «kari»)."""

import csv
import io

from django.urls import reverse

from base import roles
from base.admin_urls import snippet_url
from consultations.tests import factories


def test_a_user_prints_as_their_full_name_and_without_one_as_their_username(make_user):
    assert str(make_user(first_name="Siri", last_name="Sekretær")) == "Siri Sekretær"
    assert str(make_user(username="uten-navn")) == "uten-navn"


def test_the_inspect_view_of_a_consultation_names_the_responsible_in_full(client, make_user):
    staff = make_user(roles.STAFF, username="siri", first_name="Siri", last_name="Sekretær")
    record = factories.ConsultationFactory(title="Høring med ansvarlig", responsible=staff)
    client.force_login(staff)

    html = client.get(snippet_url(record, "inspect")).content.decode()

    assert "Siri Sekretær" in html
    assert ">siri<" not in " ".join(html.split()).replace("> ", ">").replace(" <", "<")


def test_the_aging_pages_report_and_its_export_name_the_last_publisher_in_full(
    client, make_user, home_page
):
    staff = make_user(roles.STAFF, username="siri", first_name="Siri", last_name="Sekretær")
    home_page.save_revision(user=staff).publish(user=staff, skip_permission_checks=True)
    client.force_login(make_user(superuser=True))

    url = reverse("wagtailadmin_reports:aging_pages")
    html = " ".join(client.get(url).content.decode().split())
    rows = list(csv.reader(io.StringIO(_text(client.get(url, {"export": "csv"})))))

    assert "Siri Sekretær" in html and "> siri <" not in html
    publishers = [row[3] for row in rows[1:]]
    assert publishers == ["Siri Sekretær"] * len(publishers) and publishers


def test_the_locked_pages_filter_offers_people_by_full_name(client, make_user, home_page):
    staff = make_user(roles.STAFF, username="siri", first_name="Siri", last_name="Sekretær")
    home_page.locked, home_page.locked_by = True, staff
    home_page.save()
    client.force_login(make_user(superuser=True))

    html = client.get(reverse("wagtailadmin_reports:locked_pages")).content.decode()

    assert f'<option value="{staff.pk}">Siri Sekretær</option>' in html


def _text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")
