"""The review screen, starting a period, the reports and their exports, in the admin."""

import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from base import roles
from base.admin_urls import snippet_url
from strategy import followup
from strategy.models import Measure, MeasureStatus, Review, StatusChoice

from .factories import approve, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(client, make_user):
    user = make_user(roles.STAFF, first_name="Sara", last_name="Sekretær")
    client.force_login(user)
    return user


def assess_url(review):
    return snippet_url("strategy.review", "assess", review.pk)


def post_data(review, changes=None):
    """The review screen's form as the browser sends it, with ``changes`` per status pk."""
    statuses = list(
        review.statuses.order_by("measure__focus_area__number", "measure__sort_order", "measure_id")
    )
    data = {
        "form-TOTAL_FORMS": str(len(statuses)),
        "form-INITIAL_FORMS": str(len(statuses)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, status in enumerate(statuses):
        values = {
            "id": status.pk,
            "status": status.status,
            "assessment": status.assessment,
            "next_step": status.next_step,
            "evidence": status.evidence,
        }
        if status.public:
            values["public"] = "on"
        values.update((changes or {}).get(status.pk, {}))
        for key, value in values.items():
            if value is not None:
                data[f"form-{i}-{key}"] = value
    return data


def test_the_secretariat_starts_a_period_from_the_admin(client, secretary):
    plan = make_plan(measures=2)
    response = client.post(
        snippet_url("strategy.review", "add"), {"plan": plan.pk, "year": 2026, "half": 2}
    )
    review = Review.objects.get(plan=plan)
    assert response.status_code == 302 and response.url == assess_url(review)
    assert review.statuses.count() == 2 and review.prepared_by == secretary


def test_starting_an_existing_period_is_refused_in_norwegian(client, secretary):
    plan = make_plan()
    followup.start_review(plan, 2026, 2)
    response = client.post(
        snippet_url("strategy.review", "add"), {"plan": plan.pk, "year": 2026, "half": 2}
    )
    assert response.status_code == 200
    assert "Det finnes allerede en gjennomgang" in response.content.decode()
    assert Review.objects.filter(plan=plan).count() == 1


def test_the_secretariat_assesses_a_measure(client, secretary):
    review = followup.start_review(make_plan(measures=2), 2026, 1)
    status = review.statuses.first()
    response = client.post(
        assess_url(review),
        post_data(
            review, {status.pk: {"status": StatusChoice.ON_TRACK, "assessment": "Godt i gang."}}
        ),
    )
    assert response.status_code == 302
    status.refresh_from_db()
    assert (status.status, status.assessment, status.assessed_by) == (
        StatusChoice.ON_TRACK,
        "Godt i gang.",
        secretary,
    )
    assert review.revisions.count() == 2


def test_a_bad_evidence_link_is_refused_and_nothing_is_saved(client, secretary):
    review = followup.start_review(make_plan(measures=2), 2026, 1)
    first, second = review.statuses.order_by("measure_id")
    response = client.post(
        assess_url(review),
        post_data(
            review,
            {
                first.pk: {"assessment": "Skal ikke lagres"},
                second.pk: {"evidence": "javascript:alert(1)"},
            },
        ),
    )
    assert response.status_code == 200
    assert "er ikke en lenke" in response.content.decode()
    first.refresh_from_db()
    assert first.assessment == ""


def test_only_the_board_marks_a_measure_public(client, secretary, make_user):
    review = followup.start_review(make_plan(measures=1), 2026, 1)
    status = review.statuses.get()
    client.post(
        assess_url(review), post_data(review, {status.pk: {"public": "on", "assessment": "x"}})
    )
    status.refresh_from_db()
    assert status.public is False
    client.force_login(make_user(roles.BOARD))
    client.post(assess_url(review), post_data(review, {status.pk: {"public": "on"}}))
    status.refresh_from_db()
    assert status.public is True


def test_an_approved_review_cannot_be_edited_from_the_review_screen(client, secretary):
    review = approve(followup.start_review(make_plan(measures=1), 2026, 1))
    status = review.statuses.get()
    response = client.post(
        assess_url(review), post_data(review, {status.pk: {"assessment": "Endret"}}), follow=True
    )
    assert "er godkjent av landsstyret og er låst" in response.content.decode()
    status.refresh_from_db()
    assert status.assessment == ""


def test_an_approved_review_cannot_be_edited_in_the_snippet_editor(client, make_user):
    client.force_login(make_user(superuser=True))
    review = approve(followup.start_review(make_plan(measures=1), 2026, 1))
    response = client.post(snippet_url("strategy.review", "edit", review.pk), {"summary": "Nytt"})
    assert response.status_code in (200, 302, 403)
    if response.status_code == 200:
        assert "låst" in response.content.decode()
    review.refresh_from_db()
    assert review.summary == ""


def test_a_user_without_a_role_cannot_open_the_review_screen(client, make_user):
    client.force_login(make_user())
    review = followup.start_review(make_plan(), 2026, 1)
    assert client.get(assess_url(review)).status_code in (302, 403)


def test_measures_are_never_deleted(client, make_user):
    client.force_login(make_user(superuser=True))
    measure = Measure.objects.get(focus_area__plan=make_plan(measures=1))
    response = client.post(snippet_url("strategy.measure", "delete", measure.pk))
    assert response.status_code in (302, 403)
    assert Measure.objects.filter(pk=measure.pk).exists()


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _plan_with_history(measures, periods):
    plan = make_plan(measures=measures, areas=2)
    half_years = [(2025, 1), (2025, 2), (2026, 1), (2026, 2)][:periods]
    reviews = []
    for year, half in half_years[:-1]:
        reviews.append(approve(followup.start_review(plan, year, half)))
    reviews.append(followup.start_review(plan, *half_years[-1]))
    return plan, reviews[-1]


def test_review_screen_queries_do_not_grow_with_measures_or_periods(client, secretary):
    _plan, small = _plan_with_history(measures=2, periods=2)
    _plan, large = _plan_with_history(measures=8, periods=4)
    assert _queries(client, assess_url(small)) == _queries(client, assess_url(large))


def test_board_report_queries_do_not_grow_with_measures_or_periods(client, secretary):
    _plan, small = _plan_with_history(measures=2, periods=2)
    _plan, large = _plan_with_history(measures=8, periods=4)
    url = snippet_url("strategy.review", "report")
    assert _queries(client, f"{url}?review={small.pk}") == _queries(
        client, f"{url}?review={large.pk}"
    )


def test_board_report_shows_progress_and_what_changed(client, secretary):
    plan, review = _plan_with_history(measures=1, periods=2)
    status = review.statuses.first()
    MeasureStatus.objects.filter(pk=status.pk).update(status=StatusChoice.DELAYED)
    response = client.get(snippet_url("strategy.review", "report") + f"?review={review.pk}")
    html = response.content.decode()
    assert "Fremdrift per innsatsområde" in html and "Endret siden forrige periode" in html
    assert f"{status.measure.title}: Løpende (kontinuerlig) → Forsinket" in html


def test_board_report_exports_a_spreadsheet(client, secretary):
    _plan, review = _plan_with_history(measures=2, periods=2)
    response = client.get(
        snippet_url("strategy.review", "report") + f"?review={review.pk}&export=csv"
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Innsatsområde,Område,Tiltak,Tidsramme")
    assert len(text.strip().splitlines()) == 1 + review.statuses.count()


def test_board_report_exports_to_word(client, secretary):
    _plan, review = _plan_with_history(measures=2, periods=2)
    response = client.get(snippet_url("strategy.review", "report_word", review.pk))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Strategirapport til landsstyret" in text
    assert review.statuses.first().measure.title in text
    assert "UTKAST" in text


def test_midterm_grid_shows_every_period_and_exports_to_word(client, secretary):
    plan, review = _plan_with_history(measures=1, periods=3)
    response = client.get(snippet_url("strategy.review", "midterm") + f"?plan={plan.pk}")
    html = response.content.decode()
    for label in ("1. halvår 2025", "2. halvår 2025", "1. halvår 2026"):
        assert label in html
    word = client.get(snippet_url("strategy.review", "midterm_word", plan.pk))
    document = docx.Document(io.BytesIO(word.content))
    assert len(document.tables[0].rows[0].cells) == 4


def test_midterm_grid_queries_do_not_grow(client, secretary):
    small, _ = _plan_with_history(measures=2, periods=2)
    large, _ = _plan_with_history(measures=8, periods=4)
    url = snippet_url("strategy.review", "midterm")
    assert _queries(client, f"{url}?plan={small.pk}") == _queries(client, f"{url}?plan={large.pk}")


def test_measure_timeline_lists_every_period(client, secretary):
    plan, review = _plan_with_history(measures=1, periods=3)
    measure = review.statuses.first().measure
    html = client.get(snippet_url("strategy.measure", "inspect", measure.pk)).content.decode()
    assert html.count("halvår 202") >= 3


def post_indicator(client, plan, date, value):
    return client.post(
        snippet_url("strategy.indicator", "add"),
        {
            "plan": plan.pk,
            "title": "Medlemmer",
            "target": "10000",
            "unit": "medlemmer",
            "deadline": "2035-12-31",
            "sort_order": "0",
            "values-TOTAL_FORMS": "1",
            "values-INITIAL_FORMS": "0",
            "values-MIN_NUM_FORMS": "0",
            "values-MAX_NUM_FORMS": "1000",
            "values-0-date": date,
            "values-0-value": value,
            "values-0-note": "",
            "values-0-ORDER": "1",
            "values-0-id": "",
            "values-0-DELETE": "",
        },
    )


def test_an_indicator_value_without_a_date_is_refused_in_the_admin(client, secretary):
    from strategy.models import Indicator

    response = post_indicator(client, make_plan(), date="", value="1500")
    assert response.status_code == 200
    html = response.content.decode()
    assert "påkrevd" in html or "Skriv inn datoen" in html
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    "model", ["plan", "focusarea", "measure", "indicator", "review", "localchapter", "survey"]
)
def test_every_strategy_list_opens_for_the_secretariat(client, secretary, model):
    followup.start_review(make_plan(measures=1), 2026, 1)
    assert client.get(reverse(f"wagtailsnippets_strategy_{model}:list")).status_code == 200


def test_measure_editor_offers_the_figures_the_apps_register(client, secretary):
    measure = Measure.objects.get(focus_area__plan=make_plan(measures=1))
    html = client.get(snippet_url("strategy.measure", "edit", measure.pk)).content.decode()
    assert "Høringer besvart, avstått og ikke besvart" in html


def test_the_board_cannot_start_a_period(client, make_user):
    client.force_login(make_user(roles.BOARD))
    plan = make_plan()
    response = client.post(
        snippet_url("strategy.review", "add"), {"plan": plan.pk, "year": 2026, "half": 1}
    )
    assert response.status_code in (302, 403)
    assert not Review.objects.exists()


def _assessed_by(review, user):
    MeasureStatus.objects.filter(review=review).update(assessed_by=user)
    return review.statuses.select_related("measure").first()


def test_the_review_screen_names_the_assessor_and_approver_by_full_name(
    client, secretary, make_user
):
    board = make_user(roles.BOARD, username="styre1", first_name="Bente", last_name="Styre")
    review = followup.start_review(make_plan(measures=1), 2026, 1)
    _assessed_by(review, secretary)
    approve(review, board)
    html = client.get(assess_url(review)).content.decode()
    assert "Vurdert av Sara Sekretær" in html
    assert "(Bente Styre)" in html
    assert secretary.username not in html and "styre1" not in html


def test_the_board_report_spreadsheet_names_the_assessor_by_full_name(client, secretary):
    _plan, review = _plan_with_history(measures=1, periods=2)
    _assessed_by(review, secretary)
    response = client.get(
        snippet_url("strategy.review", "report") + f"?review={review.pk}&export=csv"
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Sara Sekretær" in text
    assert secretary.username not in text


def test_a_user_without_a_name_is_named_by_username_in_the_board_report(
    client, secretary, make_user
):
    nameless = make_user(roles.STAFF, username="uten-navn")
    _plan, review = _plan_with_history(measures=1, periods=2)
    _assessed_by(review, nameless)
    response = client.get(
        snippet_url("strategy.review", "report") + f"?review={review.pk}&export=csv"
    )
    assert "uten-navn" in b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_measure_timeline_names_assessors_and_editors_by_full_name(client, secretary):
    review = followup.start_review(make_plan(measures=1), 2026, 1)
    measure = _assessed_by(review, secretary).measure
    measure.title = "Nytt navn på tiltaket"
    measure.save_revision(user=secretary)
    html = client.get(snippet_url("strategy.measure", "inspect", measure.pk)).content.decode()
    assert "Vurdert av Sara Sekretær" in html
    assert "– Sara Sekretær: «Nytt navn på tiltaket»" in html
    assert secretary.username not in html


def _forge_extra_form(review, data):
    data["form-TOTAL_FORMS"] = str(int(data["form-TOTAL_FORMS"]) + 1)
    extra = int(data["form-TOTAL_FORMS"]) - 1
    data.update({f"form-{extra}-status": StatusChoice.DONE, f"form-{extra}-assessment": "Falsk"})


def _forge_other_reviews_status(review, data):
    other = approve(followup.start_review(make_plan(measures=1), 2026, 1))
    data["form-0-id"] = str(other.statuses.get().pk)
    data["form-0-assessment"] = "Falsk"


@pytest.mark.parametrize("forge", [_forge_extra_form, _forge_other_reviews_status])
def test_a_forged_review_form_is_refused_in_norwegian_and_nothing_is_saved(
    client, secretary, forge
):
    review = followup.start_review(make_plan(measures=2), 2026, 1)
    first, second = review.statuses.order_by("measure_id")
    data = post_data(review, {second.pk: {"assessment": "Skal ikke lagres"}})
    forge(review, data)
    response = client.post(assess_url(review), data)
    assert response.status_code == 200
    assert "Skjemaet stemmer ikke med tiltakene" in response.content.decode()
    assert not MeasureStatus.objects.filter(assessment__in=["Falsk", "Skal ikke lagres"]).exists()
    assert MeasureStatus.objects.filter(review=review).count() == 2


@pytest.mark.parametrize(
    "view, args",
    [
        ("delete", ()),
        ("unpublish", ()),
        ("unlock", ()),
        ("lock", ()),
        ("edit", ()),
        ("revisions_revert", ("revision",)),
        ("revisions_unschedule", ("revision",)),
    ],
)
def test_an_approved_review_refuses_every_admin_path_for_an_administrator(
    client, make_user, view, args
):
    admin = make_user(superuser=True)
    client.force_login(admin)
    review = approve(followup.start_review(make_plan(measures=1), 2026, 1), admin)
    before = (review.live, review.locked, review.summary, review.approved_at)
    revision = review.revisions.order_by("created_at").first()
    url = snippet_url("strategy.review", view, review.pk, *[revision.pk for _ in args])
    response = client.post(url, {"summary": "Endret etter godkjenning"}, follow=True)
    assert "er godkjent av landsstyret og er låst" in response.content.decode()
    review = Review.objects.get(pk=review.pk)
    assert (review.live, review.locked, review.summary, review.approved_at) == before


def test_a_negative_indicator_value_is_refused_in_the_admin(client, secretary):
    from strategy.models import Indicator

    response = post_indicator(client, make_plan(), date="2026-01-01", value="-1500")
    assert response.status_code == 200
    assert "Verdien kan ikke være negativ." in response.content.decode()
    assert not Indicator.objects.exists()


def test_an_approved_review_is_not_deleted_by_the_bulk_action(client, make_user):
    client.force_login(make_user(superuser=True))
    review = approve(followup.start_review(make_plan(measures=1), 2026, 1))
    url = reverse("wagtail_bulk_action", args=("strategy", "review", "delete"))
    client.post(f"{url}?id={review.pk}", {})
    assert Review.objects.filter(pk=review.pk).exists()


def test_the_word_report_dates_the_approval_in_oslo(client, secretary):
    import datetime

    _plan, review = _plan_with_history(measures=1, periods=2)
    review = approve(review)
    # 00.30 on 24 November in Oslo is 23.30 UTC on the 23rd.
    moment = datetime.datetime(2026, 11, 23, 23, 30, tzinfo=datetime.UTC)
    Review.objects.filter(pk=review.pk).update(approved_at=moment)
    response = client.get(snippet_url("strategy.review", "report_word", review.pk))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Godkjent av landsstyret 24. november 2026." in text
