import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from base.admin_urls import snippet_url
from base.admin_widgets import DateInput
from base.single_line import SingleLineCharField

from . import ical, responses
from .models import CalendarFeed, Consultation, Submission
from .permissions import CHANGE, VIEW
from .status import OPEN_STATUSES, Status
from .submission import (
    ALLOWED_EXTENSIONS,
    ALREADY_RECORDED,
    archive_submission,
    check_can_submit,
    generated_letter,
)

FILE_ERRORS = {"invalid_content", "draft"}


def can_use_calendar(user):
    return user.is_active and user.has_perm(CHANGE)


# --- The calendar feed (public URL, secret token) -----------------------------------


def feed_events(request_user):
    """The deadlines of every open consultation, as iCal events."""
    stamp = timezone.now().astimezone(datetime.UTC)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    events = []
    consultations = (
        Consultation.objects.filter(status__in=OPEN_STATUSES)
        .select_related("authority", "responsible")
        .order_by("deadline", "pk")
    )
    for consultation in consultations:
        url = base + snippet_url(Consultation, "edit", consultation.pk)
        mine = consultation.responsible_id == request_user.pk
        description = "\n".join(
            line
            for line in [
                f"Myndighet: {consultation.authority.name}",
                f"Deres ref.: {consultation.case_number}" if consultation.case_number else "",
                f"Status: {consultation.get_status_display()}",
                f"Ansvarlig: {consultation.responsible_name or 'ingen'}",
                consultation.url,
            ]
            if line
        )
        events.append(
            ical.all_day_event(
                uid=f"horingsfrist-{consultation.pk}@lpp",
                day=consultation.deadline,
                summary=f"Høringsfrist: {consultation.title}" + (" (ditt ansvar)" if mine else ""),
                description=description,
                url=url,
                stamp=stamp,
            )
        )
        if consultation.draft_deadline and consultation.status in (
            Status.REGISTERED,
            Status.ASSESSING,
            Status.DRAFTING,
        ):
            events.append(
                ical.all_day_event(
                    uid=f"intern-frist-{consultation.pk}@lpp",
                    day=consultation.draft_deadline,
                    summary=f"Intern frist (utkast): {consultation.title}"
                    + (" (ditt ansvar)" if mine else ""),
                    description=description,
                    url=url,
                    stamp=stamp,
                )
            )
    return events


@require_safe
def calendar_feed(request, token):
    feed = CalendarFeed.active_for_token(token)
    if feed is None or not can_use_calendar(feed.user):
        raise Http404("Fant ikke kalenderen.")
    body = ical.calendar("LPP – høringsfrister", feed_events(feed.user))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="horingsfrister.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response


# --- Admin: the user's calendar address ----------------------------------------------


def calendar_settings(request):
    if not can_use_calendar(request.user):
        raise PermissionDenied
    new_url = None
    if request.method == "POST":
        if request.POST.get("action") == "stopp":
            CalendarFeed.revoke_all(request.user)
            messages.success(
                request, "Kalenderadressen er slått av. Den gamle adressen virker ikke lenger."
            )
            return redirect("consultations_admin:calendar")
        _feed, token = CalendarFeed.create_for(request.user)
        new_url = request.build_absolute_uri(reverse("consultations_calendar", args=[token]))
        messages.success(
            request, "Ny kalenderadresse er laget. En eventuell gammel adresse virker ikke lenger."
        )
    active = CalendarFeed.objects.filter(user=request.user, revoked_at__isnull=True).first()
    return TemplateResponse(
        request,
        "consultations/admin/calendar.html",
        {
            "active": active,
            "new_url": new_url,
        },
    )


# --- Admin: recording the submission -------------------------------------------------


class SubmissionForm(forms.Form):
    submitted_on = forms.DateField(
        label="Sendt dato",
        error_messages={
            "required": "Skriv datoen høringssvaret ble sendt.",
            "invalid": "Skriv en gyldig dato, for eksempel 24.11.2026.",
        },
    )
    channel = forms.ChoiceField(
        label="Kanal",
        choices=Submission.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Velg hvordan høringssvaret ble sendt."},
    )
    recipient = SingleLineCharField(
        label="Mottaker",
        max_length=300,
        help_text="For eksempel «postmottak@hod.dep.no» eller «regjeringen.no (høringsportalen)».",
        error_messages={"required": "Skriv hvem høringssvaret ble sendt til."},
    )
    file = forms.FileField(
        label="Filen som ble sendt",
        required=False,
        help_text="Akkurat den filen som ble sendt. Den arkiveres uendret med sjekksum (SHA-256). "
        "Tillatte filtyper: " + ", ".join(sorted(e.lstrip(".") for e in ALLOWED_EXTENSIONS)) + ". "
        "La feltet stå tomt for å arkivere LPPs brev laget som Word-fil fra den godkjente versjonen.",
        error_messages={"empty": "Filen er tom."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submitted_on"].widget = DateInput()

    def clean_submitted_on(self):
        day = self.cleaned_data["submitted_on"]
        if day > timezone.localdate():
            raise ValidationError("Sendt dato kan ikke være fram i tid.")
        return day


def submit(request, pk):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    consultation = get_object_or_404(Consultation.objects.select_related("authority"), pk=pk)
    edit_url = snippet_url(Consultation, "edit", pk)
    if Submission.objects.filter(consultation=consultation).exists():
        # A second click (or the back button) after the submission was recorded.
        messages.info(request, ALREADY_RECORDED)
        return redirect(edit_url)
    blocked = None
    try:
        check_can_submit(consultation)
    except ValidationError as error:
        blocked = error.messages
    if request.method == "POST" and not blocked:
        form = SubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload:
                    content, filename = upload.read(), upload.name
                else:
                    content, filename = generated_letter(consultation)
                archive_submission(
                    consultation,
                    content=content,
                    filename=filename,
                    submitted_on=form.cleaned_data["submitted_on"],
                    channel=form.cleaned_data["channel"],
                    recipient=form.cleaned_data["recipient"],
                    user=request.user,
                )
            except ValidationError as error:
                code = getattr(error, "code", None)
                if code == "already_recorded":
                    messages.info(request, ALREADY_RECORDED)
                    return redirect(edit_url)
                for message in error.messages:
                    form.add_error("file" if code in FILE_ERRORS else None, message)
            else:
                messages.success(
                    request,
                    "Innsendingen er registrert, filen er arkivert, og høringssvaret er publisert.",
                )
                return redirect(edit_url)
    else:
        authority = consultation.authority
        form = SubmissionForm(
            initial={
                "submitted_on": timezone.localdate(),
                "channel": Submission.Channel.EMAIL,
                "recipient": authority.email or authority.name,
            }
        )
    return TemplateResponse(
        request,
        "consultations/admin/submit.html",
        {
            "consultation": consultation,
            "form": form,
            "blocked": blocked,
            "edit_url": edit_url,
        },
    )


@require_safe
def submission_file(request, pk):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    submission = get_object_or_404(Submission, consultation_id=pk)
    response = FileResponse(
        submission.file.open("rb"), as_attachment=True, filename=submission.filename
    )
    response["X-Content-SHA256"] = submission.sha256
    return response


# --- «Skriv høringssvar»: the response, already linked to its consultation --------------


def start_response(request, pk):
    """GET asks, POST creates (or opens) the consultation's one response page. Anyone who
    may add a page to the response archive may start one; an existing response is opened
    instead of making a second (an abandoned empty stub is reused: consultations.stubs)."""
    consultation = get_object_or_404(Consultation, pk=pk)
    if not (request.user.has_perm(VIEW) or request.user.has_perm(CHANGE)):
        raise PermissionDenied
    index = responses.response_index()
    existing = consultation.get_response()
    if existing is not None:
        return redirect("wagtailadmin_pages:edit", existing.pk)
    back = snippet_url(Consultation, "inspect", pk)
    if request.user.has_perm(CHANGE):
        back = snippet_url(Consultation, "edit", pk)
    refused = None
    if not responses.can_start_response(request.user, index):
        refused = (
            "Du har ikke tilgang til å skrive høringssvar. Arbeidsgruppe høringssvar og "
            "sekretariatet kan opprette dem."
            if index is not None
            else "Nettstedet har ingen side for høringssvar ennå. Be en administrator opprette "
            "«Høringssvar» under forsiden."
        )
    elif consultation.status == Status.DECLINED:
        refused = (
            "LPP har avstått fra å svare på denne høringen. Ta den opp til vurdering igjen før "
            "dere skriver et svar."
        )
    if request.method == "POST" and refused is None:
        page, _created = responses.start_response(consultation, request.user)
        messages.success(
            request, f"Høringssvaret er opprettet og knyttet til «{consultation.title}»."
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    return TemplateResponse(
        request,
        "consultations/admin/start_response.html",
        {"consultation": consultation, "refused": refused, "back_url": back},
        status=403 if refused and request.method == "POST" else 200,
    )
