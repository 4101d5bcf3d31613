"""The radar: relevance from the theme signals, storing whole, duplicates, decisions,
the daily e-mail and source health."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from advocacy.models import Authority
from consultations.models import Consultation
from consultations.tests.factories import ConsultationFactory
from sources import health, radar
from sources.connectors.base import Item
from sources.models import Candidate, SourceStatus
from sources.watch import run_source

pytestmark = pytest.mark.django_db


def item(**kwargs):
    defaults = {
        "source": "regjeringen",
        "external_id": "1",
        "title": "Høring – endringer i psykisk helsevernloven",
        "url": "https://www.regjeringen.no/no/dokumenter/x/id1/",
        "authority_name": "Helse- og omsorgsdepartementet",
        "deadline": datetime.date(2027, 2, 1),
        "published_on": datetime.date(2026, 11, 1),
    }
    return Item(**{**defaults, **kwargs})


def test_compound_word_matches_its_part(signals):
    score, matched, _themes, _lpp = radar.score_text(
        "Regler om tvangsbruk", signals=radar.load_signals()
    )
    assert score > 0 and "tvang" in [m["phrase"] for m in matched]


def test_unrelated_consultation_scores_zero(signals):
    score, matched, _t, _l = radar.score_text(
        "Forskrift om fiskekvoter for 2027", "torsk og hyse", signals=radar.load_signals()
    )
    assert score == 0 and matched == []


def test_lpp_among_consulted_bodies_is_a_strong_signal(signals):
    signals_ = radar.load_signals()
    plain, *_ = radar.score_text("Høring om ny forskrift", signals=signals_)
    named, matched, _t, lpp = radar.score_text(
        "Høring om ny forskrift",
        consulted=["Landsforeningen for Pårørende innen Psykisk helse"],
        signals=signals_,
    )
    assert lpp and named - plain >= radar.LPP_CONSULTED_BONUS
    assert matched[0]["phrase"] == "LPP er høringsinstans"


def test_watch_stores_each_new_item_once(sample_server, signals):
    run_source("regjeringen")
    run_source("regjeringen")
    assert Candidate.objects.filter(source="regjeringen").count() == 3
    relevant = Candidate.objects.get(external_id="3100001")
    assert relevant.lpp_consulted and relevant.score >= radar.threshold()
    assert relevant.authority == Authority.objects.get(short_name="HOD")
    assert Candidate.objects.get(external_id="3100002").score < radar.threshold()


def test_format_change_is_reported_and_nothing_is_stored(sample_server, signals):
    sample_server.overrides["stortinget/eksport/horinger?sesjonid=2026-2027"] = (
        b"<?xml version='1.0'?><ny_struktur/>"
    )
    status = run_source("stortinget")
    assert status.state == SourceStatus.State.FORMAT_CHANGED
    assert "horinger_liste" in status.last_error
    assert not Candidate.objects.exists()
    assert health.status()["ok"] is False


def test_broken_item_is_left_out_whole_and_the_rest_stored(sample_server, signals):
    path = "regjeringen/no/dokumenter/horing-forskrift-om-fiskekvoter-2027/id3100002/"
    sample_server.overrides[path] = b"<html><body><h1>Ny mal</h1></body></html>"
    status = run_source("regjeringen")
    assert status.state == SourceStatus.State.FORMAT_CHANGED and status.items_rejected == 1
    assert sorted(Candidate.objects.values_list("external_id", flat=True)) == ["3100001", "3100003"]


def test_source_that_is_down_is_reported_with_what_was_last_read(sample_server, signals):
    run_source("helsedirektoratet")
    sample_server.mode = "broken"
    status = run_source("helsedirektoratet")
    assert status.state == SourceStatus.State.UNAVAILABLE
    assert status.last_success_at is not None and status.items_read == 3
    row = next(r for r in health.status()["sources"] if r["name"] == "helsedirektoratet")
    assert row["ok"] is False and row["state_label"] == "Svarer ikke"


def test_switched_off_source_is_not_read(sample_server, settings, signals):
    settings.LPP_SOURCES["helsedirektoratet"]["enabled"] = False
    status = run_source("helsedirektoratet")
    assert status.state == SourceStatus.State.DISABLED and sample_server.requests == []
    assert health.status()["ok"] is True


def test_stortinget_hearing_of_a_ministry_consultation_is_a_duplicate(sample_server, signals):
    run_source("regjeringen")
    run_source("stortinget")
    hearing = Candidate.objects.get(source="stortinget", external_id="10004501")
    assert hearing.duplicate_of == Candidate.objects.get(external_id="3100001")
    assert hearing not in radar.open_candidates()


def test_accept_creates_a_filled_consultation(signals):
    candidate = radar.store_item(item(case_number="26/1", summary="Om tvang"), radar.load_signals())
    consultation = radar.accept(candidate)
    assert consultation.deadline == datetime.date(2027, 2, 1)
    assert consultation.url == candidate.url and consultation.case_number == "26/1"
    assert consultation.status == Consultation.Status.REGISTERED
    assert "tvang" in [t.slug for t in consultation.themes.all()]
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.ACCEPTED and candidate.consultation == consultation


def test_accept_proposes_an_unknown_authority_as_a_new_one(signals):
    candidate = radar.store_item(item(authority_name="Kulturdepartementet"), radar.load_signals())
    with pytest.raises(ValidationError, match="Velg myndigheten"):
        radar.accept(candidate)
    assert not Consultation.objects.exists()
    consultation = radar.accept(candidate, new_authority_kind=Authority.Kind.MINISTRY)
    assert consultation.authority.name == "Kulturdepartementet"


def test_accept_links_to_a_consultation_already_registered(signals):
    hod = Authority.objects.get(short_name="HOD")
    existing = ConsultationFactory(
        title="Typet inn",
        authority=hod,
        case_number="26/9",
        announced_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2027, 2, 1),
    )
    candidate = radar.store_item(item(case_number="26/9"), radar.load_signals())
    assert radar.accept(candidate) == existing
    assert Consultation.objects.count() == 1


def test_dismissed_item_never_returns(sample_server, signals):
    run_source("helsedirektoratet")
    candidate = Candidate.objects.first()
    radar.dismiss(candidate, "Ikke vårt felt")
    run_source("helsedirektoratet")
    candidate.refresh_from_db()
    assert (
        candidate.status == Candidate.Status.DISMISSED
        and candidate.dismiss_reason == "Ikke vårt felt"
    )
    assert Candidate.objects.count() == 3


def test_dismiss_needs_a_reason(signals):
    candidate = radar.store_item(item(), radar.load_signals())
    with pytest.raises(ValidationError, match="hvorfor"):
        radar.dismiss(candidate, "  ")
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.NEW


def test_snoozed_candidate_comes_back_on_its_date(signals):
    candidate = radar.store_item(item(), radar.load_signals())
    today = datetime.date.today()
    radar.snooze(candidate, today + datetime.timedelta(days=3))
    assert candidate not in radar.open_candidates(today)
    assert candidate in radar.open_candidates(today + datetime.timedelta(days=3))


def test_snooze_refuses_a_date_in_the_past(signals):
    candidate = radar.store_item(item(), radar.load_signals())
    with pytest.raises(ValidationError, match="etter i dag"):
        radar.snooze(candidate, datetime.date(2000, 1, 1))


def test_daily_email_lists_new_candidates_above_threshold_once(
    sample_server, signals, django_user_model
):
    from django.contrib.auth.models import Group

    staff = django_user_model.objects.create_user("kari", email="kari@example.org")
    staff.groups.add(Group.objects.get(name="Sekretariat"))
    run_source("regjeringen")
    assert radar.send_daily_digest() == 2
    assert radar.send_daily_digest() == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kari@example.org"]
    body = mail.outbox[0].body
    assert "psykisk helsevernloven" in body and "fiskekvoter" not in body
    assert "15. februar 2027" in body


def test_unchanged_broken_list_stays_reported_as_broken(sample_server, signals):
    key = "stortinget/eksport/horinger?sesjonid=2026-2027"
    sample_server.overrides[key] = b"<?xml version='1.0'?><ny_struktur/>"
    run_source("stortinget")
    status = run_source("stortinget")  # unchanged since: it must not pass as a 304
    assert status.state == SourceStatus.State.FORMAT_CHANGED
    del sample_server.overrides[key]
    assert run_source("stortinget").state == SourceStatus.State.OK
    assert Candidate.objects.filter(source="stortinget").count() == 3


def test_accepting_twice_makes_one_consultation(signals):
    candidate = radar.store_item(item(), radar.load_signals())
    radar.accept(candidate)
    with pytest.raises(ValidationError, match="allerede tatt inn"):
        radar.accept(Candidate.objects.get(pk=candidate.pk))
    assert Consultation.objects.count() == 1


@pytest.mark.parametrize(
    "title",
    [
        "Høring – forskrift om tvangsmulkt etter plan- og bygningsloven",
        "Høring – endringer i tvangsfullbyrdelsesloven (utlegg og tvangssalg)",
    ],
)
def test_enforcement_of_fines_and_debts_is_not_coercion_in_health_care(signals, title):
    score, matched, _t, _l = radar.score_text(title, signals=radar.load_signals())
    assert score == 0 and matched == []


def test_compound_signal_only_partly_known_does_not_match_its_one_known_part(signals):
    # «barneansvarlig» splits only into «barn»: a kindergarten act is not about it.
    score, matched, _t, _l = radar.score_text(
        "Høring – endringer i barnehageloven",
        "Bemanning for barn i barnehagen",
        signals=radar.load_signals(),
    )
    assert "barneansvarlig" not in [m["phrase"] for m in matched]


def test_the_laws_word_for_relatives_is_a_signal(signals):
    score, matched, _t, _l = radar.score_text(
        "Høring – informasjonsdeling med nærstående", signals=radar.load_signals()
    )
    assert score >= radar.threshold() and "nærstående" in [m["phrase"] for m in matched]
