"""The history of a document, as vbpl.vn's "Lịch sử" tab: what happened to it, by date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vankien.core.model import Document, RelationKind
from vankien.graph.model import Graph

_EVENT_LABELS = {
    RelationKind.BASIS: "được làm căn cứ bởi",
    RelationKind.REPLACES: "bị thay thế bởi",
    RelationKind.AMENDS: "được sửa đổi, bổ sung bởi",
    RelationKind.REPEALS: "bị bãi bỏ bởi",
    RelationKind.CITES: "được dẫn chiếu bởi",
    RelationKind.ABOUT: "được đưa tin bởi",
}


@dataclass(frozen=True)
class Event:
    date: dt.date | None
    label: str
    other: Document | None
    """The document that acted, None for the issue itself."""


def history(graph: Graph, document: Document) -> list[Event]:
    events = [Event(document.date, "ban hành", None)]
    for kind, label in _EVENT_LABELS.items():
        for edge in graph.acted_on_by(document, kind):
            events.append(Event(edge.source.date, label, edge.source))
    # Issue first on its day; undated events last.
    return sorted(
        events,
        key=lambda e: (
            e.date is None,
            e.date or dt.date.min,
            e.other is not None,
            e.other.path if e.other else "",
        ),
    )
