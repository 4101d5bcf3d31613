"""An autosave that lands after «Lagre kladd» must not put the older text back
(home.models.lpp_page): the late overwrite is refused, the newer revision stays."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.test.utils.form_data import rich_text

from home.models import StandardPage
from home.models.lpp_page import NEWER_VERSION

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def body(text):
    return [("paragraph", rich_text(f"<p>{text}</p>"))]


@pytest.fixture
def page(home_page, make_user):
    return StandardPageFactory(
        parent=home_page, title="Om LPP", slug="om", live=False, body=body("Første utkast.")
    )


def test_a_late_autosave_does_not_overwrite_a_newer_manual_save(page, make_user):
    editor = make_user()
    # The editor types; autosave makes its own revision, which it overwrites from now on.
    autosaved = StandardPage.objects.get(pk=page.pk)
    autosaved.body = body("Gammel tekst.")
    autosave_revision = autosaved.save_revision(user=editor)
    # The next autosave request is read in with the text of that moment …
    late_autosave = StandardPage.objects.get(pk=page.pk)
    late_autosave.body = body("Gammel tekst.")
    # … while «Lagre kladd», with the newer text, is handled and committed first.
    manual = StandardPage.objects.get(pk=page.pk)
    manual.body = body("Ny tekst.")
    saved = manual.save_revision(user=editor)

    with pytest.raises(PermissionDenied, match=NEWER_VERSION):
        late_autosave.save_revision(user=editor, overwrite_revision=autosave_revision)

    page = StandardPage.objects.get(pk=page.pk)
    assert page.latest_revision_id == saved.pk
    assert "Ny tekst." in str(page.get_latest_revision_as_object().body)


def test_autosave_still_overwrites_its_own_latest_revision(page, make_user):
    editor = make_user()
    page = StandardPage.objects.get(pk=page.pk)
    page.body = body("Litt tekst.")
    revision = page.save_revision(user=editor)
    page = StandardPage.objects.get(pk=page.pk)
    page.body = body("Litt mer tekst.")
    again = page.save_revision(user=editor, overwrite_revision=revision)
    assert again.pk == revision.pk
    assert "Litt mer tekst." in str(
        StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object().body
    )
