"""Benchmark the archive's search at scale; prints its figures.

    .venv/bin/python scripts/bench_search.py [--count 10000] [--archive DIR] [--seed 1]

1. generates a synthetic archive (or takes --archive), loads it;
2. builds and writes the search index, measuring time and peak memory (RSS);
3. reports index sizes, raw and gzip;
4. serves a minimal page with the real scripts and index under a sub-path and measures, in
   headless Chromium (Debian's /usr/bin/chromium through Playwright): bytes fetched before
   the first result (gzip sizes), time to first result for a symbol and a title query, time
   to full-text results; checks that no request left the site.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.headless import CHROMIUM, CHROMIUM_ARGS, serve_site
from tests.support.synthetic import generate_archive

from vankien.adapters.search_plugin import PAGE_FORM
from vankien.core.loader import load_archive
from vankien.search.index import Entry, build_index
from vankien.web.static import SEARCH_FOLDER, search_script

SUB_PATH = "/van-kien/"
QUERIES = {
    "symbol": "21-KL/TW",
    "title": "những điều đảng viên không được làm",
    "full text": "chuyển đổi số cơ quan đảng",
    "unaccented": "bao ve nen tang tu tuong",
    # The ranking rules of issue 13: a signer's name, a year, a phrase of common words.
    "signer": "Cù Ngọc Cường",
    "year": "101 qd tw 2012",
    "phrase": "chinh don dang",
}

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tra cứu</title>
<link rel="stylesheet" href="../assets/vankien-search/vankien-search.css"></head>
<body><header class="md-header"><div class="md-header__inner"></div></header>
<main>{form}</main>
<script src="../assets/vankien-search/vankien-search.js"></script></body></html>"""

MEASURE = """async ([query]) => {
    const input = document.querySelector('.vk-box__input');
    const panel = document.querySelector('.vk-box__panel');
    const started = performance.now();
    let first = null;
    const done = new Promise(resolve => {
        const check = () => {
            const list = panel.querySelector('.vk-results');
            const hit = panel.querySelector('.vk-result');
            if (hit && first === null) {
                first = [performance.now() - started, hit.querySelector('.vk-result__symbol')?.textContent,
                         performance.getEntriesByType('resource').map(e => e.name)];
            }
            if (first && list && list.dataset.phase === 'full') {
                observer.disconnect();
                resolve([first[0], first[1], first[2], performance.now() - started]);
            }
        };
        const observer = new MutationObserver(check);
        observer.observe(panel, {childList: true, subtree: true, attributes: true});
    });
    input.focus();
    input.value = query;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    return await done;
}"""


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--archive", type=Path, help="an existing archive folder (default: generate one)")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="vankien-bench-"))
    try:
        archive_dir = args.archive
        if archive_dir is None:
            archive_dir = work / "archive"
            started = time.perf_counter()
            generate_archive(archive_dir, args.count, args.seed)
            print(f"archive: {args.count} documents generated in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        archive = load_archive(archive_dir)
        body_bytes = sum(len(d.body.encode()) for d in archive)
        print(
            f"archive: {len(archive)} documents loaded in {time.perf_counter() - started:.1f} s, "
            f"bodies {body_bytes / 1e6:.1f} MB, peak RSS so far {peak_rss_mb():.0f} MB"
        )
        rss_before = peak_rss_mb()
        started = time.perf_counter()
        built = build_index([Entry.of(d) for d in archive])
        site = work / "site"
        sizes = built.write(site / "search")
        elapsed = time.perf_counter() - started
        print(
            f"index: built and written in {elapsed:.1f} s; peak RSS {peak_rss_mb():.0f} MB "
            f"(+{peak_rss_mb() - rss_before:.0f} MB over the loaded archive)"
        )
        catalogue = (site / "search" / "catalogue.json").read_bytes()
        shard_files = sorted((site / "search" / "shards").glob("*.json"))
        shard_raw = sum(p.stat().st_size for p in shard_files)
        shard_gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in shard_files)
        largest = max((len(gzip.compress(p.read_bytes(), 6)) for p in shard_files), default=0)
        print(
            f"index: catalogue {len(catalogue) / 1e6:.2f} MB raw, {len(gzip.compress(catalogue, 6)) / 1e6:.2f} MB gzip; "
            f"{len(shard_files)} full-text shards {shard_raw / 1e6:.1f} MB raw, {shard_gz / 1e6:.1f} MB gzip "
            f"(largest {largest / 1e3:.0f} KB gzip); texts for snippets {len(built.texts)} files"
        )
        del sizes
        (site / "tra-cuu").mkdir(parents=True)
        (site / "tra-cuu" / "index.html").write_text(PAGE.format(form=PAGE_FORM), encoding="utf-8")
        shutil.copytree(SEARCH_FOLDER, site / "assets" / "vankien-search")
        (site / "assets" / "vankien-search" / "vankien-search.js").write_text(
            search_script("tra-cuu"), encoding="utf-8"
        )
        return _browser(site, args.chromium)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _browser(site: Path, chromium: str) -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: playwright is not installed (pip install -e '.[test]')")
        return 1
    server, base = serve_site(site, SUB_PATH)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=list(CHROMIUM_ARGS)
            )
            outside: list[str] = []
            for label, query in QUERIES.items():
                # A fresh page each time: nothing cached, the catalogue is fetched again.
                context = browser.new_context()
                page = context.new_page()
                fetched: list[str] = []
                page.on("request", lambda r, fetched=fetched: fetched.append(r.url))
                page.goto(base + "tra-cuu/", wait_until="load")
                page.wait_for_function("window.vankienSearch !== undefined")
                count_before = len(fetched)
                first_ms, first_symbol, resources, full_ms = page.evaluate(MEASURE, [query])
                # Everything the page had requested when the first result showed (document included).
                at_first = [fetched[0], *resources]
                compressed = sum(_gzip_size(site, url, base) for url in at_first)
                outside += [u for u in fetched if not u.startswith(base)]
                print(
                    f"browser: {label:10} {query!r}: first result {first_ms:.0f} ms ({first_symbol}), "
                    f"full text {full_ms:.0f} ms; fetched before the first result "
                    f"{compressed / 1e3:.0f} KB gzip in {len(at_first)} requests "
                    f"({len(at_first) - count_before} after the page had loaded)"
                )
                context.close()
            browser.close()
            print(f"browser: requests outside the site: {len(outside)}")
            return 0 if not outside else 1
    finally:
        server.shutdown()


def _gzip_size(site: Path, url: str, base: str) -> int:
    path = url[len(base) :].split("?", 1)[0] if url.startswith(base) else ""
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return len(gzip.compress(target.read_bytes(), 6)) if target.is_file() else 0


if __name__ == "__main__":
    sys.exit(main())
