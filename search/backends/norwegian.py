"""The mapping change both engine backends share."""

from search.conf import AUTOCOMPLETE_INDEX_ANALYZER, AUTOCOMPLETE_SEARCH_ANALYZER, TEXT_ANALYZER


def _set_text_analyzers(properties):
    for mapping in properties.values():
        if mapping.get("type") == "nested":
            _set_text_analyzers(mapping["properties"])
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            # Explicit on each field: an index-level "default" analyzer is what Wagtail
            # documents, but not every server honours it (the osmem emulator does not).
            mapping["analyzer"] = TEXT_ANALYZER


class NorwegianMappingMixin:
    edgengram_analyzer_config = {
        "analyzer": AUTOCOMPLETE_INDEX_ANALYZER,
        "search_analyzer": AUTOCOMPLETE_SEARCH_ANALYZER,
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        _set_text_analyzers(mapping["properties"])
        return mapping
