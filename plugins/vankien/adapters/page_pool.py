"""Document pages read and converted on every core, handed to MkDocs' serial page loop.

MkDocs reads, converts and decorates one page after another: for an archive that is Python-
Markdown over every body plus the archive's page parts, most of a build, on one core. Once the
navigation is known (every file, every plugin's configuration and the related archive are in
memory), worker processes are forked: each runs, for a document page, exactly what MkDocs' own
loop runs (`on_pre_page`, `read_source`, `on_page_markdown`, `render`, `on_page_content` of every
plugin), and sends back the page's state. The main process then installs that state instead of
doing the work, so the HTML is the same as a serial build's (a test compares them).

Log records a worker emits (a warning about a link, say) travel back with the page and are
emitted again in the main process, in page order, so `--strict` counts them as before.

Workers are only forked where it is safe and worth it: on systems that fork, outside
`mkdocs serve` (whose server threads do not survive a fork), for archives of at least
`MIN_PAGES` documents, and only when every page event of the build belongs to this package's
plugins (a third-party plugin's page events could have effects a worker would lose).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.pool import Pool
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

MIN_PAGES = 300
"""Below this many document pages, forking and collecting costs more than it saves."""
CHUNK = 8
"""Pages a worker takes at a time: few enough to keep both cores busy to the end."""
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
OWN_PACKAGE = "vankien."

_work: tuple[MkDocsConfig, Files] | None = None
"""What a worker reads its pages from: the main process's config and files, inherited by fork."""


@dataclass
class PopulatedPage:
    """A page's state after MkDocs' page events and conversion, as a worker left it."""

    src_uri: str
    markdown: str
    content: str
    toc: TableOfContents
    meta: dict[str, Any]
    title_from_render: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by their source path (File objects stay in each process)."""
    records: list[logging.LogRecord]
    worker: int
    """The process that populated it."""

    def install(self, page: Page, files: Files) -> None:
        """Give the main process's page the state the worker computed."""
        page.markdown = self.markdown
        page.content = self.content
        page.toc = self.toc
        page.meta = self.meta
        page._title_from_render = self.title_from_render
        page.present_anchor_ids = self.present_anchor_ids
        if self.links_to_anchors is not None:
            links = {}
            for src_uri, anchors in self.links_to_anchors.items():
                target = files.get_file_from_path(src_uri)
                if target is not None:
                    links[target] = anchors
            page.links_to_anchors = links
        for record in self.records:
            logging.getLogger(record.name).handle(record)


class _Collect(logging.Handler):
    """Keeps a worker's log records to send them back with the page."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Arguments and tracebacks may not cross processes: the message is formatted here.
        record.msg = record.getMessage()
        record.args = None
        record.exc_info = None
        record.exc_text = None
        self.records.append(record)


_collect = _Collect()


_in_worker = False


def in_worker() -> bool:
    """Whether this process is one of the workers (which leave writing the cache to the main one)."""
    return _in_worker


def _start_worker() -> None:
    """In each worker: its log lines are collected for the main process, never printed here."""
    global _in_worker
    _in_worker = True
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(_collect)


def _populate(src_uri: str) -> PopulatedPage:
    assert _work is not None
    config, files = _work
    file = files.get_file_from_path(src_uri)
    assert file is not None
    page = file.page if file.page is not None else Page(None, file, config)
    _collect.records = []
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    finally:
        config._current_page = None
    links = (
        {target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
        if page.links_to_anchors is not None
        else None
    )
    return PopulatedPage(
        src_uri,
        page.markdown,
        page.content,
        page.toc,
        dict(page.meta),
        page._title_from_render,
        page.present_anchor_ids,
        links,
        list(_collect.records),
        os.getpid(),
    )


def only_own_page_events(config: MkDocsConfig) -> bool:
    """Whether every plugin that acts on pages is one of this package's (see the module's note)."""
    for event in PAGE_EVENTS:
        for method in config.plugins.events.get(event, []):
            module = getattr(method, "__module__", "") or ""
            if not module.startswith(OWN_PACKAGE):
                return False
    return True


WORKERS_VARIABLE = "VANKIEN_WORKERS"
"""How many worker processes populate pages (default: one per core this process may use); 1
builds serially, as MkDocs alone would."""


def worker_count() -> int:
    wanted = os.environ.get(WORKERS_VARIABLE, "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class PagePool:
    """Document pages populated by forked workers, taken in the order MkDocs asks for them."""

    def __init__(self, config: MkDocsConfig, files: Files, src_uris: Sequence[str], processes: int) -> None:
        global _work
        _work = (config, files)
        context = multiprocessing.get_context("fork")
        # Objects that exist before the fork are left out of the collector's passes, so a worker
        # does not write to (and so copy) every page of memory it shares with this process.
        gc.collect()
        gc.freeze()
        self.processes = processes
        self._pool: Pool | None = context.Pool(processes, initializer=_start_worker)
        self._pending = set(src_uris)
        self._results: Iterator[PopulatedPage] = self._pool.imap(_populate, list(src_uris), CHUNK)
        self._ready: dict[str, PopulatedPage] = {}
        self.worker_pids: set[int] = set()

    @classmethod
    def start(
        cls, config: MkDocsConfig, files: Files, src_uris: Sequence[str], *, serving: bool
    ) -> PagePool | None:
        """A pool for these pages, or None where workers are not safe or not worth it."""
        processes = worker_count()
        if (
            serving
            or processes < 2
            or len(src_uris) < MIN_PAGES
            or "fork" not in multiprocessing.get_all_start_methods()
            or not only_own_page_events(config)
        ):
            return None
        return cls(config, files, src_uris, processes)

    def holds(self, src_uri: str) -> bool:
        return src_uri in self._pending

    def take(self, src_uri: str) -> PopulatedPage:
        """The page's state; waits for the workers to reach it."""
        while src_uri not in self._ready:
            result = next(self._results)
            self._ready[result.src_uri] = result
        self._pending.discard(src_uri)
        result = self._ready.pop(src_uri)
        self.worker_pids.add(result.worker)
        return result

    def hand_over(self, page: Page, files: Files) -> PopulatedPage:
        """Make MkDocs' own reading and rendering of `page` install what a worker computed."""
        result = self.take(page.file.src_uri)

        def read_source(config: MkDocsConfig) -> None:
            page.markdown = result.markdown
            page.meta = dict(result.meta)

        def render(config: MkDocsConfig, files_: Files) -> None:
            result.install(page, files)

        setattr(page, "read_source", read_source)  # noqa: B010 - an instance's own method
        setattr(page, "render", render)  # noqa: B010
        return result

    def close(self) -> None:
        self._stop(terminate=False)

    def terminate(self) -> None:
        self._stop(terminate=True)

    def _stop(self, *, terminate: bool) -> None:
        global _work
        if self._pool is not None:
            if terminate:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None
            gc.unfreeze()
        _work = None
