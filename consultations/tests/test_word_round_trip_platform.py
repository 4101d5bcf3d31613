"""Word round trip of a platform chapter: positions («LPP mener at …», one numbered list in
Word) and demands («LPP vil …») keep their identity; a typed «LPP mener at …» paragraph is
offered as a new position."""

import io

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from advocacy.models import Proposal
from consultations.word_import import roundtrip
from political_platform.models import PlatformChapterPage
from political_platform.tests import factories
from wordexport import export_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter(home_page):
    return factories.PlatformChapterPageFactory(
        title="Tvang",
        positions=[
            factories.position("tvang skal være siste utvei."),
            factories.position("pårørende skal varsles ved tvang."),
        ],
        demands=[
            factories.demand("at tvangsbruk registreres likt i hele landet."),
            factories.demand("at alle tvangsvedtak blir gjennomgått med pårørende."),
        ],
    )


@pytest.fixture
def editor(make_user):
    return make_user(superuser=True)


def ids(chapter):
    chapter = PlatformChapterPage.objects.get(pk=chapter.pk)
    return [str(b.id) for b in chapter.positions], [str(b.id) for b in chapter.demands]


def _tagged(body, block_id):
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None and tag.get(qn("w:val")) == f"lpp:block:{block_id}":
            return sdt
    raise AssertionError(block_id)


def edited(chapter):
    """Reword the first position, delete the second demand, type a new position."""
    (first, second), (_keep, dropped) = ids(chapter)
    document = Document(io.BytesIO(export_page(chapter, draft=True)))
    body = document.element.body
    paragraph = _tagged(body, first).find(f".//{qn('w:p')}")
    for run in paragraph.findall(qn("w:r")):
        paragraph.remove(run)
    run = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "tvang skal bare brukes som aller siste utvei."
    block = _tagged(body, dropped)
    block.getparent().remove(block)
    typed = etree.Element(qn("w:p"))
    etree.SubElement(
        etree.SubElement(typed, qn("w:r")), qn("w:t")
    ).text = "LPP mener at kommunene skal ha en pårørendekontakt."
    _tagged(body, second).addnext(typed)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_positions_and_demands_are_read_back_by_block_id(chapter):
    (first, second), (keep, dropped) = ids(chapter)
    plan = roundtrip.read_file(chapter, "kapittel.docx", edited(chapter))
    assert {c.block_id: (c.kind, c.status) for c in plan.changes} == {
        first: ("position", "edited"),
        second: ("position", "unchanged"),
        keep: ("demand", "unchanged"),
        dropped: ("demand", "deleted"),
    }
    assert [(p.text, p.suggested, p.after) for p in plan.new_paragraphs] == [
        ("LPP mener at kommunene skal ha en pårørendekontakt.", "position", second)
    ]


def test_the_new_draft_has_the_edit_the_deletion_and_the_new_position(chapter, editor):
    (first, second), (keep, dropped) = ids(chapter)
    plan = roundtrip.read_file(chapter, "kapittel.docx", edited(chapter))
    _previous, revision = roundtrip.save(
        plan, {plan.new_paragraphs[0].key: "position"}, editor, "kapittel.docx"
    )
    draft = revision.as_object()
    positions = [(str(b.id), b.value["text"]) for b in draft.positions]
    assert positions[:2] == [
        (first, "tvang skal bare brukes som aller siste utvei."),
        (second, "pårørende skal varsles ved tvang."),
    ]
    assert positions[2][1] == "kommunene skal ha en pårørendekontakt."  # lead-in dropped
    assert [str(b.id) for b in draft.demands] == [keep]
    live = PlatformChapterPage.objects.get(pk=chapter.pk)
    assert len(live.demands) == 2  # nothing published


def test_publishing_the_draft_retires_the_deleted_demand(chapter, editor):
    _positions, (keep, dropped) = ids(chapter)
    plan = roundtrip.read_file(chapter, "kapittel.docx", edited(chapter))
    _previous, revision = roundtrip.save(plan, {}, editor, "kapittel.docx")
    revision.publish(user=editor)
    records = {p.block_id: p for p in Proposal.objects.filter(source_page=chapter)}
    assert records[keep].retired_at is None
    assert records[dropped].retired_at is not None


def test_the_whole_platform_document_is_not_read_back(client, chapter, editor):
    # Its blocks belong to the chapters: each chapter is exported and read back on its own.
    edition = chapter.get_parent().specific
    assert not roundtrip.supports_round_trip(edition)
    client.force_login(editor)
    url = reverse("consultations_admin:word_round_trip", args=[edition.pk])
    assert client.get(url).status_code == 404
