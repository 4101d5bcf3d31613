"""The Word reader and the letter reading, on the sample letters in samples/word/ (made by
make_samples.py with python-docx, pandoc and LibreOffice) against their hand-written
expected results."""

import datetime
import json
from pathlib import Path

import pytest

from consultations.word_import.docx_reader import (
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    read_docx,
)
from consultations.word_import.letter import read_letter, stream_data, suggest_themes

SAMPLES = Path(__file__).parent / "samples" / "word"
NAMES = sorted(path.stem for path in SAMPLES.glob("*.docx"))
AUTHORITIES = [
    "Helse- og omsorgsdepartementet",
    "Helsedirektoratet",
    "Arbeids- og inkluderingsdepartementet",
    "Oslo kommune",
]


def load(name):
    document = read_docx((SAMPLES / f"{name}.docx").read_bytes())
    expected = json.loads((SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return document, read_letter(document, AUTHORITIES), expected


def test_the_sample_set_has_every_kind_of_writer():
    assert NAMES == ["01-stiler", "02-direkte-formatering", "03-pandoc", "04-libreoffice"]


@pytest.mark.parametrize("name", NAMES)
def test_letter_head_is_read(name):
    _document, letter, expected = load(name)
    head = letter.head
    assert head.title == expected["title"]
    assert head.authority_name == expected["authority"]
    assert head.case_number == expected["case_number"]
    assert head.our_reference == expected["our_reference"]
    deadline = expected["deadline"]
    assert head.deadline == (datetime.date.fromisoformat(deadline) if deadline else None)
    assert head.sent_on == datetime.date.fromisoformat(expected["sent_on"])


@pytest.mark.parametrize("name", NAMES)
def test_headings_are_found_whether_styled_or_bold(name):
    _document, letter, expected = load(name)
    assert [b.text for b in letter.body if isinstance(b, Heading)] == expected["headings"]


@pytest.mark.parametrize("name", NAMES)
def test_list_items_keep_level_and_number(name):
    _document, letter, expected = load(name)
    items = [
        [item.level, item.label, item.text]
        for block in letter.body
        if isinstance(block, ListBlock)
        for item in block.items
    ]
    assert items == expected["list_items"]


@pytest.mark.parametrize("name", NAMES)
def test_tables_links_and_footnotes_are_kept(name):
    document, letter, expected = load(name)
    assert sum(isinstance(b, Table) for b in letter.body) == expected["tables"]
    html = " ".join(b.html for b in letter.body if isinstance(b, Paragraph))
    for url in expected["links"]:
        assert f'href="{url}"' in html
    assert letter.footnotes == expected["footnotes"]


@pytest.mark.parametrize("name", NAMES)
def test_tracked_changes_are_accepted_and_comments_dropped(name):
    document, _letter, expected = load(name)
    for text in expected["kept"]:
        assert text in document.text
    for text in expected["dropped"]:
        assert text not in document.text


@pytest.mark.parametrize("name", NAMES)
def test_proposal_candidates_match_the_expected(name):
    _document, letter, expected = load(name)
    assert [c.text for c in letter.candidates] == expected["proposals"]


def test_notices_name_tracked_changes_comments_and_footnotes():
    document, _letter, _expected = load("01-stiler")
    assert any("sporede endringer" in n for n in document.notices)
    assert any("1 kommentar" in n for n in document.notices)
    document, _letter, _expected = load("03-pandoc")
    assert any("Noter" in n for n in document.notices)


def test_bold_and_italic_survive_as_rich_text():
    _document, letter, _expected = load("01-stiler")
    html = " ".join(b.html for b in letter.body if isinstance(b, Paragraph))
    assert "<b>viktig</b>" in html and "<i>taushetsplikten</i>" in html


def test_quote_style_becomes_a_quote():
    _document, letter, _expected = load("03-pandoc")
    quotes = [b.text for b in letter.body if isinstance(b, Quote)]
    assert quotes == ["Pårørende er samfunnets usynlige helsepersonell."]


def test_text_box_is_read_where_it_stands():
    _document, letter, _expected = load("02-direkte-formatering")
    texts = [b.text for b in letter.body if isinstance(b, Paragraph)]
    assert texts.index("Se faktaboksen:") + 1 == texts.index(
        "Faktaboks: 4 av 10 pårørende ble ikke informert om tvangsvedtaket."
    )


def test_closing_and_signatory_leave_the_body():
    _document, letter, _expected = load("01-stiler")
    assert letter.head.signatory == "Kari Nordmann, styreleder"
    assert not any("Med vennlig hilsen" in getattr(b, "text", "") for b in letter.body)


def test_confirmed_candidates_become_proposal_blocks_in_place():
    _document, letter, _expected = load("01-stiler")
    keys = {c.text: c.key for c in letter.candidates}
    confirmed = {keys["Helseforetakene skal ha en pårørendekontakt."]: "Ha pårørendekontakt."}
    data = stream_data(letter, confirmed=confirmed)
    kinds = [block["type"] for block in data]
    proposals = [block["value"]["text"] for block in data if block["type"] == "proposal"]
    assert proposals == ["Ha pårørendekontakt."]
    at = kinds.index("proposal")
    # Item 1 stays a list before the proposal; the nested items and item 3 after it.
    assert data[at - 1]["value"].startswith("<ol><li>Pårørende får rett")
    assert "<ol><li>Kontakten skal være kjent" in data[at + 1]["value"]


def test_footnotes_become_endnotes_in_the_body():
    _document, letter, _expected = load("03-pandoc")
    data = stream_data(letter)
    assert data[-2] == {**data[-2], "type": "heading", "value": {"text": "Noter", "level": "h3"}}
    assert data[-1]["value"] == "<ol><li>Pårørendeundersøkelsen 2022, LPP.</li></ol>"


def test_nested_list_becomes_nested_rich_text():
    _document, letter, _expected = load("04-libreoffice")
    data = stream_data(letter)
    lists = [b["value"] for b in data if b["type"] == "paragraph" and "<ul>" in b["value"]]
    assert lists == [
        "<ul><li>Kommunen bør opprette et pårørendesenter.</li><li>Pårørende må få tilbud "
        "om avlastning:<ul><li>i helgene,</li><li>i ferier.</li></ul></li></ul>"
    ]


class _Theme:
    def __init__(self, name, description=""):
        self.name, self.description = name, description


def test_themes_are_suggested_from_their_words():
    _document, letter, _expected = load("02-direkte-formatering")
    themes = [_Theme("Tvang"), _Theme("Barn som pårørende"), _Theme("Bolig og meningsfull hverdag")]
    assert [t.name for t in suggest_themes(letter.text, themes)] == ["Tvang"]
