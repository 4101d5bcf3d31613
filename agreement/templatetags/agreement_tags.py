from django import template

from agreement.text import render_fill_ins

register = template.Library()


@register.filter
def fill_in_fields(html):
    """{{ value.text|richtext|fill_in_fields }}: markers such as [[Pasient]] become
    labelled blanks."""
    return render_fill_ins(html)
