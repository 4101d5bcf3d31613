from django import forms
from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.widgets.button import Button

from . import twofactor, views


@hooks.register("register_admin_urls")
def register_twofactor_urls():
    return [
        path("tofaktor/", views.TwoFactorSetupView.as_view(), name="twofactor_setup"),
        path("tofaktor/skru-av/", views.TwoFactorDisableView.as_view(), name="twofactor_disable"),
        path("tofaktor/kode/", views.verify, name="twofactor_verify"),
        path("tofaktor/nullstill/<int:user_id>/", views.reset, name="twofactor_reset"),
    ]


@hooks.register("register_account_settings_panel")
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


@hooks.register("register_user_listing_buttons")
def twofactor_reset_button(user, request_user):
    if request_user.is_superuser:
        yield Button(
            "Nullstill tofaktorinnlogging",
            reverse("twofactor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_twofactor_log_actions(actions):
    actions.register_action(
        "lpp.twofactor.on", "Tofaktorinnlogging slått på", "Slo på tofaktorinnlogging"
    )
    actions.register_action(
        "lpp.twofactor.off", "Tofaktorinnlogging slått av", "Slo av tofaktorinnlogging"
    )
    actions.register_action(
        "lpp.twofactor.reset", "Tofaktorinnlogging nullstilt", "Nullstilte tofaktorinnlogging"
    )
