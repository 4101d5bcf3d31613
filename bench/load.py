"""Load benchmark: the public site under a media spike, with and without the page cache.

Builds a throw-away copy of the demo site (SQLite in a temporary folder, production
settings: DEBUG off, WhiteNoise with compressed, hashed static files), serves it with
gunicorn on 127.0.0.1, and runs locust headless for 60 s with 50 concurrent users
(no think time) over a mixed load: the home page, the theme pages, the platform and its
chapters, the consultation response archive (with filters) and responses, the "what
came of our proposals" pages, search, the API and a Word download. Then the same run
with the page cache off. Prints requests/s, median and 95th percentile latency, and
errors for each, and the cached/uncached throughput ratio. Then (as root; LOAD_FRONT_DOOR=off
skips it) the same load through the production stack of deploy/ — Varnish, nginx, two app
servers, PostgreSQL, Redis — against the page cache alone behind nginx, and a media spike
of 200 users on one newly published response, with the SQL statements it caused
(LOAD_FRONT_DOOR=only runs just that part), and how many of the storm's requests reached
the app servers. The edge is also measured straight at Varnish over plain HTTP, as the
page-cache run is: through TLS one locust process runs out of CPU first (each summary says
when the load generator, not the site, set the pace).

    .venv/bin/python bench/load.py            # LOAD_SECONDS=60 LOAD_USERS=50 by default

Only 127.0.0.1 is ever contacted. Exits non-zero if any request failed.
"""

import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
USERS = int(os.environ.get("LOAD_USERS", "50"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "3"))

URLS_SCRIPT = r"""
import json
from django.apps import apps
from wagtail.models import Page
from advocacy.models import Theme

urls = {"page": ["/", "/om-lpp/", "/tema/"], "search": [], "docx": [], "api": []}
urls["page"] += [theme.get_absolute_url() for theme in Theme.objects.all()[:8]]
for page in Page.objects.live().public().filter(depth__gt=2).specific()[:40]:
    urls["page"].append(page.url)
urls["page"] += ["/hva-skjedde/", "/hva-skjedde/forslag/", "/hva-skjedde/forslag/?utfall=pending"]
for word in ("pårørende", "taushetsplikt", "tvang", "barn som pårørende", "ROP"):
    urls["search"].append("/sok/?q=" + word)
urls["api"] += ["/api/v2/pages/", "/api/v2/proposals/", "/api/v2/themes/"]
exportable = [
    p for p in Page.objects.live().public().specific()
    if type(p).__name__ in {"ConsultationResponsePage", "AgreementPage", "PlatformPage"}
]
urls["docx"] = [f"/last-ned/word/{p.pk}/" for p in exportable[:3]]
print(json.dumps(urls))
"""

LOCUSTFILE = """
import json, random
from locust import FastHttpUser, constant, task

URLS = json.loads({urls!r})


class Visitor(FastHttpUser):
    wait_time = constant(0)
    insecure = True  # the front door's certificate is this run's own
    default_headers = json.loads({headers!r})

    def get(self, group, name):
        if URLS[group]:
            self.client.get(random.choice(URLS[group]), name=name)

    @task(14)
    def page(self):
        self.get("page", "side")

    @task(3)
    def search(self):
        self.get("search", "søk")

    @task(2)
    def api(self):
        self.get("api", "api")

    @task(1)
    def docx(self):
        self.get("docx", "word")
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, **kwargs
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} mislyktes:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(workdir):
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        },
        "DJANGO_SETTINGS_MODULE": "lpp.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
        "STATIC_ROOT": str(workdir / "static"),
        "CACHE_URL": f"file://{workdir / 'cache'}",
    }
    print("Bygger demonettstedet (migrate, demoinnhold, collectstatic) …", flush=True)
    run(["manage.py", "migrate", "--noinput", "-v0"], env)
    run(["manage.py", "load_demo_content"], env)
    run(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    urls = json.loads(run(["manage.py", "shell", "-c", URLS_SCRIPT], env).strip().splitlines()[-1])
    return env, quoted(urls)


def quoted(urls):
    """Addresses as a client sends them on the wire (a slug or a search may hold «ø»)."""
    return {
        group: [urllib.parse.quote(path, safe="/?=&") for path in paths]
        for group, paths in urls.items()
    }


def serve(env, port, page_cache):
    env = {**env, "PAGE_CACHE": "on" if page_cache else "off"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lpp.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    sys.exit("gunicorn svarte ikke.")


def warm_up(port, urls):
    for group in urls.values():
        for path in group:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                response.read()


def load(workdir, env, urls, page_cache):
    port = free_port()
    server = serve(env, port, page_cache)
    try:
        warm_up(port, urls)
        locustfile = workdir / "locustfile.py"
        locustfile.write_text(LOCUSTFILE.format(urls=json.dumps(urls), headers="{}"))
        prefix = workdir / ("med-cache" if page_cache else "uten-cache")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(locustfile),
                "--headless",
                "-u",
                str(USERS),
                "-r",
                str(USERS),
                "-t",
                f"{SECONDS}s",
                "--stop-timeout",
                "10",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "ERROR",
            ],
            cwd=workdir,
            env={k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"},
            capture_output=True,
            text=True,
            timeout=SECONDS + 120,
        )
        with open(f"{prefix}_stats.csv", newline="") as handle:
            rows = {row["Name"]: row for row in csv.DictReader(handle)}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def summary(label, rows, users=USERS):
    total = rows["Aggregated"]
    figures = {
        "rps": float(total["Requests/s"]),
        "median": float(total["Median Response Time"]),
        "p95": float(total["95%"]),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
    }
    print(f"\n{label}: {figures['requests']} forespørsler på {SECONDS} s med {users} brukere")
    print(f"  {'':10} {'req/s':>8} {'median ms':>10} {'p95 ms':>8} {'feil':>6}")
    for name in ("side", "søk", "api", "word", "Aggregated"):
        if name in rows:
            row = rows[name]
            print(
                f"  {('totalt' if name == 'Aggregated' else name):10} "
                f"{float(row['Requests/s']):8.1f} {float(row['Median Response Time']):10.0f} "
                f"{float(row['95%']):8.0f} {int(row['Failure Count']):6d}"
            )
    # Users without think time keep one request each in flight: users / median is what the
    # servers allow. Far fewer measured means locust itself (one process, on the same
    # cores as nginx and Varnish) set the pace, not the stack.
    possible = users / (figures["median"] / 1000) if figures["median"] else float("inf")
    if figures["rps"] < possible / 2:
        print(
            f"  ({users} brukere / median {figures['median']:.0f} ms ≈ {possible:.0f} req/s "
            f"mulig, {figures['rps']:.0f} målt: lastgeneratoren er grensen, ikke nettstedet)"
        )
    return figures


def locust(workdir, host, urls, label, users=USERS, headers=None):
    """One headless locust run; returns the stats rows by name."""
    locustfile = workdir / f"locustfile-{label}.py"
    locustfile.write_text(
        LOCUSTFILE.format(urls=json.dumps(urls), headers=json.dumps(headers or {}))
    )
    prefix = workdir / label
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(locustfile),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            f"{SECONDS}s",
            "--stop-timeout",
            "10",
            "--host",
            host,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=SECONDS + 120,
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def front_door():
    """The same mixed load through the production stack of deploy/ (make prod-check's):
    https → Varnish → nginx → two app servers on PostgreSQL and Redis; then straight to
    nginx's origin (the Django page cache alone, no Varnish); then a media spike: 200
    users on one newly published response, counting the SQL statements the app servers
    sent (PostgreSQL's statement log)."""
    sys.path.insert(0, str(ROOT / "deploy"))
    import prod_check

    if os.geteuid() != 0:
        print("\nInngangsdøren hoppes over: trenger root (PostgreSQL, nginx, Varnish).")
        return
    prod_check.ensure_packages()
    with tempfile.TemporaryDirectory(prefix="lpp-load-front-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o755)
        stack = prod_check.Stack(work / "stack", log_statements=True)
        try:
            stack.start_postgres()
            stack.start_redis()
            stack.write_environment()
            stack.manage("migrate", "--noinput")
            stack.manage("collectstatic", "--noinput")
            stack.manage("load_demo_content")
            stack.shell(
                "from wagtail.models import Site; Site.objects.filter(is_default_site=True)"
                f".update(hostname='{prod_check.HOST}', port=443); print('ok')"
            )
            urls = quoted(json.loads(stack.shell(URLS_SCRIPT)))
            stack.write_certificate()
            stack.start_app("app_a")
            stack.start_app("app_b")
            stack.start_worker()
            stack.start_varnish()
            stack.start_nginx()
            front = f"https://{prod_check.HOST}:{stack.ports['tls']}"
            origin = f"http://127.0.0.1:{stack.ports['origin']}"
            https = {"X-Forwarded-Proto": "https", "Host": prod_check.HOST}
            edge = summary(
                "Inngangsdøren (Varnish → nginx → 2 app-servere)", locust(work, front, urls, "kant")
            )
            page_cache = summary(
                "Sidecachen alene (nginx → 2 app-servere, Redis)",
                locust(work, origin, urls, "sidecache", headers=https),
            )
            # The edge alone over plain HTTP, as the page-cache run is: no TLS for the client
            # to pay for.
            varnish = summary(
                "Kanten alene (Varnish over http, uten TLS)",
                locust(
                    work,
                    f"http://127.0.0.1:{stack.ports['varnish']}",
                    urls,
                    "varnish",
                    headers=https,
                ),
            )
            uncached_rps = page_cache["rps"] or float("nan")
            print(
                f"\nForhold kant/sidecache: {edge['rps'] / uncached_rps:.1f}× gjennom "
                f"inngangsdøren, {varnish['rps'] / uncached_rps:.1f}× mot Varnish alene "
                f"(mål ≥ 5×), feil {edge['errors']} / {varnish['errors']} / {page_cache['errors']}"
            )

            spike_url = stack.shell(
                "from consultations.models import ConsultationResponsePage as R; "
                "p = R.objects.live().first(); p.title = p.title + ' (oppdatert)'; "
                "p.save_revision().publish(); print(p.url)"
            )
            spike_url = urllib.parse.quote(spike_url, safe="/?=&")
            log = stack.postgres_log
            start = log.stat().st_size
            app_logs = {name: stack.work / f"{name}.log" for name in ("app_a", "app_b")}
            app_starts = {name: path.stat().st_size for name, path in app_logs.items()}
            spike = summary(
                f"Mediestorm: 200 brukere på {spike_url} i {SECONDS} s",
                locust(
                    work,
                    front,
                    {"page": [spike_url], "search": [], "api": [], "docx": []},
                    "storm",
                    users=200,
                ),
                users=200,
            )
            with open(log, "rb") as handle:
                handle.seek(start)
                statements = sum(
                    1 for line in handle if line.startswith(b"lpp-app ") and b"statement:" in line
                )
            reached = 0
            for name, path in app_logs.items():
                with open(path, "rb") as handle:
                    handle.seek(app_starts[name])
                    reached += sum(1 for line in handle if f'"GET {spike_url} '.encode() in line)
            print(
                f"  SQL-setninger fra app-serverne under stormen: {statements} "
                f"(mål: bare den første forespørselens), feil {spike['errors']}\n"
                f"  Forespørsler som nådde app-serverne (resten svarte Varnish): {reached} "
                f"av {spike['requests']}"
            )
        finally:
            stack.stop_all()


def main():
    if os.environ.get("LOAD_FRONT_DOOR") == "only":
        front_door()
        return
    with tempfile.TemporaryDirectory(prefix="lpp-load-") as tmp:
        workdir = Path(tmp)
        env, urls = prepare(workdir)
        print(
            f"Adresser: {sum(len(v) for v in urls.values())} "
            f"({len(urls['page'])} sider, {len(urls['search'])} søk, "
            f"{len(urls['api'])} API, {len(urls['docx'])} Word)",
            flush=True,
        )
        cached = summary("Med sidecache", load(workdir, env, urls, page_cache=True))
        uncached = summary("Uten sidecache", load(workdir, env, urls, page_cache=False))
    ratio = cached["rps"] / uncached["rps"] if uncached["rps"] else float("inf")
    print(
        f"\nForhold med/uten cache: {ratio:.1f}× forespørsler per sekund, "
        f"median {uncached['median']:.0f} → {cached['median']:.0f} ms, "
        f"p95 {uncached['p95']:.0f} → {cached['p95']:.0f} ms"
    )
    if os.environ.get("LOAD_FRONT_DOOR", "on") != "off":
        front_door()
    if cached["errors"] or uncached["errors"]:
        sys.exit(f"Feil under lasten: {cached['errors']} med cache, {uncached['errors']} uten.")


if __name__ == "__main__":
    main()
