"""Which public sources are read, and from where.

``settings.LPP_SOURCES`` maps a source name to ``{"enabled": bool, "base_url": str}``.
Locally (and on the demo site) every source reads the recorded samples in
``sources/samples/`` through ``file://`` addresses, so the whole pipeline runs without
the internet; in production each source is off until switched on from the environment
(see the README): ``SOURCES_REGJERINGEN=on`` and so on, with ``SOURCES_<NAME>_URL`` to
point it elsewhere.
"""

from pathlib import Path

from django.conf import settings

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"

# name -> (label, real base address)
SOURCES = {
    "regjeringen": ("regjeringen.no", "https://www.regjeringen.no/"),
    "stortinget": ("Stortinget (data.stortinget.no)", "https://data.stortinget.no/"),
    "helsedirektoratet": ("Helsedirektoratet", "https://www.helsedirektoratet.no/"),
}

USER_AGENT = "LPP-kildeovervaking/1.0 (+https://www.lpp.no/; post@lpp.no)"
TRUTHY = {"1", "on", "true", "ja", "yes"}


def samples_url(name):
    return (SAMPLES_DIR / name).as_uri() + "/"


def sources_from_env(environ, production=False):
    """The LPP_SOURCES setting. Production: the real sites, each off unless switched on;
    elsewhere: the recorded samples, on unless switched off."""
    result = {}
    for name, (_label, real_url) in SOURCES.items():
        key = f"SOURCES_{name.upper()}"
        default_on = "off" if production else "on"
        enabled = environ.get(key, default_on).strip().lower() in TRUTHY
        default_url = real_url if production else samples_url(name)
        result[name] = {"enabled": enabled, "base_url": environ.get(f"{key}_URL", default_url)}
    return result


def source_config(name):
    configured = getattr(settings, "LPP_SOURCES", None) or sources_from_env({})
    conf = configured.get(name) or {"enabled": False, "base_url": SOURCES[name][1]}
    return conf


def is_enabled(name):
    return bool(source_config(name).get("enabled"))


def base_url(name):
    url = source_config(name)["base_url"]
    return url if url.endswith("/") else url + "/"


def label(name):
    return SOURCES[name][0]


def fetch_options():
    """Timeout, retries and politeness, overridable in settings (tests shorten them)."""
    defaults = {
        "timeout": 15.0,
        "retries": 3,
        "backoff": 2.0,  # seconds before the 2nd attempt; doubles each time
        "min_interval": 1.0,  # seconds between two requests to the same host
        "user_agent": USER_AGENT,
        "max_bytes": 10 * 1024 * 1024,
        "max_retry_after": 120.0,  # the longest Retry-After a source may ask us to wait
    }
    defaults.update(getattr(settings, "LPP_SOURCES_FETCH", {}))
    return defaults
