"""The pages left at documents' old addresses (`redirect_from`), each sending readers on.

The site writes a small HTML file at each old address (a folder's index.html, or the page file
named): the address once published keeps working after a correction moved the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from vankien.core.model import Document
from vankien.core.redirects import FIELD, output_path, redirect_targets
from vankien.core.urls import relative_url
from vankien.web.csp import with_policy
from vankien.web.templates import Templates, package_templates


@dataclass(frozen=True)
class RedirectPage:
    old: str
    """The old address, site-relative ("van-ban/2023/hd-cu/")."""
    path: str
    """The file the site writes for it ("van-ban/2023/hd-cu/index.html")."""
    document: Document
    """The document readers are sent to."""
    line: int
    """Line of the old address in the document's file."""
    html: str


def redirect_pages(
    documents: list[Document], site_name: str, templates: Templates | None = None
) -> list[RedirectPage]:
    """One page per old address that collides with nothing, in address order."""
    render = (templates or package_templates()).render
    pages = []
    for old, document in sorted(redirect_targets(documents)[0].items()):
        link = relative_url(document.url, old)
        html = render("redirect.html", document=document, target=link, site_name=site_name)
        line = document.line_of(f"{FIELD}.{document.redirect_from.index(old)}")
        # The same policy as every page of the site; the page has no script to allow.
        pages.append(RedirectPage(old, output_path(old), document, line, with_policy(html)))
    return pages
