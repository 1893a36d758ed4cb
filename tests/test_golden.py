"""Golden files: every HTML fragment of a frozen fixture archive, and the search catalogue's format.

The fixture archive (`tests/fixtures/archive/`) is a frozen copy of the sample archive as it
was when these files were written: the live sample in `directives/` may change, these do not.
One file per fragment and document: card, Lược đồ panel, relations as written, cascade and
history, stub pages and their index, catalogue, home, timeline, bodies, and the search
catalogue (`catalogue.json`), so a change shows exactly what it changed.

After an intended change, rewrite them and review the diff:

    VANKIEN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TODAY
from vankien.core.urls import link_maker
from vankien.graph.analysis import Analysis, analyse_archive
from vankien.graph.history import history, validity_history
from vankien.graph.implementation import overview
from vankien.graph.lineage import lineage
from vankien.search.index import Entry, build_index
from vankien.web.catalogue import catalogue_pages, render_catalogue_page
from vankien.web.document_page import (
    render_card,
    render_history,
    render_lineage,
    render_overview,
    render_panel,
    render_relations_as_written,
)
from vankien.web.links import BrowseLinks
from vankien.web.plan import PagePlan
from vankien.web.stub_pages import render_stub_index, render_stub_page, stub_index_url

GOLDEN = Path(__file__).parent / "golden"
FIXTURE = Path(__file__).parent / "fixtures" / "archive"
UPDATE = os.environ.get("VANKIEN_UPDATE_GOLDEN") == "1"
PREFIX = "van-ban"


@pytest.fixture(scope="module")
def fixture() -> Analysis:
    return analyse_archive(FIXTURE, today=TODAY)


def pretty(html: str) -> str:
    """One tag per line, so a golden diff shows what moved."""
    return html.replace("><", ">\n<") + "\n"


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"missing golden {path}; run with VANKIEN_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; review, then VANKIEN_UPDATE_GOLDEN=1"


def check_folder(folder: str, written: set[str]) -> None:
    """No golden file is left over from a document or stub the fixture no longer produces."""
    if not UPDATE:
        on_disk = {f"{folder}/{p.name}" for p in (GOLDEN / folder).glob("*.html")}
        assert on_disk == written, f"golden files of {folder}/ that nothing renders any more"


def test_the_fixture_archive_is_clean(fixture: Analysis) -> None:
    assert [p.format() for p in fixture.problems] == []


PAGES: dict[str, Callable[[PagePlan], str]] = {
    "home.html": lambda plan: plan.home().render(link_maker("")),
    "dong-thoi-gian.html": lambda plan: plan.timeline()[0].render(link_maker("dong-thoi-gian/")),
    "co-quan.html": lambda plan: plan.bodies()[0].render(link_maker("co-quan/")),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page(fixture: Analysis, name: str) -> None:
    check(name, pretty(PAGES[name](PagePlan(fixture.archive, fixture.graph))))


# Fragments of each document's page: (folder, render(document, analysis, url_for) -> HTML).
DOCUMENT_FRAGMENTS: dict[str, Callable[..., str]] = {
    "card": lambda d, a, url_for: render_card(
        d, a.archive.registry, links=BrowseLinks.of(a.archive), url_for=url_for
    ),
    "panel": lambda d, a, url_for: render_panel(d, a.graph, url_for, PREFIX),
    "relations": lambda d, a, url_for: render_relations_as_written(d, a.graph, url_for, PREFIX),
}


@pytest.mark.parametrize("fragment", sorted(DOCUMENT_FRAGMENTS))
def test_document_fragments(fixture: Analysis, fragment: str) -> None:
    written = set()
    for document in fixture.archive:
        html = DOCUMENT_FRAGMENTS[fragment](document, fixture, link_maker(document.url))
        if html:
            name = f"{fragment}/{document.id}.html"
            check(name, pretty(html))
            written.add(name)
    assert written
    check_folder(fragment, written)


def test_lineage_and_history_of_every_document_with_a_cascade(fixture: Analysis) -> None:
    written = set()
    for document in fixture.archive:
        url_for = link_maker(document.url)
        html = render_lineage(lineage(fixture.graph, document), url_for)
        if not html:
            continue
        name = f"lineage/{document.id}.html"
        events, validity = history(fixture.graph, document), validity_history(fixture.graph, document)
        found = overview(fixture.graph, document)
        check(
            name,
            pretty(
                render_overview(document, found, fixture.graph, url_for)
                + html
                + render_history(document, events, url_for, validity_events=validity)
            ),
        )
        written.add(name)
    assert written, "the fixture archive should show at least one cascade"
    check_folder("lineage", written)


def test_stub_pages_and_their_index(fixture: Analysis) -> None:
    written = set()
    for stub in fixture.graph.stubs:
        url = stub.url(PREFIX)
        name = f"stub/{stub.slug}.html"
        check(name, pretty(render_stub_page(stub, link_maker(url))))
        written.add(name)
    assert written
    check_folder("stub", written)
    index_url = stub_index_url(PREFIX)
    check("stub-index.html", pretty(render_stub_index(fixture.graph.stubs, PREFIX, link_maker(index_url))))


def test_catalogue(fixture: Analysis) -> None:
    (page,) = catalogue_pages(fixture.archive, PREFIX)
    check("catalogue.html", pretty(render_catalogue_page(fixture.archive, page, link_maker(page.url))))


def test_search_catalogue_format(fixture: Analysis) -> None:
    built = build_index([Entry.of(document) for document in fixture.archive])
    check("search-catalogue.json", json.dumps(built.catalogue, ensure_ascii=False, indent=1) + "\n")
