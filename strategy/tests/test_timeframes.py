import pytest
from django.core.exceptions import ValidationError

from strategy.timeframes import ANNUAL, BY, CONTINUOUS, SPAN, YEAR, YEARS, parse_timeframe


@pytest.mark.parametrize(
    "text, kind, years",
    [
        ("2025–2032", SPAN, (2025, 2032)),
        ("2023 - 2025", SPAN, (2023, 2025)),
        ("2027", YEAR, (2027,)),
        ("2025, 2027, 2029, 2031", YEARS, (2025, 2027, 2029, 2031)),
        ("Kontinuerlig", CONTINUOUS, ()),
        ("kontinuerlig", CONTINUOUS, ()),
        ("Årlig", ANNUAL, ()),
        ("2025, 2027, \n2029, 2031", YEARS, (2025, 2027, 2029, 2031)),
    ],
)
def test_the_plans_time_frames_are_read(text, kind, years):
    frame = parse_timeframe(text)
    assert (frame.kind, frame.years) == (kind, years)


@pytest.mark.parametrize(
    "text, kind, years",
    [
        ("2025 – 2032", SPAN, (2025, 2032)),
        ("2025-32", SPAN, (2025, 2032)),
        ("2026/2027", SPAN, (2026, 2027)),
        ("fra 2025 til 2032", SPAN, (2025, 2032)),
        ("2025–2035.", SPAN, (2025, 2035)),
        ("2025, 2027 og 2029", YEARS, (2025, 2027, 2029)),
        ("Løpende", CONTINUOUS, ()),
        ("fortløpende", CONTINUOUS, ()),
        ("Hvert år", ANNUAL, ()),
        ("Innen 2030", BY, (2030,)),
        ("Høsten 2026", YEAR, (2026,)),
        ("1. halvår 2027", YEAR, (2027,)),
    ],
)
def test_what_a_board_member_types_is_read(text, kind, years):
    frame = parse_timeframe(text)
    assert (frame.kind, frame.years) == (kind, years)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "snart",
        "2025–",
        "2032–2025",
        "2025-24",
        "1850",
        "2025, snart",
        "hvert andre år",
        "Q3 2026",
        "2025–2027, 2030",
        "Kontinuerlig fra 2026",
    ],
)
def test_an_unreadable_time_frame_is_refused_in_norwegian(text):
    with pytest.raises(ValidationError) as error:
        parse_timeframe(text)
    assert "Tidsrammen" in error.value.messages[0]


def test_the_refusal_names_the_value_as_typed():
    with pytest.raises(ValidationError) as error:
        parse_timeframe("hvert andre år")
    assert "«hvert andre år» kan ikke leses" in error.value.messages[0]


def test_a_measure_due_by_a_year_is_overdue_after_it_only():
    frame = parse_timeframe("Innen 2030")
    assert frame.has_started_by(2025) and frame.is_due_in(2030)
    assert not frame.is_overdue_in(2030) and frame.is_overdue_in(2031)


def test_a_span_is_overdue_after_its_last_year_only():
    frame = parse_timeframe("2025–2027")
    assert not frame.is_overdue_in(2027)
    assert frame.is_overdue_in(2028)
    assert frame.is_due_in(2027) and not frame.is_due_in(2026)


def test_a_list_is_due_in_each_of_its_years():
    frame = parse_timeframe("2025, 2027, 2029, 2031")
    assert frame.is_due_in(2027) and not frame.is_due_in(2028)
    assert not frame.is_overdue_in(2031) and frame.is_overdue_in(2032)


def test_continuous_work_is_never_overdue():
    assert not parse_timeframe("Kontinuerlig").is_overdue_in(2040)


def test_a_span_has_not_started_before_its_first_year():
    frame = parse_timeframe("2026–2032")
    assert not frame.has_started_by(2025)
    assert frame.has_started_by(2026)
