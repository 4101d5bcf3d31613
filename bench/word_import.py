"""Word import: which engine reads LPP's letters best? Our python-docx/lxml reader
(consultations.word_import.docx_reader) against mammoth and pandoc's docx reader.

    .venv/bin/python bench/word_import.py [--runs N]

Reads every sample in consultations/tests/samples/word/ (regenerate them with
make_samples.py there) with each engine and scores the result against the sample's
hand-written expected/<name>.json:

* headings      expected headings found as headings (exact text)
* lists         expected list items found at the right level (and, for our reader, with
                the right number/letter; the HTML engines keep no numbers, so a numbered
                list there counts the level only)
* tables, links, footnotes   found vs expected
* words         words of the expected texts kept, and none of the deleted/comment texts
* proposals     expected proposal candidates found, by the same candidate finder run on
                each engine's structure (mammoth and pandoc HTML are read into the same
                generic blocks first)

and the median time per file. Pick by fidelity first, time second.
"""

import argparse
import io
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lpp.settings.test")

import django  # noqa: E402

django.setup()

from consultations.word_import.docx_reader import (  # noqa: E402
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Table,
    read_docx,
)
from consultations.word_import.letter import read_letter  # noqa: E402

SAMPLES = ROOT / "consultations" / "tests" / "samples" / "word"
AUTHORITIES = [
    "Helse- og omsorgsdepartementet",
    "Helsedirektoratet",
    "Arbeids- og inkluderingsdepartementet",
    "Oslo kommune",
]


# -- engines: bytes -> (Document, full text, hrefs) ------------------------------------


def ours(content):
    document = read_docx(content)
    hrefs = re.findall(r'href="([^"]+)"', " ".join(_htmls(document.blocks)))
    return document, document.text, hrefs


def mammoth_engine(content):
    import mammoth

    html = mammoth.convert_to_html(io.BytesIO(content)).value
    return _from_html(html)


def pandoc_engine(content):
    import pypandoc

    html = pypandoc.convert_text(content, "html", format="docx")
    return _from_html(html)


def _htmls(blocks):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.html
        elif isinstance(block, ListBlock):
            yield from (item.html for item in block.items)


def _text(node):
    return re.sub(r"\s+", " ", node.text_content()).strip()


def _pop_footnotes(root):
    """Footnotes: pandoc's section.footnotes, mammoth's trailing <ol> of li[id^=footnote]
    (taken out of the tree)."""
    footnotes = []
    for note in root.xpath(
        "//section[contains(@class,'footnotes')]//li | //li[starts-with(@id,'footnote')]"
    ):
        footnotes.append(re.sub(r"\s*[↩↑]\s*$", "", _text(note)).strip())
        note.getparent().remove(note)
    for section in root.xpath("//section[contains(@class,'footnotes')]"):
        section.getparent().remove(section)
    return footnotes


def _walk_list(node, level, ordered, block):
    for li in node.xpath("./li"):
        nested = li.xpath("./ol|./ul")
        for sub in nested:
            li.remove(sub)
        inner = lxml.html.tostring(li, encoding="unicode")
        inner = re.sub(r"^<li[^>]*>|</li>$", "", inner.strip())
        inner = re.sub(r"</?p>", "", inner)
        block.items.append(ListItem(level=level, html=inner, text=_text(li), label=""))
        for sub in nested:
            _walk_list(sub, level + 1, sub.tag == "ol", block)


def _html_paragraph(node):
    """A <p> as a Paragraph (with its bold lead), a Heading (bold throughout and short, as
    Word's direct formatting writes one) or None when empty."""
    text = _text(node)
    if not text:
        return None
    inner = lxml.html.tostring(node, encoding="unicode")
    inner = re.sub(r"^<p[^>]*>|</p>\s*$", "", inner.strip())
    lead = ""
    first = node.xpath("./strong[1]")
    if first and (node.text or "").strip() == "":
        bold = _text(first[0])
        if bold != text and bold.endswith((".", ":", "!")) and len(bold) >= 15:
            lead = bold
        elif bold == text and len(text) <= 120 and not text.endswith((".", ":", ",")):
            return Heading(level=2, text=text)
    return Paragraph(html=inner, text=text, bold_lead=lead)


def _html_block(node):
    tag = node.tag
    if re.fullmatch(r"h[1-6]", tag):
        return Heading(level=int(tag[1]), text=_text(node))
    if tag == "p":
        return _html_paragraph(node)
    if tag in {"ol", "ul"}:
        block = ListBlock(ordered=tag == "ol")
        _walk_list(node, 0, tag == "ol", block)
        return block
    if tag == "table":
        rows = [[_text(c) for c in tr.xpath("./th|./td")] for tr in node.xpath(".//tr")]
        return Table(rows=[r for r in rows if any(r)])
    if tag == "blockquote":
        return Quote(text=_text(node))
    if _text(node):
        return Paragraph(html=_text(node), text=_text(node))
    return None


def _from_html(html):
    """Read an engine's HTML into the reader's generic blocks, so the same letter reading
    and candidate finder run on it."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    footnotes = _pop_footnotes(root)
    blocks = [block for block in map(_html_block, root) if block is not None]
    hrefs = [a.get("href") for a in root.xpath("//a[@href]")]
    document = Document(blocks=blocks, footnotes=footnotes, header_lines=[], notices=[])
    return document, _text(root) + " " + " ".join(footnotes), hrefs


ENGINES = {"vår leser": ours, "mammoth": mammoth_engine, "pandoc": pandoc_engine}


# -- scoring ---------------------------------------------------------------------------


def _words(text):
    return re.findall(r"\w+", text.lower())


def score(engine, content, expected):
    document, text, hrefs = engine(content)
    letter = read_letter(document, AUTHORITIES)
    body = letter.body
    headings = [b.text for b in body if isinstance(b, Heading)]
    items = [
        (item.level, item.label, item.text)
        for b in body
        if isinstance(b, ListBlock)
        for item in b.items
    ]
    found_items = 0
    for level, label, item_text in expected["list_items"]:
        for got_level, got_label, got_text in items:
            if got_level == level and got_text == item_text:
                if engine is ours and got_label != label:
                    continue
                found_items += 1
                break
    expected_words = _words(
        " ".join(
            expected["headings"]
            + [i[2] for i in expected["list_items"]]
            + expected["kept"]
            + expected["footnotes"]
            + expected["proposals"]
        )
    )
    have = set(_words(text))
    kept = sum(word in have for word in expected_words)
    leaked = sum(phrase in text for phrase in expected["dropped"])
    proposals = [c.text for c in letter.candidates]
    return {
        "headings": (sum(h in headings for h in expected["headings"]), len(expected["headings"])),
        "lists": (found_items, len(expected["list_items"])),
        "tables": (
            min(sum(isinstance(b, Table) for b in body), expected["tables"]),
            expected["tables"],
        ),
        "links": (sum(url in hrefs for url in expected["links"]), len(expected["links"])),
        "footnotes": (
            sum(any(note in f for f in document.footnotes) for note in expected["footnotes"]),
            len(expected["footnotes"]),
        ),
        "words": (kept - leaked * 5, len(expected_words)),
        "proposals": (
            sum(p in proposals for p in expected["proposals"]),
            len(expected["proposals"]),
        ),
    }


def timed(engine, content, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        engine(content)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    samples = sorted(SAMPLES.glob("*.docx"))
    totals = {name: {} for name in ENGINES}
    per_file = {name: [] for name in ENGINES}
    print(f"{'fil':28} {'motor':10} " + " ".join(f"{k:>9}" for k in SCORES) + f" {'ms':>7}")
    for path in samples:
        content = path.read_bytes()
        expected = json.loads((SAMPLES / "expected" / f"{path.stem}.json").read_text("utf-8"))
        for name, engine in ENGINES.items():
            try:
                result = score(engine, content, expected)
            except Exception as error:  # an engine that fails on a file scores nothing
                print(f"{path.stem:28} {name:10} feilet: {error}")
                continue
            ms = timed(engine, content, args.runs) * 1000
            per_file[name].append(ms)
            for key, (got, want) in result.items():
                total = totals[name].setdefault(key, [0, 0])
                total[0] += got
                total[1] += want
            cells = " ".join(f"{got:>4}/{want:<4}" for got, want in result.values())
            print(f"{path.stem:28} {name:10} {cells} {ms:7.1f}")
    print()
    print(f"{'SUM':28} {'motor':10} " + " ".join(f"{k:>9}" for k in SCORES) + f" {'ms/fil':>7}")
    for name in ENGINES:
        cells = " ".join(f"{got:>4}/{want:<4}" for got, want in totals[name].values())
        share = sum(g for g, _w in totals[name].values()) / max(
            1, sum(w for _g, w in totals[name].values())
        )
        ms = statistics.mean(per_file[name]) if per_file[name] else float("nan")
        print(f"{'':28} {name:10} {cells} {ms:7.1f}   {share:.0%}")


SCORES = ["headings", "lists", "tables", "links", "footnotes", "words", "proposals"]

if __name__ == "__main__":
    main()
