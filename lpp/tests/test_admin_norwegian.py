"""The Wagtail admin speaks bokmål where Wagtail's own nb catalogue is silent.

locale/nb/LC_MESSAGES/{django,djangojs}.po override only msgids that Wagtail's
nb catalogues leave untranslated; these tests check that the overrides are
picked up, reach the pages editors use, and keep their placeholders.
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from base import roles

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "nb" / "LC_MESSAGES"


def read_po(path):
    """[(msgid, msgid_plural or None, [msgstr, ...])] for every entry but the header."""
    entries = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            msgstrs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            entries.append((fields["msgid"], fields.get("msgid_plural"), msgstrs))
    return entries


def unescape(po_string):
    return po_string.encode().decode("unicode_escape").encode("latin-1").decode()


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def placeholders(text):
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text))


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_is_compiled_and_keeps_every_placeholder(domain):
    po = LOCALE_DIR / f"{domain}.po"
    mo = LOCALE_DIR / f"{domain}.mo"
    with mo.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    entries = read_po(po)
    assert len(entries) > 40
    for msgid, msgid_plural, msgstrs in entries:
        assert all(msgstrs), f"empty translation for {msgid!r}"
        source, translated = unescape(msgid), unescape(msgstrs[0])
        compiled_as = (
            catalogue.ngettext(source, unescape(msgid_plural), 1)
            if msgid_plural
            else catalogue.gettext(source)
        )
        assert compiled_as == translated, f"{mo.name} is out of date for {msgid!r}: run msgfmt"
        for index, msgstr in enumerate(msgstrs):
            source = msgid_plural if (msgid_plural and index > 0) else msgid
            expected = placeholders(source)
            if msgid_plural and index == 0:
                # The singular may spell out "one" instead of using the number.
                assert set(placeholders(msgstr)) <= set(placeholders(msgid_plural)), msgid
            else:
                assert placeholders(msgstr) == expected, f"placeholders differ for {msgid!r}"


def test_overrides_come_out_in_bokmal():
    with translation.override("nb"):
        assert translation.gettext("Add comment") == "Legg til kommentar"
        assert translation.gettext("Request changes") == "Be om endringer"
        assert translation.gettext("Approve with comment") == "Godkjenn med kommentar"
        assert translation.gettext("Comment notifications") == "Varsler om kommentarer"
        assert translation.gettext("View history") == "Vis historikk"
        assert translation.gettext("Search all pages…") == "Søk i alle sider…"
        assert (
            translation.gettext("Workflow on page '%(page_title)s' has been cancelled.")
            % {"page_title": "Høringssvar"}
            == "Arbeidsflyten for siden «Høringssvar» er avbrutt."
        )
        msgid = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
        plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
        assert translation.ngettext(msgid, plural, 1).startswith("%(total)s side ")
        assert translation.ngettext(msgid, plural, 7).startswith("%(total)s sider ")
        viewing = translation.ngettext(
            "One other user is currently viewing",
            "%(num_user)s other users are currently viewing",
            3,
        )
        assert viewing % {"num_user": 3} == "3 andre brukere ser på siden nå"
        # Existing Wagtail translations are left alone.
        assert translation.gettext("Save draft") == "Lagre kladd"
        assert translation.gettext("Submit for moderation") == "Send til godkjenning"


def test_board_member_reviews_a_response_in_bokmal(client, make_user, home_page):
    from consultations.demo import ensure_workflow
    from consultations.tests import factories

    index = factories.ResponseIndexPageFactory(parent=home_page)
    roles.grant_site_permissions(home_page)
    ensure_workflow(index)
    page = factories.awaiting_board(index, make_user(roles.RESPONSES_GROUP))

    client.force_login(make_user(roles.BOARD))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()

    for norwegian in [
        'aria-label="Legg til kommentar"',  # the comment button on each field
        "Be om endringer",  # workflow action in the footer menu
        "Godkjenn med kommentar",
        "Varsler om kommentarer",  # comments side panel
        "Vis/skjul minikart",
    ]:
        assert norwegian in html, norwegian
    for english in [
        'aria-label="Add comment"',
        ">Request changes<",
        "Approve with comment",
        "Comment notifications",
    ]:
        assert english not in html, english


def test_comment_widget_strings_reach_the_javascript_catalogue(client, make_user):
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    catalogue = response.content.decode()
    assert "Skriv kommentaren din" in catalogue
    assert "Sett inn en blokk" in catalogue
    assert "Skjul alle" in catalogue


ROLES = [
    roles.STAFF,
    roles.BOARD,
    roles.RESPONSES_GROUP,
    roles.PLATFORM_GROUP,
    roles.AGREEMENT_GROUP,
    "administrator",
]


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_screen_a_role_reaches_is_in_bokmal(client, make_user, demo_site, role):
    """Walk the menu and every admin link from it, as each of the five roles and an
    administrator, and fail on any English word on the screens (visible text,
    aria-labels, titles, placeholders, tooltips and the menu itself)."""
    from wagtail.models import Page, PageLogEntry

    from .admin_walk import walk_admin

    if role == "administrator":
        user = make_user(superuser=True, username="ada", first_name="Ada", last_name="Lovås")
    else:
        user = make_user(role, username="kari", first_name="Kari", last_name="Nordmann")
    client.force_login(user)
    # Titles and log labels are content, not the admin's words (Wagtail's root page is
    # called «Root» in the database).
    content = set(Page.objects.values_list("title", flat=True))
    content |= set(PageLogEntry.objects.values_list("label", flat=True))
    english, visited = walk_admin(client, content=sorted(content, key=len, reverse=True))
    assert len(visited) >= 20, visited  # the walk reached the role's screens
    if role in (roles.STAFF, "administrator"):
        # Their «add» forms were submitted blank and refused with the validation messages.
        assert sum(url.startswith("POST ") for url in visited) >= 10, visited
    assert not english, "\n".join(f"{text!r}  ({url})" for text, url in english.items())


def test_the_walk_reads_each_kind_of_filtered_sorted_or_paginated_list_once():
    from .admin_walk import screen_pattern

    assert screen_pattern("/admin/pages/3/?p=2") == screen_pattern("/admin/pages/4/?p=3")
    # Sorting by hand shows Wagtail's reordering instructions: another screen.
    assert screen_pattern("/admin/pages/3/?ordering=ord") != screen_pattern("/admin/pages/3/")
    assert screen_pattern("/admin/pages/3/?ordering=ord") != screen_pattern("/admin/pages/3/?p=2")


def test_the_walk_recognises_english_and_passes_bokmal():
    from .admin_walk import english_in

    for english in [
        "0 Images",
        "Step 1",
        "4 workflows",
        "Compare",
        "Referenced 0 times",
        "If you confirm deletion",
        "Yes, publish",
    ]:
        assert english_in(english), english
    for bokmal in ["0 bilder", "Trinn 1", "4 arbeidsflyter", "Sammenlign", "Brukt 0 ganger"]:
        assert not english_in(bokmal), bokmal


def test_wagtails_wrong_bokmal_is_corrected():
    with translation.override("nb"):
        title_help = translation.gettext("The page title as you'd like it to be seen by the public")
        assert title_help == "Tittel på siden slik den vises offentlig"
        selected = translation.gettext("All %(objects)s snippets on this screen selected")
        assert selected % {"objects": 2} == "Alle 2 snuttene på siden er valgt"
        assert translation.gettext("Awaiting your review") == "Venter på at du godkjenner"


def test_every_text_of_the_page_editors_javascript_is_in_bokmal(client, make_user):
    """The JS catalogue (djangojs) has a bokmål text for every string Wagtail's
    JavaScript asks for."""
    import json

    from .admin_walk import _catalogues, _entries, english_in

    client.force_login(make_user(superuser=True))
    body = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", body, re.S).group(1))
    js_sources = [p for p in _catalogues("en") if p.endswith("djangojs.po") and "wagtail" in p]
    untranslated = []
    for path in js_sources:
        for msgid, _plural, _msgstrs in _entries(path):
            source = unescape(msgid)
            if not english_in(PLACEHOLDER.sub("", source)):
                continue  # nothing to translate («%(option)s: %(label)s»)
            shown = catalogue.get(source) or next(
                (v for k, v in catalogue.items() if k.endswith("\x04" + source)), None
            )
            text = shown[-1] if isinstance(shown, list) else shown
            if text is None or english_in(PLACEHOLDER.sub("", text)):
                untranslated.append(source)
    assert len(js_sources) >= 1
    assert not untranslated, untranslated


def test_the_english_the_staff_reported_now_reads_in_bokmal():
    """The phrases LPP's staff met in their first week (issue 13), each in bokmål."""
    with translation.override("nb"):
        images = translation.ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            0,
        ) % {"total": 0, "site_name": "LPP"}
        assert images == '0 bilder <span class="w-sr-only">lagt inn i LPP</span>'
        documents = translation.ngettext(
            '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
            0,
        ) % {"total": 0, "site_name": "LPP"}
        assert documents.startswith("0 dokumenter ")
        reported = {
            "New: %(model_name)s": "Ny: %(model_name)s",
            'Multi-word tags with spaces will automatically be enclosed in double quotes (").': (
                'Et tema på flere ord skrives som det er; det får automatisk anførselstegn (").'
            ),
            "Workflow tasks": "Oppgaver i arbeidsflyter",
            "Page types usage": "Bruk av sidetyper",
            "What's new in Wagtail %(version)s": "Nytt i Wagtail %(version)s",
            "Compare": "Sammenlign",
            "Language": "Språk",
            "Privacy and access": "Synlighet og tilgang",
            "page log entries": "loggføringer for sider",
            "Step %(step_number)s": "Trinn %(step_number)s",
            "workflows": "arbeidsflyter",
        }
        for english, bokmal in reported.items():
            assert translation.gettext(english) == bokmal, english
        referenced = translation.ngettext(
            "Referenced %(count)s time", "Referenced %(count)s times", 0
        )
        assert referenced % {"count": 0} == "Brukt 0 ganger"


@pytest.mark.parametrize("action", ["publish", "unpublish", "move", "delete"])
def test_bulk_actions_on_pages_ask_in_bokmal(client, make_user, demo_site, action):
    """The confirmation screens of «Publiser/Avpubliser/Flytt/Slett valgte» (their links
    are built by JavaScript from the chosen rows, so the walk cannot follow them)."""
    from wagtail.models import Page

    from .admin_walk import _Reader, english_in

    pages = Page.objects.filter(depth=3).order_by("path")[:2]
    parent = pages[0].get_parent()
    client.force_login(make_user(roles.BOARD))
    query = "&".join(f"id={page.pk}" for page in pages)
    response = client.get(
        f"/admin/bulk/wagtailcore/page/{action}/?{query}&next=/admin/pages/{parent.pk}/"
    )
    assert response.status_code == 200
    reader = _Reader()
    reader.feed(response.content.decode())
    content = [page.title for page in pages] + [parent.title]
    english = [text for text in reader.texts if english_in(" ".join(text.split()), content)]
    assert not english, english


CHOOSERS = [
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
    "wagtailimages_chooser:choose",
    "wagtaildocs_chooser:choose",
    "wagtailembeds:chooser",
]


@pytest.mark.parametrize("name", CHOOSERS)
def test_the_editors_choosers_are_in_bokmal(client, make_user, home_page, name):
    """The modal windows of the page editor (links, pages, images, documents, media):
    opened by JavaScript, so the walk cannot follow them. Their form fields took their
    labels from Wagtail's field names («Link text», «Email address»), and the page
    chooser's breadcrumb started at «Root»."""
    import json

    from wagtail.models import Page

    from .admin_walk import _Reader, english_in

    client.force_login(make_user(roles.STAFF))
    response = client.get(reverse(name))
    assert response.status_code == 200
    reader = _Reader()
    reader.feed(json.loads(response.content)["html"])
    # The root page is no content: its title is the admin's name for the top of the tree.
    content = list(Page.objects.filter(depth__gt=1).values_list("title", flat=True))
    english = [text for text in reader.texts if english_in(" ".join(text.split()), content)]
    assert not english, english
