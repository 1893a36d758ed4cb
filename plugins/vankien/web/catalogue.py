"""The catalogue of every document, newest first, by year, paginated."""

from __future__ import annotations

from itertools import groupby

from vankien.core.archive import Archive
from vankien.core.model import Document
from vankien.core.urls import UrlFor
from vankien.web.paginate import Page, paginate
from vankien.web.templates import Templates, package_templates
from vankien.web.timeline import newest_first

TITLE = "Danh mục văn bản"


def catalogue_pages(archive: Archive, prefix: str) -> list[Page[Document]]:
    """The catalogue's pages: the first at `<prefix>/`, the next at `<prefix>/trang-2/` ..."""
    return paginate(newest_first(archive), f"{prefix}/")


def catalogue_title(page: Page[Document]) -> str:
    return TITLE + (f" (trang {page.number})" if page.number > 1 else "")


def render_catalogue_page(
    archive: Archive, page: Page[Document], url_for: UrlFor, templates: Templates | None = None
) -> str:
    groups = [
        (year, list(group))
        for year, group in groupby(page.items, key=lambda d: d.date.year if d.date else None)
    ]
    return (templates or package_templates()).render(
        "catalogue.html", total=len(archive), groups=groups, pages=page.links(), url_for=url_for
    )
