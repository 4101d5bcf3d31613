"""Single-line text stays on one line. A title, reference or name typed into a one-line
input cannot hold a line break, but a paste from Word, a crafted request or the API can,
and it would break headings, the Word letter's subject, feeds and CSV rows. Every
``models.CharField`` in a Wagtail admin form (pages, snippets, viewsets, settings) gets
:class:`SingleLineCharField` (registered in ``base/wagtail_hooks.py``); plain Django forms
for staff use it directly."""

import re

from django import forms

LINE_BREAKS = re.compile(r"\s*[\n\r\v\f\x85\u2028\u2029]+\s*")


def single_line(text):
    """Each line break (with the spaces around it) becomes one space."""
    return LINE_BREAKS.sub(" ", text) if isinstance(text, str) else text


class SingleLineCharField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        value = single_line(value)
        return value.strip() if self.strip and isinstance(value, str) else value
