"""Following up the authorities: consultations past their deadline whose response's
proposals have had no outcome for :attr:`advocacy.models.OutcomeSettings.reminder_after_months`
months.

The consultation's responsible staff member gets one e-mail per quiet spell
(:class:`advocacy.models.FollowUpReminder`, unique per proposal and the date of its last news), and the
admin dashboard lists them under «Følg opp». Everything is selected in SQL."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Min, OuterRef
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from wagtail.admin.ui.components import Component

from advocacy.models import FollowUpReminder, OutcomeSettings, Proposal
from advocacy.outcomes import DECISIVE, months_before, outcome_summary, today
from advocacy.outcomes.admin_menu import proposal_list_url_for_page
from base.admin_urls import snippet_url
from base.dates import long_date

from .models import Consultation
from .status import Status

# From a proposal to the consultation its response page answers.
CONSULTATION = "source_page__consultationresponsepage__consultation"


def reminder_after_months():
    return OutcomeSettings.load().reminder_after_months


def due_proposals(on=None, months=None):
    """Submitted proposals (``Proposal.objects.submitted()``: a response published without
    a recorded submission was never sent, so there is nothing to follow up) in
    consultation responses past their deadline, with no decisive outcome and no published
    news for ``months`` months, annotated with ``quiet_since`` and their consultation."""
    on = on or today()
    cutoff = months_before(on, months or reminder_after_months())
    return (
        Proposal.objects.submitted()
        .filter(**{f"{CONSULTATION}__deadline__lt": on})
        .exclude(**{f"{CONSULTATION}__status": Status.CONCLUDED})
        .exclude(outcome_status__in=DECISIVE)
        .annotate(quiet_since=Coalesce("outcome_last_event_on", "submitted_on"))
        .filter(quiet_since__lt=cutoff)
        .annotate(consultation_id=F(f"{CONSULTATION}__pk"))
    )


def follow_up_consultations(on=None, months=None, limit=None):
    """One row per consultation with proposals to follow up (a single query)."""
    rows = (
        due_proposals(on, months)
        .values(
            "consultation_id",
            "source_page_id",
            title=F(f"{CONSULTATION}__title"),
            authority=F(f"{CONSULTATION}__authority__name"),
            deadline=F(f"{CONSULTATION}__deadline"),
            responsible_first=F(f"{CONSULTATION}__responsible__first_name"),
            responsible_last=F(f"{CONSULTATION}__responsible__last_name"),
            responsible_username=F(f"{CONSULTATION}__responsible__username"),
        )
        .annotate(count=Count("pk"), quiet_since=Min("quiet_since"))
        .order_by("quiet_since", "consultation_id")
    )
    rows = list(rows[:limit] if limit else rows)
    for row in rows:
        name = f"{row['responsible_first'] or ''} {row['responsible_last'] or ''}".strip()
        row["responsible"] = name or row["responsible_username"] or ""
        row["list_url"] = snippet_url(Proposal, "list") + f"?document={row['source_page_id']}"
    return rows


def send_follow_up_reminders(on=None, months=None):
    """E-mail each responsible person about proposals not reminded of before. Returns
    (e-mails sent, proposals covered, consultations without a responsible person)."""
    on = on or today()
    months = months or reminder_after_months()
    already = FollowUpReminder.objects.filter(
        proposal=OuterRef("pk"), quiet_since=OuterRef("quiet_since")
    )
    due = list(
        due_proposals(on, months)
        .filter(~Exists(already))
        .select_related("source_page")
        .order_by("consultation_id", "position")
    )
    by_consultation = {}
    for proposal in due:
        by_consultation.setdefault(proposal.consultation_id, []).append(proposal)
    consultations = Consultation.objects.select_related("responsible", "authority").in_bulk(
        list(by_consultation)
    )
    sent = covered = unassigned = 0
    for consultation_id, proposals in by_consultation.items():
        consultation = consultations[consultation_id]
        user = consultation.responsible
        if user is None or not user.is_active or not user.email:
            unassigned += 1
            continue
        page = proposals[0].source_page
        context = {
            "consultation": consultation,
            "proposals": proposals,
            "months": months,
            "user": user,
            "summary": outcome_summary(Proposal.objects.submitted().filter(source_page=page)),
            "deadline": long_date(consultation.deadline),
            "list_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + proposal_list_url_for_page(page),
        }
        subject = " ".join(
            render_to_string("consultations/email/follow_up_subject.txt", context).split()
        )
        body = render_to_string("consultations/email/follow_up.txt", context)
        try:
            with transaction.atomic():
                FollowUpReminder.objects.bulk_create(
                    [
                        FollowUpReminder(proposal=p, quiet_since=p.quiet_since, recipient=user)
                        for p in proposals
                    ]
                )
                send_mail(subject, body, None, [user.email])
        except IntegrityError:
            continue  # another run recorded them first
        sent += 1
        covered += len(proposals)
    return sent, covered, unassigned


class FollowUpPanel(Component):
    """«Følg opp» on the admin home page."""

    name = "outcome_follow_up"
    order = 60
    template_name = "consultations/admin/follow_up_panel.html"
    limit = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = follow_up_consultations(limit=self.limit + 1)
        return {
            "rows": rows[: self.limit],
            "more": len(rows) > self.limit,
            "months": reminder_after_months(),
            "list_url": snippet_url(Proposal, "list"),
        }
