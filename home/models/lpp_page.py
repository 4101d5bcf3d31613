"""What every LPP page type mixes in (before ``Page``): two rules Wagtail leaves open, and
routing in one query (:mod:`base.routing`).

1. **Nothing goes public with unconfirmed personal data.** The page form asks the editor
   to confirm (and stores the fingerprint of what was confirmed on the revision);
   :meth:`LppPage.publish` is the last gate every publishing path passes — the editor's
   «Publiser», workflow approval, scheduled publishing and bulk publishing all end in
   ``Revision.publish()`` → ``page.publish()``.
2. **An autosave never overwrites a newer save.** Wagtail 8's autosave overwrites its
   own revision in place. The edit view checks that the revision is still the page's
   latest when the request starts, but not when it writes, so an autosave request that
   was in flight when the editor clicked «Lagre kladd» (two requests, handled side by
   side) could land last and put the older text back as the latest revision.
   :meth:`LppPage.save_revision` re-checks under a write lock, in the same transaction
   as the write: the late autosave is refused (the editor is told that saving would
   overwrite a newer version) and the newer text stays.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F
from wagtail.models import Page

from base.personal_data import unconfirmed_findings, warning_text
from base.routing import OneQueryRouting

logger = logging.getLogger(__name__)

SCHEDULED = "wagtail.publish.scheduled"
NEWER_VERSION = "Lagringen ville ha overskrevet en nyere versjon. Last siden på nytt."


class PersonalDataError(PermissionDenied):
    """Publishing refused: the text holds personal data nobody has confirmed."""


class LppPage(OneQueryRouting, models.Model):
    personal_data_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        if overwrite_revision is None or self.pk is None:
            return super().save_revision(*args, overwrite_revision=overwrite_revision, **kwargs)
        with transaction.atomic():
            # Take the page's write lock first (a row lock on PostgreSQL, the database
            # lock on SQLite): a manual save of the same page either committed before
            # this point, and its newer revision is seen below, or waits until this
            # overwrite is done and then lands on top of it.
            Page.objects.filter(pk=self.pk).update(latest_revision_id=F("latest_revision_id"))
            if self.revisions.filter(pk__gt=overwrite_revision.pk).exists():
                raise PermissionDenied(NEWER_VERSION)
            return super().save_revision(*args, overwrite_revision=overwrite_revision, **kwargs)

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        findings = unconfirmed_findings(revision.as_object())
        if findings:
            if log_action == SCHEDULED:
                # The scheduler runs unattended: skip this page (and stop retrying it every
                # run) instead of aborting the pages scheduled after it.
                type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                logger.warning(
                    "Planlagt publisering av «%s» (side %s) ble stoppet: %s",
                    self.title,
                    self.pk,
                    warning_text(findings),
                )
                return None
            raise PersonalDataError(warning_text(findings))
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )
