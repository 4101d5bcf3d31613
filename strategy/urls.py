from django.urls import path

from . import views

app_name = "strategy"
# Tokens are secrets.token_urlsafe ([A-Za-z0-9_-], a slug): anything else, a NUL byte
# included (which PostgreSQL refuses in a query: a 500), is a 404 before any query.
urlpatterns = [
    path("strategi/", views.follow_up_page, name="follow_up"),
    path("strategi/undersokelse/<slug:token>/", views.survey, name="survey"),
    path("strategi/lokallag/<slug:token>/", views.chapter_report, name="chapter"),
]
