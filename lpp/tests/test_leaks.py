"""Nothing unpublished reaches the public (DESIGN.md, rule 1).

The whole demo site is loaded, and then, for every page type in it, one page gets a
secret draft revision, one is unpublished and one is made private (login or password) -
each carrying a unique marker in its title and, where it has any, in its proposals'
text. Outcome events get staff-only notes and unpublished drafts with markers too, and a
document goes into a private collection.

Then an anonymous visitor walks the site: every public URL pattern (with the secret
objects' ids and slugs filled into patterns that take a parameter), the pages and
previews of the secret objects, the sitemap, robots.txt, the API, the feeds, search for
the markers' words, Word downloads - and every link found on the way, within bounds.
No response may contain a marker, and none may be a server error. The walk is done
with the public page cache on, as in production.
"""

import contextlib
import html
import io
import re
import zipfile
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

MARKER = "Zqxlekk"  # the word searched for; every secret is MARKER + "-" + a suffix
SECRET = re.compile(MARKER + r"-[a-z]+-\d+")
MAX_PAGES = 600


class Secrets:
    def __init__(self):
        self.counter = 0
        self.page_ids = set()
        self.proposal_ids = set()
        self.slugs = set()
        self.document_ids = set()
        self.paths = set()

    def marker(self, kind):
        self.counter += 1
        return f"{MARKER}-{kind}-{self.counter}"


def _title_field_update(page, marker):
    page.title = f"{page.title} {marker}"
    if hasattr(page, "intro") and isinstance(page.intro, str):
        page.intro = f"{page.intro} {marker}"
    if hasattr(page, "search_description"):
        page.search_description = marker


def _mark_proposals(page, secrets, marker):
    from advocacy.models import Proposal

    proposals = Proposal.objects.filter(source_page=page)
    secrets.proposal_ids.update(proposals.values_list("pk", flat=True))
    proposals.update(text=marker, document_title=marker)


def make_secrets(secrets):
    """Per page type in the demo: a draft change, an unpublished page, a private page."""
    by_type = {}
    for page in Page.objects.filter(depth__gt=2).live().specific().order_by("path"):
        by_type.setdefault(type(page), []).append(page)
    for model, pages in by_type.items():
        # 1. A live page with a secret draft: the public keeps seeing the live version.
        draft_page = pages[0]
        marker = secrets.marker("utkast")
        _title_field_update(draft_page, marker)
        draft_page.save_revision()
        # 2. A page that was published with a secret, then unpublished.
        if len(pages) > 1:
            gone = pages[-1]
            marker = secrets.marker("avpublisert")
            _title_field_update(gone, marker)
            gone.save_revision().publish()
            _mark_proposals(gone, secrets, marker)
            gone.unpublish()
            secrets.page_ids.add(gone.pk)
            secrets.slugs.add(gone.slug)
            secrets.paths.add(gone.url_path)
        # 3. A private page (login): an existing one where there are enough, else a copy.
        parent = draft_page.get_parent()
        if len(pages) > 2:
            private = pages[1]
        else:
            private = _copy_of(draft_page, parent, f"privat-{model.__name__.lower()}")
        if private is not None:
            marker = secrets.marker("privat")
            _title_field_update(private, marker)
            if _attempt(lambda page=private: page.save_revision().publish()):
                PageViewRestriction.objects.create(
                    page=private, restriction_type=PageViewRestriction.LOGIN
                )
                _mark_proposals(private, secrets, marker)
                secrets.page_ids.add(private.pk)
                secrets.slugs.add(private.slug)
                secrets.paths.add(private.url_path)
        # 4. A page that was never published, beside them.
        never = _copy_of(draft_page, parent, f"aldri-{model.__name__.lower()}", live=False)
        if never is not None:
            marker = secrets.marker("aldri")
            _title_field_update(never, marker)
            if _attempt(never.save_revision):
                secrets.page_ids.add(never.pk)
                secrets.slugs.add(never.slug)
                secrets.paths.add(never.url_path)
    _mark_outcome_events(secrets)
    _private_document(secrets)


def _attempt(action):
    """Run ``action`` in a savepoint; False when the page type's rules refuse it (a
    copy that lacks its one-to-one record can't be saved, and that's fine here)."""
    try:
        with transaction.atomic():
            action()
    except (IntegrityError, ValidationError):
        return False
    return True


def _copy_of(page, parent, slug, live=True):
    """A copy of ``page`` beside it, or None for a page type that can't have two
    (max_count, a one-to-one link to a record)."""
    if not type(page).can_create_at(parent):
        return None
    try:
        with transaction.atomic():
            copy = page.copy(
                to=parent,
                update_attrs={"slug": slug, "title": page.title},
                keep_live=live,
                copy_revisions=False,
                log_action=None,
            )
    except (IntegrityError, ValidationError):
        return None
    copy = copy.specific
    if not live and copy.live:
        copy.live = False
        copy.save()
    return copy


def _mark_outcome_events(secrets):
    try:
        from advocacy.models import OutcomeEvent
    except ImportError:
        return
    for event in OutcomeEvent.objects.all():
        OutcomeEvent.objects.filter(pk=event.pk).update(staff_note=secrets.marker("intern"))
    event = OutcomeEvent.objects.filter(published_at__isnull=False).first()
    if event is not None:
        draft = OutcomeEvent.objects.get(pk=event.pk)
        draft.pk = None
        draft.published_at = None
        draft.public_note = secrets.marker("hendelsesutkast")
        draft.evidence_quote = draft.public_note
        draft.save()


def _private_document(secrets):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    root = Collection.get_first_root_node()
    private = root.add_child(name="Interne dokumenter")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    marker = secrets.marker("dokument")
    document = get_document_model().objects.create(
        title=marker,
        collection=private,
        file=ContentFile(marker.encode(), name="internt-notat.txt"),
    )
    secrets.document_ids.add(document.pk)
    secrets.paths.add(document.url)


def route_templates(resolver=None, prefix=""):
    """Every URL pattern as (route with <placeholders>, converters), admin excluded."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(("admin/", "^admin/")):
            continue
        if isinstance(entry, URLResolver):
            yield from route_templates(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def expand(route, secrets):
    """Concrete paths for one route: the secret ids and slugs in its parameters."""
    if route.startswith("^") or "(?P" in route:
        return []  # Wagtail's page and document serving: walked through real addresses
    params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not params:
        return ["/" + route]
    values = {
        "int": sorted(secrets.page_ids | secrets.proposal_ids | secrets.document_ids),
        "slug": sorted(secrets.slugs),
        "str": sorted(secrets.slugs) + [str(pk) for pk in sorted(secrets.page_ids)],
        "path": sorted(path.strip("/") for path in secrets.paths),
    }
    paths = []
    converter = params[0][0] or "str"
    for value in values.get(converter, values["str"]):
        path = route
        for conv, name in params:
            path = re.sub(rf"<(?:{conv}:)?{name}>", str(value), path, count=1)
        paths.append("/" + path)
    return paths


def body_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # a Word file: look inside (or read it as text if it isn't one)
        with (
            contextlib.suppress(zipfile.BadZipFile),
            zipfile.ZipFile(io.BytesIO(content)) as archive,
        ):
            return " ".join(
                archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    return content.decode("utf-8", "replace")


LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")


@pytest.fixture
def secret_site(demo_site, settings):
    settings.LPP_PAGE_CACHE_ENABLED = True
    cache.clear()
    secrets = Secrets()
    make_secrets(secrets)
    yield secrets
    cache.clear()


def test_nothing_unpublished_or_private_reaches_an_anonymous_visitor(client, secret_site):
    secrets = secret_site
    assert secrets.page_ids, "demoinnholdet skal ha sider å lage hemmeligheter av"
    start = {
        "/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/",
        "/api/v2/proposals/?limit=100",
        "/api/v2/themes/",
    }
    for route in route_templates():
        start.update(expand(route, secrets))
    for pk in secrets.page_ids:
        start.update(
            {
                f"/api/v2/pages/{pk}/",
                f"/admin/pages/{pk}/edit/preview/",
                f"/admin/pages/{pk}/view_draft/",
            }
        )
    for pk in secrets.proposal_ids:
        start.add(f"/api/v2/proposals/{pk}/")
    for path in secrets.paths:
        start.add(path if path.startswith("/dokumenter/") else _page_path(path))
    for query in (MARKER, f"{MARKER} utkast", "utkast", "privat"):
        start.update({f"/sok/?q={query}", f"/sok/forslag/?q={query}"})

    seen, queue, leaks, errors = set(), sorted(start), [], []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code >= 500:
            errors.append(f"{path}: {response.status_code}")
            continue
        text = body_text(response)
        found = SECRET.findall(text)
        if found:
            leaks.append(f"{path} ({response.status_code}): {sorted(set(found))}")
        if response.get("Content-Type", "").startswith(
            ("text/html", "application/xml", "application/rss", "application/atom")
        ):
            for link in LINK.findall(text) + re.findall(r"<loc>([^<]+)</loc>", text):
                target = _local(urljoin("http://testserver" + path, html.unescape(link)))
                if target and target not in seen:
                    queue.append(target)
    assert not errors, "Serverfeil:\n" + "\n".join(errors)
    assert not leaks, "Lekkasje til offentligheten:\n" + "\n".join(leaks)
    print(
        f"\nbesøkt: {len(seen)} adresser, {len(secrets.page_ids)} hemmelige sider, {len(secrets.proposal_ids)} hemmelige forslag"
    )
    assert len(seen) > 40, f"for få adresser besøkt ({len(seen)})"


def _page_path(url_path):
    # url_path includes the root page's slug: /lpp/om-lpp/ -> /om-lpp/
    parts = url_path.strip("/").split("/")
    return "/" + "/".join(parts[1:]) + ("/" if len(parts) > 1 else "")


def _local(url):
    parts = urlsplit(url)
    if parts.hostname not in {"testserver", "localhost", "127.0.0.1", "www.lpp.no", None}:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if path.startswith(("/static/", "/admin/", "/media/")) or "logout" in path:
        return None
    return path
