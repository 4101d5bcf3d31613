"""``{{ url|http_url }}``: a link target from stored data, only if it is a web address.

Every URL field a visitor can click is validated on input (``validate_http_url``,
``URLField``), but rows also arrive from imports and the watched sources, and a
``javascript:`` or ``data:`` address in an ``href`` runs in the visitor's browser. So the
public templates and the API pass such addresses through here as well: anything that is
not ``http://`` or ``https://`` with a host becomes empty, and the template shows plain
text instead of a link."""

import re
from urllib.parse import urlsplit

from django import template

register = template.Library()

# Browsers ignore these inside a scheme («java\tscript:»), so they must not hide one.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


@register.filter
def http_url(value):
    """``value`` if it is an http(s) address with a host, else ""."""
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        parts = urlsplit(_IGNORED.sub("", text))
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return text
