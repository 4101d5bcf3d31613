"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium)
against the demo site served by gunicorn with the browser-test settings
(e2e/settings.py), one server per test session.

Every page a test opens is watched: a Content-Security-Policy violation, a JavaScript
error or a failed request for a script, stylesheet or image fails the test. Screenshots
go to artifacts/screenshots/ (see :func:`screenshot`).
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("LPP_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Generous for a 2-core CI machine running two test workers, tight enough that a hung
# page fails in seconds instead of minutes.
TIMEOUT_MS = 15_000

# Reports a CSP violation to the test even when the console message is suppressed.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP-VIOLATION ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""


def _skip_reason():
    if not CHROMIUM.exists():
        return f"Chromium finnes ikke på {CHROMIUM} (apt-get install chromium; .ci/run gjør det)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python er ikke installert (make test installerer den)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    if reason is None:
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)  # assertions wait as long as actions do
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000
        )
        yield browser
        browser.close()


class PageProblems:
    """What went wrong while a page was open: fails the test at teardown."""

    def __init__(self):
        self.errors = []

    def console(self, message):
        if message.type == "error" and not _ignorable(message.text):
            self.errors.append(f"console: {message.text}")

    def page_error(self, error):
        self.errors.append(f"JavaScript: {error}")

    def response(self, response):
        request = response.request
        if response.status >= 400 and request.resource_type in {
            "script",
            "stylesheet",
            "image",
            "font",
        }:
            self.errors.append(f"{response.status} for {request.resource_type} {response.url}")


def _ignorable(text):
    # The browser's own report of a failed resource load is checked (with its address)
    # in PageProblems.response; a page that answers 404 on purpose logs one too.
    return text.startswith("Failed to load resource")


def _new_context(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="nb-NO", timezone_id="Europe/Oslo")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    context.add_init_script(CSP_LISTENER)
    return context


def _watch(page):
    problems = PageProblems()
    page.on("console", problems.console)
    page.on("pageerror", problems.page_error)
    page.on("response", problems.response)
    return problems


@pytest.fixture
def open_page(browser):
    """open_page(viewport=DESKTOP) -> a fresh page in its own context (no cookies)."""
    contexts = []
    watched = []

    def make(viewport=None):
        context = _new_context(browser, viewport or DESKTOP)
        contexts.append(context)
        page = context.new_page()
        watched.append(_watch(page))
        return page

    yield make
    for context in contexts:
        context.close()
    errors = [error for problems in watched for error in problems.errors]
    assert not errors, "Problemer i nettleseren:\n" + "\n".join(errors)


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def site_url(live_server):
    return live_server.url


class SiteServer:
    """The demo site served by gunicorn on 127.0.0.1, from its own SQLite database, for
    the whole test session (one per test worker)."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            "DJANGO_SETTINGS_MODULE": "e2e.settings",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'db.sqlite3'}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.workdir / "private-media"),
            "WAGTAILADMIN_BASE_URL": self.url,
            "CACHE_URL": "locmem://",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process = None

    def manage(self, *args, input=None):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            input=input,
            timeout=300,
        )
        assert result.returncode == 0, (
            f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
        )
        return result.stdout

    def python(self, code):
        """Run Django code in the server's database (a data set-up or a check)."""
        return self.manage("shell", "--no-imports", "-c", code)

    def start(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo_content")
        self.python(
            "from wagtail.models import Site\n"
            "site = Site.objects.get(is_default_site=True)\n"
            f"site.hostname, site.port = '127.0.0.1', {self.port}\n"
            "site.save()\n"
        )
        self.log = open(self.workdir / "server.log", "w")
        # One process, so the page cache (process memory) sees every invalidation.
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "lpp.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "4",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    "gunicorn stoppet:\n" + (self.workdir / "server.log").read_text()
                )
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn svarte ikke innen 60 sekunder")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.log.close()


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    if _skip_reason():
        pytest.skip(_skip_reason())
    server = SiteServer(tmp_path_factory.mktemp("e2e-site"))
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def browser_site(site_server):
    return site_server.url


# The password of every admin account a browser test makes (ACCOUNTS, log_in).
PASSWORD = "Sterkt-passord-2026!"

# Django code for SiteServer.python(), put before a test's own set-up code:
# ``user(name, group, first="", last="")`` makes (or updates) an admin account in the
# group ``group`` with PASSWORD and returns it.
ACCOUNTS = f"""
from django.contrib.auth.models import Group, User


def user(name, group, first="", last=""):
    account, _ = User.objects.get_or_create(username=name, defaults={{"email": name + "@lpp.example"}})
    account.first_name, account.last_name = first, last
    account.set_password({PASSWORD!r})
    account.save()
    account.groups.add(Group.objects.get(name=group))
    return account
"""


def log_in(page, base, username, password=PASSWORD):
    """Log in to the admin at ``base`` through its login form, and wait for the dashboard."""
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")


def success_message(page):
    """The text of the admin's first success message, once it is shown."""
    message = page.locator(".messages .success").first
    message.wait_for()
    return message.inner_text()


def footer_action(page, name):
    """Press an action in the editor's footer (behind «Flere handlinger» when there is
    such a menu); wait for the page it leads to. ``name`` is a text (exact) or a regex."""
    footer = page.locator("footer")
    page.wait_for_load_state()
    footer.get_by_role("button").first.wait_for()
    more = footer.get_by_role("button", name="Flere handlinger")
    if more.count():
        more.click()
    with page.expect_navigation():
        footer.get_by_role("button", name=name, exact=isinstance(name, str)).first.click()


def last_json(output):
    """The JSON a SiteServer.python() script printed last."""
    return json.loads(output.strip().splitlines()[-1])


def screenshot(page, name):
    """Save a full-page screenshot as artifacts/screenshots/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check_accessibility(page, context=None):
    """axe-core (bundled by axe-playwright-python) on the open page: no WCAG 2.1 A/AA
    violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context=context,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    assert not violations, f"axe-core på {page.url}:\n" + results.generate_report()
    return results
