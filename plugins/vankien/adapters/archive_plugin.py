"""`vankien/archive`: one page per document of `directives/`, its card and Lược đồ, the catalogue
and the pages of cited documents the archive does not hold.

The hooks only adapt: the core loads, validates and relates the archive once per build (in
`on_files`, before any page renders and before the other plugins' `on_files`), and the
templates of `vankien.web` produce the HTML.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from vankien.adapters.cached_pages import CACHE_VARIABLE, CachedPages
from vankien.adapters.config import ArchiveConfig, VietnameseOptions
from vankien.adapters.handshake import ARCHIVE_FIRST, CONFIG_ORDER, ArchiveHolder, BuiltArchive
from vankien.adapters.markdown_crosslinks import CrossLinkExtension
from vankien.adapters.page_cache import CacheStats
from vankien.adapters.page_pool import PagePool, in_worker
from vankien.core import urls
from vankien.core.manifest import MANIFEST_PATH, build_manifest, dumps
from vankien.core.markup import flatten_deep_nesting
from vankien.core.model import Document
from vankien.core.problems import Problem, Severity
from vankien.core.urls import link_maker
from vankien.graph.analysis import Analysis, analyse_archive
from vankien.graph.crosslinks import anchors, body_linker
from vankien.graph.stubs import Stub
from vankien.web.catalogue import catalogue_pages, catalogue_title, render_catalogue_page
from vankien.web.csp import with_policy
from vankien.web.document_page import render_document_page
from vankien.web.paginate import Page
from vankien.web.preview import (
    PreviewProblems,
    pages_for_problems,
    render_banner,
    render_file_problems,
    with_banner,
)
from vankien.web.redirect_pages import redirect_pages
from vankien.web.sanitize import sanitize_body
from vankien.web.static import FOLDER as ASSET_FOLDER
from vankien.web.stub_pages import INDEX_TITLE, render_stub_index, render_stub_page, stub_index_url
from vankien.web.templates import Templates
from vankien.web.text import markdown_text, page_title

log = get_plugin_logger("vankien")

STYLESHEET = f"{urls.ASSETS}/vankien.css"
PRINT_STYLESHEET = f"{urls.ASSETS}/print.css"
PRINT_SCRIPT = f"{urls.ASSETS}/print.js"
PRINT_FONTS = "fonts"
"""The print stylesheet's serif (Liberation Serif, SIL OFL) with its licence, under the assets."""

Render = Callable[[urls.UrlFor], str]
"""The HTML of a generated page, given links relative to it."""


class ArchivePlugin(ArchiveHolder, VietnameseOptions, BasePlugin[ArchiveConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.built: BuiltArchive | None = None
        self.directives_path = Path()
        self.crosslinks = CrossLinkExtension()
        self.generated: dict[str, tuple[str, Render]] = {}
        """Source path of each page this plugin generates -> (title, render(url_for) -> HTML)."""
        self.serving = False
        """Under `mkdocs serve`: problems are shown in the pages and never stop the preview."""
        self.preview: PreviewProblems | None = None
        self.pool: PagePool | None = None
        self.pool_warned: dict[str, bool] = {}
        """Whether a worker's rendering of each page logged a warning (such a page is not cached)."""
        self.cached: CachedPages | None = None
        self.handed_over: set[str] = set()
        """Document pages a worker populated (their page events already ran there)."""
        self.last_pool_workers: frozenset[int] = frozenset()
        self.last_cache_stats: CacheStats | None = None
        """Pages taken from the cache and rendered anew in the last build (for tests and logs)."""
        """The processes that populated pages in the last build (for tests)."""
        self.earlier_urls: dict[str, str] = {}
        """Each document file's URL in earlier preview builds (this instance lives across them)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook also keeps the instance across the preview's rebuilds (MkDocs 1.4+).
        self.serving = command == "serve"

    @event_priority(CONFIG_ORDER["vankien/archive"])
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.directives_path = (Path(config.config_file_path).parent / self.config.directives_dir).resolve()
        for stylesheet in (STYLESHEET, PRINT_STYLESHEET):
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        if PRINT_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(PRINT_SCRIPT)
        config.markdown_extensions.append(self.crosslinks)  # Markdown accepts extension instances
        if config.nav and self.config.url_prefix != urls.DOCUMENTS:
            config.nav = _nav_under_prefix(config.nav, self.config.url_prefix)
        return config

    @event_priority(ARCHIVE_FIRST)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        prefix = self.config.url_prefix
        analysis = analyse_archive(
            self.directives_path,
            display_root=f"{self.config.directives_dir.rstrip('/')}/",
            url_prefix=prefix,
            level=self.config.classification,
        )
        self._report(analysis, config)
        _refuse_links_outside(files, config)
        templates = Templates([Path(d) for d in config.theme.dirs])
        built = BuiltArchive(analysis, prefix, templates)
        self.built = built
        self.generated = {}
        for document in analysis.archive:
            src_uri = urls.source_uri(document.url)
            files.append(
                File.generated(
                    config, src_uri, content=_page_markdown(document), inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
            built.documents_by_source[src_uri] = document
            if document.original_path is not None:
                # The original file, for download beside the document's page.
                files.append(
                    File.generated(
                        config,
                        document.url + document.original_path.name,
                        abs_src_path=str(document.original_path),
                    )
                )
        if self.config.catalogue:
            for page in catalogue_pages(analysis.archive, prefix):

                def catalogue(url_for: urls.UrlFor, page: Page[Document] = page) -> str:
                    return render_catalogue_page(analysis.archive, page, url_for, templates)

                # Page 1 is in the nav; the further pages are reached from its pager.
                self._generate(
                    files, config, page.url, catalogue_title(page), catalogue, in_nav=page.number == 1
                )
        for stub in analysis.graph.stubs:

            def stub_page(url_for: urls.UrlFor, stub: Stub = stub) -> str:
                return render_stub_page(stub, url_for, templates)

            self._generate(files, config, stub.url(prefix), stub.name, stub_page, in_nav=False)

        def stub_index(url_for: urls.UrlFor) -> str:
            return render_stub_index(analysis.graph.stubs, prefix, url_for, templates)

        self._generate(files, config, stub_index_url(prefix), INDEX_TITLE, stub_index, in_nav=True)
        if self.serving:
            self._preview_pages(files, config, analysis)
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(ASSET_FOLDER / "vankien.css")))
        for asset in (PRINT_STYLESHEET, PRINT_SCRIPT):
            files.append(
                File.generated(config, asset, abs_src_path=str(ASSET_FOLDER / posixpath.basename(asset)))
            )
        for font in sorted((ASSET_FOLDER / PRINT_FONTS).iterdir()):
            files.append(
                File.generated(config, f"{urls.ASSETS}/{PRINT_FONTS}/{font.name}", abs_src_path=str(font))
            )
        return files

    def _report(self, analysis: Analysis, config: MkDocsConfig) -> None:
        """The archive's problems in the log; a failed archive stops a build, never the preview."""
        # In the preview a strict configuration would count these lines and stop the rebuild,
        # leaving the browser waiting: there they are information, and the pages show them.
        quiet = self.serving and config.strict
        for problem in analysis.problems:
            if quiet or problem.severity is Severity.NOTICE:
                log.info(problem.format())  # a notice never fails a build, strict or not
            elif problem.severity is Severity.ERROR:
                log.error(problem.format())
            else:
                log.warning(problem.format())
        # Withheld documents are counted, never named: not in a page, not in this log.
        if analysis.withheld:
            log.info(
                f"Trang xuất bản văn bản có độ mật đến `{self.config.classification}`: "
                f"{len(analysis.withheld)} văn bản có độ mật cao hơn không được xuất bản."
            )
        hidden_errors, hidden_warnings = len(analysis.hidden.errors), len(analysis.hidden.warnings)
        if hidden_warnings:
            message = (
                f"{hidden_warnings} cảnh báo ở các văn bản không xuất bản trên trang này; "
                "xem bằng `vankien check`."
            )
            (log.info if quiet else log.warning)(message)
        if not analysis.ok and not self.serving:
            where = "xem các dòng trên" + (
                "; có lỗi ở văn bản không xuất bản trên trang này" if hidden_errors else ""
            )
            raise PluginError(
                f"Kho văn bản có {len(analysis.problems.errors) + hidden_errors} lỗi ({where}); "
                "sửa rồi chạy lại, hoặc kiểm tra bằng `vankien check`."
            )
        if self.serving and not analysis.ok:
            log.info("Bản xem trước vẫn chạy: các trang hiển thị lỗi trên; bản dựng chính thức sẽ dừng.")

    def _preview_pages(self, files: Files, config: MkDocsConfig, analysis: Analysis) -> None:
        """The preview's record of problems, and a page for each document that did not load."""
        document_urls = {d.path: d.url for d in analysis.archive}
        # A file that did not load may be of any level: the editor has it, so the preview names
        # its problems (the site never does); those of withheld documents stay counted only.
        unloaded = set(analysis.unloaded)
        named = [p for p in analysis.hidden if p.path in unloaded]
        hidden = [p for p in analysis.hidden if p.path not in unloaded]
        problems = [*analysis.problems, *named]
        for problem in named:
            log.info(problem.format())
        pages = pages_for_problems(
            problems,
            document_urls,
            self.earlier_urls,
            [*document_urls, *unloaded],
            self.config.url_prefix,
        )
        self.earlier_urls.update(document_urls)
        self.preview = PreviewProblems(
            tuple(problems),
            pages,
            hidden_errors=sum(p.severity is Severity.ERROR for p in hidden),
            hidden_warnings=sum(p.severity is Severity.WARNING for p in hidden),
        )
        templates = self.built.templates if self.built else Templates()
        for path, url in pages.items():
            if path in document_urls:
                continue

            def broken(url_for: urls.UrlFor, path: str = path) -> str:
                assert self.preview is not None
                return render_file_problems(self.preview.of_file(path), templates)

            self._generate(files, config, url, f"Văn bản đang lỗi: {path}", broken, in_nav=False)

    def _generate(
        self, files: Files, config: MkDocsConfig, url: str, title: str, render: Render, *, in_nav: bool
    ) -> None:
        """A page whose Markdown is only its title; its HTML is added in `on_page_content`."""
        src_uri = urls.source_uri(url)
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(
            File.generated(config, src_uri, content=f"# {markdown_text(title)}\n", inclusion=inclusion)
        )
        self.generated[src_uri] = (title, render)

    @event_priority(-100)  # last: the navigation and every file are final
    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.handed_over = set()
        self.cached = None
        self.last_pool_workers = frozenset()
        self.last_cache_stats = None
        if self.built is None:
            return nav
        if os.environ.get(CACHE_VARIABLE, "1") != "0":
            preview = self.preview

            def shows_problems(document: Document) -> bool:
                return bool(self.serving and preview is not None and preview.of_file(document.path))

            self.cached = CachedPages.open(
                config,
                self.built,
                level=self.config.classification,
                registry=self.directives_path / "co-quan.yml",
                uncacheable=shows_problems,
            )
            for notice in self.cached.cache.notices:
                log.info(notice)
        pages = [
            file.src_uri
            for file in files.documentation_pages()
            if file.src_uri in self.built.documents_by_source
            and not (self.cached is not None and self.cached.hit(file.src_uri) is not None)
        ]
        self.pool = PagePool.start(config, files, pages, serving=self.serving)
        return nav

    @event_priority(ARCHIVE_FIRST)
    def on_pre_page(self, page: MkDocsPage, /, *, config: MkDocsConfig, files: Files) -> MkDocsPage | None:
        src_uri = page.file.src_uri
        cached = self.cached.hit(src_uri) if self.cached is not None else None
        if cached is not None and self.cached is not None:
            self.cached.hand_over(page, cached)
            self.handed_over.add(src_uri)
        elif self.pool is not None and self.pool.holds(src_uri):
            result = self.pool.hand_over(page, files)
            self.handed_over.add(src_uri)
            self.pool_warned[src_uri] = any(r.levelno >= logging.WARNING for r in result.records)
        elif self.cached is not None and src_uri in self.cached.keys:
            self.cached.watch()
        return page

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.cached is not None:
            for notice in self.cached.finish():
                log.info(notice)
            stats = self.last_cache_stats = self.cached.cache.stats
            log.info(f"Bộ nhớ đệm trang: dùng lại {stats.hits} trang văn bản, dựng lại {stats.misses} trang.")
            self.cached = None
        if self.pool is not None:
            self.last_pool_workers = frozenset(self.pool.worker_pids)
            self.pool.close()
            self.pool = None
        return self._address_files_env(env, config=config, files=files)

    def on_build_error(self, *, error: Exception) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None

    @event_priority(ARCHIVE_FIRST)
    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.crosslinks.linker = None
        self.crosslinks.anchors = frozenset()
        if self.built is None or page.file.src_uri in self.handed_over:
            return markdown
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            page.meta["title"] = page_title(generated[0])
            return markdown
        document = self.built.document_of(page)
        if document is None and self.config.url_prefix != urls.DOCUMENTS:
            return _links_under_prefix(markdown, page.file.src_uri, self.config.url_prefix)
        if document is not None:
            graph = self.built.analysis.graph
            page.meta["title"] = page_title(document.name)
            self.crosslinks.anchors = anchors(document, graph)
            self.crosslinks.linker = body_linker(
                document, graph, self.config.url_prefix, _source_link(page.file.src_uri)
            )
        return markdown

    @event_priority(ARCHIVE_FIRST)
    def on_page_content(
        self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.crosslinks.linker = None
        if self.built is None:
            return html
        if page.file.src_uri in self.handed_over:
            warned = self.pool_warned.pop(page.file.src_uri, None)
            if self.cached is not None and warned is not None:
                self.cached.store(page, warned=warned)
            return html
        url_for = link_maker(page.url)
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            return html + generated[1](url_for)
        document = self.built.document_of(page)
        if document is None:
            return html
        # The editor's body is text, not code: only the allow-listed markup reaches the page.
        html = sanitize_body(html)
        heading_end = html.find("</h1>")
        split_at = heading_end + len("</h1>") if heading_end >= 0 else 0
        page_html = render_document_page(document, html[split_at:], self.built.page_context, url_for)
        if self.serving and self.preview is not None and self.preview.of_file(document.path):
            page_html = (
                render_file_problems(self.preview.of_file(document.path), self.built.templates) + page_html
            )
        page.content = html[:split_at] + page_html
        if self.cached is not None and not in_worker():
            self.cached.store(page)
        return page.content

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        # Every page, hand-written ones too: scripts only from the site or by the hash of the
        # theme's own inline code.
        if not self.serving:
            return with_policy(output, page.content or "")
        if self.preview is not None and not self.preview.empty and self.built is not None:
            banner = render_banner(self.preview, link_maker(page.url), self.built.templates)
            output = with_banner(output, banner)
        return with_policy(output, page.content or "", preview=True)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # The 404 page is a template of the site (no page content): its inline script is the
        # site's own, allowed by hash like the theme's.
        if template_name == "404.html":
            return with_policy(output_content, preview=self.serving)
        return output_content

    def _address_files_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # Here every plugin and the theme have added their files: a redirect page is checked
        # against all of them, so it never replaces a page, whoever made it.
        if self.built is not None:
            _add_address_files(
                files,
                config,
                self.built,
                level=self.config.classification,
                shown_root=f"{self.config.directives_dir.rstrip('/')}/",
                serving=self.serving,
            )
        return env

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The archive lives outside docs_dir: without this, edits there would not reload the site.
        server.watch(str(self.directives_path))
        return server


def _add_address_files(
    files: Files, config: MkDocsConfig, built: BuiltArchive, *, level: str, shown_root: str, serving: bool
) -> None:
    """The pages at documents' old addresses (`redirect_from`) and the URL manifest of the
    published documents, for the publishing step and `vankien check`."""
    published = list(built.analysis.archive)
    taken = {file.dest_uri for file in files}
    for page in redirect_pages(published, config.site_name, built.templates):
        if page.path in taken:
            problem = Problem(
                page.document.path,
                page.line,
                Severity.ERROR,
                "redirect-collision",
                f"địa chỉ cũ /{page.old} trùng một trang khác của trang web; xóa dòng này",
            )
            # As the archive's own problems: never what stops the preview.
            (log.info if serving else log.error)(problem.format())
            continue
        files.append(File.generated(config, page.path, content=page.html))
    manifest = build_manifest(built.analysis.archive, level, built.url_prefix, shown_root)
    files.append(File.generated(config, MANIFEST_PATH, content=dumps(manifest)))


def _source_link(page_src_uri: str) -> urls.UrlFor:
    """Links to source files, so MkDocs rewrites them for the page and validates them."""
    here = posixpath.dirname(page_src_uri)

    def link(url: str) -> str:
        return posixpath.relpath(urls.source_uri(url), here or ".")

    return link


def _refuse_links_outside(files: Files, config: MkDocsConfig) -> None:
    """Nothing outside docs/ (and the archive) is read into the site: a symlink in docs/ that
    points elsewhere stops the build."""
    docs = Path(config.docs_dir).resolve()
    for file in files:
        source = file.abs_src_path
        # Only what docs/ contributes: the theme's own files live in the installed theme.
        if source is None or file.generated_by is not None or file.src_dir is None:
            continue
        if Path(file.src_dir).resolve() != docs:
            continue
        real = Path(source).resolve()
        if real != docs and docs not in real.parents:
            raise PluginError(
                f"tệp `{file.src_uri}` trong thư mục trang là liên kết trỏ ra ngoài thư mục đó; "
                "không xuất bản tệp ngoài kho — chép tệp vào hoặc xóa liên kết"
            )


def _page_markdown(document: Document) -> str:
    return f"# {markdown_text(document.name)}\n\n{flatten_deep_nesting(document.body)}"


def _links_under_prefix(markdown: str, src_uri: str, prefix: str) -> str:
    """A hand-written page's links to generated pages under the default prefix, moved under `prefix`
    (the editor guide links "van-ban/chua-luu-tru/index.md" whatever `url_prefix` says)."""
    default = posixpath.relpath(urls.DOCUMENTS, posixpath.dirname(src_uri) or ".")
    moved = posixpath.relpath(prefix, posixpath.dirname(src_uri) or ".")
    return re.sub(rf"\]\({re.escape(default)}/", f"]({moved}/", markdown)


def _nav_under_prefix(nav: Any, prefix: str) -> Any:
    """The nav with entries written under the default prefix ("van-ban/index.md") moved under `prefix`:
    mkdocs.yml names the generated catalogue and stub index once, whatever `url_prefix` says."""
    if isinstance(nav, list):
        return [_nav_under_prefix(item, prefix) for item in nav]
    if isinstance(nav, dict):
        return {title: _nav_under_prefix(item, prefix) for title, item in nav.items()}
    if isinstance(nav, str) and nav.startswith(f"{urls.DOCUMENTS}/"):
        return f"{prefix}/{nav[len(urls.DOCUMENTS) + 1 :]}"
    return nav
