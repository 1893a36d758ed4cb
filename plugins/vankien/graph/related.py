"""Related documents: what a reader of one document may want next, beyond its Lược đồ.

Ranked as a reader weighs them: documents issued on the same basis first (the more bases shared,
the closer), then documents on the same topics, then the same issuer's; within each, nearest in
date first. Documents already in the Lược đồ are left out. Candidates are gathered from bounded
windows (the nearest in date of each topic and issuer, a bounded number of siblings per basis),
so a page costs the same in an archive of ten thousand documents as in one of fifty.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from vankien.core.archive import Archive
from vankien.core.model import Document, RelationKind
from vankien.graph.model import Graph

LIMIT = 10
WINDOW = 30
"""Candidates taken on each side of the document's date in a topic's or an issuer's list."""
MAX_SIBLINGS = 200
"""Documents on one basis looked at; a directive implemented a thousand times stays cheap."""


class Reason(Enum):
    SHARED_BASIS = "cùng căn cứ"
    TOPIC = "cùng chủ đề"
    ISSUER = "cùng cơ quan ban hành"


@dataclass(frozen=True)
class Related:
    document: Document
    reason: Reason
    detail: str
    """What is shared: the basis document's name, the topics, or the issuer."""


def _date_key(document: Document) -> tuple[dt.date, str]:
    return (document.date or dt.date.min, document.path)


class RelatedIndex:
    """Documents by topic and by issuer, date-sorted, built once per archive."""

    def __init__(self, archive: Archive, graph: Graph) -> None:
        self.graph = graph
        by_topic: dict[str, list[Document]] = defaultdict(list)
        by_issuer: dict[str, list[Document]] = defaultdict(list)
        for document in archive:
            for topic in document.topics:
                by_topic[topic].append(document)
            by_issuer[document.issuer].append(document)
        self.by_topic = {t: sorted(docs, key=_date_key) for t, docs in by_topic.items()}
        self.by_issuer = {i: sorted(docs, key=_date_key) for i, docs in by_issuer.items()}
        self._keys = {
            name: [_date_key(d) for d in docs]
            for index in (self.by_topic, self.by_issuer)
            for name, docs in index.items()
        }

    def _window(self, name: str, documents: list[Document], around: Document) -> list[Document]:
        keys = self._keys[name]
        at = bisect.bisect_left(keys, _date_key(around))
        return documents[max(0, at - WINDOW) : at + WINDOW + 1]

    def related(self, document: Document, limit: int = LIMIT) -> list[Related]:
        graph = self.graph
        excluded = {document.id} | {d.id for d in in_schema(graph, document)}
        chosen: list[Related] = []
        taken: set[str] = set(excluded)

        def take(candidates: Iterable[tuple[tuple[int, int, str], Document, Reason, str]]) -> None:
            for _, candidate, reason, detail in sorted(candidates, key=lambda c: c[0]):
                if len(chosen) >= limit:
                    return
                if candidate.id not in taken:
                    taken.add(candidate.id)
                    chosen.append(Related(candidate, reason, detail))

        # 1. Issued on the same basis: count the bases shared.
        shared: dict[str, list[Document]] = defaultdict(list)
        siblings: dict[str, Document] = {}
        for edge in graph.relies_on(document, RelationKind.BASIS):
            for sibling_edge in graph.acted_on_by(edge.target, RelationKind.BASIS)[:MAX_SIBLINGS]:
                sibling = sibling_edge.source
                if sibling.id not in excluded:
                    shared[sibling.id].append(edge.target)
                    siblings[sibling.id] = sibling
        take(
            (
                (-len(bases), _distance(document, siblings[i]), siblings[i].path),
                siblings[i],
                Reason.SHARED_BASIS,
                ", ".join(b.name for b in bases),
            )
            for i, bases in shared.items()
        )
        # 2. On the same topics: count the topics shared.
        if len(chosen) < limit and document.topics:
            topical: dict[str, Document] = {}
            for topic in document.topics:
                for candidate in self._window(topic, self.by_topic.get(topic, []), document):
                    topical[candidate.id] = candidate
            mine = set(document.topics)
            take(
                (
                    (-len(mine & set(c.topics)), _distance(document, c), c.path),
                    c,
                    Reason.TOPIC,
                    ", ".join(t for t in document.topics if t in c.topics),
                )
                for c in topical.values()
            )
        # 3. From the same issuer.
        if len(chosen) < limit:
            same = self._window(document.issuer, self.by_issuer.get(document.issuer, []), document)
            take(((0, _distance(document, c), c.path), c, Reason.ISSUER, c.issuer_label) for c in same)
        return chosen


def in_schema(graph: Graph, document: Document) -> list[Document]:
    """Every archived document the Lược đồ shows, either way."""
    found: list[Document] = []
    for kind in RelationKind:
        found.extend(e.target for e in graph.relies_on(document, kind))
        found.extend(e.source for e in graph.acted_on_by(document, kind))
    return found


def _distance(a: Document, b: Document) -> int:
    if a.date is None or b.date is None:
        return 1 << 30
    return abs((a.date - b.date).days)
