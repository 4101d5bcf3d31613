import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from advocacy.tests.factories import ThemeFactory
from agreement.models import AgreementPage, AgreementVersion
from agreement.text import fill_in_labels, render_fill_ins, unclosed_marker
from base import roles

from .factories import AgreementPageFactory, clause

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def staff_client(client, make_user, home_page):
    roles.grant_site_permissions(home_page)
    client.force_login(make_user(roles.STAFF))
    return client


def test_clauses_are_numbered_by_their_order_with_guidance_folded(client, home_page):
    page = AgreementPageFactory(
        parent=home_page,
        clauses=[
            clause("Formål", "Avtalen skal sikre informasjon.", guidance="Råd til tjenesten."),
            clause("Parter", "Avtalen inngås mellom partene.", ["Tjenesten.", "Pasienten."]),
        ],
    )
    html = client.get(page.url).content.decode()
    assert html.index("§ 1</span> Formål") < html.index("§ 2</span> Parter")
    assert 'id="paragraf-2-1"' in html and "2.1</span>" in html and "2.2</span>" in html
    assert "<summary>Veiledning til § 1</summary>" in html
    assert "Utkast – ikke vedtatt" in html and "Versjon 0.1" in html
    # Moving a clause renumbers it.
    page.clauses = [
        clause("Parter", "Avtalen inngås mellom partene."),
        clause("Formål", "Avtalen skal sikre informasjon."),
    ]
    publish(page)
    html = client.get(page.url).content.decode()
    assert "§ 1</span> Parter" in html and "§ 2</span> Formål" in html


def test_fill_in_fields_render_as_labelled_blanks():
    html = render_fill_ins("<p>Mellom [[Pasient]] og [[ Pårørende ]].</p>")
    assert 'aria-label="Fylles ut: Pasient"' in html
    assert '<span class="fill-in__label">Pårørende</span>' in html
    assert "[[" not in html
    assert fill_in_labels("<p>[[Enhet]] og [[Dato]]</p>") == ["Enhet", "Dato"]
    assert unclosed_marker("<p>Mellom [[Pasient og noen</p>") == "[[Pasient og noen"
    assert unclosed_marker("<p>Mellom [[Pasient]] og oss</p>") is None


def agreement_form(clauses, **fields):
    data = {
        "title": "Pårørendeavtale",
        "slug": "parorendeavtale",
        "version": "0.1",
        "status": "utkast",
        "adopted_at": "",
        "adopted_by": "",
        "intro": rich_text(""),
        "clauses": streamfield(clauses),
        "change_log": streamfield([]),
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
    }
    data.update(fields)
    return nested_form_data(data)


def clause_form(title, text):
    return (
        "clause",
        {
            "title": title,
            "text": rich_text(text),
            "subclauses": {"count": 0},
            "guidance": rich_text(""),
        },
    )


def add_url(home):
    return reverse("wagtailadmin_pages:add", args=["agreement", "agreementpage", home.pk])


def test_a_clause_without_text_is_refused_and_nothing_is_saved(staff_client, home_page):
    response = staff_client.post(
        add_url(home_page),
        agreement_form(
            [
                clause_form("Formål", "<p>Avtalen skal sikre informasjon.</p>"),
                clause_form("Parter", ""),
            ]
        ),
    )
    assert response.status_code == 200
    # Wagtail sends block errors to the form as JSON (non-ASCII escaped).
    assert "Punktet \\u00abParter\\u00bb mangler avtaletekst" in response.content.decode()
    assert not AgreementPage.objects.exists()


def test_a_malformed_fill_in_field_is_refused(staff_client, home_page):
    response = staff_client.post(
        add_url(home_page),
        agreement_form(
            [
                clause_form("Parter", "<p>Mellom [[Pasient og [[Pårørende]].</p>"),
            ]
        ),
    )
    assert "er ikke skrevet riktig" in response.content.decode()
    assert not AgreementPage.objects.exists()


def test_a_valid_agreement_is_saved_from_the_admin(staff_client, home_page):
    response = staff_client.post(
        add_url(home_page),
        agreement_form(
            [
                clause_form("Formål", "<p>Avtalen gjelder [[Pasient]].</p>"),
            ]
        ),
    )
    assert response.status_code == 302
    assert AgreementPage.objects.get().clauses[0].value["title"] == "Formål"


def test_previous_versions_stay_readable_with_what_changed(client, home_page):
    page = AgreementPageFactory(
        parent=home_page,
        clauses=[
            clause("Formål", "Avtalen skal sikre informasjon."),
            clause("Parter", "Avtalen inngås mellom partene."),
        ],
    )
    formal_id = page.clauses[0].id
    page.version = "0.2"
    page.clauses = [
        clause("Formål", "Avtalen skal sikre informasjon og medvirkning."),
        clause("Kriseplan", "Partene lager en kriseplan."),
    ]
    page.clauses[0].id = formal_id
    publish(page)
    assert set(AgreementVersion.objects.values_list("number", flat=True)) == {"0.1", "0.2"}

    current = client.get(page.url).content.decode()
    assert "Versjon 0.2" in current and 'href="/parorendeavtale/versjon/0-1/"' in current
    old = client.get("/parorendeavtale/versjon/0-1/").content.decode()
    assert "Avtalen inngås mellom partene." in old and "Kriseplan" not in old
    assert "Dette er en tidligere versjon" in old and "den første publiserte versjonen" in old
    changes = client.get("/parorendeavtale/versjon/0-2/").content.decode()
    assert "Endringer fra versjon 0.1" in changes
    assert (
        "§ 1 Formål: endret" in changes
        and "Lagt til: </span>informasjon og medvirkning.</ins>" in changes
    )
    assert "§ 2 Kriseplan: lagt til" in changes and "§ 2 Parter: fjernet" in changes
    assert client.get("/parorendeavtale/versjon/9-9/").status_code == 404


def test_version_rules(home_page):
    page = AgreementPageFactory(
        parent=home_page,
        clauses=[clause("Formål", "Tekst.")],
        version="1.0",
        status="vedtatt",
        adopted_at=datetime.date(2028, 3, 1),
    )
    page = AgreementPage.objects.get(pk=page.pk)
    page.version = "0.9"
    with pytest.raises(Exception) as error:
        page.full_clean()
    assert "er allerede publisert" in str(error.value)
    page.version = "1.0"
    page.clauses = [clause("Formål", "Endret tekst.")]
    with pytest.raises(Exception) as error:
        page.full_clean()
    assert "er vedtatt og kan ikke endres" in str(error.value)
    page.version = "1.1"
    page.status = "utkast"
    page.adopted_at = None
    page.full_clean()


def test_theme_page_gathers_published_clauses_only(client, home_page):
    tvang = ThemeFactory(name="Tvang", slug="tvang")
    page = AgreementPageFactory(
        parent=home_page,
        clauses=[
            clause("Formål", "Tekst."),
            clause("Kriseplan", "Partene lager en kriseplan.", themes=[tvang]),
        ],
    )
    html = client.get("/tema/tvang/").content.decode()
    assert "§ 2 Kriseplan" in html and "#paragraf-2" in html and "Formål" not in html
    page.clauses = [clause("Tvangsfri", "Utkast.", themes=[tvang])]
    page.save_revision()  # a draft: not on the theme page
    html = client.get("/tema/tvang/").content.decode()
    assert "Tvangsfri" not in html and "§ 2 Kriseplan" in html
    page.unpublish()
    assert "Kriseplan" not in client.get("/tema/tvang/").content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_agreement_page_uses_a_constant_number_of_queries(client, home_page):
    tvang = ThemeFactory(name="Tvang", slug="tvang")
    page = AgreementPageFactory(
        parent=home_page,
        clauses=[clause(f"Punkt {n}", "Tekst [[Pasient]].", themes=[tvang]) for n in range(3)],
    )
    client.get(page.url)
    small = count_queries(client, page.url)
    small_theme = count_queries(client, "/tema/tvang/")
    page.clauses = [
        clause(f"Punkt {n}", "Tekst [[Pasient]].", ["a", "b"], "Råd.", [tvang]) for n in range(30)
    ]
    page.version = "0.2"
    publish(page)
    assert count_queries(client, page.url) == small
    assert count_queries(client, "/tema/tvang/") == small_theme


def test_demo_agreement_draft(client, demo_site):
    page = AgreementPage.objects.get()
    workflow = WorkflowPage.objects.get(page=page).workflow
    groups = [[g.name for g in task.specific.groups.all()] for task in workflow.tasks]
    assert groups == [[roles.AGREEMENT_GROUP], [roles.BOARD]]
    html = client.get(page.url).content.decode()
    titles = [
        "Formål",
        "Parter",
        "Samtykke og taushetsplikt",
        "Informasjon til pårørende",
        "Medvirkning i behandling",
        "Barn som pårørende",
        "Kontaktperson",
        "Kriseplan",
        "Evaluering og endring",
        "Underskrifter",
    ]
    for number, title in enumerate(titles, start=1):
        assert f"§ {number}</span> {title}" in html
    assert "Utkast – ikke vedtatt" in html
    assert 'aria-label="Fylles ut: Pasient"' in html
    assert "Taushetsplikten kan oppleves som et hinder" in html


def test_only_the_agreement_working_group_edits_the_agreement(client, make_user, home_page):
    page = AgreementPageFactory(parent=home_page, clauses=[clause("Formål", "Tekst.")])
    roles.grant_section(roles.AGREEMENT_GROUP, page, roles.WORKING_GROUP_PAGE_PERMISSIONS)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    writer = make_user(roles.AGREEMENT_GROUP)
    client.force_login(writer)
    assert client.get(url).status_code == 200
    assert not page.permissions_for_user(writer).can_publish()
    for other in (roles.PLATFORM_GROUP, roles.RESPONSES_GROUP):
        user = make_user(other)
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
        assert not page.permissions_for_user(user).can_edit()


def test_editors_compare_revisions_in_the_admin(client, make_user, home_page):
    page = AgreementPageFactory(
        parent=home_page, clauses=[clause("Formål", "Avtalen skal sikre informasjon.")]
    )
    first = page.live_revision
    page.clauses = [clause("Formål", "Avtalen skal sikre medvirkning.")]
    page.version = "0.2"
    second = page.save_revision()
    client.force_login(make_user(superuser=True))
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "informasjon" in html and "medvirkning" in html
