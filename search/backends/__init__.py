"""Wagtail's Elasticsearch 9 and OpenSearch 3 backends with explicit Norwegian analysis
on every text field (see :mod:`search.conf`)."""
