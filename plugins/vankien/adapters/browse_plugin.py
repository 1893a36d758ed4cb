"""`vankien/browse`: timeline, browse pages, home page, and lineage + history on document pages.

Thin: the archive and its graph come from `vankien/archive` (listed before this plugin),
the page plan and every HTML fragment from the core. Generated pages carry only their
title as Markdown; their HTML is added in `on_page_content`, so thousands of listing
entries never go through the Markdown parser.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from vankien.graph.analysis import Analysis
from vankien.graph.history import history
from vankien.graph.lineage import lineage
from vankien.web.plan import PagePlan, PlannedPage, link_maker
from vankien.web.render.history_view import render_history
from vankien.web.render.lineage_view import render_lineage
from vankien.web.render.text import markdown_text, page_title

from vankien.adapters.archive_plugin import ArchivePlugin

SCRIPT = "assets/vankien/browse.js"
ASSETS = Path(__file__).resolve().parent.parent / "web" / "assets"


class BrowseConfig(base.Config):
    home = c.Type(bool, default=True)
    """Generate the home page (index.md) from the archive; turn off to keep a hand-written one."""


class BrowsePlugin(BasePlugin[BrowseConfig]):
    def __init__(self) -> None:
        self.analysis: Analysis | None = None
        self.planned: dict[str, PlannedPage] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        archive_plugin = config.plugins.get("vankien/archive")
        if not isinstance(archive_plugin, ArchivePlugin) or archive_plugin.analysis is None:
            raise PluginError("vankien/browse cần plugin vankien/archive, đặt trước nó trong mkdocs.yml")
        self.analysis = archive_plugin.analysis
        plan = PagePlan(self.analysis.archive, self.analysis.graph, archive_plugin.config.url_prefix)
        self.planned = {}
        try:
            planned_pages = plan.pages()
        except ValueError as error:
            raise PluginError(f"vankien/browse: {error}") from error
        for planned in planned_pages:
            if planned.url == "" and not self.config.home:
                continue
            if files.get_file_from_path(planned.src_uri) is not None:
                raise PluginError(
                    f"docs/{planned.src_uri} trùng với trang do vankien/browse tạo; xóa tệp đó "
                    "(hoặc đặt `home: false` cho trang chủ)"
                )
            # Reachable from the nav's index pages; the hundreds of body and year pages stay out of it.
            files.append(
                File.generated(
                    config,
                    planned.src_uri,
                    content=f"# {markdown_text(planned.title)}\n",
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
            self.planned[planned.src_uri] = planned
        files.append(File.generated(config, SCRIPT, abs_src_path=str(ASSETS / "browse.js")))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        planned = self.planned.get(page.file.src_uri)
        if planned is not None:
            page.meta["title"] = page_title(planned.title)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        url_for = link_maker(page.url)
        planned = self.planned.get(page.file.src_uri)
        if planned is not None:
            return html + planned.render(url_for)
        document_id = page.meta.get("vankien_id")
        if self.analysis is None or not document_id:
            return html
        document = self.analysis.archive.get(str(document_id))
        if document is None:
            return html
        graph = self.analysis.graph
        return (
            html
            + render_lineage(lineage(graph, document), url_for)
            + render_history(document, history(graph, document), url_for)
        )
