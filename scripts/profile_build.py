"""Where a build's time goes: one `mkdocs build` of a synthetic archive under pyinstrument.

    .venv/bin/python scripts/profile_build.py [--count 2000] [--workers 1] [--cache 0] [--top 30]

Generates the synthetic archive (seed 1), builds it once in this process under pyinstrument's
sampling profiler and prints, for the main process, the time of each step of the build that
matters for the scale targets (loading and relating the archive, converting bodies, the
archive's page parts, the theme's templates, the navigation, the search index, browse pages,
writing files), then the functions with the most time of their own. `--workers 1` (the default)
profiles the whole serial build; with more, the main process's profile shows what is left to
it while workers populate pages. `--cache 1` keeps the page cache (it is in the temporary
project, so a second `--runs 2` build shows a cached build).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.project import copy_project

REPO = Path(__file__).resolve().parents[1]
STEPS = {
    "load and relate the archive (analyse_archive)": "analysis.py:analyse_archive",
    "page cache keys (CachedPages.open)": "cached_pages.py:open",
    "Markdown conversion (Markdown.convert)": "core.py:convert",
    "archive page parts (render_document_page)": "document_page.py:render_document_page",
    "theme templates (_build_page)": "build.py:_build_page",
    "of which the navigation (block_site_nav)": "base.html:block_site_nav",
    "search index (build_index)": "index.py:build_index",
    "browse pages (PagePlan.render)": "plan.py:render",
    "open data (on_env of vankien/open-data)": "open_data_plugin.py:on_env",
    "waiting for workers (PagePool.take)": "page_pool.py:take",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000, help="số văn bản của kho tổng hợp")
    parser.add_argument("--workers", type=int, default=1, help="số tiến trình dựng trang (1: tuần tự)")
    parser.add_argument("--cache", type=int, choices=(0, 1), default=0, help="dùng bộ nhớ đệm trang")
    parser.add_argument("--runs", type=int, default=1, help="số lần dựng (lần sau dùng bộ nhớ đệm)")
    parser.add_argument("--top", type=int, default=25, help="số hàm tốn thời gian nhất được in")
    args = parser.parse_args(argv)
    if args.count < 1 or args.workers < 1 or args.runs < 1 or args.top < 1:
        parser.error("--count, --workers, --runs và --top phải là số dương")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pyinstrument import Profiler

    os.environ["VANKIEN_WORKERS"] = str(args.workers)
    os.environ["VANKIEN_CACHE"] = str(args.cache)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    workdir = Path(tempfile.mkdtemp(prefix="vankien-profile-"))
    try:
        project = copy_project(workdir / "project", synthetic=args.count)
        for run in range(1, args.runs + 1):
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(workdir / "site"))
            profiler = Profiler(interval=0.002)
            profiler.start()
            build(config)
            session = profiler.stop()
            total = session.duration
            print(f"\nlần dựng {run}/{args.runs}: {args.count} văn bản, {total:.1f} s (tiến trình chính)")
            frames = _totals(session.root_frame())
            for label, needle in STEPS.items():
                seconds = frames.get(needle, 0.0)
                print(f"  {label:<52} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
            print("  hàm tốn thời gian riêng nhiều nhất:")
            for name, seconds in _self_times(session.root_frame())[: args.top]:
                print(f"    {seconds:7.2f} s  {name}")
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _key(frame: object) -> str:
    file = Path(getattr(frame, "file_path", "") or "").name
    return f"{file}:{getattr(frame, 'function', '')}"


def _totals(root: object) -> dict[str, float]:
    """Time of each function, counted once per call stack (recursion not counted twice)."""
    totals: dict[str, float] = {}

    def walk(frame: object, seen: frozenset[str]) -> None:
        key = _key(frame)
        if key not in seen:
            totals[key] = totals.get(key, 0.0) + float(getattr(frame, "time", 0.0))
        for child in getattr(frame, "children", []):
            walk(child, seen | {key})

    walk(root, frozenset())
    return totals


def _self_times(root: object) -> list[tuple[str, float]]:
    own: dict[str, float] = {}
    stack = [root]
    while stack:
        frame = stack.pop()
        stack.extend(getattr(frame, "children", []))
        if getattr(frame, "is_synthetic", False):
            continue  # "[self]" and other markers: their time is their parent's own
        key = f"{getattr(frame, 'function', '')} ({getattr(frame, 'file_path_short', '')})"
        own[key] = own.get(key, 0.0) + float(getattr(frame, "total_self_time", 0.0))
    return sorted(own.items(), key=lambda item: -item[1])


if __name__ == "__main__":
    raise SystemExit(main())
