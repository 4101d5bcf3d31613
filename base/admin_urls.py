"""Admin URLs of a snippet's views, asked from the snippet's own viewset.

Wagtail names a snippet viewset's URLs after the model («wagtailsnippets_<app>_<model>:…»);
code and templates outside the viewset ask the viewset (``model.snippet_viewset``, set
when the snippet is registered) instead of spelling those names, so a viewset can move
its URLs without breaking a link.
"""

from django.apps import apps
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse


def snippet_viewset(model):
    """The registered viewset of a model, a model instance or an «app_label.model» label."""
    if isinstance(model, str):
        model = apps.get_model(model)
    return model.snippet_viewset


def snippet_url(model, view_name, *args):
    """The URL of one of a snippet viewset's views, e.g. ``snippet_url(Proposal, "inspect",
    proposal.pk)``; an instance without further arguments stands for its own pk."""
    if not isinstance(model, str | type) and not args:
        args = (model.pk,)
    return reverse(snippet_viewset(model).get_url_name(view_name), args=args)


def moved_to(model, view_name):
    """A view for an admin address from before the snippet's viewset owned the view: it
    sends bookmarks and open forms on with a 308, which keeps the method and the posted
    form. The path's arguments go on in their order."""

    def redirect_view(request, **kwargs):
        response = HttpResponsePermanentRedirect(snippet_url(model, view_name, *kwargs.values()))
        response.status_code = 308
        return response

    return redirect_view
