"""Integers from a URL, parsed in one place.

Every integer a visitor can put in an address (a query-string filter, a page number, an
id in a path, an API ``offset``) is read through this module, so it is range-checked
before it reaches the database: a value that does not fit the column would otherwise be
an ``OverflowError`` on SQLite or ``NumericValueOutOfRange`` on PostgreSQL, i.e. a 500.
Out of range, negative where that means nothing, not a number at all, non-ASCII digits
(``int()`` accepts «٣»), a NUL byte: all give ``None`` (or a form error), and the caller
shows its own «ukjent …» notice or answers 400.
"""

from django import forms
from django.db import models
from django.urls import register_converter

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# Longer than any id or year; stops int() from working through a megabyte of digits.
MAX_DIGITS = 19


def column_max(model_or_field):
    """The largest value the integer column can hold on every supported database:
    a model means its primary key. ``AutoField``/``IntegerField`` are 32-bit on
    PostgreSQL even though SQLite would take 64 bits."""
    field = model_or_field
    if isinstance(model_or_field, type) and issubclass(model_or_field, models.Model):
        field = model_or_field._meta.pk
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    internal = field.get_internal_type()
    if internal in ("BigAutoField", "BigIntegerField", "PositiveBigIntegerField"):
        return INT64_MAX
    if internal in ("SmallAutoField", "SmallIntegerField", "PositiveSmallIntegerField"):
        return 2**15 - 1
    return INT32_MAX


def parse_int(value, *, minimum=1, maximum=INT64_MAX):
    """``value`` (a string from the URL) as an int in ``minimum..maximum``, else None.
    Only ASCII digits with an optional leading minus are numbers here."""
    if value is None:
        return None
    text = str(value).strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits or len(digits) > MAX_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    number = int(text)
    if number < minimum or number > maximum:
        return None
    return number


def parse_id(value, model):
    """A primary key of ``model`` from the URL, or None."""
    return parse_int(value, minimum=1, maximum=column_max(model))


class RangeIntegerField(forms.IntegerField):
    """A form field for a number in a query string (a year, a page number): ASCII
    digits only (else the ``invalid`` message), then Django's ``min_value`` and
    ``max_value`` checks, in Python, before any query."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_int(value, minimum=-INT64_MAX, maximum=INT64_MAX)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class IdField(RangeIntegerField):
    """An id in a query string: 1 up to what ``model``'s primary key holds. Whatever
    is wrong with it, the error is the field's ``invalid`` message (one «ukjent …»)."""

    def __init__(self, *, model, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", column_max(model))
        super().__init__(**kwargs)
        unknown = self.error_messages["invalid"]
        self.error_messages.update(min_value=unknown, max_value=unknown)


class IdChoiceField(forms.ModelChoiceField):
    """``ModelChoiceField`` that range-checks an integer key before looking it up."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        field = self.queryset.model._meta.pk if key == "pk" else None
        if field is None:
            field = self.queryset.model._meta.get_field(key)
        if isinstance(field, (models.IntegerField, models.AutoField)):
            if parse_int(value, minimum=1, maximum=column_max(field)) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                )
        return super().to_python(value)


class IdConverter:
    """``<id:pk>`` in a URL pattern: a positive 64-bit id. Anything larger does not
    match the pattern, so the address is a plain 404 before any query runs."""

    regex = "[0-9]{1,19}"
    maximum = INT64_MAX

    def to_python(self, value):
        number = parse_int(value, minimum=1, maximum=self.maximum)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


class PageIdConverter(IdConverter):
    """``<page_id:pk>``: a page id (Wagtail's page table has a 32-bit key)."""

    regex = "[0-9]{1,10}"
    maximum = INT32_MAX


register_converter(IdConverter, "id")
register_converter(PageIdConverter, "page_id")
