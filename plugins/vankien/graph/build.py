"""Relate the archive: every reference in front matter and bodies, resolved, both directions.

Built once per archive. Relations are stored on the newer document and shown on
both: a basis of A is a derived document (văn bản triển khai) of B. References
that resolve to nothing become cited-document stubs; unresolved relations and the
checks of `graph.checks` are reported as problems in the same list as the loader's.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from vankien.core.archive import Archive
from vankien.core.dates import format_date
from vankien.core.model import Citation, Document, RelationKind
from vankien.core.problems import ProblemList
from vankien.core.symbols import number_key, symbol_key
from vankien.graph.checks import CitedDates, check_basis_dates, check_cycles, check_wrong_dates
from vankien.graph.model import BodyLink, CitationLink, Edge, Graph, Occurrence
from vankien.graph.resolve import Outcome, Resolution, Resolver
from vankien.graph.stubs import StubCollector, offer_candidates
from vankien.refs import extract_references
from vankien.refs.model import Reference

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


_SENTENCE_START = re.compile(r"\. |;|\n\n|:\n")
_SENTENCE_END = re.compile(r"\. |;|\n\n")


class Sentences:
    """The sentences of one body, found once: each mention's sentence is then a bisection away,
    so a paragraph of ten thousand citations costs no more than reading it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [m.end() for m in _SENTENCE_START.finditer(text)]
        self._ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    def around(self, start: int, end: int, limit: int = 400) -> str:
        """The sentence a mention stands in, for stubs and warnings; at most about `limit`
        characters of it on each side of the mention."""
        index = bisect.bisect_right(self._starts, start) - 1
        left = self._starts[index] if index >= 0 else 0
        index = bisect.bisect_left(self._ends, end)
        right = self._ends[index] + 1 if index < len(self._ends) else len(self.text)
        cut_left, cut_right = left < start - limit, right > end + limit
        left, right = max(left, start - limit), min(right, end + limit)
        sentence = " ".join(self.text[left:right].split()).lstrip(";:. ").strip()
        sentence = re.sub(r"[*_]{1,2}", "", sentence)  # Markdown emphasis is noise here
        sentence = ("…" if cut_left else "") + sentence + ("…" if cut_right else "")
        if len(sentence) > limit:
            sentence = sentence[: limit - 1].rstrip() + "…"
        return sentence


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence a mention stands in (one mention; a body's many use `Sentences`)."""
    return Sentences(text).around(start, end, limit)


_NEWLINE = re.compile("\n")


class GraphBuilder:
    def __init__(
        self, archive: Archive, problems: ProblemList, extracted: dict[str, list[Reference]] | None = None
    ) -> None:
        self.archive = archive
        self.extracted = {} if extracted is None else extracted
        """References found in each body text: the grammar, the costliest step, runs once per text
        even when a build relates the archive twice (the whole archive, then what it publishes)."""
        self.problems = problems
        self.resolver = Resolver(archive)
        self.graph = Graph(archive)
        self.stubs = StubCollector()
        self._edges: dict[tuple[str, str], dict[RelationKind, Edge]] = {}
        self._cited_dates: CitedDates = defaultdict(list)

    def build(self) -> Graph:
        for document in self.archive:
            self._front_matter(document)
            self._body(document)
        check_wrong_dates(self._cited_dates, self.resolver, self.problems)
        check_basis_dates(self.graph, self.problems)
        check_cycles(self.graph, RelationKind.BASIS, self.problems)
        check_cycles(self.graph, RelationKind.REPLACES, self.problems)
        self.graph.stubs = self.stubs.stubs()
        offer_candidates(self.graph.stubs, self.archive, self.resolver.issuer_name)
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
            self.graph.citation_links[(document.id, citation.line)] = CitationLink(resolution.target, None)
            if citation.external:
                # The mark was right when the file was imported; the archive has the document now.
                self.problems.notice(
                    document.path,
                    citation.line,
                    "stale-external",
                    f"`{citation.text}` được đánh dấu `external: true` nhưng kho đã có văn bản này "
                    f"({resolution.target.name}); liên kết đã được tạo, có thể xóa dấu `external`",
                )
        elif resolution.outcome is Outcome.AMBIGUOUS:
            self._ambiguous(document, citation.line, citation.text, resolution)
        else:
            stub = self.stubs.add(reference, document, kind, citation.text, citation.line)
            self.graph.citation_links[(document.id, citation.line)] = CitationLink(None, stub)
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
        sentences = Sentences(body)
        newlines = [match.start() for match in _NEWLINE.finditer(body)]
        references = self.extracted.get(body)
        if references is None:
            references = extract_references(body, resolve_issuer=self.resolver.issuer_name)
            self.extracted[body] = references
        for reference in references:
            line = document.body_line + bisect.bisect_left(newlines, reference.start)
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
                    sentence = sentences.around(reference.start, reference.end)
                    self._add_edge(document, resolution.target, kind, Occurrence(line, sentence, False))
            elif resolution.outcome is Outcome.AMBIGUOUS:
                self._ambiguous(document, line, reference.surface, resolution)
            else:
                sentence = sentences.around(reference.start, reference.end)
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


def build_graph(
    archive: Archive, problems: ProblemList, extracted: dict[str, list[Reference]] | None = None
) -> Graph:
    """The archive's graph; `extracted` (body text -> its references) is shared between the builds
    of one analysis, whose archives hold the same texts and the same registry."""
    return GraphBuilder(archive, problems, extracted).build()
