"""The parts of a document's page: the card, the banner, the Lược đồ panel, the relations as
written, the cascade ("Quá trình triển khai") and the history, each from its template.

Renderers take a `url_for(site_relative_url) -> href` so they stay free of MkDocs; the
adapter supplies one relative to the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vankien.core.issuers import IssuerRegistry
from vankien.core.model import Document, RelationKind
from vankien.core.urls import UrlFor
from vankien.graph.history import Event
from vankien.graph.lineage import Lineage
from vankien.graph.model import Edge, Graph
from vankien.graph.validity import status_note
from vankien.web.lineage_svg import render_lineage_svg
from vankien.web.links import BrowseLinks
from vankien.web.templates import Templates, markup, package_templates

# Group order in both halves of the panel, as vbpl.vn's "Lược đồ": basis first, mere citations last.
GROUP_ORDER = (
    RelationKind.BASIS,
    RelationKind.REPLACES,
    RelationKind.AMENDS,
    RelationKind.REPEALS,
    RelationKind.CITES,
    RelationKind.ABOUT,
)
FOLD_CHILDREN_OVER = 8
"""A document with more derived documents than this folds them in the cascade's list."""


def render_card(
    document: Document,
    registry: IssuerRegistry,
    templates: Templates | None = None,
    *,
    links: BrowseLinks | None = None,
    url_for: UrlFor | None = None,
) -> str:
    """A definition list with every fact the front matter gives; unknown facts say so. Every value
    that names something (issuer, type, year, topic, hiệu lực, signer) links to its browse page."""
    body = registry.lookup(document.issuer)

    def link(url: str | None) -> str | None:
        return url_for(url) if url is not None and url_for is not None else None

    hrefs = {
        "issuer": link(links.body(document.issuer)) if links else None,
        "type": link(links.type(document.type.name)) if links else None,
        "year": link(links.year(document.date.year)) if links and document.date else None,
        "status": link(links.status(document.status)) if links else None,
        "signer": link(links.signer(document.signer)) if links else None,
        "topics": {t: link(links.topic(t)) for t in document.topics} if links else {},
    }
    return (templates or package_templates()).render(
        "card.html",
        document=document,
        level=body.level if body is not None else None,
        hrefs=hrefs,
        status_note=status_note(document),
        original_size=_size(document.original_path.stat().st_size) if document.original_path else None,
    )


def _size(count: int) -> str:
    """ "245 KB", "1,2 MB": as a reader reads a file's size."""
    if count < 1024 * 1024:
        return f"{max(1, round(count / 1024))} KB"
    return f"{count / 1024 / 1024:.1f} MB".replace(".", ",")


@dataclass(frozen=True)
class WrittenCitation:
    """A citation as the editor wrote it, with where it leads now: resolution happens at every
    build, so an `external: true` mark never keeps a document that is in the archive unlinked."""

    text: str
    href: str | None
    in_archive: bool
    name: str | None
    """The archived document's name, or the stub's."""


def render_relations_as_written(
    document: Document,
    graph: Graph,
    url_for: UrlFor,
    prefix: str,
    templates: Templates | None = None,
) -> str:
    """The front-matter relations, each citation exactly as the editor wrote it, linked to the
    archived document it names, or to the page of the cited document not yet in the archive."""
    groups: list[tuple[str, list[WrittenCitation]]] = []
    for kind in RelationKind:
        citations = document.relations.get(kind)
        if not citations:
            continue
        written: list[WrittenCitation] = []
        for citation in citations:
            link = graph.citation_link(document, citation.line)
            if link is not None and link.target is not None:
                written.append(
                    WrittenCitation(citation.text, url_for(link.target.url), True, link.target.name)
                )
            elif link is not None and link.stub is not None:
                stub = link.stub.final()
                written.append(WrittenCitation(citation.text, url_for(stub.url(prefix)), False, stub.name))
            else:
                written.append(WrittenCitation(citation.text, None, False, None))
        groups.append((kind.label, written))
    return (templates or package_templates()).render("relations.html", groups=groups)


def render_no_full_text(templates: Templates | None = None) -> str:
    return (templates or package_templates()).render("no_full_text.html")


def _by_date(edges: list[Edge], pick: Callable[[Edge], Document]) -> list[Document]:
    documents = {pick(e).id: pick(e) for e in edges}
    return sorted(documents.values(), key=lambda d: (d.date is None, d.date, d.path))


def render_panel(
    document: Document, graph: Graph, url_for: UrlFor, templates: Templates | None = None
) -> str:
    above = [
        (kind, kind.label, docs)
        for kind in GROUP_ORDER
        if (docs := _by_date(graph.relies_on(document, kind), lambda e: e.target))
    ]
    below = [
        (kind, kind.inverse_label, docs)
        for kind in GROUP_ORDER
        if (docs := _by_date(graph.acted_on_by(document, kind), lambda e: e.source))
    ]
    return (templates or package_templates()).render(
        "panel.html", document=document, above=above, below=below, url_for=url_for
    )


def render_banner(
    document: Document, graph: Graph, url_for: UrlFor, templates: Templates | None = None
) -> str:
    """A replaced or repealed document says so at the top, naming what replaced it."""
    notices = [
        (verb, source)
        for kind, verb in (
            (RelationKind.REPLACES, "bị thay thế bởi"),
            (RelationKind.REPEALS, "bị bãi bỏ bởi"),
        )
        for source in _by_date(graph.acted_on_by(document, kind), lambda e: e.source)
    ]
    return (templates or package_templates()).render("banner.html", notices=notices, url_for=url_for)


def render_history(
    document: Document, events: list[Event], url_for: UrlFor, templates: Templates | None = None
) -> str:
    return (templates or package_templates()).render(
        "history.html", document=document, events=events, url_for=url_for
    )


def render_lineage(lineage: Lineage, url_for: UrlFor, templates: Templates | None = None) -> str:
    """The cascade as a diagram and as nested lists; nothing when the document has none."""
    if not lineage.ancestors and not lineage.descendants.children:
        return ""
    return (templates or package_templates()).render(
        "lineage.html",
        lineage=lineage,
        svg=markup(render_lineage_svg(lineage, url_for)),
        fold_over=FOLD_CHILDREN_OVER,
        url_for=url_for,
    )
