"""Where users get the Word files: the admin action (latest revision, for editors) and the
public download (published content only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from wagtail.models import Page

from .errors import DocxExportError
from .package import DOCX_CONTENT_TYPE
from .pages import export_page, filename_for, is_exportable, public_page, published_export


def docx_response(data, filename, *, private):
    response = HttpResponse(data, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=300"
    return response


def _include_guidance(request):
    return request.GET.get("veiledning", "ja") != "nei"


@require_safe
def public_download(request, page_id):
    """/last-ned/word/<id>/: the published version of a live, public document. A draft
    is never served: unpublished or private pages are 404, draft changes are not used."""
    page = public_page(page_id)
    if page is None:
        raise Http404("Dokumentet finnes ikke eller er ikke publisert.")
    include_guidance = _include_guidance(request)
    try:
        data = published_export(page, include_guidance=include_guidance)
    except DocxExportError as error:
        return HttpResponse(
            f"Word-filen kunne ikke lages: {error}",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return docx_response(data, filename_for(page, include_guidance), private=False)


@require_safe
def admin_export(request, page_id):
    """«Eksporter til Word» in the admin: the latest revision, marked UTKAST when it is
    not the published content. Only for users who may edit the page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not is_exportable(page):
        raise Http404("Denne sidetypen kan ikke eksporteres til Word.")
    include_guidance = _include_guidance(request)
    try:
        data = export_page(page, draft=True, include_guidance=include_guidance)
    except DocxExportError as error:
        messages.error(request, f"Word-eksporten mislyktes: {error}")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return docx_response(data, filename_for(page, include_guidance), private=True)
