"""The editor's preview never freezes (issue 14, item 1).

A real `mkdocs serve` on a loopback port, from a copy of the repository's project, with the
configuration's `strict: true` (the harder case: `make serve` also passes `--no-strict`). With a
page open in Chromium, a document is broken and mended on disk:
- an issuer missing from the registry (a warning): the open page reloads by itself and shows the
  banner naming `file:line: cảnh báo: …`; the terminal says the same;
- broken YAML (an error, the document no longer loads): the document's own address now shows
  its problem, the banner counts the error, the server keeps answering;
- the file mended: banner and problems disappear by themselves.
A built site never carries the preview's banner.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import SERVED, RecordedPage
from tests.support.project import copy_project, free_port

pytestmark = pytest.mark.browser

DOCUMENT = "directives/2023/39-hd-btgtu.md"
DOCUMENT_URL = "van-ban/2023/39-hd-btgtu/"
BANNER = "[data-vankien-preview]"


def _wait_until_served(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("mkdocs serve stopped:\n" + log.read_text("utf-8", "replace"))
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("mkdocs serve did not answer:\n" + log.read_text("utf-8", "replace"))


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_served(base, process, log)
        SERVED.append(base)
        yield project, base, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if base in SERVED:
            SERVED.remove(base)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_broken_document_shows_in_the_open_page_and_mending_it_clears_it(
    preview: tuple[Path, str, Path], page: RecordedPage
) -> None:
    from playwright.sync_api import expect

    project, base, log = preview
    document = project / DOCUMENT
    original = document.read_text("utf-8")
    page.goto(base + DOCUMENT_URL)
    expect(page.locator(".vk-card")).to_be_visible()
    expect(page.locator(BANNER)).to_have_count(0)

    # A warning: the page open in the browser reloads by itself and says what and where.
    _edit(document, "issuer: Ban Tuyên giáo Tỉnh ủy Bắc Kạn", "issuer: Ban Tuyên giáo Tỉnh ủy Không Có")
    banner = page.locator(f"{BANNER}.vk-preview:not(.vk-preview--page)")
    expect(banner).to_contain_text(f"{DOCUMENT}:4", timeout=30_000)
    expect(banner).to_contain_text("cảnh báo")
    expect(page.locator(".vk-preview--page")).to_contain_text("Ban Tuyên giáo Tỉnh ủy Không Có")
    assert f"{DOCUMENT}:4: cảnh báo:" in log.read_text("utf-8", "replace")

    # An error that stops the document loading: its address shows why; other pages still serve.
    _edit(document, "date: 26/06/2023", "date: [26/06")
    expect(page.locator(".vk-preview--page")).to_contain_text("YAML", timeout=30_000)
    expect(page.locator(".vk-preview--page")).to_contain_text(f"{DOCUMENT}:6")
    expect(banner).to_contain_text("lỗi")
    page.goto(base)
    expect(page.locator(BANNER)).to_contain_text(f"{DOCUMENT}:6")
    page.locator(f"{BANNER} a", has_text=f"{DOCUMENT}:6").click()
    expect(page.locator(".vk-preview--page")).to_contain_text("YAML")

    # Mended: everything goes by itself.
    document.write_text(original, "utf-8")
    expect(page.locator(".vk-card")).to_be_visible(timeout=30_000)
    expect(page.locator(BANNER)).to_have_count(0)


def test_a_built_site_never_carries_the_preview(sample_site: Path) -> None:
    for html in sample_site.rglob("*.html"):
        text = html.read_text("utf-8")
        assert "data-vankien-preview" not in text, html
        assert "'unsafe-inline'" not in text.split("script-src", 1)[-1].split(";", 1)[0], html


def test_the_preview_keeps_live_reload_working_under_its_policy(
    preview: tuple[Path, str, Path], browser: Any
) -> None:
    """MkDocs adds its live-reload call inline to every response: the preview's policy allows it."""
    _, base, _ = preview
    context = browser.new_context(service_workers="block")
    recorded = RecordedPage(context.new_page())
    try:
        recorded.goto(base)
        recorded.wait_for_function("() => typeof window.livereload === 'function'")
        assert recorded.errors == []
    finally:
        context.close()
