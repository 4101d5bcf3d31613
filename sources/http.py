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

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils import timezone

from . import conf


class SourceError(Exception):
    """A source could not be read; the message is Norwegian and shown to staff."""


class SourceUnavailable(SourceError):
    pass


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
        return self.body.decode("utf-8", errors="replace")


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
        raise SourceUnavailable(f"Fant ikke {url} (404).")
    return Response(url=url, status=200, body=target.read_bytes())


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
    last_problem = ""
    for attempt in range(1, attempts + 1):
        _wait_for_host(parts.netloc, float(opts["min_interval"]))
        try:
            request = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(request, timeout=float(opts["timeout"])) as answer:
                body = answer.read(opts["max_bytes"] + 1)
                if len(body) > opts["max_bytes"]:
                    raise SourceUnavailable(f"Svaret fra {url} er for stort.")
                response = Response(
                    url=url,
                    status=answer.status,
                    body=body,
                    content_type=answer.headers.get("Content-Type", ""),
                )
                if conditional:
                    HttpCacheEntry.objects.update_or_create(
                        url=url,
                        defaults={
                            "etag": answer.headers.get("ETag", "")[:300],
                            "last_modified": answer.headers.get("Last-Modified", "")[:100],
                            "fetched_at": timezone.now(),
                        },
                    )
                return response
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return Response(url=url, status=304, body=b"")
            last_problem = f"svarte {error.code}"
            if error.code != 429 and error.code < 500:
                break
        except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            last_problem = "svarte ikke i tide" if "timed out" in str(reason) else f"feil: {reason}"
        if attempt < attempts:
            time.sleep(pause)
            pause *= 2
    raise SourceUnavailable(f"{parts.netloc} {last_problem} ({url}, {attempts} forsøk).")
