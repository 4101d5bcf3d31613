"""Turning two-factor login on and off (from the account page) and giving the code
after the password (where accounts/middleware.py sends the user)."""

import django_otp
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from base.roles import user_label

from . import twofactor
from .forms import CodeForm


@method_decorator(sensitive_post_parameters("code"), name="post")
class TwoFactorSetupView(WagtailAdminTemplateMixin, FormView):
    """Status, set-up (QR code, secret, confirming code) and the form to turn it off."""

    template_name = "accounts/setup.html"
    page_title = "Tofaktorinnlogging"
    header_icon = "key"
    form_class = CodeForm

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": "Konto"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["enabled"] = twofactor.is_enabled(user)
        if not context["enabled"]:
            device = twofactor.unconfirmed_device(user)
            context["qr_code"] = twofactor.qr_code_data_uri(device)
            context["secret"] = twofactor.secret(device)
        return context

    def post(self, request, *args, **kwargs):
        if twofactor.is_enabled(request.user):
            return redirect("twofactor_setup")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        device = twofactor.unconfirmed_device(self.request.user)
        device, error = twofactor.check_code(device, form.cleaned_data["code"])
        if error:
            form.add_error("code", error)
            return self.form_invalid(form)
        twofactor.confirm(device)
        # This session has just shown the code: it counts as verified.
        django_otp.login(self.request, device)
        messages.success(
            self.request,
            "Tofaktorinnlogging er slått på. Neste gang du logger inn, trenger du en kode fra appen.",
        )
        return redirect("twofactor_setup")


@method_decorator(sensitive_post_parameters("code"), name="post")
class TwoFactorDisableView(TwoFactorSetupView):
    """Turning it off takes a valid code, so a borrowed, logged-in browser can't."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        device = twofactor.confirmed_device(request.user)
        if device is None:
            return redirect("twofactor_setup")
        form = self.get_form()
        if form.is_valid():
            device, error = twofactor.check_code(device, form.cleaned_data["code"])
            if error is None:
                twofactor.turn_off(device.user, by=device.user)
                messages.success(request, "Tofaktorinnlogging er slått av for kontoen din.")
                return redirect("twofactor_setup")
            form.add_error("code", error)
        return self.form_invalid(form)


@sensitive_post_parameters("code")
def verify(request):
    """The step after the password: "Skriv inn koden fra appen"."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("wagtailadmin_home")
    if not twofactor.awaiting_code(request.user):
        return redirect(next_url)

    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = twofactor.confirmed_device(request.user)
        device, error = twofactor.check_code(device, form.cleaned_data["code"])
        if error is None:
            # A new session key for the session that now has both factors.
            request.session.cycle_key()
            django_otp.login(request, device)
            return redirect(next_url)
        form.add_error("code", error)
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": next_url})


def reset(request, user_id):
    """A superuser turns two-factor login off for someone who has lost their phone."""
    if not request.user.is_superuser:
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        if twofactor.turn_off(user, by=request.user, reset=True):
            messages.success(
                request,
                f"Tofaktorinnlogging er nullstilt for {user_label(user)}. "
                "Brukeren logger inn med passordet og kan slå den på igjen.",
            )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/reset.html",
        {
            "target": user,
            "enabled": twofactor.is_enabled(user),
            "header_title": "Nullstill tofaktorinnlogging",
        },
    )
