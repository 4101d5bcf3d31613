import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text

from advocacy.models import Proposal
from advocacy.tests.factories import ThemeFactory
from base import roles
from political_platform.models import PlatformChapterPage, PlatformPage, Position

from .factories import (
    PlatformChapterPageFactory,
    PlatformIndexPageFactory,
    PlatformPageFactory,
    demand,
    position,
    publish,
)

pytestmark = pytest.mark.django_db


def test_publishing_a_chapter_tracks_its_positions_and_demands(home_page):
    tvang = ThemeFactory(slug="tvang", name="Tvang")
    edition = PlatformPageFactory()
    chapter = PlatformChapterPageFactory(
        parent=edition,
        title="Tvang",
        positions=[
            position("frivillighet skal dokumenteres i journal.", tvang),
            position("LPP mener at pårørende skal informeres før tvang.", tvang),
        ],
        demands=[demand("at behandlingskriteriet beholdes.", tvang)],
    )
    positions = list(Position.objects.filter(chapter=chapter).order_by("order"))
    assert [p.text for p in positions] == [
        "frivillighet skal dokumenteres i journal.",
        "LPP mener at pårørende skal informeres før tvang.",
    ]
    assert positions[0].source_label == "Politisk plattform 2027–2031, kapittel «Tvang»"
    assert list(positions[0].themes.all()) == [tvang]
    proposal = Proposal.objects.get(source_page=chapter)
    assert proposal.kind == "krav" and proposal.text == "at behandlingskriteriet beholdes."

    # Edit the first position's wording and drop the second: same record, the other retires.
    first_id = chapter.positions[0].id
    chapter.positions = [
        ("position", {"text": "frivillighet skal alltid dokumenteres.", "themes": [tvang]})
    ]
    chapter.positions[0].id = first_id
    publish(chapter)
    first = Position.objects.get(pk=positions[0].pk)
    assert first.text == "frivillighet skal alltid dokumenteres." and first.retired_at is None
    assert first.text_changed_at > positions[0].text_changed_at
    assert Position.objects.get(pk=positions[1].pk).retired_at is not None


def page_form(**fields):
    data = {
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
    }
    data.update(fields)
    return nested_form_data(data)


def edition_form(edition, **extra):
    return page_form(
        title=f"Politisk plattform {edition}",
        slug=extra.pop("slug", "ny-utgave"),
        edition=edition,
        status="utkast",
        adopted_at="",
        adopted_by="",
        introduction=rich_text(""),
        vision="",
        values=rich_text(""),
        **extra,
    )


def test_a_duplicate_edition_label_is_refused_in_norwegian(staff_client, home_page):
    edition = PlatformPageFactory()
    index = edition.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["political_platform", "platformpage", index.pk])
    response = staff_client.post(url, edition_form("2027–2031"))
    assert response.status_code == 200
    assert "Det finnes allerede en utgave av plattformen med denne betegnelsen" in (
        response.content.decode()
    )
    assert PlatformPage.objects.count() == 1


def test_an_adopted_edition_needs_a_date_and_who_adopted_it(staff_client, home_page):
    index = PlatformIndexPageFactory(parent=home_page)
    url = reverse("wagtailadmin_pages:add", args=["political_platform", "platformpage", index.pk])
    data = edition_form("2031–2035")
    data["status"] = "vedtatt"
    html = staff_client.post(url, data).content.decode()
    assert "Oppgi datoen utgaven ble vedtatt." in html
    assert "Oppgi hvem som vedtok utgaven" in html
    assert not PlatformPage.objects.exists()


def test_the_draft_label_comes_from_the_editions_status(client, home_page):
    edition = PlatformPageFactory()
    PlatformChapterPageFactory(
        parent=edition, title="Tvang", positions=[position("tvang skal ned.")]
    )
    html = client.get(edition.url).content.decode()
    assert "Utkast – ikke vedtatt" in html
    edition.status = "vedtatt"
    edition.adopted_at = datetime.date(2027, 6, 12)
    edition.adopted_by = "Landsmøtet"
    publish(edition)
    html = client.get(edition.url).content.decode()
    assert "Utkast – ikke vedtatt" not in html
    assert "Vedtatt av Landsmøtet 12. juni 2027" in html
    chapter_html = client.get("/politikk/2027-2031/tvang/").content.decode()
    assert "Vedtatt av Landsmøtet 12. juni 2027" in chapter_html


def test_the_edition_page_is_a_readable_document_with_anchors(client, home_page):
    edition = PlatformPageFactory(introduction="<p>Innledningen.</p>", vision="Gode liv, tross alt")
    chapter = PlatformChapterPageFactory(
        parent=edition,
        title="Tvang",
        positions=[position("tvang skal ned.")],
        demands=[demand("beholde behandlingskriteriet.")],
    )
    PlatformChapterPageFactory(
        parent=edition, title="Utkast", live=False, positions=[position("hemmelig standpunkt.")]
    )
    html = client.get(edition.url).content.decode()
    pos = Position.objects.get(chapter=chapter)
    proposal = Proposal.objects.get(source_page=chapter)
    assert 'href="#kapittel-1"' in html and "1. Tvang" in html
    assert f'id="{pos.anchor}"' in html and f'id="{proposal.anchor}"' in html
    assert "Gode liv, tross alt" in html and "Innledningen." in html
    assert "Ikke vurdert ennå" in html  # the proposal status include
    assert "hemmelig standpunkt" not in html
    chapter_html = client.get(chapter.url).content.decode()
    assert f'id="{pos.anchor}"' in chapter_html
    assert pos.get_url() == f"{chapter.url}#{pos.anchor}"


def new_edition_url(edition):
    return reverse("political_platform_new_edition", args=[edition.pk])


def test_a_new_edition_starts_from_the_current_one_and_leaves_it_intact(
    staff_client, client, home_page
):
    old = PlatformPageFactory(status="vedtatt")
    chapter = PlatformChapterPageFactory(
        parent=old,
        title="Tvang",
        positions=[position("tvang skal ned.")],
        demands=[demand("beholde behandlingskriteriet.")],
    )
    old_revision = old.live_revision_id
    response = staff_client.post(new_edition_url(old), {"edition": "2031–2035"})
    assert response.status_code == 302
    new = PlatformPage.objects.get(edition="2031–2035")
    assert new.status == "utkast" and new.adopted_at is None and not new.live
    assert new.slug == "2031-2035"
    copied = PlatformChapterPage.objects.child_of(new).get()
    assert not copied.live and copied.positions[0].value["text"] == "tvang skal ned."

    old.refresh_from_db()
    assert old.edition == "2027–2031" and old.status == "vedtatt" and old.live
    assert old.live_revision_id == old_revision
    assert PlatformChapterPage.objects.child_of(old).get().live
    assert Position.objects.filter(chapter=chapter).count() == 1
    assert not Position.objects.filter(chapter=copied).exists()  # not published yet

    # The new edition is adopted later: the old one stays readable and says so.
    new.status = "vedtatt"
    new.adopted_at = datetime.date(2031, 6, 10)
    new.adopted_by = "Landsmøtet"
    publish(new)
    publish(copied)
    html = client.get(old.url).content.decode()
    assert "Dette er en tidligere utgave" in html and "Politisk plattform 2031–2035" in html
    assert "tvang skal ned." in html
    assert PlatformPage.current().pk == new.pk


def test_a_new_edition_with_a_label_in_use_is_refused(staff_client, home_page):
    old = PlatformPageFactory()
    response = staff_client.post(new_edition_url(old), {"edition": "2027–2031"})
    assert response.status_code == 200
    assert "Det finnes allerede en utgave av plattformen" in response.content.decode()
    assert PlatformPage.objects.count() == 1


def test_a_plain_copy_of_an_edition_goes_through_new_edition(staff_client, home_page):
    old = PlatformPageFactory()
    response = staff_client.get(reverse("wagtailadmin_pages:copy", args=[old.pk]))
    assert response.status_code == 302 and response.url == new_edition_url(old)


def test_only_the_platform_working_group_edits_chapters(client, make_user, home_page):
    edition = PlatformPageFactory()
    chapter = PlatformChapterPageFactory(parent=edition, title="Tvang")
    roles.grant_section(
        roles.PLATFORM_GROUP, edition.get_parent(), roles.WORKING_GROUP_PAGE_PERMISSIONS
    )
    url = reverse("wagtailadmin_pages:edit", args=[chapter.pk])
    writer = make_user(roles.PLATFORM_GROUP)
    client.force_login(writer)
    assert client.get(url).status_code == 200
    assert not chapter.permissions_for_user(writer).can_publish()
    for other in (roles.RESPONSES_GROUP, roles.AGREEMENT_GROUP):
        client.force_login(make_user(other))
        assert client.get(url).status_code in (302, 403)
        assert not chapter.permissions_for_user(make_user(other)).can_edit()


def test_demo_builds_the_platform_draft_with_review_and_approval(client, demo_site):
    index = Page.objects.get(slug="politikk")
    workflow = WorkflowPage.objects.get(page=index).workflow
    groups = [[g.name for g in task.specific.groups.all()] for task in workflow.tasks]
    assert groups == [[roles.PLATFORM_GROUP], [roles.BOARD]]
    html = client.get("/politikk/2027-2031/").content.decode()
    assert "Utkast – ikke vedtatt" in html
    assert "behandlingskriteriet i loven om psykisk helsevern beholdes" in html
    assert "medisinfri behandling tilbys ved alle sykehus og DPS" in html
    assert "Mental Helse" not in html
    assert Position.objects.public().count() >= 8
    assert client.get("/politikk/").status_code == 200
    tvang = client.get("/tema/tvang/").content.decode()
    assert "LPP mener at frivillighet skal dokumenteres i journal" in tvang


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def fill(edition, chapters, per_chapter, tag):
    for n in range(chapters):
        PlatformChapterPageFactory(
            parent=edition,
            title=f"Kapittel {n}",
            slug=f"kapittel-{n}",
            positions=[position(f"standpunkt {n}.{i}.", tag) for i in range(per_chapter)],
            demands=[demand(f"krav {n}.{i}.", tag) for i in range(2)],
        )


def test_platform_and_theme_pages_use_a_constant_number_of_queries(client, home_page):
    tag = ThemeFactory(slug="tvang", name="Tvang")
    edition = PlatformPageFactory()
    fill(edition, 2, 2, tag)
    client.get(edition.url)  # warm caches (site root paths)
    small = count_queries(client, edition.url)
    small_theme = count_queries(client, "/tema/tvang/")
    fill_more = PlatformPage.objects.get(pk=edition.pk)
    for n in range(2, 12):
        PlatformChapterPageFactory(
            parent=fill_more,
            title=f"Kapittel {n}",
            slug=f"kapittel-{n}",
            positions=[position(f"standpunkt {n}.{i}.", tag) for i in range(13)],
            demands=[demand(f"krav {n}.{i}.", tag) for i in range(2)],
        )
    assert Position.objects.count() >= 130
    large = count_queries(client, edition.url)
    assert large == small and large <= 20
    assert count_queries(client, "/tema/tvang/") == small_theme


def test_theme_page_shows_only_published_platform_content(client, home_page):
    tag = ThemeFactory(slug="tvang", name="Tvang")
    edition = PlatformPageFactory()
    chapter = PlatformChapterPageFactory(
        parent=edition,
        title="Tvang",
        positions=[position("publisert standpunkt.", tag)],
        demands=[demand("publisert krav.", tag)],
    )
    PlatformChapterPageFactory(
        parent=edition, title="Skjult", live=False, positions=[position("upublisert.", tag)]
    )
    chapter.positions = [position("utkast som ikke er publisert.", tag)]
    chapter.save_revision()  # a draft, not published
    html = client.get("/tema/tvang/").content.decode()
    assert "LPP mener at publisert standpunkt." in html
    assert "LPP vil publisert krav." in html
    assert "upublisert" not in html and "utkast som ikke er publisert" not in html
    assert "Utkast – ikke vedtatt" in html
    chapter.unpublish()
    html = client.get("/tema/tvang/").content.decode()
    assert "publisert standpunkt" not in html and "publisert krav" not in html


def test_the_edition_editor_offers_to_start_a_new_edition(staff_client, home_page):
    edition = PlatformPageFactory()
    html = staff_client.get(reverse("wagtailadmin_pages:edit", args=[edition.pk])).content
    assert "Start ny utgave" in html.decode()
    form = staff_client.get(new_edition_url(edition)).content.decode()
    assert "Utgaven 2027–2031 blir stående som den er" in form
