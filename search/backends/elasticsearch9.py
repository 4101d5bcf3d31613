from modelsearch.backends import elasticsearch9 as stock

from .norwegian import NorwegianMappingMixin


class NorwegianElasticsearch9Mapping(NorwegianMappingMixin, stock.Elasticsearch9Mapping):
    pass


class NorwegianElasticsearch9SearchQueryCompiler(stock.Elasticsearch9SearchQueryCompiler):
    mapping_class = NorwegianElasticsearch9Mapping


class NorwegianElasticsearch9AutocompleteQueryCompiler(
    stock.Elasticsearch9AutocompleteQueryCompiler
):
    mapping_class = NorwegianElasticsearch9Mapping


class NorwegianElasticsearch9SearchBackend(stock.Elasticsearch9SearchBackend):
    mapping_class = NorwegianElasticsearch9Mapping
    query_compiler_class = NorwegianElasticsearch9SearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianElasticsearch9AutocompleteQueryCompiler


SearchBackend = NorwegianElasticsearch9SearchBackend
