"""Walk the admin as a user sees it and collect any English on the way.

The walk starts at the dashboard, follows the sidebar menu (Wagtail renders it from JSON
props) and every admin link on each screen it reaches, breadth first. URLs that differ
only by an object's id are one screen: the first few of each are visited. A screen is
read for its visible text, for the text of tooltips, aria-labels, titles and
placeholders, and for the labels of the sidebar menu.

English is recognised by vocabulary: a word of Wagtail's and Django's English catalogues
that appears in none of the bokmål texts (the nb catalogues of Django and Wagtail, the
project's own overrides and LPP's seed texts). That catches «0 Images» and «Step 1»
without listing each phrase."""

import html
import json
import re
from collections import deque
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

ADMIN = "/admin/"
WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä']+")
# A screen pattern: ids and slugs of numbers are one screen.
ID = re.compile(r"/\d+(?=/)")

# Links that change something when followed, leave the admin, or are not screens.
SKIP = re.compile(
    r"/logout/|/jsi18n/|/api/|/chooser/|/preview/|/preview_revision|/autocomplete/"
    r"|/sprite-|/icons/|/workflow/preview/|/multiple/add/|/usage/?$"
    r"|/word-eksport/|/serve/|/eksport|/kalender\.ics|/images/\d+/generate_url"
    r"|/documents/\d+/edit/.*download|/horinger/\d+/fil/"
)

# Words shared by the two languages or names that are not English text.
NOT_ENGLISH = {
    "admin",
    "administrator",
    "status",
    "type",
    "wagtail",
    "lpp",
    "hod",
    "hdir",
    "kari",
    "ola",
    "nordmann",
    "csv",
    "xlsx",
    "docx",
    "pdf",
    "ical",
    "url",
    "id",
    "html",
    "rss",
    "atom",
    "api",
    "json",
    "e",
    "post",
    "ok",
    "ad",
    "iso",
    "word",
    "excel",
    "per",
    "norsk",
    "bokmål",
    "slug",
    "port",
    "alias",
    # Month names the two languages share («1. november 2026»).
    "april",
    "august",
    "september",
    "november",
}


def _entries(path):
    """(msgid, msgid_plural, [msgstr, …]) of each entry of a .po file, without the header."""
    entries, fields, current = [], {}, None
    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines() + [""]
    for line in lines:
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
        if match:
            current = match.group(1)
            fields[current] = fields.get(current, "") + match.group(2)
        elif line.startswith('"') and current:
            fields[current] += line[1:-1]
        elif not line.strip():
            if fields.get("msgid"):
                strs = [v for k, v in fields.items() if k.startswith("msgstr")]
                entries.append((fields["msgid"], fields.get("msgid_plural", ""), strs))
            fields, current = {}, None
    return entries


def _words(text):
    # Placeholders and markup are not words of either language.
    text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|<[^>]+>|\\n", " ", text)
    return {w.lower() for w in WORD.findall(text) if len(w) > 2}


@cache
def _po_words(paths, field):
    """The words of every msgid (field="msgid") or of every msgstr that is a translation
    (field="msgstr": a msgstr that repeats its msgid is English left untranslated)."""
    words = set()
    for path in paths:
        for singular, plural, msgstrs in _entries(path):
            msgid = f"{singular} {plural}"
            if field == "msgid":
                words |= _words(msgid)
                continue
            for msgstr in msgstrs:
                if msgstr and _words(msgstr) != _words(msgid):
                    words |= (
                        _words(msgstr) - _words(msgid)
                        if _shares_most(msgid, msgstr)
                        else _words(msgstr)
                    )
    return frozenset(words)


def _shares_most(msgid, msgstr):
    """A msgstr that keeps most of its msgid's words is a partial translation: only its
    new words count as bokmål."""
    source, target = _words(msgid), _words(msgstr)
    return bool(target) and len(source & target) * 2 >= len(target)


def _catalogues(language):
    import django
    import wagtail

    found = []
    for package in (wagtail, django):
        root = Path(package.__file__).parent
        found += sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/django*.po"))
    return tuple(str(p) for p in found)


@cache
def bokmal_words():
    nb = _catalogues("nb")
    project = sorted((Path(settings.BASE_DIR) / "locale" / "nb").glob("**/*.po"))
    words = set(_po_words(nb + tuple(str(p) for p in project), "msgstr"))
    seeds = Path(settings.BASE_DIR).parent / "shared" / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        words.update(w.lower() for w in WORD.findall(path.read_text(encoding="utf-8")))
    return frozenset(words)


@cache
def english_words():
    return frozenset(_po_words(_catalogues("en"), "msgid") - bokmal_words() - NOT_ENGLISH)


class _Reader(HTMLParser):
    """Visible text, attribute texts and links of an admin screen."""

    TEXT_ATTRIBUTES = ("aria-label", "title", "placeholder", "data-w-tooltip-content-value")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.links, self.sidebar = [], [], None
        self._skip, self._script_id = 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
            self._script_id = attrs.get("id")
        for name in self.TEXT_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._skip:
            if self._script_id == "wagtail-sidebar-props":
                self.sidebar = (self.sidebar or "") + data
            return
        if data.strip():
            self.texts.append(data)


def _sidebar(props):
    """Menu labels and URLs from Wagtail's sidebar props."""
    labels, urls = [], []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("label", "name") and isinstance(value, str) and key == "label":
                    labels.append(value)
                elif key == "url" and isinstance(value, str):
                    urls.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(props))
    return labels, urls


def english_in(text, content=()):
    """The English words in a piece of text. URLs, e-mail addresses, file names, code
    (anything with a dot or an underscore inside a word), site paths (``/politikk/…``),
    codes (with a digit, or four capitals or more: random UUIDs and keys may spell a
    word) and ``content`` – texts that come from the database, such as the title of
    Wagtail's root page – are left out."""
    for known in content:
        text = text.replace(known, " ")
    text = re.sub(r"\S+@\S+|https?://\S+|(?<!\S)/\S+|\S*\w[._]\w\S*", " ", text)
    # Codes: anything with a digit in it, and runs of capitals (the 2FA key «4DEC VLKF»).
    text = re.sub(r"\S*\d\S*|\b[A-ZÆØÅ]{4,}\b", " ", text)
    return [w for w in WORD.findall(text) if w.lower().strip("'") in english_words()]


def screen_pattern(url):
    """One pattern per screen: ids become «#», and a query string counts by its keys only
    (``?p=2`` and ``?p=3`` are one screen; a filtered, sorted or reordering list is
    another)."""
    parts = urlsplit(url)
    keys = {pair.split("=")[0] for pair in parts.query.split("&") if pair}
    if len(keys) > 1:
        keys.discard("p")  # a later page of a sorted or filtered list: the same screen
    keys = sorted(keys)
    return ID.sub("/#", parts.path) + ("?" + "&".join(keys) if keys else "")


# Forms whose blank submission shows the validation errors without saving anything (the
# page editor's StreamFields exist only once its JavaScript has run: the browser journeys
# cover them).
ADD_FORM = re.compile(r"^/admin/(?!pages/).*/(add|new|create)/(?:[\w-]+/)*$")


class _Form(HTMLParser):
    """The fields of the largest POST form of a screen, as a browser would submit it
    untouched (defaults kept, unchecked boxes and files left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {}
            self.forms.append(self._form)
        if self._form is None or not attrs.get("name") and tag != "option":
            return
        kind = (attrs.get("type") or "text").lower()
        if tag == "input" and kind not in ("submit", "button", "file", "image", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self._form.setdefault(attrs["name"], []).append(attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._form.setdefault(self._textarea, []).append("")
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self._form.setdefault(self._select, []).append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form[self._textarea][-1] += data

    def fields(self):
        return max(self.forms, key=len, default={})


def _read(response, url, content, found):
    """Record the English on a screen; return the links on it."""
    reader = _Reader()
    reader.feed(response.content.decode())
    texts, links = list(reader.texts), list(reader.links)
    if reader.sidebar:
        labels, urls = _sidebar(reader.sidebar)
        texts += labels
        links += urls
    for text in texts:
        text = " ".join(html.unescape(text).split())
        if english_in(text, content):
            found.setdefault(text, url)
    return links


def _next(link, queued, seen_patterns, per_pattern):
    """The admin address a link leads to, if it is a screen not yet queued."""
    parts = urlsplit(html.unescape(link))
    if parts.netloc or not parts.path.startswith(ADMIN) or SKIP.search(parts.path):
        return None
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    pattern = screen_pattern(target)
    # Pages and filters of a listing show the same words as its first page: one of each.
    limit = 1 if parts.query else per_pattern
    if target in queued or seen_patterns.get(pattern, 0) >= limit:
        return None
    seen_patterns[pattern] = seen_patterns.get(pattern, 0) + 1
    return target


def walk_admin(client, *, content=(), per_pattern=2, limit=500):
    """{text: url} of English texts on every admin screen reachable from the menu, and the
    list of screens visited. ``client`` is logged in as the user whose admin is walked;
    ``content`` as for :func:`english_in`. Lists are also read filtered, sorted and
    paginated (one of each kind), and every «add» form is submitted empty once, so its
    validation messages are read too (nothing is saved: the forms refuse)."""
    found, visited, seen_patterns, forms = {}, [], {}, []
    queue = deque([ADMIN])
    queued = {ADMIN}
    while queue and len(visited) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302):
            location = response["Location"]
            if location.startswith(ADMIN) and location not in queued and not SKIP.search(location):
                queued.add(location)
                queue.append(location)
            continue
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or "text/html" not in content_type:
            continue
        visited.append(url)
        if ADD_FORM.search(urlsplit(url).path) and b"<form" in response.content:
            forms.append(url)
        for link in _read(response, url, content, found):
            target = _next(link, queued, seen_patterns, per_pattern)
            if target:
                queued.add(target)
                queue.append(target)
    for url in forms:
        reader = _Form()
        reader.feed(client.get(url).content.decode())
        response = client.post(url, reader.fields())
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            visited.append(f"POST {url}")
            _read(response, f"POST {url}", content, found)
    return found, visited
