"""The one HTTP client every source uses: polite and resilient.

* a clear ``User-Agent`` naming LPP and a contact address;
* a timeout on every request, and retries with doubling pauses on timeouts, connection
  errors, 429 and 5xx answers (a 4xx other than 429 is not retried: asking again will
  not help);
* conditional requests: the ETag and Last-Modified of the last answer are stored per
  address (:class:`~sources.models.HttpCacheEntry`) and sent back, so an unchanged
  list costs the source a 304;
* a per-host rate limit: at least ``min_interval`` seconds between two requests to the
  same host, across threads of this process.

``file://`` addresses read the recorded samples (the demo site's sources), mapped the
same way the tests' local server maps request paths (:func:`sample_path`).
"""

import gzip
import http.client
import re
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils import timezone

from . import conf


class SourceError(Exception):
    """A source could not be read; the message is Norwegian and shown to staff."""


class SourceUnavailable(SourceError):
    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status  # the last HTTP status, when the source answered at all


class FormatChanged(SourceError):
    """The source answered, but not in the format its parser knows."""


@dataclass
class Response:
    url: str
    status: int
    body: bytes
    content_type: str = ""

    @property
    def not_modified(self):
        return self.status == 304

    def text(self):
        """The body as text: a byte-order mark first; then UTF-8 when the bytes are valid
        UTF-8 (a page that declares Latin-1 but is UTF-8 is common, the reverse almost
        never validates); then the charset the server names (header, ``<meta charset>``,
        the XML declaration); else Windows-1252, as browsers do."""
        body = self.body
        for mark, codec in (
            (b"\xef\xbb\xbf", "utf-8"),
            (b"\xff\xfe", "utf-16"),
            (b"\xfe\xff", "utf-16"),
        ):
            if body.startswith(mark):
                return body.decode(codec, errors="replace").lstrip("\ufeff")
        charset = _charset(self.content_type) or _charset(body[:2048].decode("ascii", "ignore"))
        for codec in ("utf-8", charset):
            if not codec:
                continue
            try:
                return body.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
        return body.decode("cp1252", errors="replace")


_CHARSET_RE = re.compile(r"""(?:charset|encoding)\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _charset(text):
    match = _CHARSET_RE.search(text or "")
    return match.group(1).lower() if match else ""


def _decoded(body, content_encoding):
    """The body without its transfer compression: servers send gzip even to a client
    that asked for none, and some proxies leave the header off."""
    encoding = (content_encoding or "").strip().lower()
    if encoding in ("gzip", "x-gzip") or body[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(body)
        except (OSError, EOFError, zlib.error) as error:
            raise FormatChanged("Svaret var pakket (gzip), men kunne ikke pakkes ut.") from error
    if encoding == "deflate":
        try:
            return zlib.decompress(body)
        except zlib.error:
            try:
                return zlib.decompress(body, -zlib.MAX_WBITS)
            except zlib.error as error:
                raise FormatChanged(
                    "Svaret var pakket (deflate), men kunne ikke pakkes ut."
                ) from error
    return body


def retry_after(value, limit):
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), capped at
    ``limit``; None when the header is missing or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return min(float(value), limit)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - timezone.now()).total_seconds(), limit))


_host_lock = threading.Lock()
_last_request_at = {}


def _wait_for_host(host, min_interval):
    if not host or min_interval <= 0:
        return
    with _host_lock:
        now = time.monotonic()
        earliest = _last_request_at.get(host, 0.0) + min_interval
        wait = max(0.0, earliest - now)
        _last_request_at[host] = now + wait
    if wait:
        time.sleep(wait)


def sample_path(path, query=""):
    """The file name of a recorded answer: a path ending in «/» is its «index», and a
    query string is appended after «__» with «=»/«&» as «-»: ``eksport/sak?sakid=1`` →
    ``eksport/sak__sakid-1``."""
    path = unquote(path).lstrip("/")
    if not path or path.endswith("/"):
        path += "index"
    if query:
        path += "__" + unquote(query).replace("=", "-").replace("&", "-")
    return path


def _read_file(url):
    parts = urlsplit(url)
    root = Path(unquote(parts.path))
    # file:///…/samples/stortinget/eksport/sak?sakid=1: the samples folder is the base.
    base = conf.SAMPLES_DIR
    try:
        relative = root.relative_to(base)
    except ValueError as error:
        raise SourceUnavailable(f"Adressen {url} er utenfor eksempelmappen.") from error
    name, _, rest = str(relative).partition("/")
    target = (
        base / name / sample_path(rest + ("/" if parts.path.endswith("/") else ""), parts.query)
    )
    if not target.is_file():
        raise SourceUnavailable(f"Fant ikke {url} (404).", status=404)
    return Response(url=url, status=200, body=target.read_bytes())


def _read_answer(answer, url, opts, conditional):
    from .models import HttpCacheEntry

    body = answer.read(opts["max_bytes"] + 1)
    if len(body) > opts["max_bytes"]:
        raise SourceUnavailable(f"Svaret fra {url} er for stort.")
    promised = answer.headers.get("Content-Length", "")
    if promised.isdigit() and len(body) < int(promised):
        # The connection closed before the whole answer came: never parse half a list.
        raise http.client.IncompleteRead(body, int(promised) - len(body))
    body = _decoded(body, answer.headers.get("Content-Encoding"))
    if len(body) > opts["max_bytes"]:
        raise SourceUnavailable(f"Svaret fra {url} er for stort.")
    if conditional:
        HttpCacheEntry.objects.update_or_create(
            url=url,
            defaults={
                "etag": answer.headers.get("ETag", "")[:300],
                "last_modified": answer.headers.get("Last-Modified", "")[:100],
                "fetched_at": timezone.now(),
            },
        )
    return Response(
        url=url,
        status=answer.status,
        body=body,
        content_type=answer.headers.get("Content-Type", ""),
    )


def fetch(url, *, conditional=True, options=None):
    """GET ``url`` and return a :class:`Response` (status 200 or 304). Raises
    :class:`SourceUnavailable` when the source does not answer after the retries."""
    from .models import HttpCacheEntry

    if url.startswith("file://"):
        return _read_file(url)
    opts = {**conf.fetch_options(), **(options or {})}
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceUnavailable(f"Ugyldig adresse: {url}")
    cached = HttpCacheEntry.objects.filter(url=url).first() if conditional else None
    headers = {"User-Agent": opts["user_agent"], "Accept-Encoding": "identity"}
    if cached and cached.etag:
        headers["If-None-Match"] = cached.etag
    if cached and cached.last_modified:
        headers["If-Modified-Since"] = cached.last_modified

    attempts = max(1, int(opts["retries"]))
    pause = float(opts["backoff"])
    last_problem, last_status = "", None
    for attempt in range(1, attempts + 1):
        _wait_for_host(parts.netloc, float(opts["min_interval"]))
        try:
            request = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(request, timeout=float(opts["timeout"])) as answer:
                return _read_answer(answer, url, opts, conditional)
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return Response(url=url, status=304, body=b"")
            last_problem, last_status = f"svarte {error.code}", error.code
            if error.code != 429 and error.code < 500:
                break
            # The source says how long to wait (429/503): honour it, within reason.
            asked = retry_after(error.headers.get("Retry-After"), opts["max_retry_after"])
            if asked is not None:
                pause = max(pause, asked)
        except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            last_problem = "svarte ikke i tide" if "timed out" in str(reason) else f"feil: {reason}"
        except (http.client.HTTPException, ValueError) as error:
            # A connection cut off mid-answer (IncompleteRead), a garbled status line, an
            # address urllib cannot use: the source is not readable now.
            last_problem = f"ga et ufullstendig svar ({type(error).__name__})"
        if attempt < attempts:
            time.sleep(pause)
            pause *= 2
    raise SourceUnavailable(
        f"{parts.netloc} {last_problem} ({url}, {attempts} forsøk).", status=last_status
    )
