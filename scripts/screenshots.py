"""Retake the pictures of the README and the editor guide from the built sample site.

    .venv/bin/python scripts/screenshots.py [--out docs/assets/anh] [--chromium /usr/bin/chromium]

Builds the sample archive into a temporary folder, serves it on 127.0.0.1, and takes, in
headless Chromium driven by Playwright: the timeline of issuance (`dong-thoi-gian.png`) and
the page of the document with the longest cascade, scrolled to its lineage
(`qua-trinh-trien-khai.png`) and to its Lược đồ (`luoc-do.png`), at 1366 px; the top of
the same page on a 360 px phone (`dien-thoai.png`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.headless import CHROMIUM, CHROMIUM_ARGS, serve_site

from vankien.adapters.staged_build import build_site
from vankien.graph.analysis import analyse_archive
from vankien.graph.lineage import lineage

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "assets" / "anh")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    analysis = analyse_archive(REPO / "directives")
    showcase = max(
        analysis.archive,
        key=lambda d: (
            d.date is not None,
            len(lineage(analysis.graph, d).ancestors) > 0,
            lineage(analysis.graph, d).descendant_count,
            d.path,
        ),
    )
    workdir = Path(tempfile.mkdtemp(prefix="vankien-shots-"))
    try:
        site = workdir / "site"
        build_site(REPO / "mkdocs.yml", site)
        server, base = serve_site(site)
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=args.chromium, headless=True, args=list(CHROMIUM_ARGS)
            )
            page = browser.new_page(viewport={"width": 1366, "height": 900}, device_scale_factor=1)
            page.goto(base + "dong-thoi-gian/")
            page.screenshot(path=str(args.out / "dong-thoi-gian.png"))
            page.goto(base + showcase.url)
            page.locator("#qua-trinh-trien-khai").scroll_into_view_if_needed()
            page.evaluate("document.querySelector('#qua-trinh-trien-khai').scrollIntoView()")
            page.screenshot(path=str(args.out / "qua-trinh-trien-khai.png"))
            page.evaluate("document.querySelector('#luoc-do').scrollIntoView()")
            page.screenshot(path=str(args.out / "luoc-do.png"))
            phone = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=1)
            phone.goto(base + showcase.url)
            phone.screenshot(path=str(args.out / "dien-thoai.png"))
            browser.close()
        server.shutdown()
        for name in ("dong-thoi-gian", "qua-trinh-trien-khai", "luoc-do", "dien-thoai"):
            print(args.out / f"{name}.png")
        print(f"({showcase.name})")
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
