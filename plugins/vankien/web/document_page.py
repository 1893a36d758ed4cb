"""A document's page, in the order officials read it: a bar to jump between its parts, the banner and
the card (Thuộc tính), the full text (Toàn văn), the Lược đồ with the relations as written, the
cascade (Quá trình triển khai), the history (Lịch sử) and related documents (Văn bản liên quan),
each part from its template.

Renderers take a `url_for(site_relative_url) -> href` so they stay free of MkDocs; the
adapter supplies one relative to the page being rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from vankien.core.issuers import IssuerRegistry, form_heading
from vankien.core.model import Document, RelationKind
from vankien.core.urls import UrlFor
from vankien.graph.history import Event, ValidityEvent, history, validity_history
from vankien.graph.implementation import Overview, overview
from vankien.graph.lineage import Lineage, lineage
from vankien.graph.model import Edge, Graph
from vankien.graph.related import RelatedIndex
from vankien.graph.validity import status_note, validity_labels
from vankien.web.lineage_svg import render_lineage_svg
from vankien.web.links import BrowseLinks
from vankien.web.templates import Templates, markup, package_templates

RELIES_ORDER = (
    RelationKind.BASIS,
    RelationKind.REPLACES,
    RelationKind.AMENDS,
    RelationKind.REPEALS,
    RelationKind.CITES,
    RelationKind.ABOUT,
)
"""Left of the Lược đồ, as vbpl.vn's: what the document relies on, basis first, mere citations last."""
ACTS_ORDER = (RelationKind.BASIS, RelationKind.REPLACES, RelationKind.AMENDS, RelationKind.REPEALS)
"""Right of the Lược đồ: what acts on the document, its implementing documents first."""
MENTIONS_ORDER = (RelationKind.CITES, RelationKind.ABOUT)
"""Below: documents that only mention it, which do not act on it."""
FOLD_GROUP_OVER = 8
"""A Lược đồ group longer than this shows its first entries and folds the rest."""
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


@dataclass(frozen=True)
class SchemaEntry:
    """One document in a Lược đồ group: archived, or a page of a cited document not yet archived."""

    name: str
    href: str
    date: dt.date | None
    issuer: str
    title: str | None
    in_archive: bool


@dataclass(frozen=True)
class SchemaGroup:
    kind: str
    label: str
    entries: list[SchemaEntry]


def _archived(document: Document, url_for: UrlFor) -> SchemaEntry:
    return SchemaEntry(
        document.name,
        url_for(document.url),
        document.date,
        document.issuer_label,
        title_beside(document),
        True,
    )


def title_beside(document: Document) -> str | None:
    """The trích yếu to show beside a document's name, unless the name already holds it (news)."""
    return document.title if document.title and document.title not in document.name else None


def schema_groups(
    document: Document, graph: Graph, url_for: UrlFor, prefix: str
) -> tuple[list[SchemaGroup], list[SchemaGroup], list[SchemaGroup]]:
    """The Lược đồ's three parts: what the document relies on (archived documents, then the cited
    ones not yet archived, each once in its strongest group), what acts on it, what mentions it."""
    relies: list[SchemaGroup] = []
    shown_stubs: set[int] = set()
    for kind in RELIES_ORDER:
        entries = [
            _archived(d, url_for) for d in _by_date(graph.relies_on(document, kind), lambda e: e.target)
        ]
        for stub in graph.stubs_cited_by(document, kind):
            if id(stub) not in shown_stubs:
                shown_stubs.add(id(stub))
                entries.append(
                    SchemaEntry(
                        stub.name, url_for(stub.url(prefix)), stub.date, stub.issuer or "", stub.about, False
                    )
                )
        if entries:
            relies.append(SchemaGroup(kind.value, kind.label, entries))

    def inverse(kinds: tuple[RelationKind, ...]) -> list[SchemaGroup]:
        return [
            SchemaGroup(kind.value, kind.inverse_label, [_archived(d, url_for) for d in documents])
            for kind in kinds
            if (documents := _by_date(graph.acted_on_by(document, kind), lambda e: e.source))
        ]

    return relies, inverse(ACTS_ORDER), inverse(MENTIONS_ORDER)


def render_panel(
    document: Document, graph: Graph, url_for: UrlFor, prefix: str, templates: Templates | None = None
) -> str:
    """The Lược đồ in vbpl.vn's shape: the document in the middle, what it relies on on one side,
    what acts on it on the other, what merely mentions it in its own part; groups counted, long
    ones folded, every entry one link."""
    relies, acts, mentions = schema_groups(document, graph, url_for, prefix)
    return (templates or package_templates()).render(
        "panel.html",
        document=document,
        relies=relies,
        acts=acts,
        mentions=mentions,
        fold_over=FOLD_GROUP_OVER,
    )


def render_banner(
    document: Document, graph: Graph, url_for: UrlFor, templates: Templates | None = None
) -> str:
    """A document not (or no longer, or not wholly) in force says so at the top, naming what
    replaced, repealed or amended it; a document in force, or of unknown force, has no banner."""
    notices = [
        (verb, source)
        for kind, verb in (
            (RelationKind.REPLACES, "bị thay thế bởi"),
            (RelationKind.REPEALS, "bị bãi bỏ bởi"),
        )
        for source in _by_date(graph.acted_on_by(document, kind), lambda e: e.source)
    ]
    amended = _by_date(graph.acted_on_by(document, RelationKind.AMENDS), lambda e: e.source)
    return (templates or package_templates()).render(
        "banner.html",
        document=document,
        notices=notices,
        amended=amended,
        status_note=status_note(document),
        statuses=validity_labels(),
        url_for=url_for,
    )


def render_history(
    document: Document,
    events: list[Event],
    url_for: UrlFor,
    templates: Templates | None = None,
    validity_events: list[ValidityEvent] | None = None,
) -> str:
    return (templates or package_templates()).render(
        "history.html",
        document=document,
        events=events,
        validity_events=validity_events or [],
        url_for=url_for,
    )


def render_overview(
    document: Document,
    found: Overview | None,
    graph: Graph,
    url_for: UrlFor,
    templates: Templates | None = None,
) -> str:
    """The table of bodies expected to implement the document; nothing when none is expected."""
    if found is None:
        return ""
    registry = graph.archive.registry
    issuer = registry.lookup(document.issuer)
    committee = registry.committee(issuer).name if issuer is not None else document.issuer_label
    rows = sorted(
        found.implementers,
        key=lambda row: (row.document is None, row.days if row.days is not None else 1 << 30),
    )
    return (templates or package_templates()).render(
        "overview.html",
        document=document,
        overview=found,
        rows=rows,
        level=found.implementers[0].body.level,
        committee=committee,
        url_for=url_for,
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


def browse_hrefs(document: Document, links: BrowseLinks) -> list[str]:
    """The browse pages a document's card links to (their slugs depend on the whole archive), as
    site URLs: part of what a cached page's key is made of."""
    found = [
        links.body(document.issuer),
        links.type(document.type.name),
        links.year(document.date.year) if document.date else None,
        links.status(document.status),
        links.signer(document.signer),
        *(links.topic(topic) for topic in document.topics),
    ]
    return [href or "-" for href in found]


@dataclass
class PageContext:
    """What every document page of a build needs, built once."""

    graph: Graph
    prefix: str
    templates: Templates
    links: BrowseLinks
    related: RelatedIndex

    @classmethod
    def of(cls, graph: Graph, prefix: str, templates: Templates | None = None) -> PageContext:
        archive = graph.archive
        return cls(
            graph,
            prefix,
            templates or package_templates(),
            BrowseLinks.of(archive),
            RelatedIndex(archive, graph),
        )


PAGE_PARTS = (
    ("thuoc-tinh", "Thuộc tính"),
    ("toan-van", "Toàn văn"),
    ("luoc-do", "Lược đồ"),
    ("qua-trinh-trien-khai", "Quá trình triển khai"),
    ("lich-su", "Lịch sử"),
    ("van-ban-lien-quan", "Văn bản liên quan"),
)
"""The parts of a document's page, in the order officials read them, with their anchors."""


def render_document_page(document: Document, body_html: str, context: PageContext, url_for: UrlFor) -> str:
    """Everything of a document's page below its title, `body_html` being its sanitized full text."""
    graph, templates = context.graph, context.templates
    fulltext = body_html if document.body.strip() else render_no_full_text(templates)
    cascade_html = render_overview(
        document, overview(graph, document), graph, url_for, templates
    ) + render_lineage(lineage(graph, document), url_for, templates)
    related = context.related.related(document)
    parts = {
        "thuoc-tinh": render_banner(document, graph, url_for, templates)
        + render_card(document, graph.archive.registry, templates, links=context.links, url_for=url_for),
        "toan-van": f'<section class="vk-fulltext" id="toan-van" aria-label="Toàn văn">{fulltext}</section>',
        "luoc-do": render_panel(document, graph, url_for, context.prefix, templates)
        + render_relations_as_written(document, graph, url_for, context.prefix, templates),
        "qua-trinh-trien-khai": templates.render("cascade.html", content=markup(cascade_html))
        if cascade_html
        else "",
        "lich-su": render_history(
            document, history(graph, document), url_for, templates, validity_history(graph, document)
        ),
        "van-ban-lien-quan": templates.render("related.html", related=related, url_for=url_for)
        if related
        else "",
    }
    present = [(anchor, label) for anchor, label in PAGE_PARTS if parts[anchor]]
    # The paper form's head and end, shown in print only (print.css): the head first, so that what
    # follows it on the page is left out of print but the full text and the end.
    heading = form_heading(graph.archive.registry, document.issuer) if document.issuer else ()
    print_head = templates.render("print_header.html", document=document, heading=heading)
    parts["toan-van"] += templates.render("print_footer.html", document=document)
    return (
        print_head
        + templates.render("jump_bar.html", parts=present)
        + "".join(parts[anchor] for anchor, _ in PAGE_PARTS)
    )
