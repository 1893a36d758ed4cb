"""The history of a document, as vbpl.vn's "Lịch sử" and "Lịch sử hiệu lực" tabs: what happened to
it, and to its force, by date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vankien.core import validity
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


@dataclass(frozen=True)
class ValidityEvent:
    """A row of "Lịch sử hiệu lực", as vbpl.vn's: when, what state the document entered, and the
    document that caused it."""

    date: dt.date | None
    state: str
    source: Document | None
    note: str | None = None


def validity_history(graph: Graph, document: Document) -> list[ValidityEvent]:
    """What happened to the document's force, by date: issue, effect, amendment, end."""
    events = [ValidityEvent(document.date, "Ban hành", None)]
    if document.effective_date is not None:
        events.append(ValidityEvent(document.effective_date, "Có hiệu lực", None))
    for edge in graph.acted_on_by(document, RelationKind.AMENDS):
        source = edge.source
        events.append(ValidityEvent(source.effective_date or source.date, "Được sửa đổi, bổ sung", source))
    for kind, reason in (
        (RelationKind.REPLACES, validity.REPLACED),
        (RelationKind.REPEALS, validity.REPEALED),
    ):
        for edge in graph.acted_on_by(document, kind):
            source = edge.source
            events.append(
                ValidityEvent(
                    source.effective_date or source.date, validity.EXPIRED.capitalize(), source, reason
                )
            )
    if document.expiry_date is not None:
        events.append(
            ValidityEvent(document.expiry_date, validity.EXPIRED.capitalize(), None, validity.LAPSED)
        )
    # The editor's word, when the graph holds no event that says the same.
    if (
        document.status_given
        and document.status not in (validity.UNKNOWN, validity.IN_FORCE)
        and not any(e.state.lower() == document.status for e in events)
    ):
        events.append(
            ValidityEvent(document.status_since, document.status.capitalize(), None, document.status_reason)
        )
    return sorted(
        events,
        key=lambda e: (e.date is None, e.date or dt.date.min, e.source.path if e.source else ""),
    )
