from django.urls import path

from . import views
from .docx import views as docx_views
from .outcomes import accountability

app_name = "advocacy"

urlpatterns = [
    path("tema/", views.theme_index, name="theme_index"),
    path("tema/<slug:slug>/", views.theme_detail, name="theme"),
    path("hva-skjedde/", accountability.accountability, name="outcomes"),
    path("hva-skjedde/forslag/", accountability.outcome_list, name="outcome_list"),
    path("hva-skjedde/forslag/<int:pk>/", accountability.proposal_outcome, name="proposal_outcome"),
    path("last-ned/word/<int:page_id>/", docx_views.public_download, name="docx_download"),
]
