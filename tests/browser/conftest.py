"""Fixtures for browser tests: a built site, served under a sub-path, and headless Chromium.

- `sample_site` / `synthetic_site` (session): the repository's site built into a tmp folder,
  from the sample archive or from a 300-document synthetic archive (`tests.support.synthetic`);
- `serve(site_dir)` (session): serves a folder over http on 127.0.0.1, random port, under
  `/van-kien/` (proving the site works from a sub-path); returns the base URL;
- `browser` (session): Debian's chromium through Playwright (`executable_path`);
- `page`: a fresh page whose every request is recorded in `page.requests`; after the test,
  any request outside the served site fails it (`allow_outside` marker to opt out).

Without chromium or playwright the tests skip, or fail when CI=true.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.support.headless import CHROMIUM, CHROMIUM_ARGS, serve_site
from vankien.adapters.staged_build import build_site

SUB_PATH = "/van-kien/"
SYNTHETIC_COUNT = 300


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests need {reason} (CI installs it: see .ci/run)")
    pytest.skip(f"browser tests need {reason}")


def build_project(project: Path, site_dir: Path) -> Path:
    """Build the site of `project` (a folder with mkdocs.yml) into `site_dir`, strictly."""
    build_site(project / "mkdocs.yml", site_dir)
    return site_dir


def copy_project(target: Path, directives: Path | None = None) -> Path:
    """mkdocs.yml and docs/ of the repository, with the sample or the given archive."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copytree(directives or REPO / "directives", target / "directives")
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    return build_project(copy_project(root / "project"), root / "site")


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.support.synthetic import generate_archive

    root = tmp_path_factory.mktemp("synthetic")
    generate_archive(root / "archive", SYNTHETIC_COUNT, seed=1)
    return build_project(copy_project(root / "project", root / "archive"), root / "site")


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(site_dir: Path) -> str:
        server, base = serve_site(site_dir, SUB_PATH)
        servers.append(server)
        return base

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _missing(f"chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS)
        )
        yield instance
        instance.close()


class RecordedPage:
    """A Playwright page plus every URL it requested and every script error it raised."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def outside(self, base: str) -> list[str]:
        """Requests that left the site served at `base`."""
        return [u for u in self.requests if not (u.startswith(base) or u.startswith("data:"))]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)


@pytest.fixture
def page(browser: Any) -> Iterator[RecordedPage]:
    context = browser.new_context(service_workers="block")
    recorded = RecordedPage(context.new_page())
    recorded.page.set_default_timeout(15_000)
    yield recorded
    context.close()
