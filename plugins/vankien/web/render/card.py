"""The metadata card shown above every document, and the relations as the editor wrote them."""

from __future__ import annotations

from html import escape

from vankien.core.issuers import IssuerRegistry
from vankien.core.model import Document, RelationKind, format_date


def _row(label: str, value_html: str) -> str:
    return f'<div class="vk-card__row"><dt>{escape(label)}</dt><dd>{value_html}</dd></div>'


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def render_card(document: Document, registry: IssuerRegistry) -> str:
    """A definition list with every fact the front matter gives; unknown facts say so."""
    issuer = escape(document.issuer) if document.issuer else _unknown("chưa rõ")
    body = registry.lookup(document.issuer)
    if body is not None:
        issuer += f' <span class="vk-muted">({escape(body.level)})</span>'
    rows = [
        _row("Số ký hiệu", escape(document.symbol.text) if document.symbol else _unknown("không số")),
        _row("Loại văn bản", escape(document.type.name)),
        _row("Cơ quan ban hành", issuer),
        _row("Ngày ban hành", escape(format_date(document.date)) if document.date else _unknown("chưa rõ")),
    ]
    if document.time:
        rows.append(_row("Giờ đăng", escape(document.time)))
    if document.place:
        rows.append(_row("Địa danh", escape(document.place)))
    rows.append(_row("Người ký", _signer(document)))
    if document.author:
        rows.append(_row("Tác giả", escape(document.author)))
    rows.append(_row("Trích yếu", escape(document.title)))
    if document.term:
        rows.append(_row("Khóa", escape(document.term)))
    rows.append(_row("Hiệu lực", f'<span class="vk-status">{escape(document.status)}</span>'))
    rows.append(_row("Độ mật", escape(document.classification)))
    rows.append(
        _row("Chủ đề", escape(", ".join(document.topics)) if document.topics else _unknown("chưa gắn"))
    )
    rows.append(_row("Nơi nhận", _list(document.recipients) if document.recipients else _unknown("chưa rõ")))
    if document.source:
        rows.append(_row("Nguồn", escape(document.source)))
    if document.note:
        rows.append(_row("Ghi chú", escape(document.note)))
    return f'<dl class="vk-card" aria-label="Thông tin văn bản">{"".join(rows)}</dl>'


def _signer(document: Document) -> str:
    signer = document.signer
    if signer is None or not (signer.name or signer.title or signer.authority):
        return _unknown("chưa rõ")
    parts = []
    if signer.authority:
        parts.append(f'<span class="vk-signer__authority">{escape(signer.authority)}</span>')
    if signer.title:
        parts.append(f'<span class="vk-signer__title">{escape(signer.title)}</span>')
    parts.append(escape(signer.name) if signer.name else _unknown("chưa rõ tên"))
    return " · ".join(parts)


def _unknown(text: str) -> str:
    return f'<span class="vk-muted">{escape(text)}</span>'


def render_relations_as_written(document: Document) -> str:
    """The front-matter relations, each citation exactly as the editor wrote it."""
    groups = []
    for kind in RelationKind:
        citations = document.relations.get(kind, ())
        if not citations:
            continue
        items = "".join(
            f"<li>{escape(c.text)}"
            + (' <span class="vk-muted">(văn bản ngoài kho)</span>' if c.external else "")
            + "</li>"
            for c in citations
        )
        groups.append(f"<h3>{escape(kind.label)} ({len(citations)})</h3><ul>{items}</ul>")
    if not groups:
        return ""
    return (
        '<section class="vk-relations" aria-label="Quan hệ văn bản"><h2>Quan hệ văn bản</h2>'
        + "".join(groups)
        + "</section>"
    )


def render_no_full_text() -> str:
    return (
        '<p class="vk-notice">Kho chưa có toàn văn văn bản này; các thông tin trên lấy từ trích dẫn '
        "trong các văn bản khác.</p>"
    )
