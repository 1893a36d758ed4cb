"""The relation graph: every reference in front matter and bodies, resolved, both directions.

Built once per archive. Relations are stored on the newer document and shown on
both: a basis of A is a derived document (văn bản triển khai) of B. References
that resolve to nothing become cited-document stubs; the checks of the graph
(unresolved relations, basis issued later, cycles, probable wrong dates) are
reported as problems in the same list as the loader's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from vankien.core.archive import Archive
from vankien.core.model import Citation, Document, RelationKind, format_date
from vankien.core.problems import ProblemList
from vankien.refs import extract_references
from vankien.refs.model import Reference
from vankien.graph.resolve import Outcome, Resolution, Resolver
from vankien.graph.stubs import Stub, StubCollector
from vankien.core.symbols import number_key, symbol_key

# Relation kinds that a citation in front matter can carry, strongest first: a body
# mention of a document already related by one of these adds nothing new.
_STRENGTH = (
    RelationKind.REPLACES,
    RelationKind.REPEALS,
    RelationKind.AMENDS,
    RelationKind.BASIS,
    RelationKind.ABOUT,
    RelationKind.CITES,
)


@dataclass(frozen=True)
class Occurrence:
    """Where a relation was found: a front-matter citation or a sentence of the body."""

    line: int
    text: str
    in_front_matter: bool


@dataclass
class Edge:
    source: Document
    target: Document
    kind: RelationKind
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass(frozen=True)
class BodyLink:
    """A reference in a document body and what it resolved to, for cross-linking."""

    reference: Reference
    resolution: Resolution
    stub: Stub | None


@dataclass
class Graph:
    archive: Archive
    outgoing: dict[str, dict[RelationKind, list[Edge]]] = field(default_factory=lambda: defaultdict(dict))
    incoming: dict[str, dict[RelationKind, list[Edge]]] = field(default_factory=lambda: defaultdict(dict))
    body_links: dict[str, list[BodyLink]] = field(default_factory=dict)
    stubs: list[Stub] = field(default_factory=list)

    def relies_on(self, document: Document, kind: RelationKind) -> list[Edge]:
        return self.outgoing.get(document.id, {}).get(kind, [])

    def acted_on_by(self, document: Document, kind: RelationKind) -> list[Edge]:
        return self.incoming.get(document.id, {}).get(kind, [])

    def edges(self) -> Iterable[Edge]:
        for groups in self.outgoing.values():
            for edges in groups.values():
                yield from edges


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence a mention stands in, for stubs and warnings."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", ";", "\n\n", ":\n")) + 1
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", ";", "\n\n")) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = " ".join(text[left:right].split()).lstrip(";:. ").strip()
    sentence = re.sub(r"[*_]{1,2}", "", sentence)  # Markdown emphasis is noise here
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rstrip() + "…"
    return sentence


class GraphBuilder:
    def __init__(self, archive: Archive, problems: ProblemList) -> None:
        self.archive = archive
        self.problems = problems
        self.resolver = Resolver(archive)
        self.graph = Graph(archive)
        self.stubs = StubCollector()
        self._edges: dict[tuple[str, str], dict[RelationKind, Edge]] = {}
        self._cited_dates: dict[str, list[tuple[Document, int, Reference]]] = defaultdict(list)

    def build(self) -> Graph:
        for document in self.archive:
            self._front_matter(document)
            self._body(document)
        self._check_wrong_dates()
        self._check_basis_dates()
        self._check_cycles(RelationKind.BASIS)
        self._check_cycles(RelationKind.REPLACES)
        self.graph.stubs = self.stubs.stubs()
        return self.graph

    # -- collecting ------------------------------------------------------------------------------

    def _front_matter(self, document: Document) -> None:
        for kind, citations in document.relations.items():
            for citation in citations:
                self._citation(document, kind, citation)

    def _citation(self, document: Document, kind: RelationKind, citation: Citation) -> None:
        references = extract_references(citation.text, resolve_issuer=self.resolver.issuer_name)
        if not references:
            self.problems.error(
                document.path,
                citation.line,
                "bad-citation",
                f"không nhận ra văn bản nào trong trích dẫn `{citation.text}`; viết như "
                "`Kết luận số 21-KL/TW, ngày 25/10/2021`",
            )
            return
        reference = references[0]
        resolution = self.resolver.resolve(reference, document, citation.pinned_id)
        occurrence = Occurrence(citation.line, citation.text, in_front_matter=True)
        if citation.pinned_id and resolution.outcome is Outcome.AMBIGUOUS:
            self._ambiguous(document, citation.line, f"id: {citation.pinned_id}", resolution)
            return
        if citation.pinned_id and not resolution.resolved:
            self.problems.error(
                document.path,
                citation.line,
                "unknown-pinned-id",
                f"trích dẫn `{citation.text}` chỉ định `id: {citation.pinned_id}` nhưng kho không có văn bản "
                "nào mang mã này",
            )
            return
        if resolution.target is document:
            self.problems.error(
                document.path,
                citation.line,
                "self-citation",
                f"trích dẫn `{citation.text}` trong `relations.{kind.value}` chỉ chính văn bản này; "
                "xóa dòng này hoặc sửa số/ngày cho đúng văn bản được dẫn",
            )
        elif resolution.target is not None:
            self._add_edge(document, resolution.target, kind, occurrence)
        elif resolution.outcome is Outcome.AMBIGUOUS:
            self._ambiguous(document, citation.line, citation.text, resolution)
        else:
            self.stubs.add(reference, document, kind, citation.text, citation.line)
            if not citation.external:
                self.problems.error(
                    document.path,
                    citation.line,
                    "unresolved-relation",
                    f"không tìm thấy trong kho văn bản `{citation.text}` ({kind.label.lower()}); thêm văn bản "
                    "vào kho, sửa trích dẫn, hoặc ghi `external: true` nếu kho sẽ không lưu văn bản này",
                )
        self._remember_date(document, citation.line, reference)

    def _body(self, document: Document) -> None:
        links: list[BodyLink] = []
        if not document.body.strip():
            self.graph.body_links[document.id] = links
            return
        body = document.body
        # An abbreviated mention ("Chỉ thị 05") means the document the same text cited in full before.
        earlier: dict[tuple[str, str], Document] = {}
        for reference in extract_references(body, resolve_issuer=self.resolver.issuer_name):
            line = document.body_line + body.count("\n", 0, reference.start)
            resolution = self.resolver.resolve(reference, document)
            key = (reference.type, number_key(reference.number or ""))
            if resolution.target is None and reference.number and not reference.symbol and key in earlier:
                resolution = Resolution(Outcome.RESOLVED, earlier[key])
            kind = RelationKind.BASIS if reference.role == "basis" else RelationKind.CITES
            stub = None
            if resolution.target is not None:
                if reference.number:
                    earlier[key] = resolution.target
                if resolution.target is not document:
                    sentence = sentence_around(body, reference.start, reference.end)
                    self._add_edge(document, resolution.target, kind, Occurrence(line, sentence, False))
            elif resolution.outcome is Outcome.AMBIGUOUS:
                self._ambiguous(document, line, reference.surface, resolution)
            else:
                sentence = sentence_around(body, reference.start, reference.end)
                stub = self.stubs.add(reference, document, kind, sentence, line)
            self._remember_date(document, line, reference)
            links.append(BodyLink(reference, resolution, stub))
        self.graph.body_links[document.id] = links

    def _add_edge(
        self, source: Document, target: Document, kind: RelationKind, occurrence: Occurrence
    ) -> None:
        related = self._edges.setdefault((source.id, target.id), {})
        if kind in (RelationKind.CITES, RelationKind.BASIS):
            stronger = [k for k in _STRENGTH[: _STRENGTH.index(kind)] if k in related]
            if stronger:
                related[stronger[0]].occurrences.append(occurrence)
                return
        edge = related.get(kind)
        if edge is None:
            edge = Edge(source, target, kind)
            if kind is RelationKind.BASIS and RelationKind.CITES in related:
                # First cited in passing, then named in "Căn cứ": the basis takes over its mentions.
                weaker = related.pop(RelationKind.CITES)
                self.graph.outgoing[source.id][RelationKind.CITES].remove(weaker)
                self.graph.incoming[target.id][RelationKind.CITES].remove(weaker)
                edge.occurrences.extend(weaker.occurrences)
            related[kind] = edge
            self.graph.outgoing[source.id].setdefault(kind, []).append(edge)
            self.graph.incoming[target.id].setdefault(kind, []).append(edge)
        edge.occurrences.append(occurrence)

    def _ambiguous(self, document: Document, line: int, text: str, resolution: Resolution) -> None:
        listed = "; ".join(
            f"{d.name} ngày {format_date(d.date)} (id `{d.id}`)" for d in resolution.candidates
        )
        self.problems.warning(
            document.path,
            line,
            "ambiguous-reference",
            f"trích dẫn `{text}` có thể là nhiều văn bản: {listed}; ghi rõ ngày ban hành, hoặc chỉ định "
            "bằng `id:` trong relations",
        )

    def _remember_date(self, document: Document, line: int, reference: Reference) -> None:
        if reference.symbol and reference.date:
            self._cited_dates[symbol_key(reference.symbol)].append((document, line, reference))

    # -- checks ----------------------------------------------------------------------------------

    def _check_wrong_dates(self) -> None:
        """The same symbol cited with two dates while the archive holds one such document."""
        for symbol, citations in self._cited_dates.items():
            held = self.resolver.documents_with_symbol(symbol)
            if len(held) != 1 or held[0].date is None or len({r.date for _, _, r in citations}) < 2:
                continue
            for document, line, reference in citations:
                if reference.date != held[0].date:
                    self.problems.warning(
                        document.path,
                        line,
                        "probable-wrong-date",
                        f"có thể sai ngày: `{reference.surface}` ghi ngày {format_date(reference.date)}, "
                        f"nhưng kho chỉ có {held[0].name} ngày {format_date(held[0].date)} "
                        f"({held[0].path}), và số này còn được dẫn với ngày khác",
                    )

    def _check_basis_dates(self) -> None:
        for edge in self.graph.edges():
            if edge.kind is not RelationKind.BASIS:
                continue
            source, target = edge.source, edge.target
            if source.date and target.date and target.date > source.date:
                self.problems.warning(
                    source.path,
                    edge.occurrences[0].line,
                    "basis-after-document",
                    f"căn cứ {target.name} ban hành ngày {format_date(target.date)}, sau văn bản này "
                    f"({format_date(source.date)}); kiểm tra lại ngày của một trong hai văn bản",
                )

    def _check_cycles(self, kind: RelationKind) -> None:
        successors: dict[str, list[Edge]] = {
            doc_id: groups.get(kind, []) for doc_id, groups in self.graph.outgoing.items()
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
                        self._report_cycle(kind, cycle)
                elif not state.get(nxt):
                    state[nxt] = 1
                    path.append(edge)
                    stack.append((nxt, 0))

    def _report_cycle(self, kind: RelationKind, cycle: list[Edge]) -> None:
        names = " → ".join([cycle[0].source.name, *(e.target.name for e in cycle)])
        what = "căn cứ" if kind is RelationKind.BASIS else "thay thế"
        first = cycle[0]
        self.problems.error(
            first.source.path,
            first.occurrences[0].line,
            f"{kind.value}-cycle",
            f"vòng {what} khép kín: {names}; một văn bản không thể (gián tiếp) {what} chính nó — "
            "sửa quan hệ sai",
        )


def build_graph(archive: Archive, problems: ProblemList) -> Graph:
    return GraphBuilder(archive, problems).build()
