"""Deleting something other records depend on (``on_delete=PROTECT``/``RESTRICT``): the
admin says in Norwegian why it cannot be deleted and what to do instead, and deletes
nothing, instead of answering with a server error. One check for every delete the admin
offers on records (a snippet's delete view and the bulk delete of any snippet list, through
Wagtail's ``before_delete_snippet`` hook, registered in ``base/wagtail_hooks.py``); a
non-snippet delete view can call :func:`refuse_protected_delete` the same way."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

# What to do instead, per model (app_label.model_name); the default says to remove the
# references first.
ADVICE = {
    "consultations.consultation": (
        "En høring med høringssvar eller registrert innsending er en del av LPPs historikk. "
        "Sett status til «Avstått» (med begrunnelse) eller «Avsluttet» i stedet."
    ),
    "advocacy.authority": (
        "Myndigheten er adressat for høringer eller mål for forslag. Rett opp navnet i "
        "stedet, eller flytt høringene og forslagene til riktig myndighet før du sletter."
    ),
    "advocacy.proposal": (
        "Et forslag med utfallshistorikk slettes ikke: fjern det fra dokumentet, så trekkes "
        "det tilbake og historikken beholdes."
    ),
    "advocacy.outcomeevent": (
        "Hendelsen er rettet av en senere hendelse. Registrer en ny rettelse i stedet."
    ),
}
DEFAULT_ADVICE = "Fjern eller flytt det som viser til den, og prøv igjen."
MAX_NAMED = 3


def blockers(instances):
    """The records that keep ``instances`` from being deleted (empty: deleting is safe)."""
    instances = list(instances)
    if not instances:
        return []
    collector = Collector(using=router.db_for_write(type(instances[0])))
    try:
        collector.collect(instances)
    except ProtectedError as error:
        return _in_order(error.protected_objects)
    except RestrictedError as error:
        return _in_order(error.restricted_objects)
    return []


def _in_order(objects):
    # Django gathers them in no fixed order: name them the same way on every database.
    return sorted(objects, key=lambda obj: (obj._meta.label, obj.pk))


def explain(instance, blocking):
    """«X» (høring) kan ikke slettes. Knyttet til: høringssvar «Y», innsending «Z». …"""
    meta = instance._meta
    named = [f"{b._meta.verbose_name} «{b}»" for b in blocking[:MAX_NAMED]]
    more = len(blocking) - len(named)
    if more > 0:
        named.append(f"{more} til")
    advice = ADVICE.get(meta.label_lower, DEFAULT_ADVICE)
    return (
        f"«{instance}» ({meta.verbose_name}) kan ikke slettes. Knyttet til: "
        + ", ".join(named)
        + f". Ingenting er slettet. {advice}"
    )


def refuse_protected_delete(request, instances, *, back_url):
    """A redirect to ``back_url`` with one Norwegian message per instance that cannot be
    deleted, or None when all of them can."""
    refused = False
    for instance in instances:
        blocking = blockers([instance])
        if blocking:
            messages.error(request, explain(instance, blocking))
            refused = True
    return redirect(back_url) if refused else None


def before_delete_snippet(request, instances):
    instances = list(instances)
    if not instances:
        return None
    viewset = instances[0].snippet_viewset
    back_url = reverse(viewset.get_url_name("list"))
    if len(instances) == 1:
        try:
            back_url = reverse(viewset.get_url_name("edit"), args=[quote(instances[0].pk)])
        except NoReverseMatch:
            pass  # a list without an edit view: back to the list
    return refuse_protected_delete(request, instances, back_url=back_url)
