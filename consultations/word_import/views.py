"""Admin: «Importer høringssvar fra Word». Upload → review (letter head, proposals side by
side with the text, themes) → save. The uploaded bytes wait in the user's session between
the two steps, never in storage: an abandoned import leaves nothing behind."""

import base64
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html

from advocacy.models import Authority, Theme
from lpp import personal_data

from ..responses import can_start_response, response_index
from . import service
from .docx_reader import Heading, ListBlock, Paragraph, Quote, Table
from .forms import ReviewForm, UploadForm
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
    findings = personal_data.find_personal_data(letter.text)
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
