"""How a directive cascades: the basis chain above a document, its derived documents below.

Basis relations form a directed acyclic graph (cycles are build errors). Above, every
ancestor level up to the roots; below, every level of derived documents, each shown once, at
the depth of its longest chain of bases from the document (a plan that names both the
directive and the plan implementing it is one level below that plan), in date order.
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


LEVELS = 6
"""Levels shown each way. A cascade runs Centre → province → district → commune (and a few plans
between); a longer chain is folded: its further levels are on the pages of the last ones shown,
so a page stays small whatever the archive (a chain of 10,000 documents included)."""


@dataclass
class Lineage:
    document: Document
    ancestors: list[list[AncestorStep]]
    """Levels above the document: [direct bases], [their bases], ... up to LEVELS of them."""
    descendants: LineageNode
    """The document as root of the tree of documents derived from it, LEVELS deep at most."""
    more_above: bool = False
    """Bases exist beyond the levels shown."""
    more_below: int = 0
    """Documents one level beyond the deepest shown (0: none)."""

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
        if len(ancestors) == LEVELS:
            tree, more_below = _descendants(graph, document)
            return Lineage(document, ancestors, tree, more_above=True, more_below=more_below)
        seen.update(steps)
        level = sorted(steps.values(), key=lambda step: _date_key(step.document))
        ancestors.append(level)
        below = [step.document for step in level]

    tree, more_below = _descendants(graph, document)
    return Lineage(document, ancestors, tree, more_below=more_below)


def _descendants(graph: Graph, document: Document) -> tuple[LineageNode, int]:
    """The tree of documents derived from `document`, each at the level of its longest chain of
    bases from it: a commune plan that names both the Chỉ thị and the province's plan stands
    under the province's plan, one level below it, not beside it. Only documents within LEVELS
    steps are walked; the count of those one level further is returned with the tree."""
    reachable: dict[str, Document] = {document.id: document}
    frontier = [document]
    for _ in range(LEVELS):
        next_frontier: list[Document] = []
        for reached in frontier:
            for child in derived(graph, reached):
                if child.id not in reachable:
                    reachable[child.id] = child
                    next_frontier.append(child)
        frontier = next_frontier
    beyond = {
        child.id for reached in frontier for child in derived(graph, reached) if child.id not in reachable
    }
    # Longest distance from the root, in topological order of the reachable part (Kahn).
    parents = {
        doc_id: [b for b in bases(graph, doc) if b.id in reachable] for doc_id, doc in reachable.items()
    }
    waiting = {doc_id: len(found) for doc_id, found in parents.items() if doc_id != document.id}
    depth = {document.id: 0}
    ready = [document]
    while ready:
        current = ready.pop()
        for child in derived(graph, current):
            if child.id not in waiting:
                continue
            depth[child.id] = max(depth.get(child.id, 0), depth[current.id] + 1)
            waiting[child.id] -= 1
            if waiting[child.id] == 0:
                ready.append(child)
    nodes = {document.id: LineageNode(document, None, None)}
    # A document whose longest chain runs deeper than LEVELS is folded with the ones beyond.
    beyond |= {doc_id for doc_id, level in depth.items() if level > LEVELS}
    ordered = sorted(
        (doc for doc_id, doc in reachable.items() if doc_id in depth and 0 < depth[doc_id] <= LEVELS),
        key=lambda doc: (depth[doc.id], _date_key(doc)),
    )
    for child in ordered:
        # The parent on its longest chain; of several, the latest issued.
        candidates = [
            b for b in parents[child.id] if depth.get(b.id) == depth[child.id] - 1 and b.id in nodes
        ]
        parent = max(candidates, key=_date_key) if candidates else document
        node = LineageNode(child, parent, days_between(parent.date, child.date))
        nodes[parent.id].children.append(node)
        nodes[child.id] = node
    return nodes[document.id], len(beyond)


def days_label(days: int | None) -> str:
    """ "ban hành sau 23 ngày", "ban hành cùng ngày"; empty when a date is unknown."""
    if days is None:
        return ""
    if days == 0:
        return "ban hành cùng ngày"
    if days < 0:
        return f"ban hành trước {-days} ngày"
    return f"ban hành sau {days} ngày"
