"""Document pages taken from the page cache instead of being converted and decorated again.

Each document page's content (its converted body with the archive's page parts) is stored under
a key made of everything the page shows (`graph.dependencies`: the document itself, what it
shows of every other document, how the page arranges them, the links of its card) and of what
every page depends on (`page_cache.build_salt`: software versions, mkdocs.yml, theme overrides,
the registry, the confidentiality level). A page whose key is in the cache is handed to MkDocs
ready; the others are rendered as usual (serially or by the workers) and stored.

Only pages whose rendering logged nothing at warning level or above, and that link to no anchor
of another page (their links to their own anchors are stored and validated again), are stored: a cached page replays no log line, so a page that warns is rendered
again at every build and `--strict` sees its warning every time. Pages showing the preview's
problems are never stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from vankien.adapters.handshake import BuiltArchive
from vankien.adapters.page_cache import CachedPage, PageCache, build_salt, default_root
from vankien.core.model import Document
from vankien.graph.dependencies import (
    document_fingerprint,
    neighbour_fingerprint,
    page_dependencies,
    page_key,
)
from vankien.web.document_page import browse_hrefs
from vankien.web.text import page_title

CACHE_VARIABLE = "VANKIEN_CACHE"
"""Set to 0 to build without reading or writing the cache."""


def _tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)}
        for item in items
    ]


class _PageLog(logging.Handler):
    """Whether a page's rendering logged anything a cached page would not log again."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warned = False

    def emit(self, record: logging.LogRecord) -> None:
        self.warned = True


class CachedPages:
    """The cache as one build uses it: a key per document page, hits installed, misses stored."""

    def __init__(self, cache: PageCache, keys: dict[str, str], documents: dict[str, Document]) -> None:
        self.cache = cache
        self.keys = keys
        self.documents = documents
        self.installed: set[str] = set()
        self._looked_up: dict[str, CachedPage | None] = {}
        self._log = _PageLog()

    @classmethod
    def open(
        cls,
        config: MkDocsConfig,
        built: BuiltArchive,
        *,
        level: str,
        registry: Path,
        uncacheable: Callable[[Document], bool],
    ) -> CachedPages:
        config_file = Path(config.config_file_path)
        overrides = sorted(
            path
            for folder in config.theme.dirs
            if config.theme.custom_dir and Path(folder) == Path(config.theme.custom_dir)
            for path in Path(folder).rglob("*")
            if path.is_file()
        )
        salt = build_salt(
            config_file.read_bytes(),
            overrides,
            level,
            data_files=[registry] if registry.is_file() else [],
        )
        cache = PageCache(default_root(config_file), salt)
        context = built.page_context
        graph = built.analysis.graph
        neighbours = {d.id: neighbour_fingerprint(d) for d in built.analysis.archive}
        owns = {d.id: document_fingerprint(d) for d in built.analysis.archive}
        keys: dict[str, str] = {}
        documents: dict[str, Document] = {}
        for src_uri, document in built.documents_by_source.items():
            if uncacheable(document):
                continue
            dependencies = page_dependencies(document, graph, context.related)
            keys[src_uri] = page_key(
                document,
                dependencies,
                lambda other: neighbours[other.id],
                salt,
                own=lambda own: owns[own.id],
                extra=browse_hrefs(document, context.links),
            )
            documents[src_uri] = document
        return cls(cache, keys, documents)

    def hit(self, src_uri: str) -> CachedPage | None:
        """The cached page, read once per build (the pool's planning and the page loop both ask)."""
        if src_uri not in self._looked_up:
            key = self.keys.get(src_uri)
            self._looked_up[src_uri] = self.cache.get(key) if key is not None else None
        return self._looked_up[src_uri]

    def hand_over(self, page: Page, cached: CachedPage) -> None:
        """Make MkDocs' reading and rendering of `page` install the cached content."""
        document = self.documents[page.file.src_uri]
        original_read = page.read_source

        def read_source(config: MkDocsConfig) -> None:
            original_read(config)
            page.meta["title"] = page_title(document.name)

        def render(config: MkDocsConfig, files: Files) -> None:
            page.content = cached.content
            page.toc = get_toc(cached.toc)  # type: ignore[arg-type]
            page.present_anchor_ids = set(cached.anchors)
            if cached.own_links:
                page.links_to_anchors = {page.file: dict(cached.own_links)}

        setattr(page, "read_source", read_source)  # noqa: B010 - an instance's own method
        setattr(page, "render", render)  # noqa: B010
        self.installed.add(page.file.src_uri)

    def watch(self) -> None:
        """Start noting whether the page being rendered logs a warning."""
        self._log.warned = False
        logging.getLogger("mkdocs").addHandler(self._log)

    def store(self, page: Page, *, warned: bool | None = None) -> None:
        """Keep a freshly rendered page, if it is one a cached copy would reproduce exactly."""
        logging.getLogger("mkdocs").removeHandler(self._log)
        src_uri = page.file.src_uri
        key = self.keys.get(src_uri)
        if key is None or page.content is None or src_uri in self.installed:
            return
        if self._log.warned if warned is None else warned:
            return
        links = page.links_to_anchors or {}
        # Links to another page's anchors are checked against that page, which may change alone.
        if any(target is not page.file for target in links):
            return
        own_links = tuple(sorted(links.get(page.file, {}).items()))
        toc = page.toc if isinstance(page.toc, TableOfContents) else TableOfContents([])
        anchors = tuple(sorted(page.present_anchor_ids or ()))
        self.cache.put(key, CachedPage(page.content, _tokens(list(toc)), anchors, own_links))

    def finish(self) -> list[str]:
        self.cache.finish()
        return list(self.cache.notices)
