from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from wagtail.search import index


class SearchDocument(index.Indexed, models.Model):
    """One published thing the public can find: a page, a proposal, a theme …

    Written by :mod:`search.indexer` from the models that take part in public search
    (see :mod:`search.registry`), only while the thing is public; deleted when it stops
    being so. Everything the results page shows is stored here, so a results page is a
    constant handful of queries whatever it lists. Staff-only fields are never copied in.

    The full-text index beside it is vendor specific (migration 0002): an FTS5 table
    on SQLite, the ``search_vector`` columns with GIN indexes on PostgreSQL.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    # The primary key of the thing the document was made from (not "object_id": Wagtail's
    # SQLite search backend annotates its queries with that name).
    source_id = models.CharField(max_length=64)
    # The page whose being live decides whether the document is public: the page itself,
    # or the page a proposal was written in. Deleting the page deletes the document.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("Type", max_length=100, db_index=True)
    kind_label = models.CharField("Typenavn", max_length=100)
    title = models.CharField("Tittel", max_length=255)
    url = models.CharField("Adresse", max_length=500)
    text = models.TextField("Tekst", blank=True)
    date = models.DateField("Dato", null=True, blank=True)
    year = models.PositiveSmallIntegerField("År", null=True, blank=True, db_index=True)
    authority = models.ForeignKey(
        "advocacy.Authority", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField("Status", max_length=50, blank=True, db_index=True)
    status_label = models.CharField("Statusnavn", max_length=100, blank=True)
    themes = models.ManyToManyField("advocacy.Theme", blank=True, related_name="+")
    # PostgreSQL only (NULL elsewhere): the analysed title (weight A) and text (B), and
    # the folded words for autocomplete.
    search_vector = SearchVectorField(null=True, editable=False)
    autocomplete_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField("Indeksert", auto_now=True)

    # Sent to Elasticsearch/OpenSearch by search.tasks (with retries), not by Wagtail's
    # save signal.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.FilterField("authority_id"),
        index.FilterField("status"),
        index.FilterField("theme_ids"),
    ]

    class Meta:
        verbose_name = "søkedokument"
        verbose_name_plural = "søkedokumenter"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "source_id"], name="search_document_unique_object"
            )
        ]

    def __str__(self):
        return self.title

    def theme_ids(self):
        return [str(theme.pk) for theme in self.themes.all()]


class EngineStatus(models.Model):
    """What the site last learned about a search backend: shown on the admin health
    panel and by ``manage.py search_health``."""

    backend = models.CharField("Søkemotor", max_length=50, unique=True)
    healthy = models.BooleanField("I orden", default=True)
    checked_at = models.DateTimeField("Sist sjekket", null=True, blank=True)
    last_failure_at = models.DateTimeField("Siste feil", null=True, blank=True)
    last_error = models.TextField("Feilmelding", blank=True)
    fallback_count = models.PositiveIntegerField("Søk besvart av databasen i stedet", default=0)
    pending_updates = models.PositiveIntegerField("Oppdateringer som venter", default=0)

    class Meta:
        verbose_name = "status for søkemotor"
        verbose_name_plural = "status for søkemotorer"

    def __str__(self):
        return self.backend
