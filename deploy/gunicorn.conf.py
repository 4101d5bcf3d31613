"""gunicorn for one LPP app server (deploy/systemd/lpp-app@.service starts it with
`gunicorn -c deploy/gunicorn.conf.py`). Every value can be set in the environment file.

The app servers keep no state of their own (sessions in the database, cache in Redis,
uploads on shared storage), so nginx may send any request to any of them."""

import multiprocessing
import os

wsgi_app = "lpp.wsgi:application"
# lpp-app@8001.service listens on 127.0.0.1:8001; nginx's upstream lists each port.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests, so a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
# Only nginx on this host talks to gunicorn: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs to stdout/stderr: journald keeps them with the unit's name (journalctl -u lpp-app@8001).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
proc_name = f"lpp-app-{bind.rsplit(':', 1)[-1]}"
# gunicornc's control socket: one per app server, in the directory systemd makes for the
# unit (RuntimeDirectory=, /run/lpp-app-8001). Gunicorn's default, $HOME/.gunicorn, is
# read-only under ProtectSystem=strict and would be one socket for both app servers.
if os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(os.environ["RUNTIME_DIRECTORY"], "gunicorn.ctl")
else:
    control_socket_disable = True
