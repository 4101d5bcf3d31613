"""Dates in templates, from the one home of how a date reads (base.dates):

``{{ value|long_date }}`` «7. desember 2026», ``{{ value|long_datetime }}`` «7. desember
2026 kl. 18.43», ``{{ value|relative_day }}`` «om 6 dager», ``{{ value|iso_date }}`` for
``<time datetime>``, all in Europe/Oslo whatever time zone is active."""

import datetime

from django import template
from django.utils import timezone

from base import dates

register = template.Library()


def _date_or_moment(value):
    """A filter gets what the template has: a date, a moment, nothing – or text (a value
    read from JSON or a form). ISO text is read as a date or a moment; other text is
    returned as it is, never an error page."""
    if not isinstance(value, str) or not value:
        return value
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.date() if len(value) == 10 else moment


def _filter(show):
    def apply(value):
        if value in (None, ""):
            return ""
        if not isinstance(value, (str, datetime.date)):
            return value
        parsed = _date_or_moment(value)
        return value if parsed is None else show(parsed)

    apply.__doc__ = show.__doc__
    return apply


long_date = register.filter("long_date", _filter(dates.long_date))
long_datetime = register.filter("long_datetime", _filter(dates.long_datetime))
short_date = register.filter("short_date", _filter(dates.short_date))
relative_day = register.filter("relative_day", _filter(dates.relative_day))
# The machine-readable day for ``<time datetime="…">``.
iso_date = register.filter("iso_date", _filter(dates.iso_day))


@register.filter
def is_date_only(value):
    """True for a calendar day (a deadline), False for a moment (when something happened)."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


@register.filter
def is_future(value):
    """True for a moment or a day after now (a deadline, a scheduled publication)."""
    if isinstance(value, datetime.datetime):
        return (
            value > timezone.now() if timezone.is_aware(value) else value > datetime.datetime.now()
        )
    if isinstance(value, datetime.date):
        return dates.days_from_today(value) > 0
    return False
