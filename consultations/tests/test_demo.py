import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from advocacy.models import Proposal
from base import roles
from consultations.models import Consultation, ConsultationResponsePage, Submission
from consultations.status import Status

pytestmark = pytest.mark.django_db


def test_demo_has_consultations_in_many_states_and_example_responses(client, demo_site):
    statuses = set(Consultation.objects.values_list("status", flat=True))
    assert {
        Status.REGISTERED,
        Status.ASSESSING,
        Status.DECLINED,
        Status.DRAFTING,
        Status.SUBMITTED,
        Status.AWAITING_OUTCOME,
        Status.CONCLUDED,
    } <= statuses
    published = ConsultationResponsePage.objects.live()
    # Three written in the admin, three imported from the Word samples.
    assert published.count() == 6
    for page in published:
        assert "Eksempel" in page.title
        html = client.get(page.url).content.decode()
        assert "Eksempel" in html and html.count("proposal__status") >= 2
        assert Proposal.objects.filter(source_page=page).exists()
        assert Submission.objects.get(consultation=page.consultation).is_intact()
    archive = client.get("/horingssvar/").content.decode()
    assert "Pårørendeveileder" in archive and "NOU 2023:4" in archive
    assert "tvang i psykisk helsevern (utkast)" not in archive


def test_demo_sets_up_the_workflow_and_the_working_groups_section(demo_site):
    index = Page.objects.get(slug="horingssvar")
    workflow = WorkflowPage.objects.get(page=index).workflow
    assert [t.name for t in workflow.tasks] == [
        "Gjennomgang i Arbeidsgruppe høringssvar",
        "Godkjenning i Landsstyret",
    ]
    group = Group.objects.get(name=roles.RESPONSES_GROUP)
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=index).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}


def test_demo_loader_is_idempotent_for_consultations(demo_site):
    before = (
        Consultation.objects.count(),
        ConsultationResponsePage.objects.count(),
        Proposal.objects.count(),
        Submission.objects.count(),
    )
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    after = (
        Consultation.objects.count(),
        ConsultationResponsePage.objects.count(),
        Proposal.objects.count(),
        Submission.objects.count(),
    )
    assert before == after


def test_demo_imports_three_sample_letters_from_word_once(client, demo_site):
    imported = Submission.objects.filter(imported=True).select_related("consultation")
    assert imported.count() == 3
    for submission in imported:
        assert submission.is_intact()
        page = submission.consultation.response
        assert page.live and Proposal.objects.filter(source_page=page).count() >= 4
    archive = client.get("/horingssvar/").content.decode()
    assert "NOU 2023: 5 Den store forskjellen" in archive
    from search import indexer  # the after-commit indexing never fires inside a test

    indexer.rebuild()
    found = client.get("/sok/", {"q": "pleiepengeordningen"}).content.decode()
    assert "NOU 2023: 5 Den store forskjellen" in found
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert Submission.objects.filter(imported=True).count() == 3
