"""`vankien/archive`: one page per document of `directives/`, with its metadata card.

The hooks only adapt: the core loads and validates the archive once per build
(in `on_files`, before any page renders), and the renderers produce the HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from vankien.archive import Archive
from vankien.loader import load_archive
from vankien.model import Document
from vankien.problems import Severity
from vankien.render.card import render_card, render_no_full_text, render_relations_as_written
from vankien.render.listing import render_catalogue

from .config import ArchiveConfig

log = get_plugin_logger("vankien")

ASSETS = Path(__file__).resolve().parent.parent / "assets"
STYLESHEET = "assets/vankien/vankien.css"


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.archive: Archive | None = None
        self.pages: dict[str, Document] = {}
        self.directives_path = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.directives_path = (Path(config.config_file_path).parent / self.config.directives_dir).resolve()
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        result = load_archive(
            self.directives_path,
            display_root=f"{self.config.directives_dir.rstrip('/')}/",
            url_prefix=self.config.url_prefix,
        )
        for problem in result.problems:
            if problem.severity is Severity.ERROR:
                log.error(problem.format())
            else:
                log.warning(problem.format())
        if not result.ok:
            raise PluginError(
                f"Kho văn bản có {len(result.problems.errors)} lỗi (xem các dòng trên); "
                "sửa rồi chạy lại, hoặc kiểm tra bằng `vankien check`."
            )
        self.archive = result.archive
        self.pages = {}
        for document in result.archive:
            src_uri = document.url.rstrip("/") + ".md"
            files.append(
                File.generated(
                    config, src_uri, content=_page_markdown(document), inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
            self.pages[src_uri] = document
        if self.config.catalogue:
            uri = f"{self.config.url_prefix}/index.md"
            files.append(File.generated(config, uri, content=render_catalogue(result.archive, uri)))
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "vankien.css")))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        document = self.pages.get(page.file.src_uri)
        if document is not None:
            page.meta["vankien_id"] = document.id
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        document = self.pages.get(page.file.src_uri)
        if document is None or self.archive is None:
            return html
        card = render_card(document, self.archive.registry)
        if not document.body.strip():
            card += render_no_full_text()
        heading_end = html.find("</h1>")
        insert_at = heading_end + len("</h1>") if heading_end >= 0 else 0
        return html[:insert_at] + card + html[insert_at:] + render_relations_as_written(document)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The archive lives outside docs_dir: without this, edits there would not reload the site.
        server.watch(str(self.directives_path))
        return server


def _page_markdown(document: Document) -> str:
    return f"# {document.name}\n\n{document.body}"
