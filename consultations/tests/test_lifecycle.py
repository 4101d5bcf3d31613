import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from advocacy.tests.factories import AuthorityFactory
from consultations import lifecycle
from consultations.lifecycle import TransitionError
from consultations.models import Consultation
from consultations.status import Status

from . import factories

pytestmark = pytest.mark.django_db


def test_the_happy_path_from_registered_to_concluded(home_page):
    index = factories.ResponseIndexPageFactory(parent=home_page)
    record = factories.ConsultationFactory()
    assert record.status == Status.REGISTERED
    lifecycle.transition(record, Status.ASSESSING)
    page = factories.ResponsePageFactory(parent=index, consultation=record)
    record.refresh_from_db()
    assert record.status == Status.DRAFTING  # starting a response starts drafting
    factories.send(record, page)
    assert record.status == Status.SUBMITTED
    lifecycle.transition(record, Status.AWAITING_OUTCOME)
    lifecycle.transition(record, Status.CONCLUDED)
    record.refresh_from_db()
    assert record.status == Status.CONCLUDED


def test_declining_needs_a_reason():
    record = factories.ConsultationFactory()
    with pytest.raises(TransitionError) as error:
        lifecycle.transition(record, Status.DECLINED)
    assert "Skriv hvorfor LPP avstår" in str(error.value)
    record.refresh_from_db()
    assert record.status == Status.REGISTERED
    lifecycle.transition(record, Status.DECLINED, reason="Utenfor LPPs område.")
    record.refresh_from_db()
    assert record.status == Status.DECLINED
    assert record.decline_reason == "Utenfor LPPs område."


def test_a_response_cannot_be_sent_before_the_board_approved_it():
    record = factories.ConsultationFactory(status=Status.DRAFTING)
    with pytest.raises(TransitionError, match="før landsstyret har godkjent det"):
        lifecycle.check(record, Status.SUBMITTED, via=lifecycle.SUBMISSION)


@pytest.mark.parametrize("target", [Status.IN_REVIEW, Status.APPROVED])
def test_staff_cannot_set_workflow_statuses_by_hand(target):
    record = factories.ConsultationFactory(status=Status.DRAFTING)
    with pytest.raises(TransitionError, match="følger godkjenningsflyten"):
        lifecycle.transition(record, target)


def test_nonsense_transitions_are_refused_with_a_norwegian_message():
    record = factories.ConsultationFactory(status=Status.CONCLUDED)
    with pytest.raises(TransitionError, match="kan ikke gå fra «Avsluttet» til «Svar skrives»"):
        lifecycle.transition(record, Status.DRAFTING)
    declined = factories.ConsultationFactory(status=Status.DECLINED, decline_reason="Nei")
    with pytest.raises(TransitionError, match="Ta høringen opp til vurdering igjen"):
        lifecycle.transition(declined, Status.DRAFTING)
    lifecycle.transition(declined, Status.ASSESSING)


def test_manual_targets_offered_to_staff():
    assert set(lifecycle.allowed_targets(Status.REGISTERED)) == {
        Status.ASSESSING,
        Status.DECLINED,
        Status.DRAFTING,
    }
    assert lifecycle.allowed_targets(Status.IN_REVIEW) == []
    assert lifecycle.allowed_targets(Status.APPROVED) == []


def test_deadline_before_announcement_is_refused():
    record = Consultation(
        title="Feil datoer",
        authority=AuthorityFactory(),
        announced_on=datetime.date(2026, 5, 10),
        deadline=datetime.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert error.value.message_dict["deadline"] == [
        "Høringsfristen kan ikke være før høringen ble kunngjort."
    ]


def test_internal_deadline_must_come_before_the_deadline():
    record = Consultation(
        title="Feil intern frist",
        authority=AuthorityFactory(),
        announced_on=datetime.date(2026, 5, 1),
        deadline=datetime.date(2026, 6, 1),
        draft_deadline=datetime.date(2026, 6, 5),
    )
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert (
        "Den interne fristen må være før høringsfristen."
        in error.value.message_dict["draft_deadline"]
    )


def test_the_same_case_number_twice_for_one_authority_is_refused():
    factories.ConsultationFactory(case_number="26/777")
    duplicate = Consultation(
        title="Samme sak",
        authority=AuthorityFactory(),
        case_number="26/777",
        announced_on=datetime.date(2026, 1, 1),
        deadline=datetime.date(2026, 2, 1),
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "allerede en høring med samme saksnummer" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    # Another authority may use the same number, and an empty number is no number.
    factories.ConsultationFactory(
        case_number="26/777", authority=AuthorityFactory(name="Helsedirektoratet")
    )
    factories.ConsultationFactory(case_number="")
    factories.ConsultationFactory(case_number="")
