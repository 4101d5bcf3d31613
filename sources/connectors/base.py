import abc
import datetime
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import conf, http


@dataclass
class Item:
    """One consultation as a source describes it, parsed whole."""

    source: str
    external_id: str
    title: str
    url: str
    authority_name: str = ""
    case_number: str = ""
    published_on: datetime.date | None = None
    deadline: datetime.date | None = None
    summary: str = ""
    consulted_bodies: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # [{"title": …, "url": …}]
    stortinget_case_id: str = ""


@dataclass
class Rejected:
    """An item the parser could not read whole: reported, never stored in part."""

    external_id: str
    reason: str


class Connector(abc.ABC):
    """One watched source: where its list is and how to read it into whole items."""

    name = ""
    # The list's address, relative to the source's base address.
    list_path = ""

    def __init__(self, base_url=None, conditional=True):
        self.base_url = base_url or conf.base_url(self.name)
        # Off after a failed or partial read: the list must be read again in full even
        # if it has not changed since.
        self.conditional = conditional

    def url_for(self, path_or_url):
        """An address on this source: a real site's link is read from the configured
        base (the samples locally, a test server in tests)."""
        try:
            parts = urlsplit(path_or_url)
            parts.hostname  # noqa: B018 – raises for an address like «http://[»
        except ValueError as error:
            raise http.SourceUnavailable(f"Ugyldig adresse: {path_or_url[:200]}") from error
        if parts.scheme and self.base_url == conf.SOURCES[self.name][1]:
            # Production: the real address as linked – but only on the source's own site
            # (a feed must not send the watcher to any address it names).
            home = ".".join((urlsplit(self.base_url).hostname or "").split(".")[-2:])
            host = (parts.hostname or "").lower()
            if parts.scheme not in ("http", "https") or not (
                host == home or host.endswith("." + home)
            ):
                raise http.SourceUnavailable(f"Lenken {path_or_url[:200]} går ut av {home}.")
            return path_or_url
        path = parts.path.lstrip("/") + (f"?{parts.query}" if parts.query else "")
        return urljoin(self.base_url, path)

    def get(self, path_or_url, conditional=None):
        if conditional is None:
            conditional = self.conditional
        return http.fetch(self.url_for(path_or_url), conditional=conditional)

    @abc.abstractmethod
    def fetch(self, known_ids=frozenset()):
        """The source's current items (``Item``) and what could not be read (``Rejected``);
        ``known_ids`` are items already stored, which need not be read again."""
