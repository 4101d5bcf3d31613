"""Settings shared by every environment. Each value that differs between a laptop and
production comes from the environment, with a default that needs nothing installed."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def parse_admins(value):
    """ "Ola Nordmann <ola@lpp.no>, drift@lpp.no" → [("Ola Nordmann", "ola@lpp.no"), …]."""
    admins = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        name, _, address = item.rpartition("<")
        address = address.rstrip(">").strip()
        if "@" not in address or (name and not item.endswith(">")):
            raise ImproperlyConfigured(f"ADMINS: {item!r} is not 'Name <address>' or an address")
        admins.append((name.strip() or address, address))
    return admins


INSTALLED_APPS = [
    "lpp",
    "base",
    "home",
    "advocacy",
    "wordexport",
    "consultations",
    "political_platform",
    "agreement",
    "strategy",
    "sources",
    "search",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "django_tasks_db",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "base.security.ContentSecurityPolicyMiddleware",
    "base.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Optional two-factor login (accounts/): a user with a confirmed authenticator app
    # gives its code before the admin opens.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "base.security.PublicRedirectMiddleware",  # Wagtail's, never to a hidden page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lpp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "lpp.wsgi.application"

# SQLite beside the checkout unless DATABASE_URL names another database (PostgreSQL in
# CI and production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers take the lock when their transaction begins, so two at once (a double
    # click) wait for each other instead of failing with «database is locked».
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Norwegian bokmål for the public site and the admin; Django's "nb" formats give
# "24. november 2026".
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Oslo"
# One time zone for everyone: no per-user choice in the admin, so a time reads the same on
# every screen, in e-mail, exports and Word files.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Files that are never served from a public address (the archived submissions: read only
# through a staff view). Keep it outside MEDIA_ROOT, which the web server may serve.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: printed to the console unless an SMTP host is configured.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LPP <post@lpp.no>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who gets an e-mail with the traceback when a page fails (500): ADMINS="Navn <e-post>, …".
ADMINS = parse_admins(os.environ.get("ADMINS", ""))

# Wagtail
WAGTAIL_SITE_NAME = "LPP – Landsforeningen for Pårørende innen Psykisk helse"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Page addresses in plain letters (the admin writes "Høringssvar om pårørendes …" as
# "horingssvar-om-parorendes-…"): links in e-mails and letters to ministries stay readable
# instead of percent-encoded.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_ENABLED = True
# Response pages are published when their submission is recorded, not on board approval.
WAGTAIL_FINISH_WORKFLOW_ACTION = "consultations.workflows.finish_workflow"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "txt", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Upload errors as Norwegian form errors, never a server error (base/upload_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "base.upload_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "base.upload_forms.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A small PNG can declare a huge canvas (a decompression bomb): checking it and making
# renditions decodes every pixel. 50 megapixels is more than any photo the site shows needs.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
TAGGIT_CASE_INSENSITIVE = True

# Search (search/conf.py): Wagtail's database backend by default (PostgreSQL with the
# "norwegian" config); ELASTICSEARCH_URL / OPENSEARCH_URL switch to Elasticsearch 9 /
# OpenSearch 3 with Norwegian analyzers, index prefix SEARCH_INDEX_PREFIX (default
# "lpp-<LPP_ENVIRONMENT>-") and SEARCH_TIMEOUT (2.5 s); public search falls back to the
# database when the engine does not answer. TASKS_BACKEND=database queues index updates
# for `manage.py db_worker` (the default with an engine: publishing never waits on it).
from search.conf import search_backends_from_env, tasks_from_env  # noqa: E402

WAGTAILSEARCH_BACKENDS = search_backends_from_env(
    os.environ, os.environ.get("LPP_ENVIRONMENT", "dev")
)
TASKS = tasks_from_env(os.environ, engine_configured=len(WAGTAILSEARCH_BACKENDS) > 1)

# Logs go to stdout, one line per record with its level and logger: under systemd,
# journald keeps them with the unit's name and a timestamp (journalctl -u lpp-app).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "lpp": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The public address of the site: links in e-mails, feeds and exported Word files must
# be absolute.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)

# --- Security, caching and the public API (base/security.py, base/cache.py, lpp/api.py) ---

# Login throttling (django-axes) on Wagtail's login form: five wrong passwords for one
# user name from one address lock that pair out for 30 minutes.
AUTHENTICATION_BACKENDS = [
    "base.security.ThrottledLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "base.security.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
# Behind a TLS-terminating proxy, set AXES_PROXY_COUNT to the number of proxies so the
# client's own address is read from X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Content-Security-Policy (django-csp): no inline scripts or styles on the public site.
# The Wagtail admin's editor needs inline code and gets its own policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
LPP_ADMIN_PATH_PREFIXES = ["/admin/"]
# The name authenticator apps show beside the account (accounts/twofactor.py).
OTP_TOTP_ISSUER = "LPP"
# No Gravatar in the admin: it would send a hash of each editor's e-mail address to a
# third party (and the admin policy only allows images from this site).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
LPP_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Caches. CACHE_URL picks a shared cache in production: "redis://host:6379/0" or
# "file:///var/cache/lpp"; the default is one process's memory (fine for runserver).
_cache_url = os.environ.get("CACHE_URL", "locmem://")
if _cache_url.startswith(("redis://", "rediss://")):
    # Fails soft (base/cache_backends.py): with Redis down the site answers uncached.
    CACHES = {
        "default": {
            "BACKEND": "base.cache_backends.ResilientRedisCache",
            "LOCATION": _cache_url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif _cache_url.startswith("file://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _cache_url.removeprefix("file://"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lpp",
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        }
    }

# Public page cache (base/cache.py). PAGE_CACHE=off turns it off (the load benchmark
# compares both).
LPP_PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
LPP_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
LPP_PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/dokumenter/", "/static/", "/media/", "/helse/"]
# Headers for shared caches in front (base/cache.py): browsers keep a public page this long
# (0: they ask again every time, since no purge reaches them and an unpublished page must
# go at once), and the edge may serve a stale copy this long while it fetches a new one.
LPP_BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "0"))
LPP_STALE_WHILE_REVALIDATE_SECONDS = int(os.environ.get("STALE_WHILE_REVALIDATE_SECONDS", "30"))
# The edge cache (Varnish, deploy/varnish/lpp.vcl), purged through Wagtail's frontend
# cache whenever the page cache is invalidated. VARNISH_URL is where Varnish listens.
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }
    if os.environ.get("VARNISH_URL")
    else {}
)
# The health endpoint (lpp/health.py): a task waiting longer than this for db_worker
# turns the queue red.
LPP_HEALTH_TASK_MAX_AGE = int(os.environ.get("HEALTH_TASK_MAX_AGE", "300"))

# Static files: hashed names are cached for a year by browsers (WhiteNoise sends
# far-future headers for them); the rest for an hour.
WHITENOISE_MAX_AGE = 60 * 60

# Uploads: what an editor may upload is limited by type (WAGTAILDOCS_EXTENSIONS,
# WAGTAILIMAGES_EXTENSIONS) and size (above); requests are capped too.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Read-only JSON API (Wagtail API v2, lpp/api.py).
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# ?search= in the API is the project's own search (lpp/api_support.py), not Wagtail's.
WAGTAILAPI_SEARCH_ENABLED = False
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}

# Watched public sources (sources/): locally the recorded samples in sources/samples/;
# production.py reads the real sites, each switched on from the environment.
from sources.conf import sources_from_env  # noqa: E402

LPP_SOURCES = sources_from_env(os.environ)
