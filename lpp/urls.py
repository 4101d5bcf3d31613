from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from lpp import api as lpp_api
from lpp import document_urls, feeds, health, seo

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(document_urls)),
    path("", include("advocacy.urls")),
    path("", include("search.urls")),
    path("", include("consultations.urls")),
    path("", include("strategy.urls")),
    # The public API, sitemap and robots.txt (lpp/api.py, lpp/seo.py).
    path("api/v2/", lpp_api.api_router.urls),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # For the load balancer and the operator (lpp/health.py).
    path("helse/", health.health, name="health"),
    path("feed/horingssvar/", feeds.ResponsesFeed(), name="feed_responses"),
    path("feed/horingssvar/atom/", feeds.ResponsesAtomFeed(), name="feed_responses_atom"),
    path("feed/utfall/", feeds.OutcomesFeed(), name="feed_outcomes"),
    path("feed/utfall/atom/", feeds.OutcomesAtomFeed(), name="feed_outcomes_atom"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
