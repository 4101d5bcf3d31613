"""Keep the public search index in step with publishing, unpublishing, deleting and
view restrictions. Index work runs after the saving transaction commits."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexer, registry
from .models import SearchDocument


def _after_commit(function, *args):
    transaction.on_commit(lambda: function(*args), robust=True)


def _recheck_page(page_id, with_descendants=False):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    old_url = SearchDocument.objects.filter(page=page).values_list("url", flat=True).first()
    specific = page.specific
    if registry.is_searchable(type(specific)):
        indexer.index_object(specific)
    indexer.reindex_documents_of_page(page)
    new_url = SearchDocument.objects.filter(page=page).values_list("url", flat=True).first()
    if with_descendants or (old_url and new_url and old_url != new_url):
        # A new slug or place moves every page below, and their documents' addresses.
        for descendant_id in Page.objects.descendant_of(page).values_list("pk", flat=True):
            _recheck_page(descendant_id)


def on_page_moved(sender, instance, **kwargs):
    _after_commit(_recheck_page, instance.pk, True)


def on_page_published(sender, instance, **kwargs):
    _after_commit(_recheck_page, instance.pk)


def on_page_unpublished(sender, instance, **kwargs):
    _after_commit(_recheck_page, instance.pk)


def on_object_saved(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        # Pages are indexed when published: saving a draft changes nothing public.
        return
    indexer.schedule(instance)


def on_object_deleted(sender, instance, **kwargs):
    indexer.remove_object(type(instance), instance.pk)


def on_document_deleted(sender, instance, **kwargs):
    indexer.delete_fulltext([instance.pk])


def on_view_restriction_changed(sender, instance, **kwargs):
    page_id = instance.page_id

    _after_commit(_recheck_page, page_id, True)


def on_outcome_event_saved(sender, instance, raw=False, **kwargs):
    """An outcome event changes its proposal's public status (advocacy.outcomes
    recomputes it in the same transaction; the index reads it after commit)."""
    if raw or not instance.proposal_id:
        return
    label = ("advocacy", "proposal", instance.proposal_id)
    transaction.on_commit(lambda: indexer.index_by_key(*label), robust=True)


def connect():
    post_save.connect(
        on_outcome_event_saved,
        sender="advocacy.OutcomeEvent",
        dispatch_uid="search_outcome_event_saved",
    )
    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_delete.connect(on_document_deleted, sender=SearchDocument, dispatch_uid="search_doc_del")
    post_save.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_restriction_saved",
    )
    post_delete.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_restriction_deleted",
    )
    for model in registry.searchable_models():
        uid = f"search_{model._meta.label_lower}"
        if not issubclass(model, Page):
            post_save.connect(on_object_saved, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(on_object_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
