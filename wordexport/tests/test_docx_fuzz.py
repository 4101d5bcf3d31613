"""Property test: whatever rich text and blocks editors (or a paste from Word) produce, the
export opens in python-docx and keeps the text."""

import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from home.blocks import ContentBlock
from tools.word_readback import read_docx
from wordexport.engine import DocxWriter

pytestmark = pytest.mark.django_db

# Text with Norwegian letters, markup characters and XML-illegal control characters.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("abc æøå ÆØÅ <>&\"' \n\t"),
        st.characters(min_codepoint=0, max_codepoint=0x3000, exclude_categories=("Cs",)),
    ),
    max_size=30,
)
HREFS = st.one_of(
    st.just(""),
    st.just("javascript:alert(1)"),
    st.just("/tema/tvang/"),
    st.just("https://lovdata.no/"),
    st.just("mailto:post@lpp.no"),
    st.just("#anker"),
    st.just("http://[::1"),
    TEXT,
)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text):
    return _escape(text).replace('"', "&quot;")


@st.composite
def inline(draw, depth=0):
    kind = draw(
        st.sampled_from(
            ["text", "b", "i", "a", "a-nohref", "br", "page"] if depth < 3 else ["text"]
        )
    )
    if kind == "text":
        return _escape(draw(TEXT))
    if kind == "br":
        return "<br/>"
    if kind == "page":
        return f'<a linktype="page" id="{draw(st.integers(-5, 10**9))}">{_escape(draw(TEXT))}</a>'
    inner = "".join(draw(st.lists(inline(depth + 1), max_size=3)))
    if kind == "a":
        return f'<a href="{_attr(draw(HREFS))}">{inner}</a>'
    if kind == "a-nohref":
        return f"<a>{inner}</a>"
    return f"<{kind}>{inner}</{kind}>"


@st.composite
def block_html(draw, depth=0):
    kind = draw(
        st.sampled_from(
            ["p", "h2", "h3", "h4", "ul", "ol", "hr", "empty", "raw"] if depth < 5 else ["p"]
        )
    )
    if kind == "hr":
        return "<hr/>"
    if kind == "empty":
        return "<p></p>"
    if kind == "raw":  # unbalanced tags, stray closing tags, bare text
        return draw(
            st.sampled_from(
                [
                    "<p>åpen <b>fet",
                    "</li></ul>",
                    "løs tekst",
                    "<li>x",
                    "<ol><ol><li>dypt</li></ol></ol>",
                    "<embed/>",
                ]
            )
        )
    if kind in ("ul", "ol"):
        items = draw(
            st.lists(
                st.tuples(
                    st.lists(inline(), max_size=3), st.one_of(st.none(), block_html(depth + 1))
                ),
                max_size=4,
            )
        )
        body = "".join(
            f"<li>{''.join(parts)}{nested if nested and nested.startswith(('<ul', '<ol')) else ''}</li>"
            for parts, nested in items
        )
        return f"<{kind}>{body}</{kind}>"
    return f"<{kind}>{''.join(draw(st.lists(inline(), max_size=4)))}</{kind}>"


RICH_TEXT = st.lists(block_html(), max_size=6).map("".join)


@st.composite
def content_blocks(draw):
    kind = draw(st.sampled_from(["heading", "paragraph", "quote", "callout", "table"]))
    if kind == "heading":
        value = {"text": draw(TEXT), "level": draw(st.sampled_from(["h2", "h3"]))}
    elif kind == "paragraph":
        value = draw(RICH_TEXT)
    elif kind == "quote":
        value = {"text": draw(TEXT), "source": draw(TEXT)}
    elif kind == "callout":
        value = {"title": draw(TEXT), "text": draw(RICH_TEXT)}
    else:
        rows = draw(st.lists(st.lists(st.one_of(st.none(), TEXT), max_size=4), max_size=5))
        value = {
            "caption": draw(TEXT),
            "table": {
                "data": rows,
                "first_row_is_table_header": draw(st.booleans()),
                "mergedCells": draw(
                    st.lists(
                        st.fixed_dictionaries(
                            {
                                "row": st.integers(-1, 5),
                                "col": st.integers(-1, 5),
                                "rowspan": st.integers(0, 4),
                                "colspan": st.integers(0, 4),
                            }
                        ),
                        max_size=2,
                    )
                ),
            },
        }
    return {"type": kind, "value": value}


def _opens(data):
    document = docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(archive.read(name))  # every part is well-formed XML
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=RICH_TEXT)
def test_any_rich_text_exports_to_a_file_word_can_open(html):
    writer = DocxWriter(title="Fuzz")
    writer.rich_text(html)
    _opens(writer.to_bytes())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.lists(content_blocks(), max_size=6), draft=st.booleans())
def test_any_block_sequence_exports_and_keeps_its_words(raw, draft):
    stream = ContentBlock().to_python(raw)
    writer = DocxWriter(title="Fuzz", draft_label="Revisjon" if draft else None)
    writer.stream(stream)
    data = writer.to_bytes()
    _opens(data)
    report = read_docx(data)
    for block in raw:
        if block["type"] == "heading":
            words = [w for w in block["value"]["text"].split() if w.isalpha()]
            for word in words:
                assert word in report.text
