"""How a directive cascades: the basis chain above a document, its derived documents below.

Basis relations form a directed acyclic graph (cycles are build errors). Above, every
ancestor level up to the roots; below, every level of derived documents, each
shown once, under the parent through which it was first reached, in date order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vankien.core.dates import days_between
from vankien.core.model import Document, RelationKind
from vankien.graph.model import Graph


def _date_key(document: Document) -> tuple[bool, dt.date, str]:
    return (document.date is None, document.date or dt.date.min, document.path)


@dataclass
class LineageNode:
    document: Document
    parent: Document | None
    """The basis through which this document was reached (None for the document itself)."""
    days_after_parent: int | None
    """How many days after that basis this document was issued."""
    children: list[LineageNode] = field(default_factory=list)

    def count(self) -> int:
        return 1 + sum(c.count() for c in self.children)


@dataclass(frozen=True)
class AncestorStep:
    document: Document
    child: Document
    """The document one level below that rests on this one."""
    days_until_child: int | None
    """How many days after this basis the child was issued."""


@dataclass
class Lineage:
    document: Document
    ancestors: list[list[AncestorStep]]
    """Levels above the document: [direct bases], [their bases], ... up to the roots."""
    descendants: LineageNode
    """The document as root of the tree of documents derived from it."""

    @property
    def descendant_count(self) -> int:
        return self.descendants.count() - 1

    def descendant_levels(self) -> list[list[LineageNode]]:
        levels: list[list[LineageNode]] = []
        current = self.descendants.children
        while current:
            levels.append(current)
            current = [child for node in current for child in node.children]
        return levels


def bases(graph: Graph, document: Document) -> list[Document]:
    docs = {e.target.id: e.target for e in graph.relies_on(document, RelationKind.BASIS)}
    return sorted(docs.values(), key=_date_key)


def derived(graph: Graph, document: Document) -> list[Document]:
    docs = {e.source.id: e.source for e in graph.acted_on_by(document, RelationKind.BASIS)}
    return sorted(docs.values(), key=_date_key)


def lineage(graph: Graph, document: Document) -> Lineage:
    ancestors: list[list[AncestorStep]] = []
    seen = {document.id}
    below = [document]
    while below:
        steps: dict[str, AncestorStep] = {}
        for child in below:
            for basis in bases(graph, child):
                if basis.id not in seen and basis.id not in steps:
                    steps[basis.id] = AncestorStep(basis, child, days_between(basis.date, child.date))
        if not steps:
            break
        seen.update(steps)
        level = sorted(steps.values(), key=lambda step: _date_key(step.document))
        ancestors.append(level)
        below = [step.document for step in level]

    root = LineageNode(document, None, None)
    visited = {document.id}
    frontier = [root]
    while frontier:
        next_frontier: list[LineageNode] = []
        for node in frontier:
            for child in derived(graph, node.document):
                if child.id in visited:
                    continue
                visited.add(child.id)
                child_node = LineageNode(child, node.document, days_between(node.document.date, child.date))
                node.children.append(child_node)
                next_frontier.append(child_node)
        frontier = next_frontier
    return Lineage(document, ancestors, root)


def days_label(days: int | None) -> str:
    """ "ban hành sau 23 ngày", "ban hành cùng ngày"; empty when a date is unknown."""
    if days is None:
        return ""
    if days == 0:
        return "ban hành cùng ngày"
    if days < 0:
        return f"ban hành trước {-days} ngày"
    return f"ban hành sau {days} ngày"
