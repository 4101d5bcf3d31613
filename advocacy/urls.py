from django.urls import path

import base.params  # noqa: F401 - registers the <id:…> and <page_id:…> converters
from wordexport import views as docx_views

from . import views
from .outcomes import accountability

app_name = "advocacy"

urlpatterns = [
    path("tema/", views.theme_index, name="theme_index"),
    path("tema/<slug:slug>/", views.theme_detail, name="theme"),
    path("hva-skjedde/", accountability.accountability, name="outcomes"),
    path("hva-skjedde/forslag/", accountability.outcome_list, name="outcome_list"),
    path(
        "hva-skjedde/etter/<slug:key>/",
        accountability.outcome_breakdown,
        name="outcome_breakdown",
    ),
    path("hva-skjedde/forslag/<id:pk>/", accountability.proposal_outcome, name="proposal_outcome"),
    path("last-ned/word/<page_id:page_id>/", docx_views.public_download, name="docx_download"),
]
