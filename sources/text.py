"""Reading the sources' HTML and XML: blocks of text with their headings and anchors,
Norwegian dates, and element lookups without XML namespaces."""

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree

MONTHS = {
    name: number
    for number, name in enumerate(
        "januar februar mars april mai juni juli august september oktober november desember".split(),
        start=1,
    )
}
NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
WORD_DATE = re.compile(r"(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})", re.IGNORECASE)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(text):
    """A date written as 04.05.2026, 4. mai 2026 or 2026-05-04(T…); None if none."""
    text = text or ""
    for pattern, order in ((ISO_DATE, "ymd"), (NUMERIC_DATE, "dmy"), (WORD_DATE, "dMy")):
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if order == "ymd":
                return datetime.date(int(a), int(b), int(c))
            if order == "dmy":
                return datetime.date(int(c), int(b), int(a))
            month = MONTHS.get(b.lower())
            if month:
                return datetime.date(int(c), month, int(a))
        except ValueError:
            return None
    return None


@dataclass
class Block:
    tag: str
    text: str
    anchor: str = ""
    links: list = field(default_factory=list)

    @property
    def is_heading(self):
        return self.tag in ("h1", "h2", "h3", "h4")


class _BlockParser(HTMLParser):
    BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "td", "th", "blockquote"}
    SKIP = {"script", "style", "nav", "footer", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self._stack = []
        self._skip = 0
        self._link = None
        self._pending_anchor = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self._skip += 1
            return
        if attrs.get("id"):
            self._pending_anchor = attrs["id"]
        if tag in self.BLOCKS:
            self._stack.append(Block(tag, "", self._pending_anchor))
            self._pending_anchor = ""
        elif tag == "a" and attrs.get("href"):
            self._link = [attrs["href"], ""]

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "a" and self._link is not None:
            if self._stack:
                self._stack[-1].links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        if tag in self.BLOCKS and self._stack and self._stack[-1].tag == tag:
            block = self._stack.pop()
            block.text = " ".join(block.text.split())
            if block.text:
                self.blocks.append(block)

    def handle_data(self, data):
        if self._skip:
            return
        if self._stack:
            self._stack[-1].text += data
        if self._link is not None:
            self._link[1] += data


def html_blocks(html):
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return parser.blocks


def labelled_value(blocks, *labels):
    """The text after «Label:» in the first block that starts with one of ``labels``."""
    for block in blocks:
        for label in labels:
            if block.text.lower().startswith(label.lower()):
                return block.text[len(label) :].lstrip(" :").strip()
    return ""


def parse_xml(body, what):
    from .http import FormatChanged

    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise FormatChanged(f"{what} er ikke gyldig XML ({error}).") from error
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root


def child_text(element, path, default=""):
    found = element.find(path)
    if found is None or found.text is None:
        return default
    return found.text.strip()
