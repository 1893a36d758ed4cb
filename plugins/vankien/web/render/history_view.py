"""The "Lịch sử" table of a document."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from vankien.graph.history import Event
from vankien.core.model import Document, format_date


def render_history(document: Document, events: list[Event], url_for: Callable[[str], str]) -> str:
    rows = []
    for event in events:
        what = escape(event.label)
        if event.other is not None:
            what += f' <a href="{escape(url_for(event.other.url))}">{escape(event.other.name)}</a>'
            what += f' <span class="vk-muted">({escape(event.other.issuer_label)})</span>'
        else:
            what = f"Ban hành bởi {escape(document.issuer_label)}"
        rows.append(f"<tr><td>{escape(format_date(event.date))}</td><td>{what}</td></tr>")
    return (
        '<section class="vk-history" aria-labelledby="lich-su"><h2 id="lich-su">Lịch sử</h2>'
        "<table><thead><tr><th>Ngày</th><th>Sự kiện</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )
