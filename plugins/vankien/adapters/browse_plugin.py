"""`vankien/browse`: timeline, browse pages and the home page.

Thin: the archive comes through `built_archive(config)`, the page plan and every HTML fragment
from the core. Generated pages carry only their title as Markdown; their HTML is added in
`on_page_content`, so thousands of listing entries never go through the Markdown parser.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from vankien.adapters.config import BrowseConfig, VietnameseOptions
from vankien.adapters.handshake import AFTER_ARCHIVE, CONFIG_ORDER, BuiltArchive, built_archive
from vankien.core import urls
from vankien.core.urls import link_maker
from vankien.web.plan import PagePlan, PlannedPage
from vankien.web.static import FOLDER as ASSET_FOLDER
from vankien.web.text import markdown_text, page_title

SCRIPT = f"{urls.ASSETS}/browse.js"
NAME = "vankien/browse"


class BrowsePlugin(VietnameseOptions, BasePlugin[BrowseConfig]):
    def __init__(self) -> None:
        self.built: BuiltArchive | None = None
        self.planned: dict[str, PlannedPage] = {}

    @event_priority(CONFIG_ORDER["vankien/browse"])
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        built = self.built = built_archive(config, NAME)
        analysis = built.analysis
        plan = PagePlan(analysis.archive, analysis.graph, built.url_prefix, built.templates, built.links)
        self.planned = {}
        try:
            planned_pages = plan.pages()
        except ValueError as error:
            raise PluginError(f"{NAME}: {error}") from error
        for planned in planned_pages:
            if planned.url == "" and not self.config.home:
                continue
            if files.get_file_from_path(planned.src_uri) is not None:
                raise PluginError(
                    f"docs/{planned.src_uri} trùng với trang do {NAME} tạo; xóa tệp đó "
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
        files.append(File.generated(config, SCRIPT, abs_src_path=str(ASSET_FOLDER / "browse.js")))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        planned = self.planned.get(page.file.src_uri)
        if planned is not None:
            page.meta["title"] = page_title(planned.title)
        return markdown

    @event_priority(AFTER_ARCHIVE)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        url_for = link_maker(page.url)
        planned = self.planned.get(page.file.src_uri)
        if planned is not None:
            return html + planned.render(url_for)
        return html
