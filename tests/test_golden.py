"""Golden files: the generated HTML and SVG of the sample archive, byte for byte.

After an intended change, rewrite them and review the diff:

    VANKIEN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO
from vankien.core.urls import link_maker
from vankien.graph.analysis import Analysis, analyse_archive
from vankien.graph.history import history
from vankien.graph.lineage import lineage
from vankien.web.document_page import render_history, render_lineage
from vankien.web.plan import PagePlan

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("VANKIEN_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def sample() -> Analysis:
    return analyse_archive(REPO / "directives")


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


PAGES: dict[str, Callable[[PagePlan], str]] = {
    "home.html": lambda plan: plan.home().render(link_maker("")),
    "dong-thoi-gian.html": lambda plan: plan.timeline()[0].render(link_maker("dong-thoi-gian/")),
    "co-quan.html": lambda plan: plan.bodies()[0].render(link_maker("co-quan/")),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page(sample: Analysis, name: str) -> None:
    check(name, pretty(PAGES[name](PagePlan(sample.archive, sample.graph))))


def test_lineage_and_history_of_every_document_with_a_cascade(sample: Analysis) -> None:
    written = set()
    for document in sample.archive:
        plan = lineage(sample.graph, document)
        html = render_lineage(plan, link_maker(document.url))
        if not html:
            continue
        name = f"lineage/{document.id}.html"
        check(
            name,
            pretty(
                html + render_history(document, history(sample.graph, document), link_maker(document.url))
            ),
        )
        written.add(name)
    assert written, "the sample archive should show at least one cascade"
    if not UPDATE:
        on_disk = {f"lineage/{p.name}" for p in (GOLDEN / "lineage").glob("*.html")}
        assert on_disk == written, "golden lineage files of documents that no longer have a cascade"
