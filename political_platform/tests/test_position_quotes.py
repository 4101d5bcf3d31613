"""A platform position quoted in another document (PlatformPositionBlock): the quote,
its copy, the change notice, and where each position is used."""

import pytest
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError

from advocacy.tests.factories import ThemeFactory
from base import roles
from base.admin_urls import snippet_url
from political_platform.blocks import PlatformPositionBlock
from political_platform.models import PlatformIndexPage, Position

from .factories import PlatformChapterPageFactory, PlatformPageFactory, position, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter(home_page):
    tvang = ThemeFactory(slug="tvang", name="Tvang")
    edition = PlatformPageFactory()
    return PlatformChapterPageFactory(
        parent=edition,
        title="Tvang",
        positions=[
            position("pårørende skal informeres før tvang iverksettes.", tvang),
            position("frivillighet skal dokumenteres i journal."),
        ],
    )


def quote_value(pos, **extra):
    block = PlatformPositionBlock()
    value = block.to_python({"position": pos.pk if pos else None, **extra})
    return block, block.clean(value)


def reword(chapter, index, text):
    blocks_ = list(chapter.positions)
    blocks_[index].value["text"] = text
    publish(chapter)


def test_choosing_a_position_keeps_a_copy_and_renders_a_quote_with_a_link(chapter):
    pos = Position.objects.get(order=1)
    block, value = quote_value(pos)
    assert value["quoted_text"] == "pårørende skal informeres før tvang iverksettes."
    assert value["quoted_source"] == "Politisk plattform 2027–2031, kapittel «Tvang»"
    html = block.render(value)
    assert "LPP mener at pårørende skal informeres før tvang iverksettes." in html
    assert f'href="{pos.get_url()}"' in html and "#standpunkt-" in html
    assert "endret" not in html and "finnes ikke lenger" not in html


def test_a_position_is_required(chapter):
    block = PlatformPositionBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"position": None}))
    assert "Velg et standpunkt" in str(error.value.block_errors["position"].messages)


def test_a_changed_position_is_flagged_and_the_copy_kept(chapter):
    pos = Position.objects.get(order=1)
    block, value = quote_value(pos)
    reword(chapter, 0, "pårørende skal alltid informeres før tvang.")
    value = block.to_python(block.get_prep_value(value))
    assert PlatformPositionBlock.source_state(value) == "changed"
    html = block.render(value)
    assert "LPP mener at pårørende skal informeres før tvang iverksettes." in html
    assert "Standpunktet er endret i plattformen" in html
    # Emptying the copy and saving again takes the new wording.
    value["quoted_text"] = ""
    assert block.clean(value)["quoted_text"] == "pårørende skal alltid informeres før tvang."


def test_a_deleted_position_keeps_its_copy_and_says_the_source_is_gone(chapter):
    pos = Position.objects.get(order=1)
    block, value = quote_value(pos)
    stored = block.get_prep_value(value)
    pos.delete()
    value = block.to_python(stored)
    assert value["position"] is None
    html = block.render(value)
    assert "LPP mener at pårørende skal informeres før tvang iverksettes." in html
    assert "Kilden finnes ikke lenger i plattformen" in html
    assert "<a " not in html
    assert block.clean(value)["quoted_text"]  # still saves with its copy


def test_a_retired_or_unpublished_source_is_said(chapter):
    pos = Position.objects.get(order=1)
    block, value = quote_value(pos)
    del chapter.positions[0]
    publish(chapter)
    value = block.to_python(block.get_prep_value(value))
    assert "tatt ut av plattformen" in block.render(value)
    chapter.unpublish()
    value = block.to_python(block.get_prep_value(value))
    assert "Kilden finnes ikke lenger" in block.render(value)


@pytest.fixture
def quoting_page(chapter):
    """The platform landing page quoting a position (as a response page would)."""
    pos = Position.objects.get(order=1)
    index = PlatformIndexPage.objects.get()
    index.body = [
        (
            "platform_position",
            {"position": pos, "quoted_text": pos.text, "quoted_source": pos.source_label},
        )
    ]
    publish(index)
    # Wagtail updates the reference index itself when the page is saved.
    return index


def test_the_quote_shows_on_the_published_page(client, quoting_page):
    html = client.get(quoting_page.url).content.decode()
    assert "LPP mener at pårørende skal informeres før tvang iverksettes." in html
    assert 'class="platform-quote platform-quote--current"' in html


def test_each_positions_admin_page_shows_where_it_is_used(client, make_user, quoting_page):
    pos = Position.objects.get(order=1)
    client.force_login(make_user(roles.RESPONSES_GROUP))
    inspect = client.get(snippet_url("political_platform.position", "inspect", pos.pk))
    assert inspect.status_code == 200
    assert "Politisk plattform" in inspect.content.decode()  # the quoting page's title
    roles.grant_site_permissions(quoting_page.get_parent())
    client.force_login(make_user(roles.STAFF))
    usage = client.get(snippet_url("political_platform.position", "usage", pos.pk))
    assert usage.status_code == 200 and "Politisk plattform" in usage.content.decode()
    # Nobody adds or edits positions by hand, not even an administrator.
    client.force_login(make_user(superuser=True))
    assert client.get(snippet_url("political_platform.position", "add")).status_code in (
        302,
        403,
    )
    assert client.get(snippet_url("political_platform.position", "edit", pos.pk)).status_code in (
        302,
        403,
    )


def test_the_editor_is_told_when_a_quoted_position_changed(client, make_user, quoting_page):
    chapter = Position.objects.get(order=1).chapter.specific
    reword(chapter, 0, "pårørende skal alltid informeres før tvang.")
    client.force_login(make_user(superuser=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[quoting_page.pk]))
    html = response.content.decode()
    assert "er endret i plattformen siden det ble sitert" in html


def test_the_chooser_searches_positions_by_text_and_theme(client, make_user, chapter):
    client.force_login(make_user(roles.RESPONSES_GROUP))
    url = reverse("wagtailsnippetchoosers_political_platform_position:choose_results")
    html = client.get(url, {"q": "journal"}).content.decode()
    assert "frivillighet skal dokumenteres" in html and "informeres før tvang" not in html
    tvang = ThemeFactory(slug="tvang")
    html = client.get(url, {"theme": tvang.pk}).content.decode()
    assert "informeres før tvang" in html and "frivillighet" not in html
    html = client.get(url, {"q": "Tvang"}).content.decode()
    assert "informeres før tvang" in html
    html = client.get(url, {"q": "journal", "theme": tvang.pk}).content.decode()
    assert "frivillighet" not in html and "informeres før tvang" not in html
    html = client.get(url, {"q": "informeres", "theme": tvang.pk}).content.decode()
    assert "informeres før tvang" in html
    # Retired positions are not offered.
    del chapter.positions[0]
    publish(chapter)
    html = client.get(url).content.decode()
    assert "informeres før tvang" not in html and "frivillighet" in html


def test_the_chooser_and_the_editing_forms_open(client, make_user, quoting_page, chapter):
    client.force_login(make_user(superuser=True))
    chooser = client.get(reverse("wagtailsnippetchoosers_political_platform_position:choose"))
    assert chooser.status_code == 200 and "Alle temaer" in chooser.content.decode()
    for page in (quoting_page, chapter, chapter.get_parent()):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    listing = client.get(snippet_url("political_platform.position", "list"))
    assert listing.status_code == 200 and "informeres før tvang" in listing.content.decode()
    retired_only = client.get(
        snippet_url("political_platform.position", "list"), {"retired": "true"}
    )
    assert "informeres før tvang" not in retired_only.content.decode()


def test_the_block_fits_the_response_body_without_disturbing_proposal_tracking(chapter):
    """The lead adds ``platform_position = PlatformPositionBlock()`` to
    consultations.blocks.ResponseBodyBlock: check that shape here."""
    from advocacy.tracking import _walk
    from consultations.blocks import ResponseBodyBlock

    class BodyWithQuotes(ResponseBodyBlock):
        platform_position = PlatformPositionBlock()

    pos = Position.objects.get(order=1)
    body = BodyWithQuotes()
    value = body.to_python(
        [
            {
                "type": "platform_position",
                "value": {
                    "position": pos.pk,
                    "quoted_text": pos.text,
                    "quoted_source": pos.source_label,
                },
            },
            {
                "type": "proposal",
                "value": {
                    "text": "at noe gjøres.",
                    "rationale": "",
                    "themes": [],
                    "target_authority": None,
                },
            },
        ]
    )
    assert [p.text for p in _walk(value)] == ["at noe gjøres."]
    assert "LPP mener at pårørende skal informeres" in body.render(value)
    references = list(body.extract_references(value))
    assert (Position, str(pos.pk)) in [(model, pk) for model, pk, _path, _content in references]
