"""The text of a PDF letter, for past høringssvar that exist only as PDF (pypdf, pure
Python; Debian's pdftotext is not assumed). A PDF keeps no headings, lists or links, only
lines of text: paragraphs are rebuilt from blank lines, a short line without a full stop
between paragraphs is taken as a heading, and typed markers «1.», «a)», «–» as list items.
The result is the same :class:`~.docx_reader.Document` the Word reader makes."""

import io
import re

from .docx_reader import TYPED_MARKER, Document, Heading, ListBlock, ListItem, Paragraph


class PdfError(Exception):
    """Not a readable PDF; ``code`` says why (encrypted, corrupt, no_text)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


MAX_PAGES = 200


def read_pdf(content):
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise PdfError("encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise PdfError("too_many_pages")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise PdfError("corrupt") from error
    text = "\n\n".join(pages)
    if not re.search(r"\w{3}", text):
        raise PdfError("no_text")
    return Document(blocks=_blocks(text), footnotes=[], header_lines=[], notices=[NOTICE])


NOTICE = (
    "Dokumentet er en PDF: bare teksten er lest. Overskrifter, lister og tabeller er gjettet, "
    "så kontroller høringssvaret etter importen."
)


WRAP = 60  # a line this long that ends without punctuation ran to the margin
LABEL = re.compile(r"^[^\W\d][\w .]{1,24}:\s")  # «Høringsfrist: …», «Dato: …» start a line


def _join(lines):
    out = ""
    for line in lines:
        if out.endswith("-") and out[-2:-1].isalpha():
            out = out[:-1] + line  # a word hyphenated at the end of the line
        else:
            out = f"{out} {line}" if out else line
    return out


def _units(text):
    """Lines joined into paragraphs: a line continues the one before when that one ran to
    the margin (long, no closing punctuation) and this one does not start a list item."""
    units, current = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                units.append(_join(current))
            current = []
            continue
        previous = current[-1] if current else ""
        if (
            previous
            and len(previous) >= WRAP
            and not previous.endswith((".", ":", "!", "?"))
            and not TYPED_MARKER.match(line)
            and not LABEL.match(line)
        ):
            current.append(line)
        else:
            if current:
                units.append(_join(current))
            current = [line]
    if current:
        units.append(_join(current))
    return units


def _blocks(text):
    blocks = []
    for piece in _units(text):
        match = TYPED_MARKER.match(piece)
        if match:
            _add_item(blocks, match, piece)
        elif len(piece) <= 80 and not piece.endswith((".", ",", ":", ";")):
            blocks.append(Heading(level=2, text=piece))
        else:
            blocks.append(Paragraph(html=_escape(piece), text=piece))
    return blocks


def _escape(text):
    import html

    return html.escape(text, quote=False)


def _add_item(blocks, match, piece):
    last = blocks[-1] if blocks else None
    in_list = isinstance(last, ListBlock)
    ordered = not match.group("bullet")
    level = 1 if (match.group("letter") or match.group("roman")) and in_list else 0
    if not in_list:
        last = ListBlock(ordered=ordered)
        blocks.append(last)
    rest = piece[len(match.group(0)) :].strip()
    label = "•" if match.group("bullet") else match.group(0).strip()
    last.items.append(ListItem(level=level, html=_escape(rest), text=rest, label=label))
