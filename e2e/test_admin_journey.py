"""The admin journey of a consultation response, in a real browser, the way LPP's people
work (only the set-up — the accounts and the consultation staff registered — and the
checks of what was stored go through Django):

1. a working-group member adds a response under «Høringssvar» in the page explorer,
   chooses the consultation, writes the summary and, in the StreamField, two
   «LPP foreslår» proposals and a quoted platform position (chosen by searching in the
   position chooser), and saves a draft;
2. she comments on the summary in Wagtail's comment widget and saves again;
3. she submits it for review; another working-group member reviews it (and sees the
   comment), and the board member approves it;
4. before and after approval the public can't reach it: its address answers 404, and
   neither the archive nor the site search shows it;
5. staff find the consultation under «Høringer», record the submission without
   uploading a file (the Word letter made from the approved version is archived): the
   response is published;
6. staff go from the response to «Forslag og utfall», open the first proposal and record
   and publish an outcome in the one-form view;
7. the public finds the response in the archive and in search, sees the outcome on the
   first proposal, the second proposal's status unchanged, and the platform quote.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .conftest import (
    ACCOUNTS,
    check_accessibility,
    footer_action,
    last_json,
    log_in,
    screenshot,
    success_message,
)

pytestmark = pytest.mark.browser

CONSULTATION = "Høring – pårørendes innsynsrett i psykisk helsevern (nettlesertest)"
TITLE = "Høringssvar om pårørendes innsynsrett"
SEARCH_WORD = "innsynsrett"
SUMMARY = "LPP ber om at pårørende får vite hva som skjer før tvang brukes."
PROPOSALS = [
    "Pårørende skal få informasjon før tvang brukes.",
    "Taushetsplikten skal forklares med eksempler i rundskrivet.",
]
RATIONALE = "Pårørende kjenner ofte pasienten best."
THEME = "Taushetsplikt og informasjon"
POSITION_SEARCH = "informeres"
POSITION_TEXT = "pårørende skal informeres før tvang"
COMMENT = "Bør vi vise til pasient- og brukerrettighetsloven § 3-3 her?"
OUTCOME_NOTE = "Departementet vurderer forslaget i arbeidet med lovendringen."

SETUP = f"""{ACCOUNTS}
import datetime, json
from django.utils import timezone
from advocacy.models import Authority, Theme
from consultations.models import Consultation, ConsultationResponseIndexPage
from base import roles

user("arbeidsgruppe", roles.RESPONSES_GROUP)
user("arbeidsgruppe2", roles.RESPONSES_GROUP)
user("styremedlem", roles.BOARD)
user("sekretariat", roles.STAFF)
today = timezone.localdate()
consultation = Consultation(
    title={CONSULTATION!r},
    authority=Authority.objects.get(name="Helse- og omsorgsdepartementet"),
    case_number="26/9117 (nettlesertest)",
    url="https://www.regjeringen.no/",
    announced_on=today - datetime.timedelta(days=5),
    deadline=today + datetime.timedelta(days=40),
    working_group=Group.objects.get(name=roles.RESPONSES_GROUP),
)
consultation.full_clean()
consultation.save()
consultation.themes.set(list(Theme.objects.filter(slug="taushetsplikt")))
consultation.save()
print(json.dumps({{
    "consultation_id": consultation.pk,
    "archive": ConsultationResponseIndexPage.objects.get().url,
}}))
"""

STATE = f"""
import json
from wagtail.models import Comment
from consultations.models import Consultation
consultation = Consultation.objects.get(title={CONSULTATION!r})
page = consultation.get_response()
state = page.current_workflow_state if page else None
revision = page.get_latest_revision_as_object() if page else None
print(json.dumps({{
    "page_id": page.pk if page else None,
    "url": page.url if page else None,
    "live": page.live if page else False,
    "blocks": [block.block_type for block in revision.body] if revision else [],
    "workflow": state.status if state else None,
    "status": consultation.get_status_display(),
    "comments": [
        [c.text, c.contentpath, c.user.username]
        for c in Comment.objects.filter(page=page).select_related("user")
    ] if page else [],
    "submitted_file": consultation.submission.filename
        if hasattr(consultation, "submission") else None,
}}))
"""


def add_block(editor, label):
    """Open the last «+» of the body StreamField and pick a block type: returns the new
    block's container (the StreamField child marked with its block id)."""
    count = int(editor.locator("input[name='body-count']").input_value())
    editor.locator("[data-contentpath='body'] button.c-sf-add-button").last.click()
    editor.get_by_role("option", name=label).click()
    block_id = editor.locator(f"input[name='body-{count}-id']")
    block_id.wait_for(state="attached")
    expect(block_id).not_to_have_value("")
    return editor.locator(f"[data-contentpath='{block_id.input_value()}']"), count


def write_proposal(editor, text, rationale=None, theme=None):
    block, index = add_block(editor, "Forslag («LPP foreslår …»)")
    block.locator(f"textarea[name='body-{index}-value-text']").fill(text)
    if rationale:
        rich_text = editor.locator(f"#body-{index}-value-rationale").locator("xpath=..")
        rich_text.get_by_role("textbox").click()
        editor.keyboard.type(rationale)
    if theme:
        block.get_by_role("checkbox", name=theme).check()
    return block


def public_cannot_find(public, base, url, archive):
    assert public.goto(base + url).status == 404
    public.goto(base + archive)
    expect(public.get_by_role("link", name=TITLE)).to_have_count(0)
    public.goto(base + f"/sok/?q={SEARCH_WORD}")
    expect(public.get_by_role("heading", level=1)).to_have_text("Søk")
    expect(public.locator("main").get_by_role("link", name=re.compile(TITLE))).to_have_count(0)


def proposal_status(public, text):
    item = public.locator(".proposal-with-status").filter(has_text=text)
    return item.locator(".proposal__status .status").inner_text().strip()


def test_a_response_goes_from_draft_through_approval_and_submission_to_the_public(
    site_server, open_page
):
    base = site_server.url
    info = last_json(site_server.python(SETUP))
    state = lambda: last_json(site_server.python(STATE))  # noqa: E731

    # 1. A working-group member drafts the response in the page explorer.
    editor = open_page()
    log_in(editor, base, "arbeidsgruppe")
    editor.get_by_role("button", name="Sider").click()
    editor.get_by_role("link", name="Høringssvar", exact=True).first.click()
    editor.get_by_role("link", name="Legg til underside").click()
    editor.wait_for_url(re.compile(r"/admin/pages/add/consultations/consultationresponsepage/"))

    editor.locator("#id_title").fill(TITLE)
    editor.get_by_role("button", name="Velg høring").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("link", name=CONSULTATION).click()
    expect(chooser).to_be_hidden()
    expect(editor.locator("[data-contentpath='consultation']")).to_contain_text(CONSULTATION)
    editor.locator("#id_summary").fill(SUMMARY)

    write_proposal(editor, PROPOSALS[0], rationale=RATIONALE, theme=THEME)
    write_proposal(editor, PROPOSALS[1], theme=THEME)
    position, _ = add_block(editor, "Standpunkt fra plattformen")
    position.get_by_role("button", name="Velg standpunkt").click()
    chooser = editor.get_by_role("dialog")
    unrelated = chooser.get_by_role("link", name=re.compile("forløpskoordinator"))
    expect(unrelated).to_have_count(1)  # every position is listed before searching
    chooser.get_by_label("Søkeord").fill(POSITION_SEARCH)
    expect(unrelated).to_have_count(0)  # the search narrowed the list
    chooser.get_by_role("link", name=re.compile(POSITION_TEXT)).click()
    expect(chooser).to_be_hidden()
    expect(position).to_contain_text(POSITION_TEXT)
    screenshot(editor, "admin-nytt-horingssvar-utfylt")

    editor.get_by_role("button", name="Lagre kladd").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    # Wagtail 8's autosave may have created the page before the click (on a slow machine
    # it does): then «Lagre kladd» updates it. Either way the draft is saved.
    assert re.search(r"er (opprettet|oppdatert)", success_message(editor))

    # 2. She comments on the summary in the comment widget; saving the draft stores it.
    summary_field = editor.locator("[data-contentpath='summary']")
    summary_field.get_by_role("button", name="Legg til kommentar").click()
    editor.get_by_placeholder("Skriv kommentaren din …").fill(COMMENT)
    # Saved from the keyboard: the comment card is still moving into place beside the
    # field, and a mouse click aimed at it can land where the button was a moment ago.
    save_comment = editor.get_by_role("button", name="Kommentar", exact=True)
    save_comment.focus()
    editor.keyboard.press("Enter")
    expect(editor.locator(".comment__text").filter(has_text=COMMENT)).to_be_visible()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Lagre kladd").click()
    assert "er oppdatert" in success_message(editor)
    drafted = state()
    assert drafted["comments"] == [[COMMENT, "summary", "arbeidsgruppe"]], drafted
    assert drafted["blocks"] == ["proposal", "proposal", "platform_position"], drafted
    assert drafted["status"] == "Svar skrives", drafted
    assert drafted["live"] is False
    # The address the admin made from the title is in plain letters.
    assert drafted["url"].endswith("/horingssvar-om-parorendes-innsynsrett/"), drafted

    # The public does not see the draft.
    public = open_page()
    public_cannot_find(public, base, drafted["url"], info["archive"])

    # 3. She submits it for review; a second working-group member reviews it, then the
    # board member approves.
    footer_action(editor, re.compile(r"^Send inn til"))
    assert "sendt til godkjenning" in success_message(editor)
    submitted = state()
    assert submitted["workflow"] == "in_progress", submitted
    assert submitted["status"] == "Til gjennomgang", submitted
    screenshot(editor, "admin-sendt-til-gjennomgang")

    reviewer = open_page()
    log_in(reviewer, base, "arbeidsgruppe2")
    reviewer.goto(base + f"/admin/pages/{drafted['page_id']}/edit/")
    reviewer.locator("button[data-side-panel-toggle='comments']").click()
    expect(reviewer.get_by_text(COMMENT).first).to_be_visible()
    footer_action(reviewer, "Godkjenn")
    assert "er oppdatert" in success_message(reviewer)

    board = open_page()
    log_in(board, base, "styremedlem")
    board.goto(base + f"/admin/pages/{drafted['page_id']}/edit/")
    # Approving a response doesn't publish it, and the button doesn't claim it does.
    footer_action(board, "Godkjenn")
    approved = state()
    assert approved["workflow"] is None, approved  # the workflow is finished
    assert approved["status"] == "Godkjent av landsstyret", approved
    assert approved["live"] is False, approved  # approved is not sent: still not public

    # 4. Approved but not sent: still nowhere to be found by the public.
    public_cannot_find(public, base, drafted["url"], info["archive"])

    # 5. Staff record the submission; the Word letter from the approved version is kept.
    staff = open_page()
    log_in(staff, base, "sekretariat")
    staff.get_by_role("button", name="Høringer").click()
    staff.get_by_role("list", name="Høringer").get_by_role("link", name="Alle høringer").click()
    staff.get_by_role("link", name=CONSULTATION).first.click()
    staff.get_by_role("link", name="Registrer innsending").first.click()
    staff.wait_for_url(
        re.compile(
            rf"/admin/snippets/consultations/consultation/{info['consultation_id']}/innsending/"
        )
    )
    staff.get_by_label("E-post").check()
    staff.get_by_label("Mottaker").fill("postmottak@hod.dep.no")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Registrer innsending og publiser").click()
    assert "høringssvaret er publisert" in success_message(staff)
    sent = state()
    assert sent["live"] is True, sent
    assert sent["status"] == "Sendt", sent
    assert sent["submitted_file"].endswith(".docx"), sent

    public.goto(base + sent["url"])
    before_outcome = {text: proposal_status(public, text) for text in PROPOSALS}

    # 6. Staff record an outcome for the first proposal, from the response's admin page.
    staff.get_by_role("link", name=TITLE).first.click()
    staff.wait_for_url(re.compile(rf"/admin/pages/{drafted['page_id']}/edit/"))
    staff.locator("header").get_by_role("button", name="Handlinger").click()
    staff.get_by_role("link", name="Forslag og utfall").click()
    staff.get_by_role("link", name=PROPOSALS[0]).click()
    staff.get_by_role("main").get_by_role("link", name="Registrer hendelse").click()
    staff.wait_for_url(re.compile(r"/admin/snippets/advocacy/proposal/\d+/registrer/"))
    staff.get_by_label("Hva skjedde").select_option(label="Under vurdering")
    staff.get_by_label("Dato").fill(datetime.date.today().strftime("%d.%m.%Y"))
    staff.keyboard.press("Escape")  # close the date picker
    staff.get_by_label("Kilde", exact=True).select_option(label="Brev")
    staff.get_by_label("Kildens tittel").fill("Svarbrev fra Helse- og omsorgsdepartementet")
    staff.get_by_label("Lenke til kilden").fill("https://www.regjeringen.no/")
    staff.get_by_label("Offentlig merknad").fill(OUTCOME_NOTE)
    with staff.expect_navigation():
        staff.get_by_role("button", name="Lagre og publiser").click()
    assert "registrert og publisert" in success_message(staff)
    event = staff.locator("main table tbody tr").filter(has_text="Under vurdering")
    expect(event).to_contain_text("Publisert")
    expect(event).to_contain_text(OUTCOME_NOTE)

    # 7. The public finds the response and sees the outcome.
    public.goto(base + f"/sok/?q={SEARCH_WORD}")
    expect(public.locator("main").get_by_role("link", name=re.compile(TITLE)).first).to_be_visible()
    public.goto(base + info["archive"])
    public.get_by_role("link", name=TITLE).first.click()
    public.wait_for_url(base + sent["url"])
    main = public.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert proposal_status(public, PROPOSALS[0]).startswith("Under vurdering")
    assert proposal_status(public, PROPOSALS[1]) == before_outcome[PROPOSALS[1]]
    assert before_outcome[PROPOSALS[0]] != proposal_status(public, PROPOSALS[0])
    expect(main.locator("blockquote")).to_contain_text(POSITION_TEXT)
    expect(main).not_to_contain_text(COMMENT)  # comments are the editors' own
    check_accessibility(public)
    screenshot(public, "horingssvar-etter-utfall-desktop")
