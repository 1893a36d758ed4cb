"""How the plugins meet: one loaded archive, reached through one typed accessor.

`vankien/archive` loads, validates and relates the archive in its `on_files` hook, which
runs before every other plugin's `on_files` whatever the order of `plugins:` in mkdocs.yml
(`ARCHIVE_FIRST`). `vankien/search` and `vankien/browse` read it with `built_archive(config)`;
nothing passes through `page.meta` or another plugin's attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from vankien.core.model import Document
from vankien.graph.analysis import Analysis
from vankien.web.document_page import PageContext
from vankien.web.links import BrowseLinks
from vankien.web.templates import Templates

ARCHIVE_FIRST = 100
"""Priority of the archive's hooks: before the other plugins' (MkDocs' default is 0)."""
AFTER_ARCHIVE = -100
"""Priority of hooks that add to what the archive's hooks wrote (the cascade below the panel)."""
CONFIG_ORDER = {"vankien/archive": 100, "vankien/search": 90, "vankien/browse": 80}
"""Priorities of the plugins' `on_config`: their styles and scripts stand in the pages in one order."""


@dataclass
class BuiltArchive:
    """The archive of this build, with what the pages need to find their document."""

    analysis: Analysis
    url_prefix: str
    templates: Templates
    links: BrowseLinks | None = None
    """Where each name a card shows has its browse page (one source with the browse pages)."""
    page_context: PageContext = field(init=False)
    """What every document page needs, built once per build."""
    documents_by_source: dict[str, Document] = field(default_factory=dict)
    """The generated page of each document, by its source path ("van-ban/2023/39-hd-btgtu/index.md")."""

    def __post_init__(self) -> None:
        self.page_context = PageContext.of(self.analysis.graph, self.url_prefix, self.templates)
        if self.links is None:
            self.links = self.page_context.links
        self.page_context.links = self.links

    def document_of(self, page: Page) -> Document | None:
        return self.documents_by_source.get(page.file.src_uri)


class ArchiveHolder:
    """What `vankien/archive` is to the others: the holder of this build's archive."""

    built: BuiltArchive | None = None


def built_archive(config: MkDocsConfig, who: str) -> BuiltArchive:
    """The archive `vankien/archive` loaded for this build; a clear error when it is missing."""
    holder = next((plugin for plugin in config.plugins.values() if isinstance(plugin, ArchiveHolder)), None)
    if holder is None:
        raise PluginError(
            f"{who} cần plugin vankien/archive: thêm `- vankien/archive` vào `plugins:` (mkdocs.yml)"
        )
    if holder.built is None:
        raise PluginError(f"{who}: kho văn bản chưa được nạp (vankien/archive chưa chạy on_files)")
    return holder.built
