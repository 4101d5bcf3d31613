"""The Wagtail admin speaks bokmål where Wagtail's own nb catalogue is silent.

locale/nb/LC_MESSAGES/{django,djangojs}.po override only msgids that Wagtail's
nb catalogues leave untranslated; these tests check that the overrides are
picked up, reach the pages editors use, and keep their placeholders.
"""

import gettext
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from lpp import roles

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
    from consultations.tests import helpers

    index = helpers.archive_index(home_page)
    roles.grant_site_permissions(home_page)
    ensure_workflow(index)
    page = helpers.awaiting_board(index, make_user(roles.RESPONSES_GROUP))

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


def wagtail_msgids():
    """Every text Wagtail's admin can show, from its English source catalogues."""
    import wagtail

    found = set()
    for po in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        found.update(unescape(msgid) for msgid, _plural, _strs in read_po(po))
    return found


# Words that are the same in bokmål.
SAME_IN_BOKMAL = {"Status", "Admin", "Administrator", "Type"}


def test_the_admin_pages_editors_use_have_no_untranslated_wagtail_text(
    client, make_user, demo_site
):
    from consultations.models import ConsultationResponsePage

    response_page = ConsultationResponsePage.objects.first()
    client.force_login(make_user(superuser=True))
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[response_page.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[response_page.pk]),
        reverse("wagtailsnippets_consultations_consultation:list"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailimages:index"),
    ]
    msgids = wagtail_msgids()
    untranslated = {}
    with translation.override("nb"):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            page = response.content.decode()
            texts = {html.unescape(node).strip() for node in re.split(r"<[^>]*>", page)}
            texts |= {
                html.unescape(value)
                for value in re.findall(r'(?:aria-label|title|placeholder)="([^"]+)"', page)
            }
            for text in texts & msgids - SAME_IN_BOKMAL:
                if translation.gettext(text) == text:
                    untranslated.setdefault(text, url)
    assert not untranslated, "\n".join(f"{text!r}  ({url})" for text, url in untranslated.items())
