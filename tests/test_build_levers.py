"""The build's levers at scale, on a synthetic archive large enough to use them (issue 16).

- Worker processes: pages populated by at least two forked workers give the same site, byte for
  byte, as a serial build.
- The page cache: a second build takes every document page from it and is byte-identical; after
  one document's title is edited, exactly the pages that show that document are rendered again
  (counted against `graph.dependencies`), the rest are reused, and the result is byte-identical
  to a cold build of the edited archive; a corrupt cache is ignored with a notice and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.support.project import copy_project
from tests.support.synthetic import generate_archive
from vankien.adapters.page_pool import MIN_PAGES
from vankien.graph.analysis import analyse_archive
from vankien.graph.dependencies import page_dependencies
from vankien.graph.related import RelatedIndex

COUNT = MIN_PAGES + 40


def _tree(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _build(project: Path, site: Path, **env: str) -> Any:
    """Build in this process (the plugin's counters stay readable); returns the archive plugin."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        build(config)
        return config.plugins["vankien/archive"]
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("levers") / "directives"
    generate_archive(folder, COUNT, seed=1)
    return folder


@pytest.fixture
def project(tmp_path: Path, archive: Path) -> Iterator[Path]:
    yield copy_project(tmp_path / "project", archive)


def test_workers_build_the_same_site_as_a_serial_build(project: Path, tmp_path: Path) -> None:
    pooled = _build(project, tmp_path / "pooled", VANKIEN_WORKERS="2", VANKIEN_CACHE="0")
    assert len(pooled.last_pool_workers) >= 2
    assert os.getpid() not in pooled.last_pool_workers
    serial = _build(project, tmp_path / "serial", VANKIEN_WORKERS="1", VANKIEN_CACHE="0")
    assert serial.last_pool_workers == frozenset()
    assert _tree(tmp_path / "pooled") == _tree(tmp_path / "serial")


def _most_shown(project: Path) -> tuple[Path, str, int]:
    """The document most other pages show, its file, and how many pages show it (itself included)."""
    analysis = analyse_archive(project / "directives", level="thường")
    related = RelatedIndex(analysis.archive, analysis.graph)
    shown_by: dict[str, int] = {}
    for document in analysis.archive:
        for dependency in page_dependencies(document, analysis.graph, related).ids:
            shown_by[dependency] = shown_by.get(dependency, 0) + 1
    target_id = max((d.id for d in analysis.archive), key=lambda i: (shown_by.get(i, 0), i))
    target = next(d for d in analysis.archive if d.id == target_id)
    return project / "directives" / target.path.split("/", 1)[1], target_id, shown_by[target_id] + 1


def test_the_cache_reuses_every_page_and_renders_again_exactly_those_an_edit_reaches(
    project: Path, tmp_path: Path
) -> None:
    cold = _build(project, tmp_path / "cold")
    documents = cold.last_cache_stats.misses
    assert cold.last_cache_stats.hits == 0 and documents >= COUNT - 5
    assert (project / ".cache" / "vankien").is_dir()
    again = _build(project, tmp_path / "again")
    assert (again.last_cache_stats.hits, again.last_cache_stats.misses) == (documents, 0)
    assert _tree(tmp_path / "again") == _tree(tmp_path / "cold")

    path, _, pages_showing = _most_shown(project)
    text = path.read_text(encoding="utf-8")
    # Inside the quotes when the title is quoted: the edit changes the title, nothing else.
    edited_text = re.sub(r'^title: (.+?)("?)$', r"title: \1 (đã sửa)\2", text, count=1, flags=re.M)
    assert edited_text != text
    path.write_text(edited_text, "utf-8")
    edited = _build(project, tmp_path / "edited")
    assert edited.last_cache_stats.misses == pages_showing > 2
    assert edited.last_cache_stats.hits == documents - pages_showing
    shutil.rmtree(project / ".cache")
    fresh = _build(project, tmp_path / "fresh")
    assert fresh.last_cache_stats.hits == 0
    assert _tree(tmp_path / "edited") == _tree(tmp_path / "fresh")


def test_a_corrupt_cache_is_ignored_with_a_notice_and_rebuilt(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _build(project, tmp_path / "first")
    cache = project / ".cache" / "vankien"
    (cache / "manifest.json").write_text("{không phải JSON", encoding="utf-8")
    for entry in list((cache / "pages").rglob("*"))[:20]:
        if entry.is_file():
            entry.write_bytes(b"\x00garbage")
    with caplog.at_level("INFO"):
        broken = _build(project, tmp_path / "second")
    assert broken.last_cache_stats.hits == 0
    assert any("bộ nhớ đệm" in record.getMessage().lower() for record in caplog.records)
    assert _tree(tmp_path / "second") == _tree(tmp_path / "first")
    rebuilt = _build(project, tmp_path / "third")
    assert rebuilt.last_cache_stats.misses == 0
