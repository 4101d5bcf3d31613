"""The figures the product measures itself reach strategy through the hook, without
strategy importing the apps that own them."""

import datetime
import re
from pathlib import Path

import pytest

from base import roles
from base.admin_urls import snippet_url
from strategy import followup
from strategy.metrics import figures_for_period, registered_metrics
from strategy.models import Measure

from .factories import MeasureFactory, make_plan

pytestmark = pytest.mark.django_db
APP = Path(__file__).resolve().parents[1]


def test_the_content_apps_register_their_figures():
    assert {
        "political_platform.edition",
        "consultations.answered",
        "agreement.version",
        "advocacy.outcomes",
    } <= set(registered_metrics())


def test_strategy_imports_no_content_app():
    forbidden = re.compile(
        r"^\s*(from|import)\s+(consultations|political_platform|agreement|sources)\b", re.M
    )
    offenders = [
        str(path.relative_to(APP))
        for path in APP.rglob("*.py")
        if "tests" not in path.parts and forbidden.search(path.read_text())
    ]
    assert offenders == []


def test_consultation_figures_count_answered_declined_and_missed(demo_site):
    figures = dict(
        (f.label, f.value)
        for f in figures_for_period(
            ["consultations.answered"], datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)
        )["consultations.answered"]
    )
    total = int(figures["Høringer med frist i perioden"])
    parts = [int(figures[k]) for k in ("Besvart", "Avstått med begrunnelse")]
    assert total >= sum(parts) and total > 0


def test_a_measure_with_an_unknown_metric_is_refused():
    plan = make_plan(measures=0)
    measure = Measure(
        focus_area=plan.focus_areas.first(),
        title="X",
        timeframe="2027",
        by_board=True,
        metric="finnes.ikke",
    )
    with pytest.raises(Exception) as error:
        measure.full_clean()
    assert "finnes ikke" in str(error.value)


def test_the_review_screen_shows_the_figures_beside_the_assessment(client, make_user, demo_site):
    plan = make_plan(measures=0)
    MeasureFactory(
        focus_area=plan.focus_areas.first(),
        title="Skrive og levere høringssvar",
        metric="consultations.answered",
    )
    review = followup.start_review(plan, 2026, 2)
    client.force_login(make_user(roles.STAFF))
    html = client.get(snippet_url("strategy.review", "assess", review.pk)).content.decode()
    assert "Høringer med frist i perioden" in html
