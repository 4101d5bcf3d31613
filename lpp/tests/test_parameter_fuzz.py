"""Property-based fuzz of every public URL parameter (issue 12 item 2): huge, negative,
non-numeric, unicode, empty, repeated and NUL-byte values into every public route's
path and query parameters, on the demo site with DEBUG off. No answer may be a 5xx.

The routes come from the URLconf (everything outside the admin), the query parameters
from the forms the views use, the names the views read from ``request.GET`` and the
API endpoints' own lists; nothing is listed by hand except values to try. Runs on
PostgreSQL too when ``DATABASE_URL`` points there (CI does both).
"""

import inspect
import os
import re
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page

from advocacy.outcomes.accountability import OutcomeListFilter
from consultations.filters import ArchiveFilterForm
from search.views import SearchForm

pytestmark = pytest.mark.django_db

# A few hundred in the suite; LPP_FUZZ_EXAMPLES=5000 for a long run by hand.
EXAMPLES = int(os.environ.get("LPP_FUZZ_EXAMPLES", "400"))
GET_NAME = re.compile(r"""GET(?:\.get|\.getlist)?[(\[]\s*["'](\w+)["']""")
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
# Forms whose fields are query parameters of the public views.
FORMS = {
    "outcome_list": OutcomeListFilter,
    "search": SearchForm,
    "ConsultationResponseIndexPage": ArchiveFilterForm,
}

SPECIAL = [
    "99999999999999999999",
    str(2**63),
    str(2**63 - 1),
    str(2**31),
    str(2**31 - 1),
    "-1",
    "-99999999999999999999",
    "0",
    "",
    " ",
    "root",
    "1.0",
    "1e309",
    "NaN",
    "٣",
    "１２",
    "\x00",
    "1\x00",
    "%00",
    "'",
    '"',
    "<script>alert(1)</script>",
    "*",
    "-",
    ",",
    "(",
    "_,-id",
    "title(id)",
    "random",
    "ø" * 300,
    "9" * 5000,
]
VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=40),
)


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _view_names(callback):
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    function = inspect.unwrap(callback)
    source_of = view or function
    try:
        source = inspect.getsource(source_of)
    except (OSError, TypeError):
        source = ""
    names = set(GET_NAME.findall(source))
    form = FORMS.get(getattr(function, "__name__", ""))
    if form is not None:
        names |= set(form.base_fields)
    if view is not None and hasattr(view, "known_query_parameters"):
        model = view.model
        names |= set(view.known_query_parameters) | set(view.find_query_parameters)
        names |= set(view.get_available_fields(model, db_fields_only=True))
    return names


def public_targets():
    """[(path template with {name} placeholders, query parameter names)]."""
    targets = []
    for route, callback in _walk(get_resolver().url_patterns):
        if route.startswith(("admin/", "^")) or "(" in route:
            continue  # the admin; regex routes (Wagtail's page and document serving) below
        template = CONVERTER.sub(lambda m: "{" + m.group(2) + "}", route.replace("^", ""))
        targets.append(("/" + template, sorted(_view_names(callback))))
    # Wagtail serves the page tree: every live page with what its own code reads.
    for page in Page.objects.live().specific():
        if not page.url:
            continue  # the tree's root, outside every site
        names = set()
        model = type(page)
        for method in ("get_context", "serve", "get_template"):
            names |= set(GET_NAME.findall(inspect.getsource(getattr(model, method))))
        form = FORMS.get(model.__name__)
        if form is not None:
            names |= set(form.base_fields)
        targets.append((page.url, sorted(names)))
    targets.append(("/dokumenter/{document_id}/{filename}", []))
    return targets


def test_the_fuzz_sees_every_public_filter(demo_site):
    """The lists above are not empty by accident: the filters the issue names are in."""
    targets = dict(public_targets())
    assert {"myndighet", "dokument", "ar", "tema", "utfall", "side"} <= set(
        targets["/hva-skjedde/forslag/"]
    )
    assert {"offset", "limit", "child_of", "search", "fields", "id"} <= set(
        targets["/api/v2/pages/"]
    )
    assert "/last-ned/word/{page_id}/" in targets
    assert {"ar", "myndighet", "tema", "side"} <= set(targets["/horingssvar/"])


@pytest.fixture
def fuzz_client(client):
    client.raise_request_exception = False
    return client


def test_no_public_parameter_gives_a_server_error(fuzz_client, demo_site):
    assert settings.DEBUG is False
    targets = public_targets()
    sent = []

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        # The demo site is built once and only read: sharing it between examples is
        # the point, not an accident.
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(data=st.data())
    def probe(data):
        template, names = data.draw(st.sampled_from(targets), label="route")
        placeholders = re.findall(r"{(\w+)}", template)
        path = template.format(
            **{name: quote(data.draw(VALUES, label=name), safe="") for name in placeholders}
        )
        query = []
        if names:
            for name in data.draw(st.lists(st.sampled_from(names), max_size=3), label="names"):
                # Repeated parameters: ?x=1&x=2.
                for value in data.draw(st.lists(VALUES, min_size=1, max_size=2), label=name):
                    query.append((name, value))
        url = path + ("?" + urlencode(query) if query else "")
        method = data.draw(st.sampled_from(["get", "head"]), label="method")
        response = getattr(fuzz_client, method)(url)
        sent.append(url)
        assert response.status_code < 500, (method, url, response.status_code)

    probe()
    print(f"\nParameterfuzz: {len(sent)} forespørsler, 0 serverfeil.")
    assert len(sent) >= EXAMPLES


def test_no_admin_address_with_an_id_out_of_range_gives_a_server_error(
    fuzz_client, home_page, django_user_model
):
    """Every admin route with a path parameter, as a superuser, with ids that do not
    fit a 32-bit or a 64-bit column."""
    admin = django_user_model.objects.create_superuser("rot", "rot@example.org", "passord-123")
    fuzz_client.force_login(admin)
    sent = []
    for route, _callback in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/") or "<" not in route or "^" in route:
            continue
        for value in (str(2**31), "99999999999999999999"):
            url = "/" + CONVERTER.sub(value, route)
            response = fuzz_client.get(url)
            sent.append(url)
            assert response.status_code < 500, (url, response.status_code)
    print(f"\nAdmin-ID-er utenfor området: {len(sent)} forespørsler, 0 serverfeil.")
    assert len(sent) > 100
