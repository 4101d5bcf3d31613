"""`make prod-check`: the production stack of deploy/ started on this machine's loopback and
tested through the front door, then stopped.

    https (nginx, TLS) -> Varnish -> nginx (static, media) -> two gunicorn app servers
    PostgreSQL, Redis, the task worker, and the timers' command (deploy/bin/lpp-command)

Every service runs from the files in deploy/ (the unit files' ExecStart lines, the nginx
site, the VCL, the gunicorn config, .env.example as the environment) with this run's own
paths and ports substituted, so what is proven here is what an agency installs. Each check
prints one line; the first failure stops the run (exit 1). Everything started is stopped,
whatever happens. Needs root (it starts PostgreSQL as the postgres user) and the Debian
packages postgresql, redis-server, nginx, varnish, openssl (installed when missing).
"""

import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PYTHON = Path(os.environ.get("LPP_PYTHON", ROOT / ".venv" / "bin" / "python"))
HOST = "localhost"
DEBIAN_PACKAGES = {
    "initdb": "postgresql",
    "redis-server": "redis-server",
    "nginx": "nginx",
    "varnishd": "varnish",
    "openssl": "openssl",
}
STARTED = time.monotonic()


class CheckFailed(Exception):
    pass


def say(message):
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", flush=True)


def ok(message):
    say(f"OK  {message}")


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)
    ok(message)


def free_ports(names):
    """A distinct free loopback port for each name (all held open while choosing, so the
    system can't hand out one port twice)."""
    sockets = []
    try:
        for _name in names:
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return {name: sock.getsockname()[1] for name, sock in zip(names, sockets, strict=True)}
    finally:
        for sock in sockets:
            sock.close()


def wait_for_port(port, name, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise CheckFailed(f"{name} svarer ikke på port {port} etter {timeout} s")


def ensure_packages():
    missing = sorted({pkg for cmd, pkg in DEBIAN_PACKAGES.items() if not _which(cmd)})
    if not missing:
        return
    say(f"apt-get install {' '.join(missing)}")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run(
        [
            *sudo,
            "env",
            "DEBIAN_FRONTEND=noninteractive",
            "apt-get",
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            *missing,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _which(command):
    if command == "initdb":
        return _pg_bin() is not None
    return shutil.which(command) or shutil.which(command, path="/usr/sbin:/sbin")


def _pg_bin():
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


class Stack:
    """The services of one run, each started from deploy/ and stopped in reverse."""

    def __init__(self, work, log_statements=False):
        self.work = work
        self.log_statements = log_statements
        self.processes = {}
        self.stoppers = []
        self.ports = free_ports(
            ["postgres", "redis", "app_a", "app_b", "origin", "tls", "http", "varnish"]
        )
        self.media = work / "media"
        self.private = work / "private-media"
        self.static = work / "static"
        self.backups = work / "backups"
        for folder in (self.media, self.private, self.static, self.backups):
            folder.mkdir(parents=True)
        self.env = {}

    # --- processes -------------------------------------------------------------------
    def start(self, name, argv, env=None, cwd=ROOT):
        log = open(self.work / f"{name}.log", "ab")
        process = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def stop(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self):
        for name in reversed(list(self.processes)):
            self.stop(name)
        for stopper in reversed(self.stoppers):
            stopper()

    def log_tail(self, name, lines=30):
        path = self.work / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def manage(self, *args, check=True, capture=True):
        result = subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=capture,
            text=True,
        )
        if check and result.returncode != 0:
            raise CheckFailed(
                f"manage.py {' '.join(args)} feilet:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def shell(self, code):
        """Run Python in the site's environment; returns its last line of output."""
        result = self.manage("shell", "--no-imports", "-c", code)
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    # --- PostgreSQL --------------------------------------------------------------------
    def start_postgres(self):
        pg_bin = _pg_bin()
        data = self.work / "pg"
        data.mkdir()
        as_pg = []
        if os.geteuid() == 0:
            subprocess.run(["id", "-u", "postgres"], check=True, capture_output=True)
            shutil.chown(data, "postgres")
            as_pg = ["runuser", "-u", "postgres", "--"]
        subprocess.run(
            [
                *as_pg,
                str(pg_bin / "initdb"),
                "-D",
                str(data / "data"),
                "-U",
                "lpp",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
        )
        port = self.ports["postgres"]
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off"
        if self.log_statements:
            # bench/load.py counts the queries the app servers send.
            options += " -c log_statement=all -c log_line_prefix='%a '"
        self.postgres_log = data / "server.log"
        subprocess.run(
            [
                *as_pg,
                str(pg_bin / "pg_ctl"),
                "-D",
                str(data / "data"),
                "-l",
                str(data / "server.log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            check=True,
            capture_output=True,
        )
        self.stoppers.append(
            lambda: subprocess.run(
                [
                    *as_pg,
                    str(pg_bin / "pg_ctl"),
                    "-D",
                    str(data / "data"),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                capture_output=True,
            )
        )
        for database in ("lpp", "lpp_restore"):
            subprocess.run(
                [
                    str(pg_bin / "createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "lpp",
                    database,
                ],
                check=True,
            )
        ok(f"PostgreSQL på 127.0.0.1:{port}")

    # --- Redis ---------------------------------------------------------------------------
    def start_redis(self):
        port = self.ports["redis"]
        (self.work / "redis").mkdir(exist_ok=True)
        self.start(
            "redis",
            [
                shutil.which("redis-server"),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.work / "redis"),
            ],
        )
        wait_for_port(port, "Redis")

    # --- the environment, from .env.example ---------------------------------------------
    def write_environment(self):
        """lpp.env for this run: .env.example line by line with this run's values filled in
        (what an agency does), then read back as the README's commands and lpp-command read
        it, `set -a; . lpp.env` in sh, so a line the shell can't read fails here."""
        values = dict(
            SECRET_KEY="prod-check-" + os.urandom(32).hex(),
            ALLOWED_HOSTS=HOST,
            PUBLIC_BASE_URL=f"https://{HOST}",
            WAGTAILADMIN_BASE_URL=f"https://{HOST}",
            LPP_ENVIRONMENT="prodcheck",
            DATABASE_URL=(
                f"postgres://lpp@127.0.0.1:{self.ports['postgres']}/lpp?application_name=lpp"
            ),
            CACHE_URL=f"redis://127.0.0.1:{self.ports['redis']}/0",
            VARNISH_URL=f"http://127.0.0.1:{self.ports['varnish']}",
            STATIC_ROOT=str(self.static),
            MEDIA_ROOT=str(self.media),
            PRIVATE_MEDIA_ROOT=str(self.private),
            HEALTH_TASK_MAX_AGE="3",
            EMAIL_HOST="",
            ADMINS="",
            GUNICORN_WORKERS="2",
            BACKUP_DIR=str(self.backups),
        )
        lines = []
        for line in (ROOT / ".env.example").read_text().splitlines():
            key = line.split("=", 1)[0].strip() if re.match(r"^\w+=", line) else None
            lines.append(f"{key}={shlex.quote(values.pop(key))}" if key in values else line)
        lines += [f"{key}={shlex.quote(value)}" for key, value in values.items()]
        env_file = self.work / "lpp.env"
        env_file.write_text("\n".join(lines) + "\n")
        base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
        sourced = subprocess.run(
            ["sh", "-c", 'set -a; . "$1"; exec env -0', "sh", str(env_file)],
            env=base,
            capture_output=True,
        )
        if sourced.returncode != 0:
            raise CheckFailed(
                "sh kan ikke lese miljøfilen fra .env.example (set -a; . lpp.env): "
                + sourced.stderr.decode(errors="replace")
            )
        read = dict(
            item.split("=", 1)
            for item in sourced.stdout.decode().split("\0")
            if "=" in item and not item.startswith(("PWD=", "SHLVL=", "_="))
        )
        self.env_file = env_file
        self.env = {
            **read,
            **base,
            "HOME": str(self.work),
            "LPP_ROOT": str(ROOT),
            "LPP_PYTHON": str(PYTHON),
            "LPP_ENV_FILE": str(env_file),
        }

    def readme_manage(self, *args, env_file=None):
        """A manage.py step exactly as the README's deployment chapter writes it:
        `sh -c 'set -a; . /etc/lpp/lpp.env; .venv/bin/python manage.py …'`."""
        command = f"set -a; . {shlex.quote(str(env_file or self.env_file))}; "
        command += shlex.join([str(PYTHON), "manage.py", *args])
        base = {"PATH": self.env["PATH"], "LANG": "C.UTF-8", "HOME": str(self.work)}
        result = subprocess.run(
            ["sh", "-c", command], cwd=ROOT, env=base, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise CheckFailed(f"{command} feilet:\n{result.stdout}\n{result.stderr}")
        return result

    # --- commands from the unit files -----------------------------------------------------
    def unit_command(self, unit, **substitutions):
        """The ExecStart of a deploy/systemd unit, with /srv/lpp as this checkout."""
        text = (DEPLOY / "systemd" / unit).read_text()
        exec_start = re.search(r"^ExecStart=(.+)$", text, re.M).group(1)
        exec_start = exec_start.replace("/srv/lpp/.venv/bin/python", str(PYTHON))
        exec_start = exec_start.replace("/srv/lpp/.venv/bin/", str(PYTHON.parent) + "/")
        exec_start = exec_start.replace("/srv/lpp", str(ROOT))
        for key, value in substitutions.items():
            exec_start = exec_start.replace(key, value)
        environment = dict(re.findall(r"^Environment=(\w+)=(.*)$", text, re.M))
        for key, value in environment.items():
            for placeholder, replacement in substitutions.items():
                value = value.replace(placeholder, replacement)
            environment[key] = value.replace("/srv/lpp", str(ROOT))
        return shlex.split(exec_start), environment

    def start_app(self, name):
        port = str(self.ports[name])
        argv, environment = self.unit_command("lpp-app@.service", **{"%i": port})
        env = {**self.env, **environment}
        env["DATABASE_URL"] = env["DATABASE_URL"].replace(
            "application_name=lpp", "application_name=lpp-app"
        )
        # What systemd does for RuntimeDirectory=: the folder, named in the environment.
        text = (DEPLOY / "systemd" / "lpp-app@.service").read_text()
        runtime = re.search(r"^RuntimeDirectory=(.+)$", text, re.M).group(1).replace("%i", port)
        env["RUNTIME_DIRECTORY"] = str(self.work / "run" / runtime)
        Path(env["RUNTIME_DIRECTORY"]).mkdir(parents=True)
        self.start(name, argv, env=env)
        wait_for_port(int(port), f"app-server {name}")
        socket_path = Path(env["RUNTIME_DIRECTORY"]) / "gunicorn.ctl"
        if not wait_until(socket_path.exists, 10, 0.1):
            raise CheckFailed(f"app-server {name}: ingen kontrollsocket i {socket_path}")

    def start_worker(self):
        argv, environment = self.unit_command("lpp-worker.service")
        self.start("worker", argv, env={**self.env, **environment})

    def run_timer_command(self, job):
        """What lpp-<job>.timer starts: lpp-command@<job>.service's ExecStart."""
        argv, environment = self.unit_command("lpp-command@.service", **{"%i": job})
        # Only where the environment file is: lpp-command reads it itself, as when the
        # README has an operator run `deploy/bin/lpp-command backup` by hand.
        env = {key: self.env[key] for key in ("PATH", "LANG", "HOME", "LPP_PYTHON", "LPP_ENV_FILE")}
        result = subprocess.run(
            argv, cwd=ROOT, env={**env, **environment}, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise CheckFailed(f"lpp-command {job} feilet:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    # --- nginx and Varnish --------------------------------------------------------------
    def write_certificate(self):
        self.cert = self.work / "tls.crt"
        self.key = self.work / "tls.key"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=DNS:{HOST}",
                "-keyout",
                str(self.key),
                "-out",
                str(self.cert),
            ],
            check=True,
            capture_output=True,
        )

    def start_nginx(self):
        site = (DEPLOY / "nginx" / "lpp.conf").read_text()
        replacements = {
            "127.0.0.1:8001": f"127.0.0.1:{self.ports['app_a']}",
            "127.0.0.1:8002": f"127.0.0.1:{self.ports['app_b']}",
            "127.0.0.1:6081": f"127.0.0.1:{self.ports['varnish']}",
            "127.0.0.1:8080": f"127.0.0.1:{self.ports['origin']}",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.ports['tls']} ssl http2;",
            "listen 80;": f"listen 127.0.0.1:{self.ports['http']};",
            "server_name www.lpp.no;": f"server_name {HOST};",
            "/etc/letsencrypt/live/www.lpp.no/fullchain.pem": str(self.cert),
            "/etc/letsencrypt/live/www.lpp.no/privkey.pem": str(self.key),
            "/var/lib/lpp/static/": f"{self.static}/",
            "/var/lib/lpp/media/": f"{self.media}/",
        }
        for old, new in replacements.items():
            if old not in site:
                raise CheckFailed(f"deploy/nginx/lpp.conf: fant ikke {old!r}")
            site = site.replace(old, new)
        # No IPv6 on every CI machine's loopback.
        site = re.sub(r"^\s*listen \[::\].*$\n", "", site, flags=re.M)
        prefix = self.work / "nginx"
        (prefix / "logs").mkdir(parents=True)
        (prefix / "lpp.conf").write_text(site)
        (prefix / "nginx.conf").write_text(
            f"""user root;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    sendfile on;
    include {prefix}/lpp.conf;
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        test = subprocess.run(
            [nginx, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if test.returncode != 0:
            raise CheckFailed(f"nginx -t: {test.stderr}")
        self.start(
            "nginx",
            [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        )
        wait_for_port(self.ports["tls"], "nginx (TLS)")
        wait_for_port(self.ports["origin"], "nginx (origin)")

    def start_varnish(self):
        vcl = (DEPLOY / "varnish" / "lpp.vcl").read_text()
        if '.port = "8080";' not in vcl:
            raise CheckFailed("deploy/varnish/lpp.vcl: fant ikke origin-porten 8080")
        vcl = vcl.replace('.port = "8080";', f'.port = "{self.ports["origin"]}";')
        workdir = self.work / "varnish"
        workdir.mkdir()
        (workdir / "lpp.vcl").write_text(vcl)
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self.start(
            "varnish",
            [
                varnishd,
                "-F",
                "-a",
                f"127.0.0.1:{self.ports['varnish']}",
                "-f",
                str(workdir / "lpp.vcl"),
                "-n",
                str(workdir / "state"),
                "-s",
                "malloc,64m",
                "-T",
                "none",
            ],
        )
        wait_for_port(self.ports["varnish"], "Varnish")


# --- HTTP ----------------------------------------------------------------------------------
class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name):
        return self.headers.get(name.lower(), "")


class Client:
    """HTTP to one address — the front door (TLS, verified against this run's own
    certificate) or one app server directly — with its own cookies."""

    def __init__(self, port, tls_cert=None):
        self.port = port
        self.tls_cert = tls_cert
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        if self.tls_cert:
            # The certificate is verified against the site's host name.
            context = ssl.create_default_context(cafile=str(self.tls_cert))
            conn = http.client.HTTPSConnection(HOST, self.port, timeout=30, context=context)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = {"Host": HOST, "User-Agent": "lpp-prod-check"}
        if not self.tls_cert:
            # An app server behind the proxies: the request came in over HTTPS.
            all_headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Origin"] = f"https://{HOST}"
            all_headers["Referer"] = f"https://{HOST}{path}"
        all_headers.update(headers or {})
        conn.request(method, path, body=body, headers=all_headers)
        raw = conn.getresponse()
        payload = raw.read()
        headers_out = {}
        for key, value in raw.getheaders():
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            headers_out[key.lower()] = value
        conn.close()
        return Response(raw.status, headers_out, payload)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def login(self, username, password):
        page = self.get("/admin/login/")
        token = self.cookies.get("csrftoken")
        answer = self.post(
            "/admin/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            },
        )
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise CheckFailed(f"Innlogging i adminet feilet ({page.status}/{answer.status})")

    def csrf(self):
        return self.cookies.get("csrftoken")


def wait_until(predicate, timeout, interval=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


# --- the checks -----------------------------------------------------------------------------
def check_purge_is_refused_from_outside(stack, front):
    """Only the app servers may purge: through the front door (nginx passes requests on
    from 127.0.0.1, which Varnish trusts) PURGE and BAN are refused, and the edge keeps
    the page."""
    expect(front.get("/").header("x-edge-cache") == "hit", "forsiden ligger i Varnish")
    for method in ("PURGE", "BAN"):
        answer = front.request(method, "/")
        expect(answer.status == 405, f"{method} / gjennom inngangsdøren avvises ({answer.status})")
    # A request nginx passed on (it carries X-Forwarded-Proto) is refused by Varnish too.
    proxied = Client(stack.ports["varnish"]).request("PURGE", "/")
    expect(
        proxied.status == 405, f"PURGE videresendt fra nginx avvises av Varnish ({proxied.status})"
    )
    expect(
        front.get("/").header("x-edge-cache") == "hit", "… og forsiden ligger fortsatt i Varnish"
    )


def check_too_large_upload_is_refused_in_norwegian(stack):
    """Above the largest upload the app takes, nginx answers 413 itself, in Norwegian,
    as soon as it reads the announced size (nothing is sent)."""
    context = ssl.create_default_context(cafile=str(stack.cert))
    conn = http.client.HTTPSConnection(HOST, stack.ports["tls"], timeout=30, context=context)
    conn.putrequest("POST", "/admin/login/")
    conn.putheader("Content-Type", "application/octet-stream")
    conn.putheader("Content-Length", str(56 * 1024 * 1024))
    conn.endheaders()
    answer = conn.getresponse()
    body = answer.read().decode(errors="replace")
    conn.close()
    expect(
        answer.status == 413 and "Filen er for stor" in body,
        "opplasting over 55 MB: 413 fra nginx med norsk melding",
    )


def admin_url(stack, name, *args):
    return stack.shell(
        f"from django.urls import reverse; print(reverse('wagtailadmin_pages:{name}', args={list(args)!r}))"
    )


def check_personal_pages_stay_off_the_edge(stack, front, password, page_id):
    """Logged-in pages, previews of drafts and password-protected pages are never kept by
    Varnish: the next anonymous visitor never gets them."""
    staff = Client(stack.ports["tls"], tls_cert=stack.cert)
    staff.login("prodcheck", password)
    ok("innlogget i adminet gjennom inngangsdøren")
    for _ in range(2):
        logged_in = staff.get("/?innlogget=1")
    expect(
        "no-store" in logged_in.header("cache-control")
        and logged_in.header("x-edge-cache") != "hit"
        and "userbar" in logged_in.text,
        "innlogget: forsiden med redigeringslinjen, Cache-Control: private, no-store, aldri fra Varnish",
    )
    anonymous = Client(stack.ports["tls"], tls_cert=stack.cert).get("/?innlogget=1")
    expect(
        anonymous.status == 200 and "userbar" not in anonymous.text,
        "… og neste anonyme besøk på samme adresse får ikke den innloggedes side",
    )

    # The draft saved above, seen in the admin's revision view (a preview).
    draft = json.loads(
        stack.shell(
            "import json; from wagtail.models import Page; "
            f"p = Page.objects.get(pk={page_id}); r = p.get_latest_revision(); "
            "print(json.dumps({'id': r.pk, 'title': r.as_object().title}))"
        )
    )
    preview = admin_url(stack, "revisions_view", page_id, draft["id"])
    for _ in range(2):
        seen = staff.get(preview)
    expect(
        seen.status == 200 and draft["title"] in seen.text and seen.header("x-edge-cache") != "hit",
        f"forhåndsvisning av utkastet for redaktøren, aldri fra Varnish ({preview})",
    )
    anonymous = Client(stack.ports["tls"], tls_cert=stack.cert).get(preview)
    expect(
        anonymous.status == 302 and draft["title"] not in anonymous.text,
        "… og anonyme sendes til innloggingen uten å se utkastet",
    )

    secret = "Hemmelig-" + os.urandom(6).hex()
    protected = json.loads(
        stack.shell(
            "import json; from home.models import StandardPage; "
            "from wagtail.models import PageViewRestriction, Site; "
            "home = Site.objects.get(is_default_site=True).root_page; "
            f"p = StandardPage(title='Passordside', slug='passordside', intro='{secret}'); "
            "home.add_child(instance=p); p.save_revision().publish(); "
            "r = PageViewRestriction.objects.create(page=p, restriction_type='password', "
            "password='lpp-passord'); "
            "print(json.dumps({'id': p.pk, 'restriction': r.pk, 'url': p.get_url_parts()[2]}))"
        )
    )
    url = protected["url"]
    visitor = Client(stack.ports["tls"], tls_cert=stack.cert)
    for _ in range(2):
        form = visitor.get(url)
    expect(
        secret not in form.text and form.header("x-edge-cache") != "hit",
        f"passordbeskyttet {url}: skjemaet, aldri fra Varnish",
    )
    answer = visitor.post(
        f"/_util/authenticate_with_password/{protected['restriction']}/{protected['id']}/",
        {"password": "lpp-passord", "return_url": url, "csrfmiddlewaretoken": visitor.csrf()},
    )
    expect(answer.status == 302, f"riktig passord gjennom inngangsdøren ({answer.status})")
    for _ in range(2):
        inside = visitor.get(url)
    expect(
        secret in inside.text
        and "no-store" in inside.header("cache-control")
        and inside.header("x-edge-cache") != "hit",
        "… siden vises for den som har passordet, med Cache-Control: private, no-store",
    )
    for _ in range(2):
        stranger = Client(stack.ports["tls"], tls_cert=stack.cert).get(url)
    expect(secret not in stranger.text, "… og aldri for neste besøkende uten passord")


def check_purge_reaches_the_pages_that_show_a_response(stack, front, app_a):
    """A response published in the admin: the pages that list it (the archive, its theme,
    «Hva skjedde?», the feed, the sitemap) are fetched fresh from the edge at once."""
    info = json.loads(
        stack.shell(
            "import json; from consultations.models import ConsultationResponsePage as R; "
            "p = R.objects.live().public().filter(consultation__themes__isnull=False).first(); "
            "t = p.themes[0]; p.title = 'Oppdatert ' + p.title; p.save_revision(); "
            "print(json.dumps({'id': p.pk, 'title': p.title, 'url': p.get_url_parts()[2], "
            "'archive': p.get_parent().get_url_parts()[2], 'theme': t.get_absolute_url()}))"
        )
    )
    listings = {
        "arkivet": info["archive"],
        "temasiden": info["theme"],
        "«Hva skjedde?»": "/hva-skjedde/",
        "feeden": "/feed/horingssvar/",
        "sitemap": "/sitemap.xml",
        "høringssvaret": info["url"],
    }
    for name, path in listings.items():
        front.get(path)
        cached = front.get(path)
        expect(
            cached.status == 200 and cached.header("x-edge-cache") == "hit",
            f"{name} ({path}) ligger i Varnish",
        )
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={info['id']}"
    app_a.get(bulk)
    published = app_a.post(bulk, {"csrfmiddlewaretoken": app_a.csrf()})
    expect(
        published.status in (200, 302), f"høringssvaret publisert på server A ({published.status})"
    )
    for name, path in listings.items():
        fresh = front.get(path)
        expect(
            fresh.status == 200 and fresh.header("x-edge-cache") == "miss",
            f"{name} ({path}) hentes på nytt gjennom inngangsdøren med en gang",
        )
    for name in ("arkivet", "feeden", "høringssvaret"):
        expect(
            info["title"] in front.get(listings[name]).text, f"… og {name} viser den nye tittelen"
        )


def check_move_and_delete_purge_the_edge(stack, front, app_a, page):
    """A page moved, then deleted, in the admin of server A: the edge forgets it at once."""
    moved = json.loads(
        stack.shell(
            "import json; from wagtail.models import Page; "
            f"p = Page.objects.get(pk={page['id']}); "
            "d = next(c for c in p.get_siblings(inclusive=False).live().public()"
            ".order_by('path').specific() if p.specific.can_move_to(c)); "
            "print(json.dumps({'dest': d.pk, 'new_url': d.get_url_parts()[2] + p.slug + '/', "
            "'parent': p.get_parent().get_url_parts()[2]}))"
        )
    )
    old_url = page["url"]
    for path in (old_url, old_url, moved["parent"], moved["parent"]):
        cached = front.get(path)
    expect(
        front.get(old_url).header("x-edge-cache") == "hit"
        and cached.header("x-edge-cache") == "hit",
        f"{old_url} og siden over den ligger i Varnish",
    )
    move = admin_url(stack, "move_confirm", page["id"], moved["dest"])
    app_a.get(move)
    answer = app_a.post(move, {"csrfmiddlewaretoken": app_a.csrf()})
    expect(answer.status == 302, f"flyttet i adminet på server A ({answer.status})")
    # Wagtail leaves a redirect from the old address (WAGTAILREDIRECTS_AUTO_CREATE).
    gone = front.get(old_url)
    expect(
        gone.status == 404
        or (gone.status in (301, 302) and gone.header("location").endswith(moved["new_url"])),
        f"flyttet: {old_url} gir {gone.status} {gone.header('location')} gjennom inngangsdøren",
    )
    parent = front.get(moved["parent"])
    expect(parent.header("x-edge-cache") == "miss", f"… siden over ({moved['parent']}) er tømt")
    new_url = moved["new_url"]
    expect(front.get(new_url).status == 200, f"… og {new_url} svarer med en gang")
    expect(front.get(new_url).header("x-edge-cache") == "hit", f"{new_url} ligger i Varnish")

    delete = admin_url(stack, "delete", page["id"])
    app_a.get(delete)
    answer = app_a.post(delete, {"csrfmiddlewaretoken": app_a.csrf()})
    expect(answer.status == 302, f"slettet i adminet på server A ({answer.status})")
    expect(front.get(new_url).status == 404, f"slettet: {new_url} gir 404 gjennom inngangsdøren")


def run_checks(stack):
    front = Client(stack.ports["tls"], tls_cert=stack.cert)
    app_a = Client(stack.ports["app_a"])
    app_b = Client(stack.ports["app_b"])

    # The front page, twice: the second from the edge.
    first = front.get("/")
    expect(first.status == 200, "forsiden svarer 200 gjennom https → Varnish → nginx → app")
    expect("public" in first.header("cache-control"), "forsiden sendes med Cache-Control: public")
    second = front.get("/")
    expect(second.header("x-edge-cache") == "hit", "andre besøk på forsiden kommer fra Varnish")
    vary = first.header("vary").lower()
    expect("accept-language" not in vary, f"Vary uten Accept-Language ({vary or 'tom'})")

    check_purge_is_refused_from_outside(stack, front)
    check_too_large_upload_is_refused_in_norwegian(stack)
    gzipped = front.get("/?komprimert=1", headers={"Accept-Encoding": "gzip"})
    expect(
        gzipped.status == 200 and gzipped.header("content-encoding") == "gzip",
        "sidene komprimeres (gzip) gjennom inngangsdøren",
    )
    expect(
        "max-age" in front.get("/").header("strict-transport-security"),
        "HSTS på sidene gjennom inngangsdøren",
    )

    # Static files with far-future caching.
    static_path = stack.shell(
        "from django.contrib.staticfiles.storage import staticfiles_storage as s; "
        "import json; m = json.load(open(s.path('staticfiles.json')))['paths']; "
        "print(s.url(sorted(k for k in m if k.endswith('.css'))[0]))"
    )
    static = front.get(static_path)
    expect(
        static.status == 200 and "immutable" in static.header("cache-control"),
        f"statisk fil {static_path} fra nginx med ett års cache",
    )
    expect(
        static.header("strict-transport-security").count("max-age") == 1
        and static.header("x-content-type-options") == "nosniff",
        "… med HSTS og nosniff (én gang hver)",
    )

    # An admin user (with a password that exists only for this run).
    password = os.urandom(12).hex()
    stack.shell(
        "from django.contrib.auth import get_user_model; U = get_user_model(); "
        f"u, _ = U.objects.get_or_create(username='prodcheck'); u.is_superuser = u.is_staff = True; "
        f"u.set_password('{password}'); u.save(); print('ok')"
    )
    app_a.login("prodcheck", password)
    ok("innlogget i adminet på app-server A")

    # A page edited as a draft, published in the admin of server A: fresh at once.
    page_info = json.loads(
        stack.shell(
            "import json; from home.models import StandardPage; "
            "p = StandardPage.objects.live().public().exclude(url_path='').first(); "
            "p.title = 'Prod-check publisert ' + str(p.pk); r = p.save_revision(); "
            "print(json.dumps({'id': p.pk, 'url': p.get_url_parts()[2], 'title': p.title}))"
        )
    )
    url = page_info["url"]
    check_personal_pages_stay_off_the_edge(stack, front, password, page_info["id"])
    before = front.get(url)
    front.get(url)
    expect(
        before.status == 200 and page_info["title"] not in before.text,
        f"{url}: utkastet er ikke offentlig før publisering",
    )
    expect(front.get(url).header("x-edge-cache") == "hit", f"{url} ligger i Varnish")
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={page_info['id']}"
    confirm = app_a.get(bulk)
    expect(confirm.status == 200, "publiseringsskjemaet i adminet på server A")
    published = app_a.post(bulk, {"csrfmiddlewaretoken": app_a.csrf()})
    expect(published.status in (200, 302), f"publisert i adminet på server A ({published.status})")
    fresh = front.get(url)
    expect(
        fresh.status == 200 and page_info["title"] in fresh.text,
        f"{url}: ny versjon gjennom inngangsdøren med en gang (Varnish tømt, "
        f"x-edge-cache={fresh.header('x-edge-cache')})",
    )
    expect(page_info["title"] in app_b.get(url).text, f"{url}: ny versjon på server B også")

    # Unpublished in the admin of server A: a 404 at once, on both servers and at the edge.
    front.get(url)
    unpublish = f"/admin/pages/{page_info['id']}/unpublish/"
    app_a.get(unpublish)
    done = app_a.post(unpublish, {"csrfmiddlewaretoken": app_a.csrf()})
    expect(done.status == 302, f"avpublisert i adminet på server A ({done.status})")
    expect(front.get(url).status == 404, f"{url}: 404 gjennom inngangsdøren med en gang")
    expect(
        app_a.get(url).status == 404 and Client(stack.ports["app_b"]).get(url).status == 404,
        f"{url}: 404 på begge app-serverne",
    )

    # Scheduled publishing: live when the timer's command runs, not before.
    scheduled = json.loads(
        stack.shell(
            "import json, datetime; from django.utils import timezone; "
            "from home.models import StandardPage; from wagtail.models import Site; "
            "home = Site.objects.get(is_default_site=True).root_page; "
            "p = StandardPage(title='Planlagt side', slug='planlagt-side', intro='Kommer snart', live=False); "
            "home.add_child(instance=p); p.go_live_at = timezone.now() + datetime.timedelta(seconds=2); "
            "r = p.save_revision(); r.publish(); "
            "print(json.dumps({'id': p.pk, 'url': p.get_url_parts()[2]}))"
        )
    )
    expect(front.get(scheduled["url"]).status == 404, "planlagt side er ikke ute før tidspunktet")
    time.sleep(2.5)
    expect(front.get(scheduled["url"]).status == 404, "… og heller ikke før timeren har kjørt")
    stack.run_timer_command("publish_scheduled")
    expect(
        front.get(scheduled["url"]).status == 200,
        "planlagt side er ute når lpp-publish-scheduled.timer har kjørt publish_scheduled",
    )

    check_purge_reaches_the_pages_that_show_a_response(stack, front, app_a)
    check_move_and_delete_purge_the_edge(stack, front, app_a, scheduled)

    # Media: an image rendition and a public document, through the front door.
    media = json.loads(
        stack.shell(
            "import io, json; from PIL import Image as P; from django.core.files.images import ImageFile; "
            "from wagtail.images import get_image_model; "
            "from wagtail.documents import get_document_model; from django.core.files.base import ContentFile; "
            "Image = get_image_model(); b = io.BytesIO(); P.new('RGB', (800, 600), 'teal').save(b, 'PNG'); "
            "img = Image.objects.create(title='Prod-check', file=ImageFile(b, name='prodcheck.png')); "
            "Doc = get_document_model(); "
            "d = Doc.objects.create(title='Prod-check', file=ContentFile(b'%PDF-1.4 prod-check', name='prodcheck.pdf')); "
            "print(json.dumps({'rendition': img.get_rendition('width-400').url, 'document': d.url, "
            "'document_file': d.file.url}))"
        )
    )
    rendition = front.get(media["rendition"])
    expect(
        rendition.status == 200 and rendition.header("content-type").startswith("image/"),
        f"bildeversjon {media['rendition']} serveres av nginx",
    )
    document = front.get(media["document"])
    expect(
        document.status == 200 and document.body.startswith(b"%PDF"),
        f"offentlig dokument {media['document']} serveres",
    )
    expect(
        front.get(media["document_file"]).status == 404,
        "dokumentfilen serveres aldri direkte fra disk (bare gjennom Wagtails visning)",
    )

    # Private media: a file in PRIVATE_MEDIA_ROOT is never served.
    secret = stack.private / "submissions" / "2026" / "hemmelig.pdf"
    secret.parent.mkdir(parents=True)
    secret_content = b"%PDF-1.4 " + os.urandom(16).hex().encode()
    secret.write_bytes(secret_content)
    for path in (
        "/media/submissions/2026/hemmelig.pdf",
        "/private-media/submissions/2026/hemmelig.pdf",
        "/media/../private-media/submissions/2026/hemmelig.pdf",
        "/media/%2e%2e/private-media/submissions/2026/hemmelig.pdf",
        "/media//../private-media/submissions/2026/hemmelig.pdf",
        "/media/..%2fprivate-media/submissions/2026/hemmelig.pdf",
        "/media/%2E%2E%2Fprivate-media%2Fsubmissions%2F2026%2Fhemmelig.pdf",
        "/media/./../private-media/submissions/2026/hemmelig.pdf",
        "/static/../private-media/submissions/2026/hemmelig.pdf",
        "/media../private-media/submissions/2026/hemmelig.pdf",
    ):
        answer = front.get(path)
        expect(
            answer.status in (400, 404) and secret_content not in answer.body,
            f"privat fil gir {answer.status} gjennom nginx: {path}",
        )
    # The document files (a collection may be private) only through Wagtail's view.
    document_file = media["document_file"]
    for path in (
        document_file.replace("/media/", "/media//"),
        document_file.replace("/media/", "/media/./"),
        document_file.replace("/media/documents/", "/media/documents%2f"),
        document_file.replace("/media/documents/", "/media/%64ocuments/"),
        document_file.replace("/media/documents/", "/media/images/../documents/"),
    ):
        answer = front.get(path)
        expect(
            answer.status in (400, 404) and not answer.body.startswith(b"%PDF"),
            f"dokumentfil gir {answer.status} gjennom nginx: {path}",
        )

    # Health: green; red naming the part while Redis or the worker is stopped; green after.
    health = front.get("/helse/")
    expect(
        health.status == 200 and json.loads(health.body) == {"status": "ok"},
        "/helse/ er grønn og sier bare «ok» til anonyme",
    )

    stack.stop("redis")
    health = front.get("/helse/")
    expect(
        health.status == 503 and json.loads(health.body) == {"status": "feil"},
        "Redis stoppet: /helse/ er rød (503), uten detaljer til anonyme",
    )
    detail = json.loads(app_a.get("/helse/").body)
    expect(
        detail["deler"]["cache"]["ok"] is False and detail["deler"]["database"]["ok"],
        f"… og navngir cachen for ansatte: {detail['deler']['cache']['melding']}",
    )
    for client, name, key in ((front, "inngangsdøren", "front"), (app_b, "server B", "b")):
        answer = client.get(f"/?redis=nede-{key}")
        expect(answer.status == 200, f"nettstedet svarer uten cache via {name} mens Redis er nede")
    stack.start_redis()
    expect(
        wait_until(lambda: front.get("/helse/").status == 200, 10),
        "Redis startet igjen: /helse/ er grønn",
    )

    stack.stop("worker")
    stack.shell(
        "from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task as t; "
        "t.enqueue(['https://localhost/']); print('ok')"
    )
    expect(
        wait_until(lambda: front.get("/helse/").status == 503, 10),
        "arbeideren stoppet: /helse/ blir rød når oppgaver venter for lenge",
    )
    detail = json.loads(app_a.get("/helse/").body)
    expect(
        detail["deler"]["oppgavekø"]["ok"] is False,
        f"… og navngir oppgavekøen: {detail['deler']['oppgavekø']['melding']}",
    )
    stack.start_worker()
    expect(
        wait_until(lambda: front.get("/helse/").status == 200, 20),
        "arbeideren startet igjen: køen tømmes og /helse/ er grønn",
    )

    # The nightly backup with rotation, and a restore from it into a second database.
    for day in range(1, 17):
        (stack.backups / f"lpp-200001{day:02d}-023000.tar.gz").write_bytes(b"gammel")
    stack.run_timer_command("backup")
    kept = sorted(p.name for p in stack.backups.glob("lpp-*.tar.gz"))
    expect(
        len(kept) == 14 and not kept[-1].startswith("lpp-2000"),
        f"nattlig sikkerhetskopi skrevet, de 14 nyeste beholdt ({kept[-1]})",
    )
    # The README's restore: an empty database named in lpp.env, migrate, restore_site.
    restore_env_file = stack.work / "lpp-restore.env"
    restore_env_file.write_text(
        stack.env_file.read_text()
        .replace(
            shlex.quote(stack.env["DATABASE_URL"]),
            f"postgres://lpp@127.0.0.1:{stack.ports['postgres']}/lpp_restore",
        )
        .replace(shlex.quote(str(stack.media)), shlex.quote(str(stack.work / "restored-media")))
        .replace(shlex.quote(str(stack.private)), shlex.quote(str(stack.work / "restored-private")))
    )
    stack.readme_manage("migrate", "--noinput", env_file=restore_env_file)
    stack.readme_manage("restore_site", str(stack.backups / kept[-1]), env_file=restore_env_file)
    restore_env = {
        **stack.env,
        "DATABASE_URL": f"postgres://lpp@127.0.0.1:{stack.ports['postgres']}/lpp_restore",
    }
    count = "from wagtail.models import Page; print(Page.objects.count())"
    restored = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "--no-imports", "-c", count],
        cwd=ROOT,
        env=restore_env,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    original = stack.shell(count)
    expect(
        restored == original,
        f"gjenopprettet på PostgreSQL fra nattens fil: {restored} sider som originalen",
    )
    expect(
        (stack.work / "restored-private" / "submissions" / "2026" / "hemmelig.pdf").exists(),
        "… med de private filene",
    )


def main():
    if not PYTHON.exists():
        sys.exit(f"Fant ikke {PYTHON}: kjør make først.")
    ensure_packages()
    work = Path(tempfile.mkdtemp(prefix="lpp-prod-check-"))
    os.chmod(work, 0o755)
    stack = Stack(work)
    failed = False
    try:
        stack.start_postgres()
        stack.start_redis()
        ok(f"Redis på 127.0.0.1:{stack.ports['redis']}")
        stack.write_environment()
        stack.readme_manage("migrate", "--noinput")
        stack.readme_manage("collectstatic", "--noinput")
        stack.manage("load_demo_content")
        # The demo's site answers to this run's host name over HTTPS.
        stack.shell(
            "from wagtail.models import Site; "
            f"Site.objects.filter(is_default_site=True).update(hostname='{HOST}', port=443); "
            "print('ok')"
        )
        ok("migrert, statiske filer samlet, demoinnhold lastet (PostgreSQL)")
        stack.write_certificate()
        stack.start_app("app_a")
        stack.start_app("app_b")
        ok(f"to app-servere (gunicorn) på {stack.ports['app_a']} og {stack.ports['app_b']}")
        stack.start_worker()
        stack.start_varnish()
        stack.start_nginx()
        ok(
            f"nginx (TLS {stack.ports['tls']}) → Varnish ({stack.ports['varnish']}) → nginx "
            f"({stack.ports['origin']}) → app-serverne, og db_worker"
        )
        run_checks(stack)
    except Exception as error:  # noqa: BLE001 - any failure: report, show the logs, stop all
        failed = True
        say(f"FEIL {error}")
        for name in ("app_a", "app_b", "worker", "nginx", "varnish"):
            tail = stack.log_tail(name, 15)
            if tail:
                print(f"--- {name}.log (slutten) ---\n{tail}")
    finally:
        stack.stop_all()
        if failed and os.environ.get("PROD_CHECK_KEEP"):
            say(f"Logger beholdt i {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failed:
        sys.exit(1)
    say("prod-check: alt i orden, alt som ble startet er stoppet.")


if __name__ == "__main__":
    main()
