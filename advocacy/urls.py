from django.urls import path

from . import views

app_name = "advocacy"

urlpatterns = [
    path("tema/", views.theme_index, name="theme_index"),
    path("tema/<slug:slug>/", views.theme_detail, name="theme"),
]
