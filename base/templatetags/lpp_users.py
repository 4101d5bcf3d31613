"""``{{ user|user_label }}``: a person's full name (base.roles.user_label)."""

from django import template

from base.roles import user_label as label

register = template.Library()


@register.filter
def user_label(user):
    return label(user)
