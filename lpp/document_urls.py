"""Wagtail's document addresses (``wagtail.documents.urls``) with the id bounded: Wagtail's
pattern takes any number of digits, and Python refuses to turn more than 4,300 of them
into an int, so ``/dokumenter/<5,000 digits>/x`` was a 500. Same names and views."""

from django.urls import path, re_path
from wagtail.documents.views import serve

import base.params  # noqa: F401 - registers the <id:…> converter

urlpatterns = [
    # 19 digits hold every 64-bit id; a longer one is no document (and Django answers
    # an id beyond the column with "not found", without asking the database).
    re_path(r"^(\d{1,19})/(.*)$", serve.serve, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<id:restriction_id>/",
        serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
