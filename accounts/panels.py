"""Two-factor login in the admin's account and user pages: the account page's panel and the
superuser's reset button on the user list. Registered in accounts/wagtail_hooks.py."""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.widgets.button import Button

from . import twofactor


class TwoFactorPanel(BaseSettingsPanel):
    """On the account page: whether two-factor login is on, and a link to change it.
    The panel has no fields of its own (the account page is one big form)."""

    name = "twofactor"
    title = "Tofaktorinnlogging"
    order = 550

    def get_form(self):
        return forms.Form(prefix=self.name)

    def render(self):
        return render_to_string(
            "accounts/account_panel.html",
            {"enabled": twofactor.is_enabled(self.user), "url": reverse("twofactor_setup")},
            request=self.request,
        )


def twofactor_reset_button(user, request_user):
    if request_user.is_superuser:
        yield Button(
            "Nullstill tofaktorinnlogging",
            reverse("twofactor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
