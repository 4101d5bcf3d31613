"""Dates: how the daily commands take them, and how every screen, e-mail, report and file
shows them (one format, one time zone)."""

import datetime

from django.core.management import CommandError
from django.utils import timezone


def run_date(value):
    """The date a daily command runs as: ``--dato ÅÅÅÅ-MM-DD`` (for testing), else today
    in Oslo. A malformed date is a Norwegian CommandError."""
    if not value:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError("--dato må skrives ÅÅÅÅ-MM-DD, for eksempel 2026-11-24.") from error


# -- showing dates ---------------------------------------------------------------------------
# One home for how a date reads, everywhere (admin, e-mail, reports, Word, public pages):
# «7. desember 2026», a moment «7. desember 2026 kl. 18.43», always in Europe/Oslo
# (settings.TIME_ZONE), and «om 6 dager» / «for 3 dager siden» where the distance helps.

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def oslo_date(value):
    """The calendar day of a date or a moment, in Oslo (an aware moment at 23.30 UTC on
    the 6th is the 7th in Oslo)."""
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value, _oslo()).date() if timezone.is_aware(value) else value.date()
        )
    return value


def oslo_time(value):
    """An aware moment in Oslo time; a naive one is taken as Oslo time already."""
    return timezone.localtime(value, _oslo()) if timezone.is_aware(value) else value


def long_date(value):
    """«7. desember 2026»; «» for no date."""
    if value in (None, ""):
        return ""
    day = oslo_date(value)
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def long_datetime(value):
    """«7. desember 2026 kl. 18.43» for a moment; a plain date reads as :func:`long_date`."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime.datetime):
        return long_date(value)
    moment = oslo_time(value)
    return f"{long_date(moment)} kl. {moment:%H.%M}"


def short_date(value):
    """«07.12.2026», as in a letter's reference line or a narrow column."""
    if value in (None, ""):
        return ""
    return oslo_date(value).strftime("%d.%m.%Y")


def days_from_today(value, today=None):
    """Whole days from today (in Oslo) to the day of ``value``; negative when past."""
    return (oslo_date(value) - (today or timezone.localdate(timezone=_oslo()))).days


def relative_day(value, today=None):
    """«i dag», «i morgen», «i går», «om 6 dager», «for 3 dager siden», «for 4 måneder
    siden», «om 2 år»."""
    if value in (None, ""):
        return ""
    days = days_from_today(value, today)
    if days == 0:
        return "i dag"
    if days == 1:
        return "i morgen"
    if days == -1:
        return "i går"
    distance = _distance(abs(days))
    return f"om {distance}" if days > 0 else f"for {distance} siden"


def _distance(days):
    # Days say it best for two months; beyond that «for 754 dager siden» is a sum to do.
    if days < 60:
        return f"{days} dager"
    if days < 730:
        return f"{round(days / 30.44)} måneder"
    return f"{days // 365} år"


def _oslo():
    # settings.TIME_ZONE, not the active one: a date must read the same for every user and
    # in a command or a Word file as on the screen.
    from zoneinfo import ZoneInfo

    from django.conf import settings

    return ZoneInfo(settings.TIME_ZONE)


def iso_day(value):
    """«2026-12-07»: the day in Oslo, for ``<time datetime>`` and files."""
    return oslo_date(value).isoformat() if value not in (None, "") else ""
