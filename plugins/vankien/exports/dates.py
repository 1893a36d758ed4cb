"""The dates the exports write: from the documents themselves, never from the clock.

A document page changes when the document or one related to it arrives, so its `lastmod` is the
newest of the document's date, the dates of the documents related to it (both directions) and
the date its derived status took effect. Every other page (home, listings, the editors' guide)
shows the archive as a whole: its date is `SOURCE_DATE_EPOCH`'s day when set (the commit that
changed a hand-written page), else the newest published document's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from vankien.core.archive import Archive
from vankien.core.model import Document
from vankien.graph.model import Graph


def site_date(archive: Archive, source_date: dt.date | None) -> dt.date | None:
    """The date of the pages that are about the whole archive."""
    if source_date is not None:
        return source_date
    return max((d.date for d in archive if d.date is not None), default=None)


def page_date(document: Document, graph: Graph) -> dt.date | None:
    """The last day the document's page changed for a reason the archive records."""
    related: list[Document] = []
    for groups in (graph.outgoing.get(document.id, {}), graph.incoming.get(document.id, {})):
        for edges in groups.values():
            related.extend(edge.target if edge.source is document else edge.source for edge in edges)
    return _newest([document.date, document.status_since, *(d.date for d in related)])


def _newest(dates: Iterable[dt.date | None]) -> dt.date | None:
    return max((d for d in dates if d is not None), default=None)
