from django.urls import path

import lpp.params  # noqa: F401 - registers the <id:…> converter

from . import views
from .word_import import views as word_import

urlpatterns = [
    path("kalender/<str:token>.ics", views.calendar_feed, name="consultations_calendar"),
]

admin_urlpatterns = [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("<id:pk>/innsending/", views.submit, name="submit"),
    path("<id:pk>/innsending/fil/", views.submission_file, name="submission_file"),
    path("<id:pk>/horingssvar/", views.start_response, name="start_response"),
    path("importer-fra-word/", word_import.import_letter, name="word_import"),
]
