from modelsearch.backends import opensearch3 as stock

from .norwegian import NorwegianMappingMixin


class NorwegianOpenSearch3Mapping(NorwegianMappingMixin, stock.OpenSearch3Mapping):
    pass


class NorwegianOpenSearch3SearchQueryCompiler(stock.OpenSearch3SearchQueryCompiler):
    mapping_class = NorwegianOpenSearch3Mapping


class NorwegianOpenSearch3AutocompleteQueryCompiler(stock.OpenSearch3AutocompleteQueryCompiler):
    mapping_class = NorwegianOpenSearch3Mapping


class NorwegianOpenSearch3SearchBackend(stock.OpenSearch3SearchBackend):
    mapping_class = NorwegianOpenSearch3Mapping
    query_compiler_class = NorwegianOpenSearch3SearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianOpenSearch3AutocompleteQueryCompiler


SearchBackend = NorwegianOpenSearch3SearchBackend
