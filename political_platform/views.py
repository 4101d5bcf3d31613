"""Admin views of the platform: starting a new edition from an existing one."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from base.text import norwegian_slugify

from .editions import NEW_EDITION_URL_NAME
from .models import PlatformPage


class NewEditionForm(forms.Form):
    edition = forms.CharField(
        label="Ny utgave",
        max_length=40,
        help_text="For eksempel «2031–2035». Den nye utgaven starter som et utkast med "
        "alle kapitlene fra utgaven du kopierer.",
    )

    def __init__(self, *args, parent=None, **kwargs):
        self.parent = parent
        super().__init__(*args, **kwargs)

    def clean_edition(self):
        edition = self.cleaned_data["edition"].strip()
        if PlatformPage.objects.filter(edition__iexact=edition).exists():
            raise forms.ValidationError(
                "Det finnes allerede en utgave av plattformen med denne betegnelsen. "
                "Velg en annen, for eksempel neste periode."
            )
        slug = norwegian_slugify(edition.replace("–", "-").replace("—", "-"))
        if not slug:
            raise forms.ValidationError("Betegnelsen må inneholde bokstaver eller tall.")
        if self.parent.get_children().filter(slug=slug).exists():
            raise forms.ValidationError(
                f"Adressen «{slug}» brukes allerede av en annen side under plattformen."
            )
        self.cleaned_data["slug"] = slug
        return edition


def new_edition(request, page_id):
    """Copy an edition and its chapters into a new draft edition. The source edition
    and its chapters are not touched: they stay live and readable."""
    source = get_object_or_404(PlatformPage, pk=page_id)
    parent = source.get_parent()
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = NewEditionForm(request.POST or None, parent=parent)
    if request.method == "POST" and form.is_valid():
        edition = form.cleaned_data["edition"]
        with transaction.atomic():
            copy = source.copy(
                recursive=True,
                to=parent,
                keep_live=False,
                copy_revisions=False,
                user=request.user,
                update_attrs={
                    "edition": edition,
                    "title": f"Politisk plattform {edition}",
                    "draft_title": f"Politisk plattform {edition}",
                    "slug": form.cleaned_data["slug"],
                    "status": PlatformPage.Status.DRAFT,
                    "adopted_at": None,
                    "adopted_by": "",
                },
            )
        messages.success(
            request,
            f"Utgaven {edition} er opprettet som utkast med kapitlene fra {source.edition}. "
            f"Utgaven {source.edition} er uendret.",
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request,
        "political_platform/admin/new_edition.html",
        {
            "page": source,
            "form": form,
            "action_url": reverse(NEW_EDITION_URL_NAME, args=[source.pk]),
        },
    )
