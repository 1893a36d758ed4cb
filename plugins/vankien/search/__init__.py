"""Search for the archive: one Vietnamese pipeline, a prebuilt catalogue and sharded full text."""

from vankien.search.index import BuiltIndex, Entry, Filters, Hit, Searcher, build_index, searcher_for
from vankien.search.pipeline import Token, fold, query_tokens, tokenize

__all__ = [
    "BuiltIndex",
    "Entry",
    "Filters",
    "Hit",
    "Searcher",
    "Token",
    "build_index",
    "fold",
    "query_tokens",
    "searcher_for",
    "tokenize",
]
