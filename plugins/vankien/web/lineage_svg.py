"""The cascade diagram of "Quá trình triển khai", drawn in Python as SVG (its list is a template).

Large cascades stay readable: each row shows at most a few documents and a "+N" box
for the rest, and deep levels fold into one summary row.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from vankien.core.dates import format_date
from vankien.core.model import Document
from vankien.core.urls import UrlFor
from vankien.graph.lineage import Lineage, days_label

MAX_PER_ROW = 6
MAX_DESCENDANT_ROWS = 3
MAX_ANCESTOR_ROWS = 4
BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 200, 54, 14, 34, 10


@dataclass
class _Box:
    key: str
    x: float
    y: float
    document: Document | None
    label: str
    detail: str
    current: bool = False


def _short(document: Document) -> str:
    text = (
        f"{document.type.name} {document.symbol.text}"
        if document.symbol
        else f"{document.type.name} – {document.issuer_label}"
    )
    return text if len(text) <= 30 else text[:29] + "…"


def _row(items: list[tuple[Document, str]], hidden: int, y: float, row_key: str) -> list[_Box]:
    boxes = [
        _Box(item.id, 0, y, item, _short(item), f"{format_date(item.date)} {detail}".strip())
        for item, detail in items
    ]
    if hidden:
        boxes.append(_Box(f"more-{row_key}", 0, y, None, f"+{hidden} văn bản", "xem danh sách bên dưới"))
    return boxes


def render_lineage_svg(lineage: Lineage, url_for: UrlFor) -> str:
    rows: list[list[_Box]] = []
    ancestor_levels = lineage.ancestors[:MAX_ANCESTOR_ROWS]
    for depth, level in reversed(list(enumerate(ancestor_levels))):
        shown = level[: MAX_PER_ROW - 1] if len(level) > MAX_PER_ROW else level
        rows.append(_row([(s.document, "") for s in shown], len(level) - len(shown), 0, f"a{depth}"))
    me = lineage.document
    rows.append([_Box(me.id, 0, 0, me, _short(me), format_date(me.date), current=True)])
    levels = lineage.descendant_levels()
    for depth, nodes in enumerate(levels[:MAX_DESCENDANT_ROWS]):
        shown_nodes = nodes[: MAX_PER_ROW - 1] if len(nodes) > MAX_PER_ROW else nodes
        rows.append(
            _row(
                [(n.document, days_label(n.days_after_parent)) for n in shown_nodes],
                len(nodes) - len(shown_nodes),
                0,
                f"d{depth}",
            )
        )
    deeper = sum(len(nodes) for nodes in levels[MAX_DESCENDANT_ROWS:])
    if deeper:
        rows.append(
            [_Box("deeper", 0, 0, None, f"+{deeper} văn bản ở các cấp dưới", "xem danh sách bên dưới")]
        )

    widest = max(len(r) for r in rows)
    width = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X
    positions: dict[str, _Box] = {}
    for index, row in enumerate(rows):
        row_width = len(row) * BOX_W + (len(row) - 1) * GAP_X
        start = (width - row_width) / 2
        for column, box in enumerate(row):
            box.x = start + column * (BOX_W + GAP_X)
            box.y = MARGIN + index * (BOX_H + GAP_Y)
            positions[box.key] = box
    height = MARGIN * 2 + len(rows) * BOX_H + (len(rows) - 1) * GAP_Y

    edges = []
    for level in ancestor_levels:
        for step in level:
            edges.append((step.document.id, step.child.id))
    for nodes in levels[:MAX_DESCENDANT_ROWS]:
        for node in nodes:
            if node.parent is not None:
                edges.append((node.parent.id, node.document.id))
    lines = []
    for upper, lower in edges:
        a, b = positions.get(upper), positions.get(lower)
        if a is None or b is None:
            continue
        x1, y1 = a.x + BOX_W / 2, a.y + BOX_H
        x2, y2 = b.x + BOX_W / 2, b.y
        lines.append(
            f'<line class="vk-lineage__edge" x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}"/>'
        )

    boxes = [_box_svg(box, url_for) for row in rows for box in row]
    title = f"Quá trình triển khai của {me.name}"
    # A group, not an image: its boxes are links, and an image may hold nothing focusable.
    # `--vk-width` lets the stylesheet shrink it only so far, then scroll it in its box.
    return (
        f'<svg class="vk-lineage__svg" role="group" aria-label="{escape(title)}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" style="--vk-width: {width:.0f}px" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<defs><marker id="vk-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
        f"{''.join(lines)}{''.join(boxes)}</svg>"
    )


def _box_svg(box: _Box, url_for: UrlFor) -> str:
    css = (
        "vk-lineage__box"
        + (" vk-lineage__box--current" if box.current else "")
        + (" vk-lineage__box--more" if box.document is None else "")
    )
    # The box's <title> is its tooltip and, inside a link, the link's accessible name.
    tip = f"{box.document.name}: {box.document.title}" if box.document else box.label
    shape = (
        f'<g class="{css}"><title>{escape(tip)}</title>'
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="4"/>'
        f'<text x="{box.x + BOX_W / 2:.0f}" y="{box.y + 22:.0f}" class="vk-lineage__name">{escape(box.label)}</text>'
        f'<text x="{box.x + BOX_W / 2:.0f}" y="{box.y + 40:.0f}" class="vk-lineage__detail">{escape(box.detail)}</text></g>'
    )
    if box.document is not None and not box.current:
        return f'<a href="{escape(url_for(box.document.url))}">{shape}</a>'
    if box.document is None:
        # The rest of a row of bases is listed under "Căn cứ, từ gần đến gốc", of derived documents
        # under "Văn bản triển khai các cấp".
        target = "ds-can-cu" if box.key.startswith("more-a") else "ds-trien-khai"
        return f'<a href="#{target}">{shape}</a>'
    return shape
