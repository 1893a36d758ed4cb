"""Benchmark the timeline, browse pages and the parts of every document's page at archive scale.

    .venv/bin/python scripts/bench_browse.py [--count 10000] [--archive DIR] [--full-build]

Prints: the time to load and relate the archive (shared with the rest of the build), the
time `vankien/browse` adds (planning and rendering every generated page), the time the parts
of every document's page take (card, Lược đồ, implementation overview, cascade, history,
related documents), the number and the largest size of the generated pages, and the largest
lineage. With --full-build it also runs two real `mkdocs build`s, with and
without `vankien/browse`, and reports the difference and the largest HTML file on disk.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.synthetic import generate_archive

from vankien.core.urls import link_maker
from vankien.graph.analysis import analyse_archive
from vankien.graph.lineage import lineage
from vankien.web.document_page import PageContext, render_document_page
from vankien.web.plan import PagePlan

REPO = Path(__file__).resolve().parents[1]
CHROME_BYTES = 40_000
"""Material's page chrome around the content (header, nav, footer), measured on the sample site."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--archive", type=Path, help="an existing archive folder (default: generate one)")
    parser.add_argument("--full-build", action="store_true", help="also time two real mkdocs builds")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="vankien-bench-"))
    try:
        archive_dir = args.archive or workdir / "directives"
        if args.archive is None:
            started = time.perf_counter()
            generate_archive(archive_dir, args.count, seed=1)
            print(f"generated {args.count} documents in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        analysis = analyse_archive(archive_dir)
        print(
            f"load + validate + relate: {time.perf_counter() - started:.1f} s "
            f"({len(analysis.archive)} documents, {len(analysis.problems.errors)} errors, "
            f"{len(analysis.graph.stubs)} stubs)"
        )

        started = time.perf_counter()
        pages = PagePlan(analysis.archive, analysis.graph).pages()
        sizes = [(len(page.render(link_maker(page.url)).encode()), page.url) for page in pages]
        browse_seconds = time.perf_counter() - started
        largest, largest_url = max(sizes)
        print(
            f"browse pages: {len(pages)} pages in {browse_seconds:.1f} s; largest /{largest_url}: "
            f"{largest / 1e6:.2f} MB content (+~{CHROME_BYTES / 1e3:.0f} kB chrome)"
        )

        started = time.perf_counter()
        context = PageContext.of(analysis.graph, "van-ban")
        print(f"related-documents index: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        biggest = (0, "")
        largest_fragment = 0
        for document in analysis.archive:
            url_for = link_maker(document.url)
            html = render_document_page(document, "", context, url_for)
            biggest = max(biggest, (lineage(analysis.graph, document).descendant_count, document.name))
            largest_fragment = max(largest_fragment, len(html.encode()))
        per_document = time.perf_counter() - started
        print(
            f"document page parts for every document: {per_document:.1f} s "
            f"({per_document / max(1, len(analysis.archive)) * 1000:.1f} ms each); largest cascade: "
            f"{biggest[1]} with {biggest[0]} derived documents; largest page content "
            f"{largest_fragment / 1e3:.0f} kB"
        )
        print(f"total of the archive's page parts and vankien/browse: {browse_seconds + per_document:.1f} s")
        status = 0 if max(largest, largest_fragment) + CHROME_BYTES < 2_000_000 else 1

        if args.full_build:
            status |= full_builds(archive_dir, workdir)
        return status
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def full_builds(archive_dir: Path, workdir: Path) -> int:
    project = workdir / "project"
    shutil.copytree(REPO / "docs", project / "docs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "vankien/archive" in plugin:
            plugin["vankien/archive"]["directives_dir"] = str(archive_dir)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    # The same site without vankien/browse: no generated home, timeline or browse pages in the nav.
    config["plugins"] = [p for p in config["plugins"] if p != "vankien/browse"]
    # Same nav in both builds: Material renders every nav entry on each of the 10,000 pages,
    # so dropping entries would be counted as the plugin's cost. The entries of pages that
    # only vankien/browse generates stay, as links MkDocs warns about.
    config["strict"] = False
    (project / "without.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Văn kiện\n", encoding="utf-8")
    timings = {}
    for name in ("without.yml", "mkdocs.yml"):
        if name == "mkdocs.yml":
            (project / "docs" / "index.md").unlink()
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(project / name),
                "-d",
                str(project / "site"),
            ],
            capture_output=True,
            text=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )
        timings[name] = time.perf_counter() - started
        if result.returncode:
            print(result.stderr[-2000:])
            return 1
    largest = max((p.stat().st_size, p) for p in (project / "site").rglob("*.html"))
    print(
        f"mkdocs build without vankien/browse: {timings['without.yml']:.1f} s; with: {timings['mkdocs.yml']:.1f} s; "
        f"added: {timings['mkdocs.yml'] - timings['without.yml']:.1f} s"
    )
    print(f"largest HTML file: {largest[1].relative_to(project / 'site')} {largest[0] / 1e6:.2f} MB")
    return 0 if largest[0] < 2_000_000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
