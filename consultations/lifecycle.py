"""The consultation lifecycle: every status change goes through :func:`transition`.

    registrert → vurderes → avstår (begrunnelse påkrevd)
                          ↘ skrives → til gjennomgang → godkjent → sendt → venter på utfall
                                                                          → avsluttet

Staff move a consultation by hand only where a person decides (assessing, declining,
starting a response, concluding). The middle of the lifecycle follows the response
page's workflow (``via="workflow"``), and "sendt" is reached only by recording the
submission (``via="submission"``), so nobody sets a status twice and nothing skips the
board's approval.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from .status import Status

MANUAL = "manual"
WORKFLOW = "workflow"
SUBMISSION = "submission"

# (from, to) -> the ways that may make the move.
_TRANSITIONS = {
    (Status.REGISTERED, Status.ASSESSING): {MANUAL},
    (Status.REGISTERED, Status.DECLINED): {MANUAL},
    (Status.REGISTERED, Status.DRAFTING): {MANUAL, WORKFLOW},
    (Status.ASSESSING, Status.REGISTERED): {MANUAL},
    (Status.ASSESSING, Status.DECLINED): {MANUAL},
    (Status.ASSESSING, Status.DRAFTING): {MANUAL, WORKFLOW},
    (Status.DECLINED, Status.ASSESSING): {MANUAL},
    (Status.DRAFTING, Status.ASSESSING): {MANUAL},
    (Status.DRAFTING, Status.DECLINED): {MANUAL},
    (Status.REGISTERED, Status.IN_REVIEW): {WORKFLOW},
    (Status.ASSESSING, Status.IN_REVIEW): {WORKFLOW},
    (Status.DRAFTING, Status.IN_REVIEW): {WORKFLOW},
    (Status.APPROVED, Status.IN_REVIEW): {WORKFLOW},
    (Status.IN_REVIEW, Status.DRAFTING): {WORKFLOW},
    (Status.IN_REVIEW, Status.APPROVED): {WORKFLOW},
    (Status.APPROVED, Status.SUBMITTED): {SUBMISSION},
    (Status.SUBMITTED, Status.AWAITING_OUTCOME): {MANUAL},
    (Status.SUBMITTED, Status.CONCLUDED): {MANUAL},
    (Status.AWAITING_OUTCOME, Status.CONCLUDED): {MANUAL},
    (Status.CONCLUDED, Status.AWAITING_OUTCOME): {MANUAL},
}


class TransitionError(ValidationError):
    """A status change that makes no sense, with the reason in Norwegian."""


def allowed_targets(current, via=MANUAL):
    return [
        target
        for (source, target), ways in _TRANSITIONS.items()
        if source == current and via in ways
    ]


def _refusal(current, target, via):
    current, target = Status(current), Status(target)
    if target == Status.SUBMITTED:
        if current in (Status.SUBMITTED, Status.AWAITING_OUTCOME, Status.CONCLUDED):
            return "Høringssvaret er allerede registrert som sendt."
        if current != Status.APPROVED:
            return "Høringssvaret kan ikke sendes før landsstyret har godkjent det."
        return "Registrer innsendingen med dato, kanal og fil – da settes statusen «Sendt»."
    if target in (Status.IN_REVIEW, Status.APPROVED) and via == MANUAL:
        return (
            f"Statusen «{target.label}» følger godkjenningsflyten: send høringssvaret til "
            "gjennomgang fra siden, så oppdateres høringen av seg selv."
        )
    if current == Status.DECLINED and target != Status.ASSESSING:
        return "LPP har avstått fra å svare. Ta høringen opp til vurdering igjen først."
    if target == Status.DECLINED and current not in (
        Status.REGISTERED,
        Status.ASSESSING,
        Status.DRAFTING,
    ):
        return f"En høring med status «{current.label}» kan ikke settes til «Avstår»."
    return f"Høringen kan ikke gå fra «{current.label}» til «{target.label}»."


def check(consultation, target, *, via=MANUAL, reason=None):
    """Raise :class:`TransitionError` unless ``consultation`` may move to ``target``."""
    current = consultation.status
    if target == current:
        return
    if via not in _TRANSITIONS.get((current, target), set()):
        raise TransitionError(_refusal(current, target, via), code="invalid_transition")
    if target == Status.DECLINED:
        reason = consultation.decline_reason if reason is None else reason
        if not (reason or "").strip():
            raise TransitionError(
                {"decline_reason": "Skriv hvorfor LPP avstår fra å svare på høringen."},
                code="reason_required",
            )


def transition(consultation, target, *, via=MANUAL, reason=None, save=True):
    """Move ``consultation`` to ``target`` or raise :class:`TransitionError`."""
    check(consultation, target, via=via, reason=reason)
    if target == consultation.status:
        return consultation
    if target == Status.DECLINED and reason is not None:
        consultation.decline_reason = reason.strip()
    consultation.status = target
    consultation.status_changed_at = timezone.now()
    if save:
        consultation.save(update_fields=["status", "status_changed_at", "decline_reason"])
    return consultation


def follow(consultation, target, *, via):
    """Move along with the workflow when the move is allowed; otherwise leave the
    consultation as it is (a response page may be resubmitted after the consultation
    has moved on). Returns whether the status changed."""
    try:
        check(consultation, target, via=via)
    except TransitionError:
        return False
    if consultation.status == target:
        return False
    transition(consultation, target, via=via)
    return True
