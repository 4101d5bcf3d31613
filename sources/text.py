"""Reading the sources' HTML and XML: blocks of text with their headings and anchors,
Norwegian dates, and element lookups without XML namespaces."""

import datetime
import html
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
# Microsoft JSON dates in data.stortinget.no's JSON export: /Date(1795820400000+0100)/
JSON_DATE = re.compile(r"/Date\((-?\d+)([+-]\d{4})?\)/")
# data.stortinget.no writes a missing date as 0001-01-01T00:00:00: no real deadline.
EARLIEST_YEAR = 1900


def _json_date(match):
    millis, offset = match.groups()
    moment = datetime.datetime.fromtimestamp(int(millis) / 1000, tz=datetime.UTC)
    if offset:
        sign = 1 if offset[0] == "+" else -1
        moment += sign * datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[3:]))
    return moment.date()


def parse_date(text):
    """A date written as 04.05.2026, 4. mai 2026, 2026-05-04(T…) or /Date(ms+0100)/;
    None if none (also for data.stortinget.no's «no date», year 1)."""
    found = _parse_date(text)
    return found if found is not None and found.year >= EARLIEST_YEAR else None


def _parse_date(text):
    text = " ".join((text or "").split())
    json_date = JSON_DATE.search(text)
    if json_date:
        try:
            return _json_date(json_date)
        except (OverflowError, OSError, ValueError):
            return None
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


BREAK = "\x1e"  # a <br> inside a block, until the block's text is tidied


@dataclass
class Block:
    tag: str
    text: str
    anchor: str = ""
    links: list = field(default_factory=list)
    # The block's lines where the page broke them with <br> (lists set as one paragraph).
    lines: list = field(default_factory=list)

    @property
    def is_heading(self):
        return self.tag in ("h1", "h2", "h3", "h4")


class _BlockParser(HTMLParser):
    BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "td", "th", "blockquote", "div"}
    # Blocks HTML lets a page leave open: the next one of the kind (or a heading) ends them.
    IMPLIED_END = {
        "p": {"p", "h1", "h2", "h3", "h4", "li", "div", "blockquote", "dt", "dd"},
        "li": {"li"},
        "dt": {"dt", "dd"},
        "dd": {"dt", "dd"},
        "td": {"td", "th"},
        "th": {"td", "th"},
    }
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
            if self._stack and tag in self.IMPLIED_END.get(self._stack[-1].tag, ()):
                self._close_top()
            if tag == "div":
                # A wrapper's id belongs to the heading inside it, not to the wrapper.
                self._stack.append(Block(tag, ""))
            else:
                self._stack.append(Block(tag, "", self._pending_anchor))
                self._pending_anchor = ""
        elif tag == "a" and attrs.get("href"):
            self._link = [attrs["href"], "", len(self._stack)]
        elif tag == "br" and self._stack:
            self._stack[-1].text += BREAK

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "a" and self._link is not None:
            if self._stack:
                self._stack[-1].links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        if tag in self.BLOCKS and any(block.tag == tag for block in self._stack):
            # Close what the page left open inside it (<li>A<li>B</ul></div>) too.
            while self._stack:
                if self._close_top().tag == tag:
                    break
        elif tag in ("ul", "ol", "dl", "table", "tr") and self._stack:
            if self._stack[-1].tag in ("li", "dt", "dd", "td", "th"):
                self._close_top()

    def _close_top(self):
        block = self._stack.pop()
        if self._link is not None and self._link[2] <= len(self._stack):
            # A link wrapped round the block (<a href><h2>…</h2></a>, a card): the
            # block is the link's text.
            block.links.append((self._link[0], " ".join(block.text.split())))
        block.lines = [" ".join(line.split()) for line in block.text.split(BREAK)]
        block.lines = [line for line in block.lines if line]
        block.text = " ".join(block.text.replace(BREAK, " ").split())
        if block.text:
            self.blocks.append(block)
        return block

    def close(self):
        super().close()
        while self._stack:
            self._close_top()

    def handle_data(self, data):
        if self._skip:
            return
        if self._stack:
            self._stack[-1].text += data
        if self._link is not None:
            self._link[1] += data


def html_blocks(markup):
    parser = _BlockParser()
    parser.feed(markup)
    parser.close()
    return parser.blocks


def plain_text(markup):
    """Text from a feed field that may hold HTML, in CDATA or escaped (``&lt;p&gt;``),
    and entities escaped twice (``&amp;oslash;``)."""
    text = html.unescape(markup or "")
    if "<" in text and ">" in text:
        blocks = html_blocks(f"<p>{text}</p>")
        text = " ".join(b.text for b in blocks) if blocks else re.sub(r"<[^>]*>", " ", text)
    return " ".join(html.unescape(text).split())


def labelled_value(blocks, *labels):
    """The text after «Label:» in the first block that starts with one of ``labels``; when
    the label stands alone (``<dt>Høringsfrist</dt><dd>…</dd>``), the next block's text."""
    for index, block in enumerate(blocks):
        for label in labels:
            if block.text.lower().startswith(label.lower()):
                value = block.text[len(label) :].lstrip(" :.").strip()
                if not value and index + 1 < len(blocks) and not blocks[index + 1].is_heading:
                    value = blocks[index + 1].text
                return value
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
