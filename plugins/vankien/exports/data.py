"""`api/documents.json` and `api/graph.json`: every published document with its resolved relations.

URLs are site-relative ("van-ban/2023/39-hd-btgtu/"), as in the URL manifest: the files stay
right wherever the site is served. `<`, `>` and `&` are written as `\\u003c`, `\\u003e` and
`\\u0026`: the same JSON strings to every parser, and no markup if a server or a browser ever
takes the file for HTML.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from vankien.core.archive import Archive
from vankien.core.model import Document, RelationKind
from vankien.graph.model import Graph
from vankien.graph.stubs import Stub

DOCUMENTS_PATH = "api/documents.json"
DOCUMENTS_SCHEMA_PATH = "api/documents.schema.json"
GRAPH_PATH = "api/graph.json"
DOCUMENTS_FORMAT = "vankien-documents/1"
GRAPH_FORMAT = "vankien-graph/1"

INVERSE = {
    RelationKind.BASIS: "derived",
    RelationKind.REPLACES: "replaced_by",
    RelationKind.AMENDS: "amended_by",
    RelationKind.REPEALS: "repealed_by",
    RelationKind.CITES: "cited_by",
    RelationKind.ABOUT: "reported_by",
}
"""The name of each relation seen from its target (the older document): "derived" is what
the pages call "Văn bản triển khai"."""

KINDS = tuple(RelationKind)
STUB_PREFIX = "stub:"
"""Node ids of cited documents the archive does not hold (a document id never has a colon)."""


def documents_json(archive: Archive, graph: Graph, *, level: str, url_prefix: str) -> str:
    """Every published document, newest first as the catalogue lists them."""
    data = {
        "format": DOCUMENTS_FORMAT,
        "schema": "documents.schema.json",
        "level": level,
        "url_prefix": url_prefix,
        "count": len(archive),
        "documents": [_document(d, graph, url_prefix) for d in sorted(archive, key=_order)],
    }
    return dumps(data)


def graph_json(archive: Archive, graph: Graph, *, url_prefix: str) -> str:
    """Nodes and typed edges, each stored once from the document that holds it (source → target);
    the other direction is the same edge read backwards, named by `relation_kinds.*.inverse`."""
    nodes: list[dict[str, Any]] = [
        {
            "id": d.id,
            "kind": "document",
            "url": d.url,
            "name": d.name,
            "type": d.type.name,
            "date": _date(d.date),
            "status": d.status,
        }
        for d in sorted(archive, key=lambda d: d.id)
    ]
    stubs = _stubs(graph)
    nodes += [
        {
            "id": STUB_PREFIX + s.slug,
            "kind": "stub",
            "url": s.url(url_prefix),
            "name": s.name,
            "type": s.type,
            "date": _date(s.date),
            "status": None,
        }
        for s in stubs
    ]
    edges: list[dict[str, Any]] = [
        {
            "source": e.source.id,
            "target": e.target.id,
            "kind": e.kind.value,
            "in_front_matter": any(o.in_front_matter for o in e.occurrences),
            "mentions": len(e.occurrences),
        }
        for e in graph.edges()
    ]
    for stub in stubs:
        seen: dict[tuple[str, RelationKind], int] = {}
        for citation in stub.citations:
            key = (citation.document.id, citation.kind)
            seen[key] = seen.get(key, 0) + 1
        edges += [
            {
                "source": source,
                "target": STUB_PREFIX + stub.slug,
                "kind": kind.value,
                "in_front_matter": _in_front_matter(stub, source, kind),
                "mentions": count,
            }
            for (source, kind), count in seen.items()
        ]
    edges.sort(key=lambda e: (e["source"], KINDS.index(RelationKind(e["kind"])), e["target"]))
    data = {
        "format": GRAPH_FORMAT,
        "url_prefix": url_prefix,
        "relation_kinds": {
            kind.value: {"label": kind.label, "inverse": INVERSE[kind], "inverse_label": kind.inverse_label}
            for kind in KINDS
        },
        "nodes": nodes,
        "edges": edges,
    }
    return dumps(data)


def dumps(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def _order(document: Document) -> tuple[int, str, str]:
    # Newest first, undated last; ties by id, so the order never depends on file order.
    ordinal = document.date.toordinal() if document.date else 0
    return (-ordinal, document.id, document.path)


def _document(document: Document, graph: Graph, url_prefix: str) -> dict[str, Any]:
    signer = document.signer
    original = document.url + document.original_path.name if document.original_path is not None else None
    return {
        "id": document.id,
        "url": document.url,
        "markdown_path": document.path,
        "name": document.name,
        "symbol": document.symbol.text if document.symbol else None,
        "type": document.type.name,
        "issuer": document.issuer or None,
        "date": _date(document.date),
        "title": document.title,
        "signer": (
            {"name": signer.name, "title": signer.title, "authority": signer.authority} if signer else None
        ),
        "recipients": list(document.recipients),
        "status": document.status,
        "status_given": document.status_given,
        "status_reason": document.status_reason,
        "status_since": _date(document.status_since),
        "effective_date": _date(document.effective_date),
        "expiry_date": _date(document.expiry_date),
        "topics": list(document.topics),
        "classification": document.classification,
        "term": document.term,
        "place": document.place,
        "author": document.author,
        "time": document.time,
        "source": document.source,
        "note": document.note,
        "original_file": original,
        "relations": _relations(document, graph, url_prefix),
        "inverse_relations": {
            INVERSE[kind]: [
                {"id": e.source.id, "url": e.source.url}
                for e in sorted(graph.acted_on_by(document, kind), key=lambda e: e.source.id)
            ]
            for kind in KINDS
            if graph.acted_on_by(document, kind)
        },
    }


def _relations(document: Document, graph: Graph, url_prefix: str) -> dict[str, list[dict[str, Any]]]:
    relations: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        held: list[dict[str, Any]] = [
            {"id": e.target.id, "url": e.target.url}
            for e in sorted(graph.relies_on(document, kind), key=lambda e: e.target.id)
        ]
        absent: list[dict[str, Any]] = [
            {
                "stub": STUB_PREFIX + stub.slug,
                "url": stub.url(url_prefix),
                "name": stub.name,
                "citation": next(
                    c.sentence for c in stub.citations if c.document is document and c.kind is kind
                ),
            }
            for stub in sorted(graph.stubs_cited_by(document, kind), key=lambda s: s.slug)
        ]
        if held or absent:
            relations[kind.value] = held + absent
    return relations


def _stubs(graph: Graph) -> list[Stub]:
    return sorted((s for s in graph.stubs if s.merged_into is None), key=lambda s: s.slug)


def _in_front_matter(stub: Stub, source: str, kind: RelationKind) -> bool:
    # A front-matter citation's "sentence" is the citation as written, at its line in front matter;
    # the body's come after the closing `---` (the document's body_line).
    return any(
        c.document.id == source and c.kind is kind and c.line < c.document.body_line for c in stub.citations
    )


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
