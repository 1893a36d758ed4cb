"""One paginator for every long listing: the timeline, body, type, topic and status pages, the catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from vankien.core.urls import paged_url

T = TypeVar("T")

PAGE_SIZE = 400
"""Entries per page: ~400 bytes each keeps a page well under 2 MB with its chrome, at any archive size."""


@dataclass(frozen=True)
class Page(Generic[T]):
    base_url: str
    """The listing's URL, which is also its first page's."""
    number: int
    total: int
    items: Sequence[T]

    @property
    def url(self) -> str:
        return paged_url(self.base_url, self.number)

    def links(self) -> list[tuple[int, str | None]]:
        """(number, URL) of every page of the listing; None for this one."""
        return [
            (n, None if n == self.number else paged_url(self.base_url, n)) for n in range(1, self.total + 1)
        ]


def paginate(items: Sequence[T], base_url: str, size: int = PAGE_SIZE) -> list[Page[T]]:
    """The items in pages of `size`; an empty listing still has its first page."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    return [Page(base_url, n, len(chunks), chunk) for n, chunk in enumerate(chunks, start=1)]
