"""The catalogue of every document, newest first, as Markdown with links MkDocs validates."""

from __future__ import annotations

import posixpath
from itertools import groupby

from vankien.archive import Archive
from vankien.model import Document, format_date


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def document_link(document: Document, from_uri: str) -> str:
    """Relative link from the page at `from_uri` (a source path) to the document's source path."""
    target = document.url.rstrip("/") + ".md"
    return posixpath.relpath(target, posixpath.dirname(from_uri) or ".")


def render_catalogue(archive: Archive, page_uri: str) -> str:
    lines = [
        "# Danh mục văn bản",
        "",
        f"Kho có **{len(archive)}** văn bản, mới nhất trước.",
        "",
    ]
    for year, group in groupby(archive.newest_first(), key=lambda d: d.date.year if d.date else None):
        documents = list(group)
        lines += [
            f"## {year if year else 'Chưa rõ ngày ban hành'} ({len(documents)})",
            "",
            "| Ngày | Số ký hiệu | Loại | Cơ quan ban hành | Trích yếu |",
            "|---|---|---|---|---|",
        ]
        for document in documents:
            symbol = document.symbol.text if document.symbol else "không số"
            link = document_link(document, page_uri)
            lines.append(
                f"| {format_date(document.date)} | [{_cell(symbol)}]({link}) | {document.type.name} "
                f"| {_cell(document.issuer_label)} | {_cell(document.title)} |"
            )
        lines.append("")
    return "\n".join(lines)
