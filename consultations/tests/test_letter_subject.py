"""The letter's subject names the consultation without saying «høring» twice."""

import pytest

from consultations.docx import response_subject


@pytest.mark.parametrize(
    ("consultation_title", "subject"),
    [
        (
            "Høring – forslag til endringer i pasientjournalloven",
            "Høringssvar – forslag til endringer i pasientjournalloven",
        ),
        ("Høring - forslag til ny forskrift", "Høringssvar – forslag til ny forskrift"),
        ("Høring: NOU 2023:4 Tid for handling", "Høringssvar – NOU 2023:4 Tid for handling"),
        (
            "Høringsnotat – endringer i helsepersonelloven",
            "Høringssvar – endringer i helsepersonelloven",
        ),
        (
            "Høring om endringer i psykisk helsevernloven",
            "Høringssvar om endringer i psykisk helsevernloven",
        ),
        ("høring – tvang i psykisk helsevern", "Høringssvar – tvang i psykisk helsevern"),
        (
            "Eksempel: Høring – revidert Veileder for pårørende",
            "Høringssvar – Eksempel: revidert Veileder for pårørende",
        ),
    ],
)
def test_subject_drops_the_word_hoering_at_the_start_of_the_title(consultation_title, subject):
    assert response_subject(consultation_title) == subject


@pytest.mark.parametrize(
    ("consultation_title", "subject"),
    [
        ("Revidert veileder for pårørende", "Høringssvar – Revidert veileder for pårørende"),
        ("Høringsinstanser i kommunene", "Høringssvar – Høringsinstanser i kommunene"),
        ("Høring nummer 3", "Høringssvar – Høring nummer 3"),
        ("Høringssvar om tvang", "Høringssvar om tvang"),
        ("", "Høringssvar"),
    ],
)
def test_subject_keeps_a_title_that_does_not_start_with_the_word(consultation_title, subject):
    assert response_subject(consultation_title) == subject
