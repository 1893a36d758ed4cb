"""Pages for documents that are cited but not archived, and their index (the archivists' to-do list)."""

from __future__ import annotations

from vankien.core.urls import STUBS, UrlFor
from vankien.graph.stubs import Stub
from vankien.web.templates import Templates, package_templates

INDEX_TITLE = "Văn bản được dẫn chiếu chưa lưu trữ"


def stub_index_url(prefix: str) -> str:
    return f"{prefix}/{STUBS}/"


def render_stub_page(stub: Stub, url_for: UrlFor, templates: Templates | None = None) -> str:
    return (templates or package_templates()).render("stub.html", stub=stub, url_for=url_for)


def render_stub_index(
    stubs: list[Stub], prefix: str, url_for: UrlFor, templates: Templates | None = None
) -> str:
    return (templates or package_templates()).render(
        "stub_index.html", stubs=stubs, prefix=prefix, url_for=url_for
    )
