"""Fixtures for browser tests: a built site, served under a sub-path, and headless Chromium.

- `sample_site` / `synthetic_site` (session): the repository's site built into a tmp folder,
  from the sample archive or from a 300-document synthetic archive (`tests.support.synthetic`);
- `serve(site_dir)` (session): serves a folder over http on 127.0.0.1, random port, under
  `/van-kien/` (proving the site works from a sub-path); returns the base URL;
- `nginx(site_dir, port=None)` (session): the same with Debian's nginx and the repository's
  server block `deploy/nginx/van-kien.conf` (`tests.support.nginx`); returns the running server;
- `browser` (session): Debian's chromium through Playwright (`executable_path`);
- `page`: a fresh page whose every request and script error is recorded; after the test, a
  request outside the served sites or a script error fails it, with no assertion to write.

Waiting is Playwright's `expect(...)`, which retries until the page is as asserted (never a
fixed sleep). Without chromium or playwright the tests skip, or fail when CI=true
(`tests.support.environment.require`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.environment import require
from tests.support.headless import CHROMIUM, CHROMIUM_ARGS, serve_site
from tests.support.nginx import NGINX, NginxServer, start_nginx
from tests.support.project import copy_project
from vankien.adapters.staged_build import build_site

SUB_PATH = "/van-kien/"
SERVED: list[str] = []
"""Base URLs of the sites served in this session: the only places a page may fetch from."""
SYNTHETIC_COUNT = 300


def build_project(project: Path, site_dir: Path) -> Path:
    """Build the site of `project` (a folder with mkdocs.yml) into `site_dir`, strictly."""
    build_site(project / "mkdocs.yml", site_dir)
    return site_dir


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
        SERVED.append(base)
        return base

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., NginxServer]]:
    servers: list[NginxServer] = []

    def start(site_dir: Path, port: int | None = None) -> NginxServer:
        require(Path(NGINX).exists(), f"nginx ở {NGINX} (make test cài nó khi chạy với quyền root)")
        server = start_nginx(site_dir, tmp_path_factory.mktemp("nginx"), port=port)
        servers.append(server)
        SERVED.append(server.base)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "gói playwright (make test cài nó vào .venv)")
    require(Path(CHROMIUM).exists(), f"chromium ở {CHROMIUM} (make test cài nó khi chạy với quyền root)")
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
        # A script the page's Content-Security-Policy refused is an error too (the policy must
        # allow every script the site itself ships, and nothing else).
        page.on(
            "console",
            lambda message: (
                self.errors.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        self.dialogs: list[str] = []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def outside(self, base: str | None = None) -> list[str]:
        """Requests that left the site served at `base` (by default: every site the tests serve)."""
        bases = [base] if base else SERVED
        return [
            u for u in self.requests if not (u.startswith("data:") or any(u.startswith(b) for b in bases))
        ]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)


@pytest.fixture
def page(browser: Any) -> Iterator[RecordedPage]:
    context = browser.new_context(service_workers="block")
    recorded = RecordedPage(context.new_page())
    recorded.page.set_default_timeout(15_000)
    yield recorded
    context.close()
    # Every browser test checks, without writing it, that nothing left the site and no script failed.
    assert recorded.outside() == [], "requests outside the site"
    assert recorded.errors == [], "script errors"
    assert recorded.dialogs == [], "dialogs opened"
