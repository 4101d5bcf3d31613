"""Settings for the server the browser tests drive: production's middleware and
security headers, the page cache on, a throw-away SQLite database and media folder
named by the test run (DATABASE_URL, MEDIA_ROOT), static files straight from the
source folders through WhiteNoise."""

import os

from lpp.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "e2e-only-not-secret-5d2c8a1f0b7e4c3a9f6e1d2b8c7a0f3e"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
LPP_PAGE_CACHE_ENABLED = True
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1")
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
