"""Dates as LPP's documents write them (Europe/Oslo)."""

from base.dates import long_date, short_date


def norwegian_date(value):
    """24. november 2026 (a moment: its day in Oslo)."""
    return long_date(value)


def numeric_date(value):
    """24.11.2026, as in a letter's reference line."""
    return short_date(value)
