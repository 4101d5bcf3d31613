"""Dates in templates, from the one home of how a date reads (base.dates):

``{{ value|long_date }}`` «7. desember 2026», ``{{ value|long_datetime }}`` «7. desember
2026 kl. 18.43», ``{{ value|relative_day }}`` «om 6 dager», ``{{ value|iso_date }}`` for
``<time datetime>``, all in Europe/Oslo whatever time zone is active."""

import datetime

from django import template
from django.utils import timezone

from base import dates

register = template.Library()


@register.filter
def long_date(value):
    return dates.long_date(value)


@register.filter
def long_datetime(value):
    return dates.long_datetime(value)


@register.filter
def short_date(value):
    return dates.short_date(value)


@register.filter
def relative_day(value):
    return dates.relative_day(value)


@register.filter
def iso_date(value):
    """The machine-readable day for ``<time datetime="…">``."""
    return dates.iso_day(value)


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
