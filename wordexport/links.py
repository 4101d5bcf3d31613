"""Hyperlinks: absolute, safe targets, one relationship per URL, and Wagtail page and
document links resolved after the body is written (one query each), to published pages only.
"""

import re
from urllib.parse import urljoin, urlsplit

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .xml import PLAIN, R_ID, W_HISTORY, W_HYPERLINK, W_RPR, W_RSTYLE, W_VAL, clean_text, to_int

_URL_IGNORED = re.compile(r"[\x00-\x20]+")
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def safe_href(href, base_url):
    """An absolute link target, or None for a link that must not be written
    (``javascript:``, ``data:``, bare fragments and other schemes are dropped)."""
    href = clean_text(href).strip()
    if not href or href.startswith("#"):
        return None
    # browsers ignore whitespace and control characters inside a scheme ("java script:"):
    # judge the scheme without them
    compact = _URL_IGNORED.sub("", href)
    try:
        parts = urlsplit(href)
        compact_scheme = urlsplit(compact).scheme.lower()
    except ValueError:
        return None
    if compact_scheme and compact_scheme not in ALLOWED_SCHEMES:
        return None
    scheme = parts.scheme.lower()
    if scheme:
        if scheme not in ALLOWED_SCHEMES:
            return None
        if scheme in ("http", "https") and not parts.netloc:
            return None
        return href
    if href.startswith("//"):
        return "https:" + href
    return urljoin(base_url + "/", href)


class LinksMixin:
    """The hyperlinks of :class:`~wordexport.engine.DocxWriter`."""

    def link(self, target, url, text, fmt=PLAIN):
        """A hyperlink to an absolute URL (already checked with :func:`safe_href`)."""
        hyperlink = etree.SubElement(target, W_HYPERLINK)
        hyperlink.set(R_ID, self._relationship(url))
        hyperlink.set(W_HISTORY, "1")
        self.text(hyperlink, text, fmt.but(link=True))
        return hyperlink

    def absolute_url(self, url):
        return urljoin(self.base_url + "/", url)

    def _relationship(self, url):
        rid = self._link_rids.get(url)
        if rid is None:
            # our own id series, so python-docx need not scan every relationship per link
            rid = f"rIdL{self._next_rid}"
            self._next_rid += 1
            self.part.rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
            self._link_rids[url] = rid
        return rid

    def _anchor(self, p, element, fmt):
        """An ``<a>`` of rich text: a page or document link (resolved in to_bytes), an
        external link, or its text alone when the target is unusable."""
        linktype = element.get("linktype")
        href = element.get("href")
        if linktype in ("page", "document"):
            hyperlink = etree.SubElement(p, W_HYPERLINK)
            hyperlink.set(W_HISTORY, "1")
            self._deferred_links.append((hyperlink, linktype, to_int(element.get("id"))))
            inner = hyperlink
        else:
            url = safe_href(href, self.base_url) if href is not None else None
            if url is None:
                inner = p  # a link without a usable target keeps its text, unlinked
            else:
                inner = etree.SubElement(p, W_HYPERLINK)
                inner.set(R_ID, self._relationship(url))
                inner.set(W_HISTORY, "1")
        link_fmt = fmt.but(link=inner is not p)
        if element.text:
            self._inline_text(inner, element.text, link_fmt)
        for child in element:
            self._inline(inner, child, link_fmt)
            # _inline writes the child's tail inside the link too: it is the link's text
        if inner is not p and not len(inner):
            p.remove(inner)
            self._deferred_links = [d for d in self._deferred_links if d[0] is not inner]

    def _resolve_links(self):
        if not self._deferred_links:
            return
        urls = self._page_urls() | self._document_urls()
        for hyperlink, kind, pk in self._deferred_links:
            url = urls.get((kind, pk))
            if url:
                hyperlink.set(R_ID, self._relationship(url))
            else:
                unwrap_link(hyperlink)
        self._deferred_links = []

    def _deferred_ids(self, kind):
        return {i for _h, k, i in self._deferred_links if k == kind and i}

    def _page_urls(self):
        from wagtail.models import Page

        from base.visibility import restrict_to_public

        page_ids = self._deferred_ids("page")
        if not page_ids:
            return {}
        urls = {}
        # A link only to what the reader of the file may open (the public rule).
        for page in (
            restrict_to_public(Page.objects.all())
            .filter(pk__in=page_ids)
            .only("id", "url_path", "locale_id", "path", "depth")
        ):
            parts = page.get_url_parts()
            if parts:
                urls[("page", page.pk)] = urljoin(self.base_url + "/", parts[2])
        return urls

    def _document_urls(self):
        from wagtail.documents import get_document_model

        doc_ids = self._deferred_ids("document")
        if not doc_ids:
            return {}
        return {
            ("document", document.pk): urljoin(self.base_url + "/", document.url)
            for document in get_document_model().objects.filter(pk__in=doc_ids)
        }


def unwrap_link(hyperlink):
    """A link whose target is gone (unpublished or deleted page): its text stays, unlinked."""
    parent = hyperlink.getparent()
    index = parent.index(hyperlink)
    for run in list(hyperlink):
        rpr = run.find(W_RPR)
        if rpr is not None:
            rstyle = rpr.find(W_RSTYLE)
            if rstyle is not None and rstyle.get(W_VAL) == "Hyperlink":
                rpr.remove(rstyle)
        parent.insert(index, run)
        index += 1
    parent.remove(hyperlink)
