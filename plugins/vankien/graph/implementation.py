"""Who was expected to implement a central or provincial document, and what the archive holds of it.

The expected implementers are the registry's bodies one level below the issuer's party committee
that existed on the document's date (provinces were merged and districts abolished in 2025, so
`from`/`until` matter), narrowed by Nơi nhận when it names some of them. For each, the archive's
earliest document issued on this basis by the body or a body under it (or, once the body was
merged, by its successor) and how many days it took. A body with none is "chưa có trong kho": the
archive may be incomplete, so nothing here says a body did not implement.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import deque
from dataclasses import dataclass

from vankien.core.issuers import Issuer, IssuerRegistry, next_level
from vankien.core.model import Document, RelationKind
from vankien.core.text import fold
from vankien.graph.model import Graph

OVERVIEW_LEVELS = ("Trung ương", "tỉnh")
"""Whose documents get an overview: below them the registry's bodies are many and comparable."""
MAX_DEPTH = 4
"""How many levels of "căn cứ" below the document count as implementing it."""
MAX_VISITED = 5000
"""A bound on the documents walked per overview, whatever the size of the cascade."""

# Folded words by which a Nơi nhận line names every committee of a level at once
# ("Các tỉnh ủy, thành ủy trực thuộc Trung ương", "Các huyện ủy, thành ủy, đảng ủy trực thuộc").
_ALL_OF_LEVEL = {
    "tỉnh": re.compile(r"\b(?:tinh uy|thanh uy|dang uy truc thuoc|dang uy khoi|tinh, thanh uy)\b"),
    "huyện": re.compile(r"\b(?:huyen uy|quan uy|thi uy|thanh uy|dang uy truc thuoc|huyen, thi, thanh uy)\b"),
    "cơ sở": re.compile(r"\b(?:dang uy xa|dang uy phuong|dang uy co so|chi bo|dang bo xa|xa, phuong)\b"),
}


@dataclass(frozen=True)
class Implementer:
    """One expected implementer and what the archive holds from it."""

    body: Issuer
    document: Document | None
    """Its earliest document on this basis in the archive, None when the archive holds none."""
    days: int | None
    """Days from the document to that one."""
    by_successor: Issuer | None = None
    """Set when the document is the successor's, the body having been merged since."""


@dataclass(frozen=True)
class Overview:
    implementers: list[Implementer]
    narrowed_by_recipients: bool
    """True when Nơi nhận named some of the bodies and only those are listed."""

    @property
    def found(self) -> list[Implementer]:
        return [i for i in self.implementers if i.document is not None]

    @property
    def median_days(self) -> float | None:
        days = [i.days for i in self.found if i.days is not None]
        return statistics.median(days) if days else None

    @property
    def fastest(self) -> Implementer | None:
        timed = [i for i in self.found if i.days is not None]
        return min(timed, key=lambda i: (i.days, i.body.name)) if timed else None


def expected_implementers(registry: IssuerRegistry, document: Document) -> tuple[list[Issuer], bool]:
    """The bodies expected to implement the document, and whether Nơi nhận narrowed them."""
    issuer = registry.lookup(document.issuer)
    if issuer is None or issuer.level not in OVERVIEW_LEVELS or document.type.news or document.date is None:
        return [], False
    below = next_level(issuer.level)
    committee = registry.committee(issuer)
    day = document.date
    bodies = [b for b in registry.children(committee) if b.level == below and b.existed_on(day)]
    if not bodies or not document.recipients:
        return bodies, False
    named = [b for b in bodies if any(_names(line, b) for line in document.recipients)]
    addresses_all = below is not None and any(
        _ALL_OF_LEVEL[below].search(_folded(line)) and not any(_names(line, b) for b in bodies)
        for line in document.recipients
    )
    if named and not addresses_all:
        return named, True
    return bodies, False


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def _names(line: str, body: Issuer) -> bool:
    folded = _folded(line)
    return any(re.search(rf"\b{re.escape(_folded(name))}\b", folded) for name in (body.name, *body.aliases))


def overview(graph: Graph, document: Document) -> Overview | None:
    """The implementation overview of a document, None when no body is expected to implement it."""
    registry = graph.archive.registry
    bodies, narrowed = expected_implementers(registry, document)
    if not bodies:
        return None
    earliest = _earliest_by_body(graph, registry, document)
    rows: list[Implementer] = []
    for body in bodies:
        found = earliest.get(body.name)
        successor = None
        if found is None and body.successor:
            successor = registry.lookup(body.successor)
            candidate = earliest.get(successor.name) if successor is not None else None
            # Only what the successor issued after taking over stands for the merged body.
            if (
                candidate is not None
                and body.until is not None
                and candidate.date is not None
                and candidate.date > body.until
            ):
                found = candidate
            if found is None:
                successor = None
        days = (found.date - document.date).days if found and found.date and document.date else None
        rows.append(Implementer(body, found, days, successor))
    return Overview(rows, narrowed)


def _earliest_by_body(graph: Graph, registry: IssuerRegistry, document: Document) -> dict[str, Document]:
    """Each body's earliest document in the cascade below `document`, attributed to the body
    itself and to every ancestor of it in the registry (a Ban of a Huyện ủy counts for the Huyện ủy)."""
    earliest: dict[str, Document] = {}
    queue: deque[tuple[Document, int]] = deque([(document, 0)])
    seen = {document.id}
    while queue and len(seen) < MAX_VISITED:
        current, depth = queue.popleft()
        if depth >= MAX_DEPTH:
            continue
        for edge in graph.acted_on_by(current, RelationKind.BASIS):
            child = edge.source
            if child.id in seen:
                continue
            seen.add(child.id)
            queue.append((child, depth + 1))
            body = registry.lookup(child.issuer)
            if body is None or child.type.news:
                continue
            for owner in registry.chain(body):
                known = earliest.get(owner.name)
                if known is None or _earlier(child, known):
                    earliest[owner.name] = child
    return earliest


def _earlier(a: Document, b: Document) -> bool:
    return (a.date or dt.date.max, a.path) < (b.date or dt.date.max, b.path)
