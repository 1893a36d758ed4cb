"""The relation graph: documents and their typed edges, both directions, with where each was found."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from vankien.core.archive import Archive
from vankien.core.model import Document, RelationKind
from vankien.graph.resolve import Resolution
from vankien.graph.stubs import Stub
from vankien.refs.model import Reference


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


@dataclass(frozen=True)
class CitationLink:
    """What a front-matter citation resolved to when the site was built: a document, or a stub."""

    target: Document | None
    stub: Stub | None


@dataclass
class Graph:
    archive: Archive
    outgoing: dict[str, dict[RelationKind, list[Edge]]] = field(default_factory=lambda: defaultdict(dict))
    incoming: dict[str, dict[RelationKind, list[Edge]]] = field(default_factory=lambda: defaultdict(dict))
    body_links: dict[str, list[BodyLink]] = field(default_factory=dict)
    stubs: list[Stub] = field(default_factory=list)
    citation_links: dict[tuple[str, int], CitationLink] = field(default_factory=dict)
    """(citing document's id, line of the citation) -> what it resolved to."""
    _stubs_by_citing: dict[str, dict[RelationKind, list[Stub]]] | None = field(default=None, repr=False)

    def stubs_cited_by(self, document: Document, kind: RelationKind) -> list[Stub]:
        """The documents not in the archive that this one cites with this relation, each once."""
        if self._stubs_by_citing is None:
            index: dict[str, dict[RelationKind, list[Stub]]] = defaultdict(dict)
            for stub in self.stubs:
                if stub.merged_into is not None:
                    continue
                for citation in stub.citations:
                    kinds = index[citation.document.id]
                    listed = kinds.setdefault(citation.kind, [])
                    if stub not in listed:
                        listed.append(stub)
            self._stubs_by_citing = index
        return self._stubs_by_citing.get(document.id, {}).get(kind, [])

    def citation_link(self, document: Document, line: int) -> CitationLink | None:
        return self.citation_links.get((document.id, line))

    def relies_on(self, document: Document, kind: RelationKind) -> list[Edge]:
        return self.outgoing.get(document.id, {}).get(kind, [])

    def acted_on_by(self, document: Document, kind: RelationKind) -> list[Edge]:
        return self.incoming.get(document.id, {}).get(kind, [])

    def edges(self) -> Iterable[Edge]:
        for groups in self.outgoing.values():
            for edges in groups.values():
                yield from edges
