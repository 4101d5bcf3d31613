"""A local HTTP server for the recorded samples (threaded http.server on 127.0.0.1, a
random port): the real client runs end to end, and nothing leaves the machine.

Request paths map to sample files as in :func:`sources.http.sample_path`. Tests steer it
through ``server.mode``: "ok", "slow" (answers after ``delay`` seconds), "broken" (500),
"flaky" (500 on the first ``fail_first`` requests), ``overrides`` (path → bytes, to
serve a changed format) and ``scripted`` (path → answers with their own status and
headers: gzip, another charset, 429 with Retry-After, a cut-off body). It honours If-None-Match with the file's ETag and records every
request's headers."""

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from sources import conf
from sources.http import sample_path


class SampleHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        parts = urlsplit(self.path)
        server.requests.append((self.path, dict(self.headers), time.monotonic()))
        if server.mode == "slow":
            time.sleep(server.delay)
        if server.mode == "broken" or (
            server.mode == "flaky" and len(server.requests) <= server.fail_first
        ):
            self.send_response(500)
            self.end_headers()
            return
        name, _, rest = parts.path.lstrip("/").partition("/")
        key = f"{name}/{rest}" + (f"?{parts.query}" if parts.query else "")
        if server.scripted.get(key):
            status, headers, raw = server.scripted[key].pop(0)
            self.send_response(status)
            for header, value in headers.items():
                self.send_header(header, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
            return
        body = server.overrides.get(key)
        if body is None:
            target = conf.SAMPLES_DIR / name / sample_path(rest, parts.query)
            if not target.is_file():
                self.send_response(404)
                self.end_headers()
                return
            body = target.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        content_type = (
            "text/xml; charset=utf-8"
            if body.lstrip().startswith(b"<?xml")
            else "text/html; charset=utf-8"
        )
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Mon, 16 Nov 2026 09:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)


class SampleServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SampleHandler)
        self.mode = "ok"
        self.delay = 0.0
        self.fail_first = 0
        self.overrides = {}
        # path → [(status, headers, body), …]: answered in turn before the sample
        self.scripted = {}
        self.requests = []

    def url(self, name=""):
        return (
            f"http://127.0.0.1:{self.server_address[1]}/{name}/"
            if name
            else f"http://127.0.0.1:{self.server_address[1]}/"
        )


def start():
    server = SampleServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
