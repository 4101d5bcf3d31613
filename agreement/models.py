"""The model relatives' agreement (Pårørendeavtale): one page, versioned.

Every publish is a Wagtail revision; the last published revision of each version number
is that version's text, recorded as an :class:`AgreementVersion`. Earlier versions stay
readable at ``/parorendeavtale/versjon/<nummer>/`` with a clause-by-clause comparison
with the version before (agreement.compare)."""

import json
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.forms import PersonalDataPageForm
from home.models import LppPage

from .blocks import ChangeLogEntryBlock, ClauseStreamBlock

VERSION_PATTERN = re.compile(r"^\d{1,3}(\.\d{1,3}){0,2}$")


def version_key(number):
    return tuple(int(part) for part in number.split("."))


class AgreementPage(RoutablePageMixin, LppPage, Page):
    class Status(models.TextChoices):
        DRAFT = "utkast", "Utkast – ikke vedtatt"
        CONSULTATION = "horing", "På høring – ikke vedtatt"
        ADOPTED = "vedtatt", "Vedtatt"

    version = models.CharField(
        "Versjon",
        max_length=20,
        default="0.1",
        help_text="For eksempel «0.1» for første utkast og «1.0» for den første vedtatte "
        "versjonen. Gi endringer et nytt nummer: tidligere versjoner blir stående lesbare.",
    )
    status = models.CharField("Status", max_length=10, choices=Status.choices, default=Status.DRAFT)
    adopted_at = models.DateField("Vedtatt dato", null=True, blank=True)
    adopted_by = models.CharField(
        "Vedtatt av", max_length=100, blank=True, help_text="For eksempel «Landsstyret»."
    )
    intro = RichTextField("Innledning", blank=True, features=["bold", "italic", "link", "ol", "ul"])
    clauses = StreamField(ClauseStreamBlock(), verbose_name="Avtalepunkter")
    change_log = StreamField(
        [("entry", ChangeLogEntryBlock())], verbose_name="Endringslogg", blank=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("adopted_at"), FieldPanel("adopted_by")]),
            ],
            heading="Versjon og vedtak",
        ),
        FieldPanel("intro"),
        FieldPanel("clauses"),
        FieldPanel("change_log"),
    ]
    content_panels += [FieldPanel("confirm_personal_data")]
    base_form_class = PersonalDataPageForm
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("clauses"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "pårørendeavtale"
        verbose_name_plural = "pårørendeavtaler"

    def clean(self):
        super().clean()
        self.version = (self.version or "").strip()
        errors = {}
        if not VERSION_PATTERN.match(self.version):
            errors["version"] = "Skriv versjonsnummeret som tall med punktum, for eksempel 1.0."
        if self.status == self.Status.ADOPTED:
            if not self.adopted_at:
                errors["adopted_at"] = "Oppgi datoen avtalen ble vedtatt."
        elif self.adopted_at:
            errors["adopted_at"] = (
                "Bare en vedtatt versjon har vedtaksdato. Sett status til «Vedtatt» eller "
                "fjern datoen."
            )
        if "version" not in errors and self.pk:
            published = list(AgreementVersion.objects.filter(page_id=self.pk))
            newer = [v for v in published if version_key(v.number) > version_key(self.version)]
            same = [v for v in published if v.number == self.version]
            if newer:
                errors["version"] = (
                    f"Versjon {max(newer, key=lambda v: version_key(v.number)).number} er "
                    "allerede publisert. En ny versjon må ha et høyere nummer."
                )
            elif same and same[0].status == self.Status.ADOPTED and self._clauses_differ(same[0]):
                errors["version"] = (
                    f"Versjon {self.version} er vedtatt og kan ikke endres. Gi endringene et "
                    "nytt versjonsnummer."
                )
        if errors:
            raise ValidationError(errors)

    def _clauses_differ(self, version):
        if version.revision is None:
            return False
        old = version.revision.content.get("clauses")
        if isinstance(old, str):
            old = json.loads(old)
        return _clause_data(old) != _clause_data(self.clauses.get_prep_value())

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED

    def versions(self):
        return sorted(
            AgreementVersion.objects.filter(page=self).select_related("revision"),
            key=lambda v: version_key(v.number),
            reverse=True,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("agreement", self)
        context.setdefault("versions", self.versions())
        return context

    @path("")
    def current_version(self, request):
        return self.render(request)

    # Wagtail's page URLs admit no dots: version 1.2 lives at versjon/1-2/.
    @re_path(r"^versjon/(?P<slug>\d{1,3}(?:-\d{1,3}){0,2})/$")
    def old_version(self, request, slug):
        from .compare import compare_agreements

        number = slug.replace("-", ".")
        version = get_object_or_404(AgreementVersion, page=self, number=number)
        if version.revision is None:
            raise Http404
        old = version.revision.as_object()
        versions = self.versions()
        earlier = [v for v in versions if version_key(v.number) < version_key(number)]
        previous = earlier[0] if earlier else None
        changes = []
        if previous and previous.revision is not None:
            changes = [
                change
                for change in compare_agreements(previous.revision.as_object(), old)
                if change.kind != "uendret"
            ]
        return self.render(
            request,
            template="agreement/agreement_version.html",
            context_overrides={
                "agreement": old,
                "version": version,
                "previous": previous,
                "changes": changes,
                "versions": versions,
            },
        )


def _clause_data(stream_data):
    """The comparable content of a clause stream: everything but block ids."""
    result = []
    for item in stream_data or []:
        value = dict(item.get("value") or {})
        subclauses = value.get("subclauses") or []
        value["subclauses"] = [
            sub.get("value") if isinstance(sub, dict) else sub for sub in subclauses
        ]
        result.append(value)
    return result


class AgreementVersion(models.Model):
    """A published version of the agreement: its number, status when published and the
    revision that holds its text (the last published with that number)."""

    page = models.ForeignKey(
        AgreementPage, on_delete=models.CASCADE, related_name="published_versions"
    )
    number = models.CharField("Versjon", max_length=20)
    status = models.CharField("Status", max_length=10, choices=AgreementPage.Status.choices)
    adopted_at = models.DateField("Vedtatt dato", null=True, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField("Publisert", default=timezone.now)

    class Meta:
        verbose_name = "avtaleversjon"
        verbose_name_plural = "avtaleversjoner"
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="agreement_version_unique")
        ]

    def __str__(self):
        return f"Versjon {self.number}"

    @property
    def url_slug(self):
        return self.number.replace(".", "-")

    def get_status_display_text(self):
        return AgreementPage.Status(self.status).label
