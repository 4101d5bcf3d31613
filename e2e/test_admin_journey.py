"""The admin journey, in a real browser, against the demo site's draft response
("Eksempel: Høringssvar om tvang i psykisk helsevern (utkast)", two proposals):

1. the public can't find the draft;
2. a working-group member logs in, sees the comment on the draft (made through Wagtail's
   comment model; typing into the comments widget isn't driven here) and submits it
   for review;
3. the working group's review and the board member's approval, each in the browser;
   after approval the response is still not public (it's published when it is sent);
4. staff record the submission (uploading the letter that was sent): it is published;
5. staff record an outcome for one proposal;
6. the public sees the response in the archive, its proposals and the outcome.
"""

import json

import pytest

from .conftest import check_accessibility, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "Sterkt-passord-2026!"
SLUG = "eksempel-tvang-i-psykisk-helsevern"

SETUP = f"""
import json
from django.contrib.auth.models import Group, User
from django.urls import reverse
from consultations.models import ConsultationResponsePage
from lpp import roles

def user(name, group):
    account, _ = User.objects.get_or_create(username=name, defaults={{"email": name + "@lpp.example"}})
    account.set_password({PASSWORD!r})
    account.save()
    account.groups.add(Group.objects.get(name=group))

user("arbeidsgruppe", roles.RESPONSES_GROUP)
user("arbeidsgruppe2", roles.RESPONSES_GROUP)
user("styremedlem", roles.BOARD)
user("sekretariat", roles.STAFF)
page = ConsultationResponsePage.objects.get(slug={SLUG!r})
from wagtail.models import Comment
Comment.objects.get_or_create(
    page=page, contentpath="summary",
    text="Bør vi nevne pårørendes rett til informasjon før tvang?",
    defaults={{"user": User.objects.get(username="arbeidsgruppe"),
               "revision_created": page.get_latest_revision()}},
)
print(json.dumps({{
    "page_id": page.pk,
    "url": page.url,
    "title": page.title,
    "archive": page.get_parent().url,
    "submit_url": reverse("consultations_admin:submit", args=[page.consultation_id]),
}}))
"""

STATE = f"""
import json
from consultations.models import ConsultationResponsePage
page = ConsultationResponsePage.objects.get(slug={SLUG!r})
state = page.current_workflow_state
print(json.dumps({{
    "live": page.live,
    "workflow": state.status if state else None,
    "task": state.current_task_state.task.name if state and state.current_task_state else None,
    "status": page.consultation.get_status_display(),
    "comments": page.wagtail_admin_comments.count(),
}}))
"""

OUTCOME = f"""
import datetime, json
from django.contrib.auth.models import User
from advocacy.models import Proposal
from advocacy.outcomes import record_event
proposal = Proposal.objects.filter(source_page__slug={SLUG!r}).order_by("position").first()
record_event(proposal, {{
    "kind": "consideration",
    "date": datetime.date.today(),
    "evidence_kind": "letter",
    "evidence_title": "Svarbrev fra Helse- og omsorgsdepartementet",
    "evidence_url": "https://www.regjeringen.no/",
    "public_note": "Departementet vurderer forslaget i arbeidet med lovendringen.",
}}, user=User.objects.get(username="sekretariat"), publish=True)
print(json.dumps({{"text": proposal.text}}))
"""


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(base + "/admin/")


def workflow_action(page, name):
    """Press a workflow button in the editor's footer (they sit in its action menu)."""
    button = page.locator(f"[data-workflow-action-name='{name}']").first
    button.wait_for(state="attached")
    with page.expect_response(lambda r: r.request.method == "POST"):
        button.evaluate("el => el.click()")
    page.wait_for_load_state()


def test_a_response_goes_from_draft_through_approval_and_submission_to_the_public(
    site_server, open_page
):
    base = site_server.url
    info = last_json(site_server.python(SETUP))
    state = lambda: last_json(site_server.python(STATE))  # noqa: E731

    # 1. The public does not see the draft.
    public = open_page()
    assert public.goto(base + info["url"]).status == 404
    public.goto(base + info["archive"])
    assert info["title"] not in public.content()

    # 2. A working-group member comments and submits for review.
    editor = open_page()
    log_in(editor, base, "arbeidsgruppe")
    editor.goto(base + f"/admin/pages/{info['page_id']}/edit/")
    assert editor.get_by_role("heading", level=1).count() >= 1
    # The comment is on the page (the comments panel shows it to the reviewers).
    editor.locator("button[data-side-panel-toggle='comments']").first.click()
    editor.get_by_text("Bør vi nevne pårørendes rett til informasjon før tvang?").first.wait_for()
    with editor.expect_navigation():
        editor.locator("button[name='action-submit']").first.evaluate("el => el.click()")
    after_submit = state()
    assert after_submit["workflow"] == "in_progress", after_submit
    assert after_submit["comments"] >= 1
    screenshot(editor, "admin-sendt-til-gjennomgang")

    # 3. Review by another working-group member, then the board's approval.
    reviewer = open_page()
    log_in(reviewer, base, "arbeidsgruppe2")
    reviewer.goto(base + f"/admin/pages/{info['page_id']}/edit/")
    workflow_action(reviewer, "approve")
    assert state()["task"] != after_submit["task"]

    board = open_page()
    log_in(board, base, "styremedlem")
    board.goto(base + f"/admin/pages/{info['page_id']}/edit/")
    workflow_action(board, "approve")
    approved = state()
    assert approved["workflow"] is None, approved  # the workflow is finished
    assert approved["status"] == "Godkjent av landsstyret", approved
    assert approved["live"] is False  # approved is not sent: still not public
    assert public.goto(base + info["url"]).status == 404

    # 4. Staff record the submission with the letter that was sent: it is published.
    staff = open_page()
    log_in(staff, base, "sekretariat")
    staff.goto(base + info["submit_url"])
    staff.set_input_files(
        "input[type=file]",
        files=[{"name": "horingssvar-tvang.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4 brev sendt til departementet"}],
    )
    with staff.expect_navigation():
        staff.locator("form button[type=submit], form input[type=submit]").last.click()
    assert "publisert" in staff.content()
    assert state()["live"] is True

    # 5. Staff record an outcome for the first proposal.
    outcome = last_json(site_server.python(OUTCOME))

    # 6. The public sees the response, its proposals and the outcome.
    public.goto(base + info["archive"])
    public.get_by_role("link", name=info["title"]).first.click()
    public.wait_for_url(base + info["url"])
    body = public.locator("main").inner_text()
    assert outcome["text"] in body
    assert "Under vurdering" in body
    check_accessibility(public)
    screenshot(public, "horingssvar-etter-publisering-desktop")
