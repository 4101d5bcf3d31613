"""Dates in Wagtail's own admin screens, the same as in LPP's: Europe/Oslo, «7. desember
2026 kl. 18.43».

Wagtail's inspect view prints a moment through ``|localize`` without converting it to local
time, so a position's «Ordlyd sist endret» read 17:43 (UTC) on its detail page and 18:43 in
the list; its spreadsheet export writes moments in UTC; and a user could pick another time
zone for their admin. :func:`install` (run once from
``LppConfig.ready``) gives every date and date-time field a display in Oslo time and makes
exports write Oslo time."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.users.models import UserProfile

from .dates import iso_day, long_datetime, oslo_time


class DateDisplay(BaseFieldDisplay):
    """A date or a moment in an inspect view, as a ``<time>`` element."""

    def render_html(self, parent_context=None):
        if self.value is None:
            return "–"
        if isinstance(self.value, datetime.datetime):
            machine = oslo_time(self.value).isoformat()
        else:
            machine = iso_day(self.value)
        return format_html('<time datetime="{}">{}</time>', machine, long_datetime(self.value))


def _oslo_naive(value):
    # Excel has no time zones: write the wall-clock time in Oslo.
    return oslo_time(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def _oslo_text(value):
    return f"{_oslo_naive(value):%Y-%m-%d %H:%M}"


def _one_time_zone(profile):
    return settings.TIME_ZONE


def install():
    """Register the date display and the export conversion (idempotent)."""
    # settings.WAGTAIL_USER_TIME_ZONES has one zone, so the account screen offers no
    # choice; a zone a user picked before that must not make their admin show UTC.
    UserProfile.get_current_time_zone = _one_time_zone
    register_display_class(models.DateField, display_class=DateDisplay)
    register_display_class(models.DateTimeField, display_class=DateDisplay)
    # Replace the entry in place: the mixin checks types in order, datetime before date.
    SpreadsheetExportMixin.custom_value_preprocess[datetime.datetime] = {
        SpreadsheetExportMixin.FORMAT_XLSX: _oslo_naive,
        SpreadsheetExportMixin.FORMAT_CSV: _oslo_text,
    }
