from django.db import models


class Status(models.TextChoices):
    REGISTERED = "registrert", "Registrert"
    ASSESSING = "vurderes", "Vurderes"
    DECLINED = "avstar", "Avstår"
    DRAFTING = "skrives", "Svar skrives"
    IN_REVIEW = "til_gjennomgang", "Til gjennomgang"
    APPROVED = "godkjent", "Godkjent av landsstyret"
    SUBMITTED = "sendt", "Sendt"
    AWAITING_OUTCOME = "venter", "Venter på utfall"
    CONCLUDED = "avsluttet", "Avsluttet"


# Still to be decided on or answered: what the dashboard and reminders care about.
OPEN_STATUSES = [
    Status.REGISTERED,
    Status.ASSESSING,
    Status.DRAFTING,
    Status.IN_REVIEW,
    Status.APPROVED,
]
UNDECIDED_STATUSES = [Status.REGISTERED, Status.ASSESSING]
DRAFT_STATUSES = [Status.REGISTERED, Status.ASSESSING, Status.DRAFTING]
SENT_STATUSES = [Status.SUBMITTED, Status.AWAITING_OUTCOME, Status.CONCLUDED]
