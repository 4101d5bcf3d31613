"""The public side of the follow-up: the page «Slik følger vi opp strategien», the member
survey and the local chapters' report form. The last two are reached through a secret
link without an account; both are rate-limited per visitor and store nothing about the
sender beyond what they write."""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from .followup import public_overview
from .forms import ChapterReportForm, SurveyAnswerForm
from .models import (
    ChapterReport,
    LocalChapter,
    Measure,
    Review,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)

# Posts per visitor and link in RATE_WINDOW seconds; more are refused in Norwegian.
RATE_LIMIT = 10
RATE_WINDOW = 3600
TOO_MANY = (
    "Du har sendt inn mange ganger på kort tid. Vent en stund og prøv igjen, eller kontakt "
    "sekretariatet."
)


@require_safe
def follow_up_page(request):
    """«Slik følger vi opp strategien»: per plan, the latest approved review's public
    statuses, with the period and the date of approval."""
    return render(request, "strategy/follow_up.html", {"plans": public_overview()})


def _rate_limited(request, scope):
    # The address is hashed and only kept in the cache for the window: never stored.
    address = request.META.get("REMOTE_ADDR", "")
    key = "strategy-rate:" + hashlib.sha256(f"{scope}:{address}".encode()).hexdigest()
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > RATE_LIMIT


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def survey(request, token):
    survey = Survey.objects.select_related("review").filter(token=token).first()
    if survey is None:
        raise Http404("Undersøkelsen finnes ikke.")
    questions = list(survey.questions.order_by("sort_order", "pk"))
    context = {"survey": survey, "closed": not survey.is_open}
    if not survey.is_open:
        return _no_store(render(request, "strategy/survey.html", context, status=410))
    data = request.POST if request.method == "POST" else None
    form = SurveyAnswerForm(data, questions=questions)
    if request.method == "POST":
        if _rate_limited(request, f"survey:{survey.pk}"):
            context.update(form=form, error=TOO_MANY)
            return _no_store(render(request, "strategy/survey.html", context, status=429))
        if form.is_valid():
            with transaction.atomic():
                response = SurveyResponse.objects.create(
                    survey=survey, submitted_on=timezone.localdate()
                )
                SurveyAnswer.objects.bulk_create(
                    SurveyAnswer(response=response, question=q, score=score, text=text)
                    for q, score, text in form.answers()
                )
            context["thanks"] = True
            return _no_store(render(request, "strategy/survey.html", context))
        context["form"] = form
        return _no_store(render(request, "strategy/survey.html", context, status=400))
    context["form"] = form
    return _no_store(render(request, "strategy/survey.html", context))


def _open_review():
    """The review chapters report into: the latest one not yet approved."""
    return (
        Review.objects.filter(approved_at__isnull=True)
        .select_related("plan")
        .order_by("-year", "-half", "-pk")
        .first()
    )


@require_http_methods(["GET", "HEAD", "POST"])
def chapter_report(request, token):
    chapter = LocalChapter.objects.filter(token=token, active=True).first()
    if chapter is None:
        raise Http404("Lenken finnes ikke eller er ikke lenger i bruk.")
    review = _open_review()
    context = {"chapter": chapter, "review": review}
    if review is None:
        return _no_store(render(request, "strategy/chapter_report.html", context))
    measures = (
        Measure.objects.for_chapters()
        .filter(statuses__review=review)
        .select_related("focus_area")
        .order_by("focus_area__number", "sort_order", "pk")
    )
    earlier = {
        r.measure_id: r for r in ChapterReport.objects.filter(chapter=chapter, review=review)
    }
    data = request.POST if request.method == "POST" else None
    form = ChapterReportForm(data, measures=measures, initial_reports=earlier)
    context["form"] = form
    if request.method == "POST":
        if _rate_limited(request, f"chapter:{chapter.pk}"):
            context["error"] = TOO_MANY
            return _no_store(render(request, "strategy/chapter_report.html", context, status=429))
        if not form.is_valid():
            return _no_store(render(request, "strategy/chapter_report.html", context, status=400))
        # The review may have been approved while the chapter was writing.
        if Review.objects.filter(pk=review.pk, approved_at__isnull=False).exists():
            context["error"] = (
                "Perioden er nettopp godkjent av landsstyret. Rapporten kan ikke endres nå; "
                "send den med i neste periode."
            )
            return _no_store(render(request, "strategy/chapter_report.html", context, status=409))
        today = timezone.localdate()
        with transaction.atomic():
            for measure, status, comment in form.reports():
                ChapterReport.objects.update_or_create(
                    chapter=chapter,
                    review=review,
                    measure=measure,
                    defaults={"status": status, "comment": comment, "submitted_on": today},
                )
        context["thanks"] = True
    return _no_store(render(request, "strategy/chapter_report.html", context))
