from django.urls import path

from . import views

urlpatterns = [
    path("kalender/<str:token>.ics", views.calendar_feed, name="consultations_calendar"),
]

admin_urlpatterns = [
    path("kalender/", views.calendar_settings, name="calendar"),
    path("<int:pk>/innsending/", views.submit, name="submit"),
    path("<int:pk>/innsending/fil/", views.submission_file, name="submission_file"),
]
