"""`vankien/archive`: one page per document of `directives/`, with its metadata card.

The hooks only adapt: the core loads and validates the archive once per build
(in `on_files`, before any page renders), and the renderers produce the HTML.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from vankien.graph.analysis import Analysis, analyse_archive
from vankien.core.model import Document
from vankien.web.plan import link_maker
from vankien.core.problems import Severity
from vankien.refs.model import Reference
from vankien.web.render.card import render_card, render_no_full_text, render_relations_as_written
from vankien.adapters.markdown_crosslinks import CrossLinkExtension, Linker, LinkTarget
from vankien.web.render.listing import render_catalogue
from vankien.web.render.panel import render_banner, render_panel
from vankien.web.render.stub_pages import index_source_uri, render_stub_index, render_stub_page, stub_source_uri
from vankien.web.render.text import markdown_text, page_title
from vankien.graph.resolve import Outcome

from vankien.adapters.config import ArchiveConfig

log = get_plugin_logger("vankien")

ANCHOR_LENGTH = 4
"""How much of a reference's beginning marks a text node worth searching ("kết ", "quy ", "21-k")."""

ASSETS = Path(__file__).resolve().parent.parent / "web" / "assets"
STYLESHEET = "assets/vankien/vankien.css"


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.analysis: Analysis | None = None
        self.pages: dict[str, Document] = {}
        self.directives_path = Path()
        self.crosslinks = CrossLinkExtension()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.directives_path = (Path(config.config_file_path).parent / self.config.directives_dir).resolve()
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        config.markdown_extensions.append(self.crosslinks)  # Markdown accepts extension instances
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        result = analyse_archive(
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
        self.analysis = result
        self.pages = {}
        for document in result.archive:
            src_uri = document.url.rstrip("/") + ".md"
            files.append(
                File.generated(
                    config, src_uri, content=_page_markdown(document), inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
            self.pages[src_uri] = document
        prefix = self.config.url_prefix
        if self.config.catalogue:
            for uri, content in render_catalogue(result.archive, prefix):
                # Page 1 is in the nav; the further pages are reached from its pager.
                inclusion = (
                    InclusionLevel.UNDEFINED if uri == f"{prefix}/index.md" else InclusionLevel.NOT_IN_NAV
                )
                files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        for stub in result.graph.stubs:
            files.append(
                File.generated(
                    config,
                    stub_source_uri(stub, prefix),
                    content=render_stub_page(stub, prefix),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
        files.append(
            File.generated(
                config, index_source_uri(prefix), content=render_stub_index(result.graph.stubs, prefix)
            )
        )
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSETS / "vankien.css")))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        document = self.pages.get(page.file.src_uri)
        self.crosslinks.linker = None
        self.crosslinks.anchors = frozenset()
        if document is not None and self.analysis is not None:
            page.meta["vankien_id"] = document.id
            self.crosslinks.anchors = frozenset(
                link.reference.surface[:ANCHOR_LENGTH].lower()
                for link in self.analysis.graph.body_links.get(document.id, [])
            )
            page.meta["title"] = page_title(document.name)
            self.crosslinks.linker = self._linker(document, page)
        return markdown

    def _linker(self, document: Document, page: Page) -> Linker:
        """Links for the references of one body, from the resolutions the graph computed."""
        assert self.analysis is not None
        prefix = self.config.url_prefix
        here = posixpath.dirname(page.file.src_uri)

        def source_link(url: str) -> str:
            # Links to source files, so MkDocs rewrites them for the page and validates them.
            return posixpath.relpath(url.rstrip("/") + ".md", here or ".")

        # The text node a reference is found in may lack the "của ..." the whole body gave it, so a
        # reference is looked up with its issuer first, then without it when that is unambiguous.
        exact: dict[tuple[object, ...], LinkTarget | None] = {}
        loose: dict[tuple[object, ...], list[LinkTarget | None]] = {}
        for link in self.analysis.graph.body_links.get(document.id, []):
            target = link.resolution.target
            found: LinkTarget | None = None
            if target is not None and target is not document:
                found = LinkTarget(source_link(target.url), f"{target.name}: {target.title}", True)
            elif link.stub is not None:
                stub = link.stub.final()
                found = LinkTarget(source_link(stub.url(prefix)), f"{stub.name}: chưa có trong kho", False)
            elif link.resolution.outcome is not Outcome.AMBIGUOUS:
                continue
            exact.setdefault((*_link_key(link.reference), link.reference.issuer), found)
            choices = loose.setdefault(_link_key(link.reference), [])
            if found not in choices:
                choices.append(found)

        def linker(reference: Reference) -> LinkTarget | None:
            key = _link_key(reference)
            if (*key, reference.issuer) in exact:
                return exact[(*key, reference.issuer)]
            choices = loose.get(key, [])
            return choices[0] if len(choices) == 1 else None

        return linker

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self.crosslinks.linker = None
        document = self.pages.get(page.file.src_uri)
        if document is None or self.analysis is None:
            return html

        url_for = link_maker(page.url)
        graph = self.analysis.graph
        card = render_banner(document, graph, url_for) + render_card(document, self.analysis.archive.registry)
        if not document.body.strip():
            card += render_no_full_text()
        heading_end = html.find("</h1>")
        insert_at = heading_end + len("</h1>") if heading_end >= 0 else 0
        return (
            html[:insert_at]
            + card
            + html[insert_at:]
            + render_panel(document, graph, url_for)
            + render_relations_as_written(document)
        )

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The archive lives outside docs_dir: without this, edits there would not reload the site.
        server.watch(str(self.directives_path))
        return server


def _link_key(reference: Reference) -> tuple[object, ...]:
    return (reference.type, reference.number, reference.symbol, reference.date)


def _page_markdown(document: Document) -> str:
    return f"# {markdown_text(document.name)}\n\n{document.body}"
