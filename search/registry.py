"""What the public search covers, read from the models themselves.

A model takes part in public search when

* it is a Wagtail page type (any concrete ``Page`` subclass with ``search_fields``):
  its public pages (base.visibility) are searchable; a page type can leave public
  search by setting ``public_search = None`` on the class; or
* it defines a classmethod ``public_search(cls)`` returning the queryset the public may
  see (``Proposal.objects.public()``, all themes …).

Optionally it defines ``search_document(self)`` returning a dict that overrides what
:mod:`search.indexer` would otherwise work out from ``search_fields`` and conventions:

``title``, ``text`` (plain text: what is searched and shown as the snippet), ``url``,
``date`` (a date or datetime: the year facet), ``themes`` (Theme objects), ``authority``
(an Authority), ``status`` / ``status_label`` (a proposal's public status), ``kind_label``
(the document type shown to the public), ``page`` (the page whose being live decides
whether this document is public).

Conventions used when ``search_document`` says nothing: a ``themes`` tag manager; an
``authority`` or ``target_authority`` foreign key; a ``public_status`` attribute giving
``(key, label)`` (a model's own ``status`` field is never read: it is often an editorial
or staff state); ``first_published_at``/``date`` for the date. Nothing else is read: staff-only fields never reach the public index unless a
model puts them into its own ``search_fields`` as ``SearchField`` — models with
staff-only text must list it only in an admin search (``public_search`` not defined) or
override ``text`` in ``search_document``.
"""

from functools import cache

from django.apps import apps
from wagtail.models import Page

from base.visibility import restrict_to_public


def _is_page_model(model):
    return issubclass(model, Page) and model is not Page


@cache
def searchable_models():
    """Every model whose public objects appear in public search, pages first."""
    models = []
    for model in apps.get_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        if _is_page_model(model):
            if getattr(model, "public_search", True) is None or not model.search_fields:
                continue
            models.append(model)
        elif callable(getattr(model, "public_search", None)):
            models.append(model)
    return tuple(sorted(models, key=lambda m: (not _is_page_model(m), m._meta.label)))


def is_searchable(model):
    return model in searchable_models()


def public_queryset(model):
    """The objects of ``model`` the public may find."""
    custom = getattr(model, "public_search", None)
    if callable(custom):
        return custom()
    # Exactly this type (not subclasses, which have their own documents).
    return restrict_to_public(model.objects.exact_type(model))


def is_public(obj):
    model = type(obj)
    return public_queryset(model).filter(pk=obj.pk).exists()


def kind_key(model):
    return model._meta.label_lower


def kind_label(model):
    label = str(model._meta.verbose_name)
    return label[:1].upper() + label[1:]


def kind_labels():
    """{kind key: label} for every searchable type, for the type facet."""
    return {kind_key(model): kind_label(model) for model in searchable_models()}
