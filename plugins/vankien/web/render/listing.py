"""The catalogue of every document, newest first, as Markdown with links MkDocs validates."""

from __future__ import annotations

import posixpath
from itertools import groupby

from vankien.core.archive import Archive
from vankien.core.model import Document, format_date
from vankien.web.render.text import markdown_text
from vankien.web.timeline import newest_first


def document_link(document: Document, from_uri: str) -> str:
    """Relative link from the page at `from_uri` (a source path) to the document's source path."""
    target = document.url.rstrip("/") + ".md"
    return posixpath.relpath(target, posixpath.dirname(from_uri) or ".")


CATALOGUE_PAGE_SIZE = 400
"""Rows per catalogue page: keeps every page far below 2 MB at any archive size."""


def catalogue_uri(prefix: str, number: int) -> str:
    return f"{prefix}/index.md" if number == 1 else f"{prefix}/trang-{number}/index.md"


def render_catalogue(archive: Archive, prefix: str) -> list[tuple[str, str]]:
    """The catalogue as (source path, Markdown) pages of CATALOGUE_PAGE_SIZE documents, newest first."""
    documents = newest_first(archive)
    chunks = [
        documents[i : i + CATALOGUE_PAGE_SIZE] for i in range(0, len(documents), CATALOGUE_PAGE_SIZE)
    ] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        page_uri = catalogue_uri(prefix, number)
        pager = _pager(number, len(chunks), prefix, page_uri)
        title = "Danh mục văn bản" + (f" (trang {number})" if number > 1 else "")
        lines = [f"# {title}", "", f"Kho có **{len(archive)}** văn bản, mới nhất trước.", "", pager, ""]
        for year, group in groupby(chunk, key=lambda d: d.date.year if d.date else None):
            rows = list(group)
            lines += [
                f"## {year if year else 'Chưa rõ ngày ban hành'} ({len(rows)})",
                "",
                "| Ngày | Số ký hiệu | Loại | Cơ quan ban hành | Trích yếu |",
                "|---|---|---|---|---|",
            ]
            for document in rows:
                symbol = document.symbol.text if document.symbol else "không số"
                lines.append(
                    f"| {format_date(document.date)} | [{markdown_text(symbol)}]({document_link(document, page_uri)}) "
                    f"| {document.type.name} | {markdown_text(document.issuer_label)} | {markdown_text(document.title)} |"
                )
            lines.append("")
        lines.append(pager)
        pages.append((page_uri, "\n".join(lines)))
    return pages


def _pager(current: int, total: int, prefix: str, page_uri: str) -> str:
    if total <= 1:
        return ""
    here = posixpath.dirname(page_uri)
    links = [
        f"**{n}**" if n == current else f"[{n}]({posixpath.relpath(catalogue_uri(prefix, n), here)})"
        for n in range(1, total + 1)
    ]
    return "Trang: " + " ".join(links)
