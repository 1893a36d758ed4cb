"""Hiệu lực derived from the graph, when the editor gives none, and checked when the editor does.

A document replaced or repealed by an archived document is no longer in force: "hết hiệu lực
toàn bộ" from the replacing document's effective date (else its issue date), with the reason.
A document whose own `effective_date` is still to come has "chưa có hiệu lực"; one whose
`expiry_date` has passed "hết hiệu lực toàn bộ" ("hết thời hạn áp dụng"). Nothing else is
inferred: never "còn hiệu lực" without the editor saying so. An editor's status the graph
contradicts is a warning.
"""

from __future__ import annotations

import datetime as dt

from vankien.core.dates import format_date
from vankien.core.model import Document, RelationKind
from vankien.core.problems import ProblemList
from vankien.core.validity import EXPIRED, IN_FORCE, LAPSED, NOT_YET, PARTLY_EXPIRED, REPEALED, REPLACED
from vankien.graph.model import Graph

_ENDING = ((RelationKind.REPLACES, REPLACED), (RelationKind.REPEALS, REPEALED))


def _ended_by(graph: Graph, document: Document) -> tuple[Document, str, dt.date | None] | None:
    """The earliest archived document that replaced or repealed this one, with when."""
    found: list[tuple[Document, str, dt.date | None]] = []
    for kind, reason in _ENDING:
        for edge in graph.acted_on_by(document, kind):
            source = edge.source
            found.append((source, reason, source.effective_date or source.date))
    dated = [f for f in found if f[2] is not None]
    if dated:
        return min(dated, key=lambda f: (f[2], f[0].path))
    return found[0] if found else None


def derive_validity(graph: Graph, today: dt.date, problems: ProblemList | None = None) -> None:
    """Set each document's status fields; with `problems`, warn where the editor's status and the
    graph disagree."""
    for document in graph.archive:
        ended = _ended_by(graph, document)
        if document.status_given:
            if ended is not None and document.status in (IN_FORCE, NOT_YET) and problems is not None:
                source, reason, _ = ended
                problems.warning(
                    document.path,
                    document.line_of("status"),
                    "status-contradicted",
                    f"văn bản ghi hiệu lực `{document.status}` nhưng đã {reason} bởi {source.name} "
                    f"({source.path}); sửa `status` hoặc quan hệ",
                )
            continue
        if ended is not None:
            source, reason, since = ended
            document.status, document.status_reason, document.status_since = EXPIRED, reason, since
        elif document.effective_date is not None and document.effective_date > today:
            document.status, document.status_since = NOT_YET, None
        elif document.expiry_date is not None and document.expiry_date <= today:
            document.status, document.status_reason, document.status_since = (
                EXPIRED,
                LAPSED,
                document.expiry_date,
            )
        elif graph.acted_on_by(document, RelationKind.AMENDS) and document.status_reason is None:
            # Amended is a note, not a status: the status stays what is known.
            document.status_reason = None


def status_note(document: Document) -> str:
    """How the card explains a status: its reason, since when, and whether it was derived."""
    parts = [document.status_reason] if document.status_reason else []
    if document.status_since is not None:
        parts.append(f"từ {format_date(document.status_since)}")
    if not document.status_given and document.status_reason:
        parts.append("suy ra từ quan hệ văn bản")
    return ", ".join(parts)


def validity_labels() -> dict[str, str]:
    """The statuses by role, for templates that speak of them."""
    return {"expired": EXPIRED, "partly": PARTLY_EXPIRED, "not_yet": NOT_YET, "in_force": IN_FORCE}


__all__ = ["PARTLY_EXPIRED", "derive_validity", "status_note", "validity_labels"]
