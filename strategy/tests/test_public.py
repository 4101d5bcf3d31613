"""What reaches the public: the page «Slik følger vi opp strategien», the member survey and
the chapters' report form (no account, secret links, Norwegian errors)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategy import followup
from strategy.models import (
    ChapterReport,
    LocalChapter,
    Measure,
    MeasureStatus,
    StatusChoice,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from strategy.views import RATE_LIMIT

from .factories import MeasureFactory, approve, make_plan

pytestmark = pytest.mark.django_db
PAGE = "/strategi/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def _mark(review, measure, *, public, assessment="", status=StatusChoice.ON_TRACK):
    MeasureStatus.objects.filter(review=review, measure=measure).update(
        public=public, assessment=assessment, status=status
    )


@pytest.fixture
def leak_setup(home_page):
    plan = make_plan(measures=0)
    area = plan.focus_areas.first()
    shown = MeasureFactory(focus_area=area, title="SYNLIG-TILTAK")
    hidden = MeasureFactory(focus_area=area, title="LEKKASJE-IKKE-MERKET")
    retired = MeasureFactory(focus_area=area, title="LEKKASJE-UTGATT")
    review = followup.start_review(plan, 2026, 1)
    _mark(review, shown, public=True, assessment="LEKKASJE-INTERN-VURDERING")
    _mark(review, hidden, public=False)
    _mark(review, retired, public=True)
    review.summary = "LEKKASJE-SAMLET-VURDERING"
    review.save()
    survey = Survey.objects.create(review=review)
    question = SurveyQuestion.objects.create(survey=survey, text="Hva?", kind="tekst")
    response = SurveyResponse.objects.create(survey=survey, submitted_on="2026-05-01")
    SurveyAnswer.objects.create(response=response, question=question, text="LEKKASJE-SVAR")
    ChapterReport.objects.create(
        chapter=LocalChapter.objects.create(name="LEKKASJE-LOKALLAGSNAVN"),
        review=review,
        measure=shown,
        status=StatusChoice.DONE,
        comment="LEKKASJE-LOKALLAG",
        submitted_on="2026-05-01",
    )
    approve(review)
    retired.retire("Utgår.")
    draft = followup.start_review(plan, 2026, 2)
    MeasureStatus.objects.filter(review=draft, measure=shown).update(
        status=StatusChoice.DONE, next_step="LEKKASJE-UTKAST"
    )
    unapproved_only = MeasureFactory(focus_area=area, title="LEKKASJE-UGODKJENT")
    MeasureStatus.objects.create(review=draft, measure=unapproved_only, public=True)
    return plan, review, draft


def test_public_page_shows_only_board_marked_measures_of_approved_reviews(client, leak_setup):
    plan, review, _draft = leak_setup
    html = client.get(PAGE).content.decode()
    assert "SYNLIG-TILTAK" in html
    assert "1. halvår 2026" in html and "godkjent av landsstyret" in html
    assert "LEKKASJE" not in html


def test_public_page_shows_the_approved_status_not_the_draft(client, leak_setup):
    html = client.get(PAGE).content.decode()
    assert "I rute" in html and "Fullført" not in html


def test_an_unpublished_review_leaves_the_public_page(client, leak_setup):
    _plan, review, _draft = leak_setup
    review.unpublish()
    assert "SYNLIG-TILTAK" not in client.get(PAGE).content.decode()


def test_public_page_queries_do_not_grow_with_measures_or_periods(client, home_page):
    def build(measures, periods):
        plan = make_plan(measures=measures, areas=2)
        for year, half in [(2025, 1), (2025, 2), (2026, 1)][:periods]:
            review = followup.start_review(plan, year, half)
            review.statuses.update(public=True)
            approve(review)

    build(2, 1)
    client.get(PAGE)  # the first request of a test also creates the site's settings
    with CaptureQueriesContext(connection) as small:
        client.get(PAGE)
    build(10, 3)
    with CaptureQueriesContext(connection) as large:
        response = client.get(PAGE)
    assert response.status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)


def test_public_page_refuses_post(client, home_page):
    assert client.post(PAGE).status_code == 405


# --- member survey ------------------------------------------------------------------------


@pytest.fixture
def survey(home_page):
    review = followup.start_review(make_plan(), 2026, 2)
    survey = Survey.objects.create(review=review)
    SurveyQuestion.objects.create(survey=survey, text="Hvor fornøyd er du?", sort_order=0)
    SurveyQuestion.objects.create(
        survey=survey, text="Hva bør vi gjøre mer av?", kind=SurveyQuestion.Kind.TEXT, sort_order=1
    )
    return survey


def survey_url(survey):
    return reverse("strategy:survey", args=[survey.token])


def test_a_member_answers_the_survey_without_logging_in(client, survey):
    scale, text = survey.questions.order_by("sort_order")
    response = client.post(survey_url(survey), {f"q{scale.pk}": "4", f"q{text.pk}": "Mer på nett"})
    assert response.status_code == 200 and "Takk for svaret" in response.content.decode()
    answers = SurveyAnswer.objects.filter(response__survey=survey)
    assert sorted((a.score or 0, a.text) for a in answers) == [(0, "Mer på nett"), (4, "")]


def test_the_survey_stores_no_personal_data_about_the_sender():
    fields = {f.name for f in SurveyResponse._meta.get_fields()} | {
        f.name for f in SurveyAnswer._meta.get_fields()
    }
    assert fields <= {
        "id",
        "survey",
        "submitted_on",
        "answers",
        "response",
        "question",
        "score",
        "text",
    }


def test_an_empty_survey_answer_is_refused_in_norwegian(client, survey):
    response = client.post(survey_url(survey), {})
    assert response.status_code == 400
    assert "Svar på minst ett" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_score_outside_the_scale_is_refused(client, survey):
    scale = survey.questions.get(kind=SurveyQuestion.Kind.SCALE)
    response = client.post(survey_url(survey), {f"q{scale.pk}": "9"})
    assert response.status_code == 400 and "fra 1 til 5" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_closed_survey_takes_no_answers(client, survey):
    survey.is_open = False
    survey.save()
    scale = survey.questions.get(kind=SurveyQuestion.Kind.SCALE)
    assert client.post(survey_url(survey), {f"q{scale.pk}": "3"}).status_code == 410
    assert not SurveyResponse.objects.exists()


def test_an_unknown_survey_link_is_404(client, home_page):
    assert client.get("/strategi/undersokelse/finnes-ikke/").status_code == 404


def test_survey_posts_are_rate_limited(client, survey):
    scale = survey.questions.get(kind=SurveyQuestion.Kind.SCALE)
    for _ in range(RATE_LIMIT):
        client.post(survey_url(survey), {f"q{scale.pk}": "3"})
    response = client.post(survey_url(survey), {f"q{scale.pk}": "3"})
    assert response.status_code == 429 and "Vent en stund" in response.content.decode()
    assert SurveyResponse.objects.count() == RATE_LIMIT


# --- local chapters -----------------------------------------------------------------------


@pytest.fixture
def chapter_setup(home_page):
    plan = make_plan(measures=0)
    area = plan.focus_areas.first()
    local = MeasureFactory(focus_area=area, title="Pårørendeuka lokalt", by_chapters=True)
    central = MeasureFactory(focus_area=area, title="SENTRALT-TILTAK", by_chapters=False)
    review = followup.start_review(plan, 2026, 2)
    chapter = LocalChapter.objects.create(name="LPP Testby")
    return chapter, review, local, central


def chapter_url(chapter):
    return reverse("strategy:chapter", args=[chapter.token])


def test_a_chapter_sees_only_its_lokallag_measures(client, chapter_setup):
    chapter, _review, local, _central = chapter_setup
    html = client.get(chapter_url(chapter)).content.decode()
    assert local.title in html and "SENTRALT-TILTAK" not in html


def test_a_chapter_reports_on_its_measure(client, chapter_setup):
    chapter, review, local, _central = chapter_setup
    response = client.post(
        chapter_url(chapter),
        {f"status_{local.pk}": "i_rute", f"comment_{local.pk}": "Stand på torget"},
    )
    assert response.status_code == 200
    report = ChapterReport.objects.get(chapter=chapter, review=review, measure=local)
    assert (report.status, report.comment) == ("i_rute", "Stand på torget")


def test_a_chapter_report_shows_on_the_review_screen(client, chapter_setup, make_user):
    from base import roles
    from base.admin_urls import snippet_url

    chapter, review, local, _central = chapter_setup
    client.post(chapter_url(chapter), {f"status_{local.pk}": "forsinket"})
    client.force_login(make_user(roles.STAFF))
    html = client.get(snippet_url("strategy.review", "assess", review.pk)).content.decode()
    assert "LPP Testby" in html and "Forsinket" in html


def test_a_comment_without_a_status_is_refused_in_norwegian(client, chapter_setup):
    chapter, _review, local, _central = chapter_setup
    response = client.post(chapter_url(chapter), {f"comment_{local.pk}": "Noe"})
    assert response.status_code == 400
    assert "Velg en status" in response.content.decode()
    assert not ChapterReport.objects.exists()


def test_a_chapter_cannot_report_on_another_measure(client, chapter_setup):
    chapter, _review, _local, central = chapter_setup
    response = client.post(chapter_url(chapter), {f"status_{central.pk}": "fullfort"})
    assert response.status_code == 400
    assert not ChapterReport.objects.exists()


def test_an_invalid_or_switched_off_chapter_link_is_404(client, chapter_setup):
    chapter, *_rest = chapter_setup
    assert client.get("/strategi/lokallag/gjett/").status_code == 404
    chapter.active = False
    chapter.save()
    assert client.get(chapter_url(chapter)).status_code == 404


def test_a_new_link_stops_the_old_one(client, chapter_setup):
    chapter, *_rest = chapter_setup
    old = chapter_url(chapter)
    chapter.new_link()
    assert client.get(old).status_code == 404
    assert client.get(chapter_url(chapter)).status_code == 200


def test_chapter_reports_cannot_change_an_approved_review(client, chapter_setup):
    chapter, review, local, _central = chapter_setup
    approve(review)
    html = client.get(chapter_url(chapter)).content.decode()
    assert "ingen åpen halvårsgjennomgang" in html
    response = client.post(chapter_url(chapter), {f"status_{local.pk}": "fullfort"})
    assert response.status_code == 200
    assert not ChapterReport.objects.exists()
    assert Measure.objects.filter(pk=local.pk).exists()


def test_approval_reaches_a_cached_public_page(client, home_page, settings):
    settings.LPP_PAGE_CACHE_ENABLED = True
    plan = make_plan(measures=1)
    review = followup.start_review(plan, 2026, 1)
    review.statuses.update(public=True)
    title = review.statuses.get().measure.title
    assert title not in client.get(PAGE).content.decode()
    assert title not in client.get(PAGE).content.decode()  # now from the page cache
    approve(review)
    assert title in client.get(PAGE).content.decode()
