"""Time `vankien publish` and `vankien publish --rollback` on a synthetic archive.

    .venv/bin/python scripts/bench_publish.py [--count 2000] [--target DIR]

Generates an archive of `--count` documents (seed 1) beside a copy of the site's mkdocs.yml and
docs/, then runs, as CI would, the command line: a first publish (nothing live yet), a second
publish after one document changed (the link check and the comparison with the live release
have work to do), and a rollback. Prints the wall time of each and the size of a release.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.project import copy_project

REPO = Path(__file__).resolve().parents[1]
SITE_URL = "https://intranet.example/van-kien/"


def run(project: Path, *args: str) -> float:
    command = [sys.executable, "-c", "from vankien.cli import main; main()", "publish", *args]
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"vankien publish {' '.join(args)} failed:\n{result.stderr}")
    for line in result.stderr.splitlines():
        if not line.startswith("INFO"):
            print(f"    {line}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument(
        "--target", type=Path, default=None, help="publish here (default: a temporary folder)"
    )
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as temporary:
        project = copy_project(Path(temporary) / "project", synthetic=options.count)
        target = options.target or Path(temporary) / "srv"
        print(f"{options.count} documents, target {target}")
        first = run(project, "--to", str(target), "--site-url", SITE_URL)
        changed = sorted((project / "directives").rglob("*.md"))[0]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace("\ntitle: ", "\ntitle: Sửa ", 1), encoding="utf-8")
        second = run(project, "--to", str(target), "--site-url", SITE_URL)
        rollback = run(project, "--to", str(target), "--rollback")
        release = (target / "current").resolve()
        files = sum(1 for path in release.rglob("*") if path.is_file())
        size = sum(path.stat().st_size for path in release.rglob("*") if path.is_file())
        print(f"first publish: {first:.1f} s")
        print(f"second publish (one document changed): {second:.1f} s")
        print(f"rollback: {rollback:.2f} s")
        print(f"release: {files} files, {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
