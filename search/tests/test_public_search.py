"""The public search page at /sok/: results, facets, snippets, pagination, safe
queries, visibility and constant query counts."""

import io
import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from advocacy.models import Authority, Proposal, Theme
from advocacy.tests.factories import DocumentFactory, ProposalFactory, ThemeFactory, event_data
from search import engines, indexer, registry
from search.models import SearchDocument

URL = "/sok/"


def titles(response):
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'search-result__title"><a href="[^"]*">(.*?)</a>', html)
    ]


def total(response):
    return response.context["outcome"].total


@pytest.fixture
def some_content(make_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ThemeFactory(name="Tvang", slug="tvang", description="Tvang i psykisk helsevern.")
    make_page("Pårørendes rettigheter", "Pårørende skal bli hørt. Tvang skal dokumenteres.")


def test_search_url_is_before_wagtails_catch_all():
    assert reverse("search:search") == URL


@pytest.mark.django_db
def test_published_page_is_found_by_an_inflected_form(client, make_page):
    make_page("Om barnehager", "Kommunen skal gi plass i barnehagen til alle barn.")
    response = client.get(URL, {"q": "barnehage"})
    assert response.status_code == 200
    assert titles(response) == ["Om barnehager"]


@pytest.mark.django_db
def test_query_without_norwegian_letters_finds_them(client, make_page):
    make_page("Høringssvarene våre", "Pårørendes rettigheter i høringssvar.")
    for query in ["horingssvar", "parorende", "rettighet"]:
        assert titles(client.get(URL, {"q": query})) == ["Høringssvarene våre"], query


@pytest.mark.django_db
def test_compound_words_meet_their_parts(client, make_page):
    make_page("Om tvangsbruk", "Tvangsbruken i helsetjenesten skal ned.")
    make_page("Avtalen", "En avtale mellom tjenesten og pårørende.")
    make_page("Bare pårørende", "Pårørende skal bli hørt.")
    # A part finds the compound, and is marked inside it in the snippet.
    response = client.get(URL, {"q": "tvang"})
    assert titles(response) == ["Om tvangsbruk"]
    assert "<mark>Tvangsbruken</mark>" in response.content.decode()
    # A compound finds a text that has every one of its parts, and no other.
    assert titles(client.get(URL, {"q": "pårørendeavtale"})) == ["Avtalen"]
    assert titles(client.get(URL, {"q": "helsetjenesten tvangsbruk"})) == ["Om tvangsbruk"]
    # The part at the end of a compound, and the word on its own, are found alike.
    assert sorted(titles(client.get(URL, {"q": "tjeneste"}))) == ["Avtalen", "Om tvangsbruk"]


@pytest.mark.django_db
def test_draft_and_unpublished_pages_are_never_found(
    client, make_page, django_capture_on_commit_callbacks
):
    make_page("Kladd om blåbærsyltetøy", "blåbærsyltetøy", publish=False)
    page = make_page("Publisert om blåbærsyltetøy", "blåbærsyltetøy")
    assert titles(client.get(URL, {"q": "blåbærsyltetøy"})) == ["Publisert om blåbærsyltetøy"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert titles(client.get(URL, {"q": "blåbærsyltetøy"})) == []
    assert not SearchDocument.objects.filter(title__contains="blåbærsyltetøy").exists()


@pytest.mark.django_db
def test_a_newer_draft_does_not_change_what_is_found(client, make_page):
    page = make_page("Tittel om multebær", "multebær")
    page.title = "Hemmelig utkast om tyttebær"
    page.intro = "tyttebær"
    page.save_revision()
    assert titles(client.get(URL, {"q": "multebær"})) == ["Tittel om multebær"]
    assert titles(client.get(URL, {"q": "tyttebær"})) == []


@pytest.mark.django_db
def test_stale_index_row_of_an_unpublished_page_is_not_shown(client, make_page):
    """Defence in depth: even if an unpublish was missed, the page's liveness is checked
    when the results are read."""
    page = make_page("Side om rabarbra", "rabarbra")
    type(page).objects.filter(pk=page.pk).update(live=False)
    assert titles(client.get(URL, {"q": "rabarbra"})) == []


@pytest.mark.django_db
def test_private_page_is_not_found(client, make_page, django_capture_on_commit_callbacks):
    page = make_page("Side om solbær", "solbær")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
    assert titles(client.get(URL, {"q": "solbær"})) == []


@pytest.mark.django_db
def test_staff_only_consultation_notes_never_reach_public_search(client, indexed_site, make_user):
    from consultations.models import Consultation

    assert Consultation not in registry.searchable_models()
    consultation = Consultation.objects.first()
    consultation.notes = "Internt: kaktusblomstring må ikke nevnes."
    consultation.save()
    indexer.rebuild()
    assert total(client.get(URL, {"q": "kaktusblomstring"})) == 0
    assert not SearchDocument.objects.filter(text__icontains="kaktusblomstring").exists()
    # Staff find it in the admin, where the notes belong.
    from consultations.wagtail_hooks import consultation_viewset

    client.force_login(make_user(superuser=True))
    admin = client.get(
        reverse(consultation_viewset.get_url_name("list")), {"q": "kaktusblomstring"}
    )
    assert consultation.title in admin.content.decode()


@pytest.mark.django_db
def test_searchable_types_come_from_the_models():
    labels = registry.kind_labels()
    for kind in [
        "home.standardpage",
        "home.homepage",
        "advocacy.proposal",
        "advocacy.theme",
        "consultations.consultationresponsepage",
        "political_platform.platformchapterpage",
        "political_platform.position",
        "agreement.agreementpage",
    ]:
        assert kind in labels, kind


@pytest.mark.django_db
def test_every_document_type_of_the_demo_site_is_found(client, indexed_site):
    kinds = {doc.kind for doc in SearchDocument.objects.all()}
    assert {
        "advocacy.proposal",
        "advocacy.theme",
        "home.standardpage",
        "consultations.consultationresponsepage",
        "agreement.agreementpage",
        "political_platform.platformchapterpage",
        "political_platform.position",
    } <= kinds


@pytest.mark.django_db
def test_facets_narrow_the_results(client, indexed_site):
    response = client.get(URL, {"q": "pårørende"})
    facets = response.context["outcome"].facets
    kinds = {value: count for value, _label, count in facets["type"]}
    assert kinds["advocacy.proposal"] >= 1 and kinds["advocacy.theme"] >= 1
    everything = total(response)

    narrowed = client.get(URL, {"q": "pårørende", "type": "advocacy.theme"})
    assert total(narrowed) == kinds["advocacy.theme"] < everything
    assert {d.kind for d in narrowed.context["outcome"].documents} == {"advocacy.theme"}

    theme = Theme.objects.get(slug="parorendes-rettigheter")
    by_theme = client.get(URL, {"q": "pårørende", "tema": theme.pk})
    assert total(by_theme) >= 1
    assert all(theme in d.themes.all() for d in by_theme.context["outcome"].documents)

    hod = Authority.objects.get(short_name="HOD")
    by_authority = client.get(URL, {"q": "pårørende", "myndighet": hod.pk})
    assert total(by_authority) >= 1
    assert all(d.authority_id == hod.pk for d in by_authority.context["outcome"].documents)

    year = facets["ar"][0][0]
    assert (
        total(client.get(URL, {"q": "pårørende", "ar": year}))
        == dict((v, c) for v, _l, c in facets["ar"])[year]
    )


@pytest.mark.django_db
def test_proposal_status_facet_when_proposals_have_a_status(client, indexed_site):
    proposal = Proposal.objects.public().first()
    if not hasattr(proposal, "outcome_status"):
        pytest.skip("Forslagene har ikke status ennå (utfallssporing er ikke på plass).")
    field = Proposal._meta.get_field("outcome_status")
    key, label = next((k, lbl) for k, lbl in field.choices if k)
    Proposal.objects.filter(pk=proposal.pk).update(outcome_status=key)
    indexer.rebuild()
    response = client.get(URL, {"q": proposal.text.split()[-1], "status": key})
    assert [d.source_id for d in response.context["outcome"].documents] == [str(proposal.pk)]
    statuses = response.context["outcome"].facets["status"]
    assert statuses == [(key, str(label), 1)]
    assert f"Status: {label}" in response.content.decode()


@pytest.mark.django_db
def test_facets_tolerate_documents_without_status_theme_or_authority(client, make_page):
    make_page("Side om stikkelsbær", "stikkelsbær")
    facets = client.get(URL, {"q": "stikkelsbær"}).context["outcome"].facets
    assert facets["status"] == [] and facets["myndighet"] == [] and facets["tema"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"ar": "tjuetjue"},
        {"tema": "x"},
        {"myndighet": "-1"},
        {"type": "auth.user"},
        {"side": "0"},
        {"side": "abc"},
        {"side": "999999999"},
    ],
)
def test_bad_filters_are_ignored_with_a_message(client, make_page, params):
    make_page("Side om krekling", "krekling")
    response = client.get(URL, {"q": "krekling", **params})
    assert response.status_code == 200
    assert titles(response) == ["Side om krekling"]
    assert "Et ugyldig filter i adressen ble ignorert." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"pårørende',
        'pårørende"',
        "(",
        ")",
        "((pårørende",
        "pårørende AND",
        "OR",
        "AND OR NOT",
        "NOT pårørende",
        "NEAR(pårørende tvang)",
        "pårørende NEAR/3 tvang",
        "*",
        "pårør*",
        ":",
        "title:pårørende",
        "{title}: x",
        "-",
        "^",
        "'",
        "'; DROP TABLE x; --",
        "%",
        "_",
        "\\",
        "ø" * 2000,
        "pårørende " * 300,
        " ",
        "",
        "🙂",
        "&",
        "|",
        "!",
        "<script>alert(1)</script>",
    ],
)
def test_any_query_gives_a_page_never_an_error(client, some_content, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db
def test_only_punctuation_gets_a_clear_message_and_theme_suggestions(client, some_content):
    html = client.get(URL, {"q": '" ( ) * :'}).content.decode()
    assert "Søket ditt inneholdt ingen ord vi kan søke etter" in html
    assert "Se LPPs arbeid etter tema" in html


@pytest.mark.django_db
def test_empty_query_suggests_themes(client, some_content):
    html = client.get(URL).content.decode()
    assert "Skriv inn det du leter etter" in html
    assert 'href="/tema/tvang/"' in html


@pytest.mark.django_db
def test_no_results_suggests_themes(client, some_content):
    html = client.get(URL, {"q": "xyzzyplugh"}).content.decode()
    assert "Ingen treff på «xyzzyplugh»" in html
    assert "Se LPPs arbeid etter tema" in html


@pytest.mark.django_db
def test_long_query_is_shortened_with_a_message(client, some_content):
    response = client.get(URL, {"q": "pårørende " + "a" * 2000})
    assert response.status_code == 200
    assert "Søket var svært langt" in response.content.decode()


@pytest.mark.django_db
def test_words_not_all_found_falls_back_to_any_word(client, make_page):
    make_page("Side om tyttebærsyltetøy", "tyttebærsyltetøy")
    response = client.get(URL, {"q": "tyttebærsyltetøy xyzzyplugh"})
    assert titles(response) == ["Side om tyttebærsyltetøy"]
    assert "Ingen treff inneholdt alle ordene" in response.content.decode()


@pytest.mark.django_db
def test_snippet_highlights_matched_words_and_escapes_the_rest(client, make_page):
    make_page(
        "Side om <b>fet</b> tekst",
        "Før teksten. <script>x</script> Pårørendes rettigheter & plikter.",
    )
    html = client.get(URL, {"q": "pårørende"}).content.decode()
    assert "<mark>Pårørendes</mark>" in html
    assert "&lt;b&gt;fet&lt;/b&gt;" in html
    assert "<script>x</script>" not in html


@pytest.mark.django_db
def test_pagination(client, make_page):
    for n in range(23):
        make_page(f"Side {n} om nypesuppe", "nypesuppe")
    first = client.get(URL, {"q": "nypesuppe"})
    assert total(first) == 23 and len(titles(first)) == 10
    html = first.content.decode()
    assert "Side 1 av 3" in html and "Neste side" in html and "Forrige side" not in html
    third = client.get(URL, {"q": "nypesuppe", "side": 3})
    assert len(titles(third)) == 3 and "Forrige side" in third.content.decode()
    seen = set(titles(first)) | set(titles(client.get(URL, {"q": "nypesuppe", "side": 2})))
    assert len(seen | set(titles(third))) == 23
    beyond = client.get(URL, {"q": "nypesuppe", "side": 50})
    assert titles(beyond) == titles(third)


@pytest.mark.django_db
def test_query_count_is_constant(client, make_page, django_assert_max_num_queries):
    for n in range(3):
        make_page(f"Side {n} om hjortron", "hjortron")
    with django_assert_max_num_queries(20) as small:
        client.get(URL, {"q": "hjortron"})
    for n in range(3, 30):
        make_page(f"Side {n} om hjortron", "hjortron")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL, {"q": "hjortron"})


@pytest.mark.django_db
def test_autocomplete_with_norwegian_letters(client, indexed_site):
    for typed in ["pårø", "paro", "Pårørendes rett", "taushetspl"]:
        found = client.get(reverse("search:suggestions"), {"q": typed}).json()["suggestions"]
        assert found, typed
    found = client.get(reverse("search:suggestions"), {"q": "pårø"}).json()["suggestions"]
    assert all("pårø" in s["title"].lower() for s in found)
    assert client.get(reverse("search:suggestions"), {"q": '"*('}).json() == {"suggestions": []}


@pytest.mark.django_db
def test_results_page_is_accessible_markup(client, indexed_site):
    html = client.get(URL, {"q": "pårørende"}).content.decode()
    assert '<label for="sok-q">' in html and 'role="search"' in html
    assert re.search(r"<h1>Søk</h1>.*<h2[^>]*>Avgrens søket</h2>.*<h3", html, re.S)
    assert 'aria-labelledby="sok-treff"' in html
    # A way past the filters to the results (shown on narrow screens).
    assert re.search(r'<a href="#sok-treff">Gå rett til treffene \(\d+\)</a>', html)


@pytest.mark.django_db
def test_theme_and_proposal_documents(indexed_site):
    theme = SearchDocument.objects.get(kind="advocacy.theme", title="Tvang")
    assert theme.url == "/tema/tvang/"
    proposal = Proposal.objects.public().exclude(target_authority=None).first()
    document = SearchDocument.objects.get(kind="advocacy.proposal", source_id=str(proposal.pk))
    assert document.url.endswith(f"#{proposal.anchor}")
    assert document.authority_id == proposal.target_authority_id
    assert set(document.themes.all()) == set(proposal.themes.all())


@pytest.mark.django_db
def test_retired_proposal_leaves_the_index(indexed_site, django_capture_on_commit_callbacks):
    from django.utils import timezone

    proposal = Proposal.objects.public().first()
    with django_capture_on_commit_callbacks(execute=True):
        proposal.retired_at = timezone.now()
        proposal.save()
    assert not SearchDocument.objects.filter(
        kind="advocacy.proposal", source_id=str(proposal.pk)
    ).exists()


@pytest.mark.django_db
def test_database_index_search_api(indexed_site):
    outcome = engines.DatabaseIndex().search(engines.SearchQuery(text="taushetsplikt"))
    assert outcome.total >= 1 and outcome.backend == "database"


@pytest.mark.django_db
def test_wagtails_own_update_index_runs_and_finds_pages_for_the_admin(make_page):
    """Stock `manage.py update_index` (Wagtail's admin search index) works beside the
    public index: it once failed on SQLite on a field name clash."""
    from django.core.management import call_command
    from wagtail.models import Page

    make_page("Tvang i psykisk helsevern")
    call_command("update_index", stdout=io.StringIO())
    assert "Tvang i psykisk helsevern" in [p.title for p in Page.objects.search("tvang")]


@pytest.mark.django_db
def test_recorded_outcome_updates_the_status_facet_and_staff_notes_stay_out(
    client, home_page, django_capture_on_commit_callbacks
):
    from advocacy import outcomes

    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(parent=home_page, title="Dokument om løvetann")
        proposal = ProposalFactory(source_page=document, text="Løvetann skal vernes.")
    with django_capture_on_commit_callbacks(execute=True):
        outcomes.record_event(
            proposal,
            event_data(staff_note="Internt: granskauen er hemmelig."),
            publish=True,
        )
    response = client.get(URL, {"q": "løvetann", "type": "advocacy.proposal"})
    document = response.context["outcome"].documents[0]
    proposal.refresh_from_db()
    assert document.status == proposal.outcome_status == "adopted"
    assert response.context["outcome"].facets["status"][0][0] == "adopted"
    assert total(client.get(URL, {"q": "granskauen"})) == 0


@pytest.mark.django_db
def test_moving_or_renaming_a_section_updates_the_addresses(
    make_page, home_page, django_capture_on_commit_callbacks
):
    section = make_page("Seksjon", "seksjon")
    child = make_page("Underside om plommer", "plommer", parent=section)
    assert SearchDocument.objects.get(page=child).url == f"/{section.slug}/{child.slug}/"
    with django_capture_on_commit_callbacks(execute=True):
        section.slug = "ny-seksjon"
        section.save_revision().publish()
    assert SearchDocument.objects.get(page=child).url == f"/ny-seksjon/{child.slug}/"
    other = make_page("Annen seksjon", "annen")
    with django_capture_on_commit_callbacks(execute=True):
        child.specific.move(other, pos="last-child")
    assert SearchDocument.objects.get(page=child).url == f"/{other.slug}/{child.slug}/"
