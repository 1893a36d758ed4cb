"""What a document's page shows of other documents: the inputs of a cache key for its content.

A page shows its own document in full and, of the others, what its parts pick: the Lược đồ
(direct relations both ways, every kind, body mentions included, and the cited documents not yet
archived), the relations as written, the body's cross-links, the banner, the history and the
validity history (documents acting on it), the implementation overview, the lineage (as
`graph.lineage.lineage` bounds it) and the related documents. A key made of the page's own
fingerprint, each of those documents' fingerprints and the shape that joins them (which relation,
which level of the lineage, which reason of relatedness) changes when the page would change, and
an edit elsewhere in the archive leaves it alone.

Two fingerprints, because a page shows more of its own document than of the others: its body,
its front matter's citations as written and its original file appear on its own page only. An
edit to a body changes that page's key; the relations the body's mentions make reach the other
pages through the shape, not through the fingerprint.

Global inputs (the issuer registry, which the card, the print heading and the overview read; the
templates; the browse pages' addresses; the configuration) are not per-page dependencies: the
caller folds them into the salt, or passes page-local parts of them as `extra`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from vankien.core.model import Document, RelationKind
from vankien.graph.implementation import overview
from vankien.graph.lineage import LineageNode, lineage
from vankien.graph.model import Graph
from vankien.graph.related import RelatedIndex
from vankien.graph.stubs import Stub

KEY_FORMAT = "vankien-page-key/1"
"""Changes whenever what goes into a key changes, so that older keys never match."""

_BODY = frozenset({"body"})
_OWN_PAGE_ONLY = frozenset({"body", "body_line", "lines", "relations"})
"""Document fields no other page shows (the relations reach other pages as edges, in the shape)."""


@dataclass(frozen=True)
class PageDependencies:
    """Everything a document's page shows of other documents."""

    documents: tuple[Document, ...]
    """Other archived documents the page shows, by id."""
    stubs: tuple[Stub, ...]
    """Cited documents not in the archive the page shows (merged stubs replaced by their final
    one), by slug."""
    shape: tuple[str, ...]
    """How the page arranges them: each relation with its kind and direction, each citation's and
    body mention's resolution, the lineage tree, the overview's rows, the related documents with
    their reasons. Computed by the very functions the page calls."""

    @property
    def ids(self) -> tuple[str, ...]:
        """The stable ids of the dependencies, sorted: documents by id, stubs as "stub:<slug>"."""
        return tuple(sorted([d.id for d in self.documents] + [f"stub:{s.slug}" for s in self.stubs]))


def page_dependencies(document: Document, graph: Graph, related: RelatedIndex) -> PageDependencies:
    """What the page of `document` shows of other documents (see the module's docstring)."""
    documents: dict[str, Document] = {}
    stubs: dict[str, Stub] = {}
    shape: list[str] = []

    def see(other: Document | None) -> str:
        if other is None:
            return "-"
        if other.id != document.id:
            documents[other.id] = other
        return other.id

    def see_stub(stub: Stub | None) -> str:
        if stub is None:
            return "-"
        final = stub.final()
        stubs[final.slug] = final
        return f"stub:{final.slug}"

    # The Lược đồ, the banner and both histories: every edge either way. Edge order is not shown
    # (the page sorts by date, which the fingerprints hold), so a sorted set is enough.
    edges: set[str] = set()
    for kind in RelationKind:
        edges.update(f"out {kind.value} {see(e.target)}" for e in graph.relies_on(document, kind))
        edges.update(f"in {kind.value} {see(e.source)}" for e in graph.acted_on_by(document, kind))
        # Stubs keep the graph's order (most cited first), which can move as others cite them.
        shape.extend(f"stub {kind.value} {see_stub(s)}" for s in graph.stubs_cited_by(document, kind))
    shape.extend(sorted(edges))

    # The relations as written: where each citation leads now.
    for kind, citations in document.relations.items():
        for citation in citations:
            link = graph.citation_link(document, citation.line)
            target = (
                "-" if link is None else see(link.target) if link.target is not None else see_stub(link.stub)
            )
            shape.append(f"cite {kind.value} {citation.line} {target}")

    # The body's cross-links: each mention's resolution (an ambiguous one stays plain text).
    for body_link in graph.body_links.get(document.id, []):
        reference, resolution = body_link.reference, body_link.resolution
        shape.append(
            "mention "
            + _canonical(
                (
                    reference.type,
                    reference.number,
                    reference.symbol,
                    reference.date,
                    reference.issuer,
                    resolution.outcome,
                    see(resolution.target),
                    see_stub(body_link.stub),
                )
            )
        )

    # The cascade: the implementation overview, then the lineage both ways, bounded as shown.
    found = overview(graph, document)
    if found is not None:
        shape.append(f"overview narrowed={found.narrowed_by_recipients}")
        for row in found.implementers:
            successor = row.by_successor.name if row.by_successor is not None else "-"
            shape.append(f"implementer {row.body.name} {see(row.document)} {row.days} {successor}")
    tree = lineage(graph, document)
    for depth, level in enumerate(tree.ancestors, start=1):
        shape.extend(f"up {depth} {see(step.document)} {see(step.child)}" for step in level)
    shape.extend(_below(tree.descendants, 1, see))
    shape.append(f"lineage more_above={tree.more_above} more_below={tree.more_below}")

    # Related documents, in the order and with the reasons the page lists them.
    shape.extend(f"related {see(r.document)} {r.reason.name} {r.detail}" for r in related.related(document))

    return PageDependencies(
        tuple(documents[i] for i in sorted(documents)),
        tuple(stubs[s] for s in sorted(stubs)),
        tuple(shape),
    )


def _below(node: LineageNode, depth: int, see: Callable[[Document | None], str]) -> Iterable[str]:
    for child in node.children:
        yield f"down {depth} {see(child.document)} {see(child.parent)}"
        yield from _below(child, depth + 1, see)


def document_fingerprint(document: Document) -> str:
    """Every field of the document, as its own page shows it (body, citations as written, the
    original file's size included)."""
    size = None
    if document.original_path is not None:
        try:
            size = document.original_path.stat().st_size
        except OSError:
            size = None
    # The body is hashed as it is: most of the bytes, and `repr` would escape them at length.
    return _digest(("own", _fields(document, _BODY), size), document.body)


def neighbour_fingerprint(document: Document) -> str:
    """The fields of the document that other pages may show: all but its body, its front matter's
    line numbers and its citations as written (their resolutions are in the other pages' shape)."""
    return _digest(("neighbour", _fields(document, _OWN_PAGE_ONLY)))


def stub_fingerprint(stub: Stub) -> str:
    """What a page shows of a cited document not in the archive: its name, address (the slug; the
    prefix is configuration, in the salt), date, issuer and subject. Who else cites it is not
    shown, so a new citation elsewhere changes a page only when it changes one of these."""
    return _digest(_plain(("stub", stub.name, stub.slug, stub.date, stub.issuer, stub.about)))


def page_key(
    document: Document,
    deps: PageDependencies,
    fingerprint: Callable[[Document], str],
    salt: str,
    *,
    own: Callable[[Document], str] = document_fingerprint,
    extra: Sequence[str] = (),
) -> str:
    """A sha256 hex digest over the salt, the page's own fingerprint (`own`), each dependency's id
    and `fingerprint` (a neighbour's: `neighbour_fingerprint`, or a memoised one), each stub's
    fingerprint, the shape, and any page-local `extra` the caller adds (the card's browse links)."""
    sha = hashlib.sha256()

    def put(*parts: str) -> None:
        for part in parts:
            data = part.encode("utf-8")
            # Length-prefixed, so that no two sequences of parts hash alike.
            sha.update(len(data).to_bytes(8, "big"))
            sha.update(data)

    put(KEY_FORMAT, salt, document.id, own(document))
    put("documents", str(len(deps.documents)))
    for other in deps.documents:
        put(other.id, fingerprint(other))
    put("stubs", str(len(deps.stubs)))
    for stub in deps.stubs:
        put(stub.slug, stub_fingerprint(stub))
    put("shape", str(len(deps.shape)), *deps.shape)
    put("extra", str(len(extra)), *extra)
    return sha.hexdigest()


def _fields(document: Document, skip: frozenset[str]) -> object:
    return tuple((name, _plain(getattr(document, name))) for name in _names(Document) if name not in skip)


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(value: object) -> object:
    """A form of a field's value made of tuples, strings, numbers and None, whose `repr` tells
    apart every value a page could show (and is the same from one run to the next)."""
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    if isinstance(value, Enum):
        return (type(value).__name__, _plain(value.value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, list | tuple):
        if all(type(v) is str for v in value):
            return tuple(value)  # recipients, topics, codes: the common case, kept cheap
        return tuple(_plain(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        try:
            # Types, symbols, signers, citations: frozen, so equal ones encode alike (and a type
            # is shared by thousands of documents); a mutable or unhashable one is encoded anew.
            if _is_frozen(value) and isinstance(value, Hashable):
                return _frozen(value)
            return _dataclass(value)
        except TypeError:
            return _dataclass(value)
    if isinstance(value, dict):
        return tuple(sorted(((_plain(k), _plain(v)) for k, v in value.items()), key=repr))
    if isinstance(value, set | frozenset):
        return tuple(sorted((_plain(v) for v in value), key=repr))
    # Nothing else lives on a Document today; a new kind of field must be encoded on purpose.
    raise TypeError(f"cannot fingerprint a {type(value).__name__}")


def _dataclass(value: object) -> object:
    cls = type(value)
    return (cls.__name__, *((name, _plain(getattr(value, name))) for name in _names(cls)))


@functools.lru_cache(maxsize=1 << 14)
def _frozen(value: Hashable) -> object:
    return _dataclass(value)


def _is_frozen(value: object) -> bool:
    params = getattr(type(value), "__dataclass_params__", None)
    return bool(getattr(params, "frozen", False))


def _canonical(value: object) -> str:
    return repr(_plain(value))


def _digest(value: object, text: str = "") -> str:
    """A digest of `value`, already plain (`_plain`), and of `text`."""
    sha = hashlib.sha256(repr(value).encode("utf-8", "surrogatepass"))
    sha.update(b"\0")  # a repr never holds a raw NUL: the two parts cannot run into each other
    sha.update(text.encode("utf-8", "surrogatepass"))
    return sha.hexdigest()
