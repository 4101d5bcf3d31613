import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from base.personal_data import (
    describe,
    find_in_text,
    find_personal_data,
    fingerprint,
    is_valid_fnr,
)
from consultations.blocks import ResponseBodyBlock


def with_control_digits(nine):
    """Complete nine digits into a fødselsnummer with correct control digits (or None)."""
    digits = [int(d) for d in nine]
    k1 = 11 - sum(d * w for d, w in zip(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2], strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    digits.append(k1)
    k2 = 11 - sum(d * w for d, w in zip(digits, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2], strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return nine + str(k1) + str(k2)


def valid_fnr(birth="150385", start=100):
    for individual in range(start, 1000):
        fnr = with_control_digits(f"{birth}{individual:03d}")
        if fnr:
            return fnr
    raise AssertionError("no valid number")


def kinds(text):
    return [f.kind for f in find_in_text(text)]


def test_a_fodselsnummer_with_right_control_digits_is_found():
    fnr = valid_fnr()
    assert is_valid_fnr(fnr)
    assert kinds(f"Sønnen min ({fnr}) ble innlagt.") == ["fnr"]
    assert kinds(f"Fødselsnummer {fnr[:6]} {fnr[6:]}.") == ["fnr"]


def test_eleven_digits_with_wrong_control_digits_are_not_a_fodselsnummer():
    fnr = valid_fnr()
    wrong = fnr[:10] + str((int(fnr[10]) + 1) % 10)
    assert not is_valid_fnr(wrong)
    assert kinds(f"Kontonummer {wrong}") == []


def test_d_numbers_are_found_and_impossible_dates_are_not():
    d_number = valid_fnr(birth="550385")  # day 15 + 40
    assert is_valid_fnr(d_number)
    assert kinds(d_number) == ["fnr"]
    assert not is_valid_fnr(valid_fnr(birth="321385")[:11])  # month 13


@pytest.mark.parametrize(
    "text",
    [
        "Ring meg på 912 34 567.",
        "Mobil: 91234567",
        "Tlf. +47 22 33 44 55",
        "Telefon 0047 41234567",
        "Nås på 412-34-567",
    ],
)
def test_norwegian_phone_numbers_are_found(text):
    assert kinds(text) == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "NOU 2023:4 Tid for handling",
        "Saksnummer 23/12345678",
        "Prop. 1 S (2025–2026) viser 45 000 000 kroner.",
        "Organisasjonsnummer 971 526 920",
        "Det gjelder 12 345 pårørende i 2025.",
        "Versjon 1.2.3 av veilederen",
        "Det var 3,5 prosent i 2024 og 12345678,5 kroner",
    ],
)
def test_ordinary_numbers_are_not_phone_numbers(text):
    assert kinds(text) == []


def test_email_addresses_are_found_also_behind_a_link():
    assert kinds("Skriv til kari.nordmann@example.no i dag") == ["email"]
    html = '<p>Kontakt <a href="mailto:ola@example.org">Ola</a></p>'
    assert [f.value for f in find_personal_data(RichText(html))] == ["ola@example.org"]


def test_findings_in_a_whole_response_body():
    fnr = valid_fnr()
    block = ResponseBodyBlock()
    body = StreamValue(
        block,
        [
            (
                "paragraph",
                RichText(f"<p>Datteren min, født {fnr[:6]} {fnr[6:]}, fikk ingen hjelp.</p>"),
            ),
            ("quote", {"text": "Ring 912 34 567", "source": "Et medlem"}),
            ("table", {"caption": "", "table": {"data": [["Kontakt"], ["per@example.no"]]}}),
            (
                "proposal",
                {
                    "text": "Pårørende skal få informasjon.",
                    "rationale": RichText(""),
                    "themes": [],
                    "target_authority": None,
                },
            ),
        ],
    )
    findings = find_personal_data("Tittel", "Sammendrag", body)
    assert [f.kind for f in findings] == ["fnr", "phone", "email"]
    message = describe(findings)
    assert "fødselsnummer" in message and "telefonnummer: Ring" not in message
    assert "912 34 567" in message and "per@example.no" in message


def test_a_clean_text_has_no_findings_and_an_empty_fingerprint():
    text = "LPP foreslår at pårørende får rett til avlastning innen 2027."
    assert find_personal_data(text) == []
    assert fingerprint([]) == ""


def test_fingerprint_changes_when_the_findings_change_and_not_when_they_move():
    a = find_personal_data("Ring 912 34 567 eller skriv til a@example.no")
    b = find_personal_data("Skriv til a@example.no, eller ring 91234567")
    c = find_personal_data("Ring 912 34 568 eller skriv til a@example.no")
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint(c)
    assert "912" not in fingerprint(a)


@given(
    day=st.integers(1, 28),
    month=st.integers(1, 12),
    year=st.integers(0, 99),
    individual=st.integers(0, 999),
    d_number=st.booleans(),
)
def test_every_number_with_right_control_digits_is_found(day, month, year, individual, d_number):
    nine = f"{day + (40 if d_number else 0):02d}{month:02d}{year:02d}{individual:03d}"
    fnr = with_control_digits(nine)
    if fnr is None:  # no valid number with these nine digits
        return
    assert kinds(f"Pasienten har fødselsnummer {fnr}.") == ["fnr"]


@given(digits=st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_eleven_digits_are_reported_exactly_when_they_are_valid(digits):
    found = kinds(f"Nummer: {digits}")
    assert (found == ["fnr"]) == is_valid_fnr(digits)
    assert "phone" not in found
