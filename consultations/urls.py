from django.urls import path

import base.params  # noqa: F401 - registers the <id:…> converter
from base.admin_urls import moved_to

from . import views
from .word_import import views as word_import

CONSULTATION = "consultations.consultation"

urlpatterns = [
    path("kalender/<str:token>.ics", views.calendar_feed, name="consultations_calendar"),
]

admin_urlpatterns = [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("importer-fra-word/", word_import.import_letter, name="word_import"),
    path("word/<id:page_id>/last-opp/", word_import.round_trip, name="word_round_trip"),
    # A consultation's own views belong to its viewset (consultations/viewsets.py); these
    # addresses from before keep working.
    path("<id:pk>/innsending/", moved_to(CONSULTATION, "submit")),
    path("<id:pk>/innsending/fil/", moved_to(CONSULTATION, "submission_file")),
    path("<id:pk>/horingssvar/", moved_to(CONSULTATION, "start_response")),
]
