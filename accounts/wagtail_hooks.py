from django.urls import path
from wagtail import hooks

from . import views
from .panels import TwoFactorPanel, twofactor_reset_button


@hooks.register("register_admin_urls")
def register_twofactor_urls():
    return [
        path("tofaktor/", views.TwoFactorSetupView.as_view(), name="twofactor_setup"),
        path("tofaktor/skru-av/", views.TwoFactorDisableView.as_view(), name="twofactor_disable"),
        path("tofaktor/kode/", views.verify, name="twofactor_verify"),
        path("tofaktor/nullstill/<int:user_id>/", views.reset, name="twofactor_reset"),
    ]


hooks.register("register_account_settings_panel", TwoFactorPanel)
hooks.register("register_user_listing_buttons", twofactor_reset_button)


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
