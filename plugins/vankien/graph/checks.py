"""Checks of the related archive, reported with the editor's problems: a symbol cited with two
dates, a basis issued after the document resting on it, cycles of basis or replacement."""

from __future__ import annotations

from vankien.core.dates import format_date
from vankien.core.model import Document, RelationKind
from vankien.core.problems import ProblemList
from vankien.graph.model import Edge, Graph
from vankien.graph.resolve import Resolver
from vankien.refs.model import Reference

CitedDates = dict[str, list[tuple[Document, int, Reference]]]
"""Symbol key -> every dated citation of it: (citing document, line, reference)."""


def check_wrong_dates(cited_dates: CitedDates, resolver: Resolver, problems: ProblemList) -> None:
    """The same symbol cited with two dates while the archive holds one such document."""
    for symbol, citations in cited_dates.items():
        held = resolver.documents_with_symbol(symbol)
        if len(held) != 1 or held[0].date is None or len({r.date for _, _, r in citations}) < 2:
            continue
        for document, line, reference in citations:
            if reference.date != held[0].date:
                problems.warning(
                    document.path,
                    line,
                    "probable-wrong-date",
                    f"có thể sai ngày: `{reference.surface}` ghi ngày {format_date(reference.date)}, "
                    f"nhưng kho chỉ có {held[0].name} ngày {format_date(held[0].date)} "
                    f"({held[0].path}), và số này còn được dẫn với ngày khác",
                )


def check_basis_dates(graph: Graph, problems: ProblemList) -> None:
    """A basis issued after the document that rests on it: one of the two dates is wrong."""
    for edge in graph.edges():
        if edge.kind is not RelationKind.BASIS:
            continue
        source, target = edge.source, edge.target
        if source.date and target.date and target.date > source.date:
            problems.warning(
                source.path,
                edge.occurrences[0].line,
                "basis-after-document",
                f"căn cứ {target.name} ban hành ngày {format_date(target.date)}, sau văn bản này "
                f"({format_date(source.date)}); kiểm tra lại ngày của một trong hai văn bản",
            )


def check_cycles(graph: Graph, kind: RelationKind, problems: ProblemList) -> None:
    """A document that (indirectly) rests on or replaces itself: an error naming the whole loop."""
    successors: dict[str, list[Edge]] = {
        doc_id: groups.get(kind, []) for doc_id, groups in graph.outgoing.items()
    }
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    reported: set[frozenset[str]] = set()
    for start in sorted(successors):
        if state.get(start):
            continue
        # Iterative depth-first search: archives can be deep.
        path: list[Edge] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, index = stack[-1]
            edges = successors.get(node, [])
            if index == len(edges):
                stack.pop()
                state[node] = 2
                if path:
                    path.pop()
                continue
            stack[-1] = (node, index + 1)
            edge = edges[index]
            nxt = edge.target.id
            if state.get(nxt) == 1:
                # path[i] leads from stack[i] to stack[i + 1]: the cycle starts where nxt stands.
                cycle_start = next(i for i, (node_id, _) in enumerate(stack) if node_id == nxt)
                cycle = [*path[cycle_start:], edge]
                members = frozenset(e.source.id for e in cycle)
                if members not in reported:
                    reported.add(members)
                    _report_cycle(kind, cycle, problems)
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(edge)
                stack.append((nxt, 0))


def _report_cycle(kind: RelationKind, cycle: list[Edge], problems: ProblemList) -> None:
    names = " → ".join([cycle[0].source.name, *(e.target.name for e in cycle)])
    what = "căn cứ" if kind is RelationKind.BASIS else "thay thế"
    first = cycle[0]
    problems.error(
        first.source.path,
        first.occurrences[0].line,
        f"{kind.value}-cycle",
        f"vòng {what} khép kín: {names}; một văn bản không thể (gián tiếp) {what} chính nó — sửa quan hệ sai",
    )
