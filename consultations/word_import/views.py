"""Admin: «Importer høringssvar fra Word». Upload → review (letter head, proposals side by
side with the text, themes) → save. The uploaded bytes wait in the user's session between
the two steps, never in storage: an abandoned import leaves nothing behind."""

import base64
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from advocacy.models import Authority, Theme
from base import personal_data

from ..responses import can_start_response, response_index
from . import roundtrip, service
from .docx_reader import Heading, ListBlock, Paragraph, Quote, Table
from .forms import ReviewForm, RoundTripConfirmForm, RoundTripUploadForm, UploadForm
from .letter import suggest_themes

SESSION_KEY = "lpp_word_import"
PERMISSIONS = ("consultations.add_consultation", "consultations.change_consultation")


def may_import(user):
    return all(user.has_perm(p) for p in PERMISSIONS) and can_start_response(user, response_index())


def _store(request, name, content):
    token = secrets.token_urlsafe(16)
    # One pending import per user is enough; a second upload replaces the first.
    request.session[SESSION_KEY] = {
        "token": token,
        "name": name,
        "content": base64.b64encode(content).decode("ascii"),
    }
    return token


def _load(request, token):
    pending = request.session.get(SESSION_KEY) or {}
    if not token or pending.get("token") != token:
        return None, None
    return pending["name"], base64.b64decode(pending["content"])


def _initial(letter):
    head = letter.head
    authority = None
    if head.authority_name:
        authority = (
            Authority.objects.filter(name=head.authority_name).first()
            or Authority.objects.filter(short_name=head.authority_name).first()
        )
    summary = next((b.text for b in letter.body if isinstance(b, Paragraph)), "")
    return {
        "title": head.title,
        "authority": authority,
        "case_number": head.case_number,
        "our_reference": head.our_reference,
        "deadline": head.deadline,
        "sent_on": head.sent_on,
        "signatory": head.signatory,
        "summary": summary[:300],
        "themes": suggest_themes(letter.text, Theme.objects.all()),
    }


def _findings(letter):
    """What looks like personal data in the letter, described for the review."""
    return _text_findings(letter.text)


def _text_findings(text):
    findings = personal_data.find_personal_data(text)
    return personal_data.describe(findings) if findings else ""


def _preview(letter):
    """The letter's blocks for the template, each with the candidate keys it holds."""
    keys = {}
    for candidate in letter.candidates:
        keys.setdefault(candidate.block, []).append(candidate.key)
    rows = []
    for index, block in enumerate(letter.body):
        kind = {
            Heading: "heading",
            Paragraph: "paragraph",
            ListBlock: "list",
            Table: "table",
            Quote: "quote",
        }[type(block)]
        rows.append({"kind": kind, "block": block, "candidates": keys.get(index, [])})
    return rows


def _render(request, form, letter, name, status=200):
    return TemplateResponse(
        request,
        "consultations/admin/word_import_review.html",
        {
            "form": form,
            "letter": letter,
            "filename": name,
            "preview": _preview(letter),
        },
        status=status,
    )


def import_letter(request):
    if not may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and "token" in request.POST:
        return _review(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > service.MAX_IMPORT_SIZE:
            form.add_error("file", "Filen er for stor til å importeres (høyst 20 MB).")
        else:
            content = upload.read()
            try:
                name, _sha, letter = service.read_upload(upload.name, content)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                token = _store(request, name, content)
                review = ReviewForm(
                    initial={"token": token, **_initial(letter)},
                    candidates=letter.candidates,
                    personal_data=_findings(letter),
                )
                return _render(request, review, letter, name)
    return TemplateResponse(
        request,
        "consultations/admin/word_import_upload.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _review(request):
    name, content = _load(request, request.POST.get("token"))
    if content is None:
        messages.error(request, "Importen er utløpt eller allerede lagret. Last opp filen på nytt.")
        return redirect("consultations_admin:word_import")
    try:
        name, _sha, letter = service.read_upload(name, content)
    except ValidationError as error:
        request.session.pop(SESSION_KEY, None)
        for message in error.messages:
            messages.error(request, message)
        return redirect("consultations_admin:word_import")
    form = ReviewForm(request.POST, candidates=letter.candidates, personal_data=_findings(letter))
    if form.is_valid():
        data = form.cleaned_data
        try:
            page = service.import_letter(
                letter,
                content=content,
                filename=name,
                title=data["title"],
                authority=data["authority"],
                case_number=data["case_number"],
                our_reference=data["our_reference"],
                deadline=data["deadline"],
                sent_on=data["sent_on"],
                channel=data["channel"],
                summary=data["summary"],
                signatory=data["signatory"],
                themes=list(data["themes"]),
                confirmed=form.confirmed(),
                confirm_personal_data=bool(data.get("confirm_personal_data")),
                user=request.user,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    target = field if field in form.fields else None
                    for message in errors:
                        form.add_error(target, message)
            else:
                for message in error.messages:
                    form.add_error(None, message)
        else:
            request.session.pop(SESSION_KEY, None)
            count = len(form.confirmed())
            messages.success(
                request,
                format_html(
                    "«{}» er importert og publisert i arkivet med {} forslag. Originalfilen er "
                    "arkivert som innsendingen.",
                    page.title,
                    count,
                ),
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return _render(request, form, letter, name, status=400)


# -- «Last opp redigert Word-fil»: the round trip of a draft -----------------------------

ROUND_TRIP_KEY = "lpp_word_round_trip"


class RoundTripMenuItem(PageMenuItem):
    """«Last opp redigert Word-fil» beside «Eksporter til Word», for pages whose
    proposals, demands or positions the export marks, and users who may edit them."""

    label = "Last opp redigert Word-fil"
    icon_name = "upload"
    priority = 47

    @property
    def url(self):
        return reverse("consultations_admin:word_round_trip", args=[self.page.pk])

    def is_shown(self, user):
        return (
            roundtrip.supports_round_trip(self.page)
            and self.page.permissions_for_user(user).can_edit()
        )


def _round_trip_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not roundtrip.supports_round_trip(page):
        raise Http404("Denne sidetypen kan ikke hentes tilbake fra Word.")
    return page


def _locked_for(page, user):
    lock = page.get_lock()
    return lock is not None and lock.for_user(user)


def _round_trip_upload(request, page, form, status=200):
    return TemplateResponse(
        request,
        "consultations/admin/word_round_trip_upload.html",
        {"page": page, "form": form, "tracked": roundtrip.tracked_label(page)},
        status=status,
    )


def _round_trip_review(request, page, plan, form, name, status=200):
    return TemplateResponse(
        request,
        "consultations/admin/word_round_trip_review.html",
        {
            "page": page,
            "plan": plan,
            "form": form,
            "filename": name,
            "edited": plan.count("edited"),
            "deleted": plan.count("deleted"),
            "unchanged": plan.count("unchanged"),
            "done": plan.count("done"),
            # A draft may hold it; publishing is where it is refused (base.personal_data).
            "personal_data": _text_findings(plan.new_text()),
        },
        status=status,
    )


def round_trip(request, page_id):
    """Upload an edited export of the page → see what it changes → save a new draft
    revision → Wagtail's comparison of the previous latest revision and the new one."""
    page = _round_trip_page(request, page_id)
    if _locked_for(page, request.user):
        messages.error(request, "Siden er låst, så en Word-fil kan ikke lastes opp nå.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "POST" and "token" in request.POST:
        return _round_trip_confirm(request, page)
    form = RoundTripUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _round_trip_upload(request, page, form, 400 if request.method == "POST" else 200)
    upload = form.cleaned_data["file"]
    if upload.size > service.MAX_IMPORT_SIZE:
        form.add_error("file", "Filen er for stor (høyst 20 MB). Ingenting er endret.")
        return _round_trip_upload(request, page, form, 400)
    content = upload.read()
    try:
        plan = roundtrip.read_file(page, upload.name, content)
    except ValidationError as error:
        for message in error.messages:
            form.add_error("file", message)
        return _round_trip_upload(request, page, form, 400)
    token = secrets.token_urlsafe(16)
    # The file waits in the session, never in storage: an abandoned upload leaves nothing.
    request.session[ROUND_TRIP_KEY] = {
        "token": token,
        "page": page.pk,
        "name": upload.name,
        "content": base64.b64encode(content).decode("ascii"),
    }
    confirm = RoundTripConfirmForm(initial={"token": token}, plan=plan)
    return _round_trip_review(request, page, plan, confirm, upload.name)


def _round_trip_confirm(request, page):
    pending = request.session.get(ROUND_TRIP_KEY) or {}
    if pending.get("token") != request.POST.get("token") or pending.get("page") != page.pk:
        messages.error(
            request, "Opplastingen er utløpt eller allerede lagret. Last opp filen på nytt."
        )
        return redirect("consultations_admin:word_round_trip", page.pk)
    name, content = pending["name"], base64.b64decode(pending["content"])
    try:
        plan = roundtrip.read_file(page, name, content)
    except ValidationError as error:
        request.session.pop(ROUND_TRIP_KEY, None)
        for message in error.messages:
            messages.error(request, message)
        return redirect("consultations_admin:word_round_trip", page.pk)
    form = RoundTripConfirmForm(request.POST, plan=plan)
    if not form.is_valid():
        return _round_trip_review(request, page, plan, form, name, 400)
    try:
        previous, revision = roundtrip.save(plan, form.choices(), request.user, name)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _round_trip_review(request, page, plan, form, name, 400)
    request.session.pop(ROUND_TRIP_KEY, None)
    messages.success(
        request,
        "Endringene fra Word-filen er lagret som en ny kladd (ikke publisert). Under ser du "
        "hva som er endret fra forrige versjon.",
    )
    return redirect(
        "wagtailadmin_pages:revisions_compare",
        page.pk,
        previous.pk if previous is not None else "earliest",
        revision.pk,
    )


def round_trip_header_buttons(page, user, view_name=None, next_url=None):
    """For the hooks ``register_page_header_buttons`` and ``register_page_listing_more_buttons``."""
    yield RoundTripMenuItem(page=page)


def round_trip_listing_buttons(page, user, next_url=None):
    yield RoundTripMenuItem(page=page)
