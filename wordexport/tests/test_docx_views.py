"""Where users get the Word files: «Eksporter til Word» in the admin (editors, drafts
included) and the public download (published content only, never a draft)."""

import datetime
import io

import docx
import pytest
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from advocacy.models import Authority
from tools.word_readback import read_docx

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def response_page(home_page):
    """A published consultation response (høringssvar) with its consultation."""
    from consultations.models import (
        Consultation,
        ConsultationResponseIndexPage,
        ConsultationResponsePage,
    )

    index = ConsultationResponseIndexPage(title="Høringssvar", slug="horingssvar")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    authority = Authority.objects.create(
        name="Helsedirektoratet",
        kind=Authority.Kind.DIRECTORATE,
        postal_address="Postboks 220 Skøyen\n0213 Oslo",
    )
    consultation = Consultation(
        title="Revidert veileder for pårørende",
        authority=authority,
        case_number="24/3117",
        our_reference="LPP 24/12",
        announced_on=datetime.date(2026, 9, 1),
        deadline=datetime.date(2026, 12, 1),
    )
    consultation.full_clean()
    consultation.save()
    page = ConsultationResponsePage(
        title="Høringssvar om pårørendeveilederen",
        slug="veilederen",
        consultation=consultation,
        summary="LPP støtter veilederen.",
        letter_date=datetime.date(2026, 11, 24),
        signatory="Kari Nordmann, styreleder",
        body=[("paragraph", RichText("<p>Den publiserte teksten.</p>"))],
        live=False,
    )
    index.add_child(instance=page)
    # a response is published once its submission is recorded (consultations' rule)
    Consultation.objects.filter(pk=consultation.pk).update(status=Consultation.Status.SUBMITTED)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    return page


def download(client, page, query=""):
    return client.get(reverse("advocacy:docx_download", args=[page.pk]) + query)


def text_of(response):
    return read_docx(
        b"".join(response.streaming_content) if response.streaming else response.content
    )


def test_public_download_of_a_published_response(client, response_page):
    response = download(client, response_page)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert 'filename="horingssvar-om-parorendeveilederen.docx"' in response["Content-Disposition"]
    report = text_of(response)
    texts = [p.text for p in report.paragraphs]
    assert "Den publiserte teksten." in texts
    assert "Høringssvar – Revidert veileder for pårørende" in texts
    assert "Helsedirektoratet" in texts and "Postboks 220 Skøyen" in texts
    assert "24/3117" in texts and "LPP 24/12" in texts and "24.11.2026" in texts
    assert "Kari Nordmann" in texts and "Styreleder" in texts
    assert "UTKAST" not in report.header_text


def test_public_download_never_serves_a_draft(client, response_page):
    draft = response_page.get_latest_revision_as_object()
    draft.body = [("paragraph", RichText("<p>Hemmelig utkast.</p>"))]
    draft.save_revision()
    for query in ("", "?utkast=1", f"?revision={response_page.latest_revision_id}"):
        report = text_of(download(client, response_page, query))
        assert "Hemmelig utkast." not in report.text
        assert "Den publiserte teksten." in report.text
        assert "UTKAST" not in report.header_text


def test_unpublished_private_and_unknown_pages_are_not_found(client, response_page, home_page):
    from home.models import StandardPage

    response_page.unpublish()
    assert download(client, response_page).status_code == 404
    response_page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=response_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert download(client, response_page).status_code == 404
    plain = StandardPage(title="Om LPP", slug="om-lpp")
    home_page.add_child(instance=plain)
    assert download(client, plain).status_code == 404  # no Word export for this page type
    assert client.get(reverse("advocacy:docx_download", args=[987654])).status_code == 404


def test_published_export_is_cached_by_revision(
    client, response_page, django_assert_max_num_queries
):
    from django.core.cache import cache

    cache.clear()
    first = download(client, response_page).content
    with django_assert_max_num_queries(8):
        again = download(client, response_page).content
    assert again == first
    revision = response_page.get_latest_revision_as_object()
    revision.body = [("paragraph", RichText("<p>Ny publisert tekst.</p>"))]
    revision.save_revision().publish()
    report = read_docx(download(client, response_page).content)
    assert "Ny publisert tekst." in report.text


def test_render_response_letter_for_the_archive(response_page):
    import hashlib

    from consultations.docx import render_response_letter

    data = render_response_letter(response_page, revision=response_page.live_revision)
    docx.Document(io.BytesIO(data))
    assert "Den publiserte teksten." in read_docx(data).text
    assert len(hashlib.sha256(data).hexdigest()) == 64


def test_admin_export_gives_editors_the_draft_marked_utkast(client, make_user, response_page):
    draft = response_page.get_latest_revision_as_object()
    draft.body = [("paragraph", RichText("<p>Utkast til ny tekst.</p>"))]
    draft.save_revision()
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("lpp_docx_export", args=[response_page.pk]))
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert "no-store" in response["Cache-Control"]
    report = read_docx(response.content)
    assert "Utkast til ny tekst." in report.text
    assert report.header_text.startswith("UTKAST")
    assert "Revisjon " in report.header_text


def test_admin_export_of_published_content_is_not_marked(client, make_user, response_page):
    client.force_login(make_user(superuser=True))
    report = read_docx(client.get(reverse("lpp_docx_export", args=[response_page.pk])).content)
    assert "UTKAST" not in report.header_text


def test_admin_export_needs_edit_permission(client, make_user, response_page):
    url = reverse("lpp_docx_export", args=[response_page.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    group = Group.objects.create(name="Bare admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader = make_user("Bare admin")
    client.force_login(reader)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert response["Content-Type"] != DOCX


def test_export_action_in_admin_menus(client, make_user, response_page, home_page):
    from wordexport.wagtail_hooks import (
        word_export_header_buttons,
        word_export_listing_buttons,
    )

    admin = make_user(superuser=True)
    items = list(word_export_header_buttons(response_page, admin, "edit"))
    assert [(i.label, i.url, i.is_shown(admin)) for i in items] == [
        ("Eksporter til Word", reverse("lpp_docx_export", args=[response_page.pk]), True)
    ]
    assert list(word_export_header_buttons(home_page, admin, "edit")) == []
    assert len(list(word_export_listing_buttons(response_page, admin))) == 1
    nobody = make_user()
    assert not items[0].is_shown(nobody)
    client.force_login(admin)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[response_page.pk]))
    assert "Eksporter til Word" in edit.content.decode()


def test_download_link_tag(response_page):
    template = Template("{% load lpp_docx %}{% word_download page %}")
    html = template.render(Context({"page": response_page}))
    assert reverse("advocacy:docx_download", args=[response_page.pk]) in html
    assert "Last ned som Word-fil" in html and "download" in html
    response_page.live = False
    assert "href" not in template.render(Context({"page": response_page}))


def test_platform_download_leaves_out_unpublished_chapters(client, home_page):
    from political_platform.models import PlatformChapterPage, PlatformIndexPage, PlatformPage

    index = PlatformIndexPage(title="Politikk", slug="politikk")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    edition = PlatformPage(title="Politisk plattform", slug="2027-2031", edition="2027–2031")
    index.add_child(instance=edition)
    edition.save_revision().publish()
    for title, live in (("Publisert kapittel", True), ("Upublisert kapittel", False)):
        chapter = PlatformChapterPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            positions=[("position", {"text": f"{title.lower()} er viktig.", "themes": []})],
            live=False,
        )
        edition.add_child(instance=chapter)
        revision = chapter.save_revision()
        if live:
            revision.publish()
    report = read_docx(download(client, edition).content)
    headings = [text for level, text in report.headings if level == 1]
    assert "Publisert kapittel" in headings and "Upublisert kapittel" not in headings
    assert "upublisert kapittel er viktig." not in report.text
    assert "UTKAST" not in report.header_text


def test_published_export_refuses_a_page_that_is_not_live(response_page):
    from wordexport.errors import DocxExportError
    from wordexport.pages import published_export

    response_page.unpublish()
    response_page.refresh_from_db()
    with pytest.raises(DocxExportError, match="Bare publiserte dokumenter"):
        published_export(response_page)


def test_signatory_line_is_split_into_name_and_title():
    from consultations.docx import split_signatory

    assert split_signatory("Kari Nordmann, styreleder") == ("Kari Nordmann", "Styreleder")
    assert split_signatory("Kari Nordmann") == ("Kari Nordmann", "")
    assert split_signatory("") == ("", "")


def test_template_check_is_registered_at_start_up():
    from django.core.checks import registry

    from wordexport.checks import check_template

    assert check_template in registry.registry.get_checks()


def test_platform_positions_quoted_in_another_document(home_page, settings):
    """PlatformPositionBlock (a platform position quoted in a letter) and PositionBlock."""
    from political_platform.blocks import PlatformPositionBlock, PositionBlock
    from wordexport.blocks import write_block
    from wordexport.engine import DocxWriter

    writer = DocxWriter()
    quote = PlatformPositionBlock()
    write_block(
        writer,
        quote,
        quote.to_python(
            {
                "position": None,
                "quoted_text": "pårørende skal høres.",
                "quoted_source": "Politisk plattform 2027–2031, kap. Tvang",
            }
        ),
    )
    position = PositionBlock()
    write_block(writer, position, position.to_python({"text": "barn skal bli sett.", "themes": []}))
    report = read_docx(writer.to_bytes())
    styled = [(p.style_id, p.text) for p in report.paragraphs if p.text]
    assert ("Quote", "LPP mener at pårørende skal høres.") in styled
    assert ("QuoteSource", "– Politisk plattform 2027–2031, kap. Tvang") in styled
    assert ("BoxTitle", "LPP mener at …") in styled
    assert report.hyperlinks == []  # a deleted position is not linked


def test_half_year_report_as_word(client, make_user):
    url = reverse("lpp_docx_half_year") + "?date_from=2026-01-01&date_to=2026-06-30"
    client.force_login(make_user(superuser=True))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert "halvarsrapport-2026-01-01-2026-06-30.docx" in response["Content-Disposition"]
    report = read_docx(response.content)
    texts = [p.text for p in report.paragraphs]
    assert "Halvårsrapport til landsstyret" in texts
    assert "Perioden 1. januar 2026 – 30. juni 2026" in texts
    assert "Sendt inn: 0 forslag i 0 dokumenter." in texts
    assert report.tables_with_repeated_header == 1
    client.force_login(make_user())
    assert client.get(url).status_code in (302, 403)
