from .pages import ConsultationResponseIndexPage, ConsultationResponsePage
from .records import (
    CalendarFeed,
    Consultation,
    ConsultationDocument,
    ConsultationTheme,
    SentReminder,
    Submission,
)

__all__ = [
    "CalendarFeed",
    "Consultation",
    "ConsultationDocument",
    "ConsultationResponseIndexPage",
    "ConsultationResponsePage",
    "ConsultationTheme",
    "SentReminder",
    "Submission",
]
