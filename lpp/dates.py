"""Dates as the daily commands take them."""

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
