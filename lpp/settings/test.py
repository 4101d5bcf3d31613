import os

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
PUBLIC_BASE_URL = "https://www.lpp.no"
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
# The public page cache is off in tests (a test that changes rows with queryset.update()
# would see a stale page); lpp/tests/test_cache.py turns it on where it is the subject.
LPP_PAGE_CACHE_ENABLED = False
# Likewise the figures kept under the cache version (base.cache.remember).
LPP_FIGURES_CACHE_ENABLED = False
