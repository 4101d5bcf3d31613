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

The hostile suite below (issue 12) goes further: one marker word per kind of hidden
object (draft, unpublished, password, login, group, child of a restricted page, expired,
draft outcome event, staff note, a live page below an unpublished section, an alias of a
password-protected page), all of them indexed and cached while still public, then checked
way out by way out; it prints how many requests it sent.
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
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)

# One worker runs the whole module, in order: the walk shares one hidden site, and the last
# test reports the requests the module sent.
pytestmark = pytest.mark.xdist_group("leak-walk")

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


# --------------------------------------------------------------------------------------
# The hostile leak suite (issue 12): one marker per kind of hidden object, each checked
# across every public way out, with the search index built and kept up to date by the
# real signals (the index had every hidden object while it was still public), and the
# page cache on and warmed before anything was hidden.
# --------------------------------------------------------------------------------------

# One word per kind of hidden object: single tokens, so search finds them, and none a
# Norwegian word the compound splitter could take apart.
HIDDEN_KINDS = {
    "utkast": "qzxalfa",  # the draft revision of a live chapter
    "avpublisert": "qzxbravo",  # a chapter published, then unpublished
    "passord": "qzxcharlie",  # a chapter with a password restriction
    "innlogging": "qzxdelta",  # a consultation response with a login restriction
    "gruppe": "qzxecho",  # a chapter restricted to a group
    "underside": "qzxfoxtrot",  # a chapter below a restricted edition
    "utlopt": "qzxgolf",  # a chapter past its expiry time (not yet unpublished)
    "hendelsesutkast": "qzxhotel",  # a draft outcome event on a public proposal
    "intern": "qzxindia",  # a staff-only note on a published outcome event
    "seksjon": "qzxjuliett",  # a live page below a section that was unpublished
    "alias": "qzxkilo",  # an alias of a page that was then given a password
}
HIDDEN_MARK = re.compile(
    r"qzx(?:alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett|kilo)"
)


class HiddenSite:
    def __init__(self):
        self.page_ids = {}  # kind -> page id
        self.paths = {}  # kind -> the page's public path (when it had one)
        self.proposal_ids = set()  # proposals of hidden pages
        self.event_proposal_ids = set()  # public proposals carrying hidden event data
        self.theme_slugs = set()
        self.theme_ids = []
        self.context_paths = set()  # public pages around the hidden ones
        self.requests = 0


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _marked_chapter(edition, kind, theme):
    from wagtail.rich_text import RichText

    from political_platform.models import PlatformChapterPage

    word = HIDDEN_KINDS[kind]
    chapter = PlatformChapterPage(
        title=f"Kapittel {word}",
        slug=f"kapittel-{word}",
        intro=f"Ingress {word}",
        positions=[("position", {"text": f"pårørende skal høres {word}", "themes": [theme]})],
        demands=[
            (
                "demand",
                {
                    "text": f"Staten skal sikre {word}",
                    "rationale": RichText(""),
                    "themes": [theme],
                    "target_authority": None,
                },
            )
        ],
    )
    edition.add_child(instance=chapter)
    return _publish(chapter)


def _build_hidden_site(client):
    """The demo site, indexed, with one hidden object of every kind (HIDDEN_KINDS)."""
    import datetime

    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import TestCase
    from django.utils import timezone

    from advocacy.models import OutcomeEvent, Proposal, Theme
    from advocacy.outcomes import refresh_outcomes
    from base import roles
    from consultations.models import ConsultationResponsePage
    from home.models import StandardPage
    from political_platform.models import PlatformChapterPage, PlatformPage
    from search import indexer

    site = HiddenSite()
    call_command("load_demo_content", stdout=io.StringIO())
    indexer.rebuild()
    theme = Theme.objects.order_by("pk").first()
    site.theme_slugs = set(Theme.objects.values_list("slug", flat=True))
    site.theme_ids = [theme.pk] + list(
        Theme.objects.exclude(pk=theme.pk).order_by("pk").values_list("pk", flat=True)
    )
    edition = PlatformPage.objects.live().order_by("pk").first()
    capture = TestCase.captureOnCommitCallbacks

    with capture(execute=True):
        chapters = {
            kind: _marked_chapter(edition, kind, theme)
            for kind in ("avpublisert", "passord", "gruppe", "utlopt")
        }
        restricted_edition = PlatformPage(
            title="Politisk plattform 2031–2035",
            slug="2031-2035",
            edition="2031–2035",
            status=PlatformPage.Status.DRAFT,
        )
        edition.get_parent().add_child(instance=restricted_edition)
        _publish(restricted_edition)
        chapters["underside"] = _marked_chapter(restricted_edition, "underside", theme)
        draft = PlatformChapterPage(
            title="Kapittel om avlastning",
            slug="kapittel-om-avlastning-med-utkast",
            positions=[("position", {"text": "avlastning skal være en rett", "themes": [theme]})],
        )
        edition.add_child(instance=draft)
        draft = _publish(draft)
        response = ConsultationResponsePage.objects.live().order_by("pk").first()
        word = HIDDEN_KINDS["innlogging"]
        response.title = f"{response.title} {word}"
        response.slug = f"svar-{word}"
        _publish(response)
        for proposal in Proposal.objects.filter(source_page=response):
            proposal.text = f"{proposal.text} {word}"
            proposal.save()
        chapters["innlogging"] = response
        # A section with a live page below it: unpublishing the section (the page alone,
        # as Page.unpublish() does) must hide what is below it too.
        word = HIDDEN_KINDS["seksjon"]
        home = Site.objects.get(is_default_site=True).root_page.specific
        section = StandardPage(title=f"Seksjon {word}", slug=f"seksjon-{word}", intro=word)
        home.add_child(instance=section)
        section = _publish(section)
        below = StandardPage(title=f"Underside {word}", slug="underside", intro=word)
        section.add_child(instance=below)
        chapters["seksjon"] = _publish(below)
        word = HIDDEN_KINDS["alias"]
        source = StandardPage(title=f"Kilde {word}", slug=f"kilde-{word}", intro=word)
        home.add_child(instance=source)
        source = _publish(source)
        chapters["alias"] = source.create_alias(parent=home, update_slug=f"alias-{word}")
    # Everything was public and indexed; warm the page cache as visitors would have.
    for page in chapters.values():
        client.get(page.url)
    client.get(edition.url)
    client.get(restricted_edition.url)

    with capture(execute=True):
        # Draft: the live chapter keeps its public text; the secret is in a new revision.
        word = HIDDEN_KINDS["utkast"]
        draft.title = f"Kapittel {word} endret"
        draft.intro = f"Ny ingress {word}"
        draft.positions = [("position", {"text": f"nytt standpunkt {word}", "themes": [theme]})]
        draft.save_revision()

        chapters["avpublisert"].unpublish()
        section.unpublish()
        PageViewRestriction.objects.create(
            page=source, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
        PageViewRestriction.objects.create(
            page=chapters["passord"],
            restriction_type=PageViewRestriction.PASSWORD,
            password="hemmelig-passord",
        )
        PageViewRestriction.objects.create(
            page=chapters["innlogging"], restriction_type=PageViewRestriction.LOGIN
        )
        by_group = PageViewRestriction.objects.create(
            page=chapters["gruppe"], restriction_type=PageViewRestriction.GROUPS
        )
        by_group.groups.set([Group.objects.get(name=roles.STAFF)])
        PageViewRestriction.objects.create(
            page=restricted_edition, restriction_type=PageViewRestriction.LOGIN
        )
        # Past its expiry: live until the scheduled-publishing command next runs.
        Page.objects.filter(pk=chapters["utlopt"].pk).update(
            expire_at=timezone.now() - datetime.timedelta(hours=1)
        )

        # Outcome events on a public, submitted proposal.
        public_proposal = Proposal.objects.submitted().order_by("pk").first()
        word = HIDDEN_KINDS["hendelsesutkast"]
        OutcomeEvent.objects.create(
            proposal=public_proposal,
            kind="consideration",
            date=timezone.localdate(),
            evidence_kind="letter",
            evidence_title=f"Brev {word}",
            evidence_quote=f"Sitat {word}",
            public_note=f"Merknad {word}",
        )
        word = HIDDEN_KINDS["intern"]
        OutcomeEvent.objects.create(
            proposal=public_proposal,
            kind="acknowledged",
            date=timezone.localdate(),
            evidence_kind="letter",
            evidence_title="Kvittering",
            public_note="Departementet har mottatt svaret.",
            staff_note=f"Intern: ring {word}",
            published_at=timezone.now(),
        )
        refresh_outcomes([public_proposal.pk])
        site.event_proposal_ids.add(public_proposal.pk)

    for kind, page in {**chapters, "utkast": draft}.items():
        site.page_ids[kind] = page.pk
        site.paths[kind] = page.url
        if kind != "utkast":
            site.proposal_ids.update(
                Proposal.objects.filter(source_page=page).values_list("pk", flat=True)
            )
    site.context_paths = {"/", edition.url, edition.get_parent().url, response.get_parent().url}
    site.context_paths.discard(None)
    return site


@pytest.fixture(scope="module")
def hidden_site(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end;
    each test runs in a savepoint of it."""
    from django.test import Client, override_settings

    with django_db_blocker.unblock(), override_settings(LPP_PAGE_CACHE_ENABLED=True):
        cache.clear()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _build_hidden_site(Client())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


def _api_listing(path, site, client):
    """Every page of an API listing: [(path, response)]."""
    responses = []
    offset = 0
    while True:
        separator = "&" if "?" in path else "?"
        url = f"{path}{separator}limit=100&offset={offset}"
        response = client.get(url)
        responses.append((url, response))
        if response.status_code != 200:
            return responses
        data = response.json()
        offset += 100
        if offset >= data["meta"]["total_count"] or offset > 2000:
            return responses


def _ways_out(site):
    """{way out: [paths]} — every public way out, with the hidden objects' ids, slugs
    and words filled in."""
    words = list(HIDDEN_KINDS.values())
    page_ids = sorted(site.page_ids.values())
    proposal_ids = sorted(site.proposal_ids | site.event_proposal_ids)
    return {
        "sider": sorted({*site.paths.values(), *site.context_paths, "/tema/"}),
        "sok": [f"/sok/?q={word}" for word in words]
        + [f"/sok/?q={word}&type=political_platform.position" for word in words]
        + [f"/sok/?q={word}&type=advocacy.proposal" for word in words]
        + [f"/sok/?q={word}&tema={pk}" for word in words for pk in site.theme_ids[:3]]
        + ["/sok/?q=qzx*", "/sok/?q=kapittel", "/sok/?q=kapittel&type=political_platform.position"],
        "sokeforslag": [f"/sok/forslag/?q={word[:6]}" for word in words]
        + [f"/sok/forslag/?q={word}" for word in words],
        "feeder": [
            "/feed/horingssvar/",
            "/feed/horingssvar/atom/",
            "/feed/utfall/",
            "/feed/utfall/atom/",
        ],
        "api-sider": [f"/api/v2/pages/{pk}/" for pk in page_ids]
        + [f"/api/v2/pages/?search={word}" for word in words]
        + [f"/api/v2/pages/?child_of={pk}" for pk in _parent_ids(page_ids)]
        + ["/api/v2/pages/?type=political_platform.PlatformChapterPage&limit=100"],
        "api-forslag": [f"/api/v2/proposals/{pk}/" for pk in proposal_ids],
        "api-temaer": ["/api/v2/themes/"],
        "sitemap": ["/sitemap.xml"],
        "word": [f"/last-ned/word/{pk}/" for pk in page_ids]
        + [f"/last-ned/word/{pk}/" for pk in _parent_ids(page_ids)],
        "temasider": ["/tema/"] + [f"/tema/{slug}/" for slug in sorted(site.theme_slugs)],
        "hva-skjedde": ["/hva-skjedde/"],
        "hva-skjedde-lister": ["/hva-skjedde/forslag/", "/hva-skjedde/forslag/?side=2"]
        + [f"/hva-skjedde/forslag/?dokument={pk}" for pk in page_ids]
        + [f"/hva-skjedde/forslag/?tema={slug}" for slug in sorted(site.theme_slugs)],
        "tidslinjer": [f"/hva-skjedde/forslag/{pk}/" for pk in proposal_ids],
    }


def _parent_ids(page_ids):
    return sorted(
        {
            page.get_parent().pk
            for page in Page.objects.filter(pk__in=page_ids)
            if page.get_parent() is not None
        }
    )


WAYS_OUT = [
    "sider",
    "sok",
    "sokeforslag",
    "feeder",
    "api-sider",
    "api-forslag",
    "api-temaer",
    "sitemap",
    "word",
    "temasider",
    "hva-skjedde",
    "hva-skjedde-lister",
    "tidslinjer",
]


def _leaks_in(path, response):
    text = body_text(response)
    # A page echoes the address and what was typed (a search, the password form's
    # action, a «not found» page): that is the visitor's own input, not a leak.
    parts = urlsplit(path)
    echoed = [parts.path] + [p.partition("=")[2] for p in parts.query.split("&")]
    for value in sorted(filter(None, echoed), key=len, reverse=True):
        text = text.replace(value, "")
    return sorted(set(HIDDEN_MARK.findall(text)))


@pytest.fixture
def anonymous(hidden_site, db, client, settings):
    settings.LPP_PAGE_CACHE_ENABLED = True
    return client


@pytest.mark.parametrize("way", WAYS_OUT)
def test_no_hidden_object_reaches_the_public_through(way, hidden_site, anonymous):
    paths = _ways_out(hidden_site)[way]
    if way in ("api-sider", "api-forslag"):
        listing = "/api/v2/pages/" if way == "api-sider" else "/api/v2/proposals/"
        fetched = _api_listing(listing, hidden_site, anonymous)
    else:
        fetched = []
    fetched += [(path, anonymous.get(path)) for path in paths]
    errors = [f"{path}: {r.status_code}" for path, r in fetched if r.status_code >= 500]
    leaks = [f"{path}: {found}" for path, r in fetched if (found := _leaks_in(path, r))]
    assert not errors, "Serverfeil:\n" + "\n".join(errors)
    assert not leaks, "Lekkasje til offentligheten:\n" + "\n".join(leaks)
    assert fetched


def test_hidden_pages_answer_as_missing_or_closed(hidden_site, anonymous):
    for kind, path in hidden_site.paths.items():
        response = anonymous.get(path)
        if kind in ("utkast", "passord", "alias"):
            # The live version without the draft; the password form without the page
            # (for an alias, its source's password form, as Wagtail serves it).
            assert response.status_code == 200
            assert not _leaks_in(path, response), kind
        else:
            assert response.status_code in (302, 401, 403, 404), (kind, response.status_code)


@pytest.mark.parametrize("kind", sorted(HIDDEN_KINDS))
def test_search_counts_and_facets_know_nothing_of(kind, hidden_site, anonymous):
    """The index had every hidden object while it was public: its counts and facets
    must not count them now (an expired page is still in the index: the rule filters)."""
    from search.engines import SearchQuery, autocomplete, run_search

    outcome = run_search(SearchQuery(text=HIDDEN_KINDS[kind]))
    assert (outcome.total, outcome.documents, outcome.facets) == (0, [], {})
    assert autocomplete(HIDDEN_KINDS[kind]) == []


def test_hidden_proposals_are_not_counted_in_the_figures(hidden_site, anonymous):
    from advocacy.models import Proposal

    for pk in hidden_site.page_ids.values():
        response = anonymous.get(f"/hva-skjedde/forslag/?dokument={pk}")
        assert "<p>0 forslag." in response.content.decode(), pk
    assert not Proposal.objects.submitted().filter(pk__in=hidden_site.proposal_ids).exists()
    assert not Proposal.objects.followed().filter(pk__in=hidden_site.proposal_ids).exists()


def test_zz_report_the_number_of_requests(hidden_site, db, request):
    """The walk's size, for the issue's closing note, counted from what the tests above
    send (not tallied as they run: test workers may split a module). Every way out must
    have addresses to try, or the walk would pass by checking nothing."""
    ways = _ways_out(hidden_site)
    assert set(ways) == set(WAYS_OUT)
    assert all(ways.values()), [way for way, paths in ways.items() if not paths]
    counts = {way: len(paths) for way, paths in ways.items()}
    counts["sider-status"] = len(hidden_site.paths)
    counts["sokeindeks"] = 2 * len(HIDDEN_KINDS)
    counts["tall"] = len(hidden_site.page_ids)
    total = sum(counts.values())
    line = (
        f"Lekkasjetesten: minst {total} forespørsler/søk mot {len(HIDDEN_KINDS)} slags skjulte "
        f"objekter gjennom {len(WAYS_OUT)} veier ut ("
        + ", ".join(f"{way} {n}" for way, n in sorted(counts.items()))
        + ")"
    )
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("\n" + line)
    request.node.user_properties.append(("requests", total))
    assert total > 100
