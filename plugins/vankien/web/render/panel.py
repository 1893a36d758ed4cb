"""The "Lược đồ" panel: what a document relies on above, what acts on it below (as vbpl.vn).

Renderers take a `url_for(site_relative_url) -> href` callable so they stay free
of MkDocs; the adapter supplies one relative to the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from vankien.graph.build import Edge, Graph
from vankien.core.model import Document, RelationKind, format_date

UrlFor = Callable[[str], str]

# Group order in both halves of the panel, as vbpl.vn's "Lược đồ": basis first, mere citations last.
GROUP_ORDER = (
    RelationKind.BASIS,
    RelationKind.REPLACES,
    RelationKind.AMENDS,
    RelationKind.REPEALS,
    RelationKind.CITES,
    RelationKind.ABOUT,
)


def _entry(document: Document, url_for: UrlFor) -> str:
    symbol = escape(document.symbol.text) if document.symbol else '<span class="vk-muted">không số</span>'
    return (
        f'<li class="vk-entry"><a href="{escape(url_for(document.url))}">'
        f'<span class="vk-entry__type">{escape(document.type.name)}</span> '
        f'<span class="vk-entry__symbol">{symbol}</span></a> '
        f'<span class="vk-entry__date">{escape(format_date(document.date))}</span> '
        f'<span class="vk-entry__issuer">{escape(document.issuer_label)}</span>'
        f'<span class="vk-entry__title">{escape(document.title)}</span></li>'
    )


def _by_date(edges: list[Edge], pick: Callable[[Edge], Document]) -> list[Document]:
    documents = {pick(e).id: pick(e) for e in edges}
    return sorted(documents.values(), key=lambda d: (d.date is None, d.date, d.path))


def _group(label: str, documents: list[Document], url_for: UrlFor, kind: RelationKind) -> str:
    items = "".join(_entry(d, url_for) for d in documents)
    return (
        f'<details class="vk-group vk-group--{kind.value}" open><summary>{escape(label)} '
        f'<span class="vk-count">{len(documents)}</span></summary><ul>{items}</ul></details>'
    )


def render_panel(document: Document, graph: Graph, url_for: UrlFor) -> str:
    above = [
        _group(kind.label, docs, url_for, kind)
        for kind in GROUP_ORDER
        if (docs := _by_date(graph.relies_on(document, kind), lambda e: e.target))
    ]
    below = [
        _group(kind.inverse_label, docs, url_for, kind)
        for kind in GROUP_ORDER
        if (docs := _by_date(graph.acted_on_by(document, kind), lambda e: e.source))
    ]
    symbol = escape(document.symbol.text) if document.symbol else "không số"
    middle = (
        f'<div class="vk-schema__self"><strong>{escape(document.type.name)} {symbol}</strong> '
        f"<span>{escape(format_date(document.date))} · {escape(document.issuer_label)}</span></div>"
    )
    empty = '<p class="vk-muted">Chưa có văn bản nào.</p>'
    return (
        '<section class="vk-schema" aria-labelledby="luoc-do"><h2 id="luoc-do">Lược đồ</h2>'
        f'<div class="vk-schema__above"><h3>Văn bản này dựa trên</h3>{"".join(above) or empty}</div>'
        f"{middle}"
        f'<div class="vk-schema__below"><h3>Văn bản tác động đến văn bản này</h3>{"".join(below) or empty}</div>'
        "</section>"
    )


def render_banner(document: Document, graph: Graph, url_for: UrlFor) -> str:
    """A replaced or repealed document says so at the top, naming what replaced it."""
    parts = []
    for kind, verb in ((RelationKind.REPLACES, "bị thay thế bởi"), (RelationKind.REPEALS, "bị bãi bỏ bởi")):
        for source in _by_date(graph.acted_on_by(document, kind), lambda e: e.source):
            link = f'<a href="{escape(url_for(source.url))}">{escape(source.name)}</a>'
            parts.append(f"Văn bản này đã {verb} {link} ngày {escape(format_date(source.date))}.")
    if not parts:
        return ""
    return '<div class="vk-banner" role="note">' + " ".join(parts) + "</div>"
