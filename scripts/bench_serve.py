"""Benchmark the editor's preview: how long after saving a document the open page reloads.

    .venv/bin/python scripts/bench_serve.py [--count 2000] [--runs 3] [--sample]

Starts a real `mkdocs serve --no-strict` (as `make serve` does) on a loopback port over the
sample archive (`--sample`) or a synthetic archive of `--count` documents (seed 1), waits for the
first build, then, `--runs` times, appends a sentence to one document's body and measures the time
from the file being written to the development server's live-reload answer (the moment an open
browser tab reloads). Prints the first build's time and each reload with the median.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.project import copy_project, free_port

REPO = Path(__file__).resolve().parents[1]
_EPOCH = re.compile(rb"livereload\((\d+),")


def _get(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        body: bytes = response.read()
        return body


def _wait_for_site(base: str, process: subprocess.Popen[bytes], limit: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if process.poll() is not None:
            raise SystemExit("mkdocs serve đã dừng; xem nhật ký ở trên")
        try:
            _get(base, 2)
            return time.monotonic() - start
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"mkdocs serve không trả lời sau {limit:.0f} giây")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000, help="số văn bản của kho tổng hợp")
    parser.add_argument("--runs", type=int, default=3, help="số lần sửa và đo")
    parser.add_argument("--sample", action="store_true", help="đo trên kho mẫu thay cho kho tổng hợp")
    args = parser.parse_args(argv)
    if args.count < 1 or args.runs < 1:
        parser.error("--count và --runs phải là số dương")

    workdir = Path(tempfile.mkdtemp(prefix="vankien-serve-"))
    try:
        if args.sample:
            project = copy_project(workdir / "project")
            label = "kho mẫu"
        else:
            project = copy_project(workdir / "project", synthetic=args.count)
            label = f"{args.count} văn bản tổng hợp"
        documents = sorted(p for p in (project / "directives").rglob("*.md"))
        target = documents[len(documents) // 2]
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            first = _wait_for_site(base, process, 1800)
            print(f"{label}: lần dựng đầu và máy chủ sẵn sàng {first:.1f} s")
            reloads: list[float] = []
            for run in range(args.runs):
                match = _EPOCH.search(_get(base, 30))
                if match is None:
                    raise SystemExit("trang không có lệnh tải lại tự động của mkdocs serve")
                epoch = int(match[1])
                with target.open("a", encoding="utf-8") as body:
                    body.write(f"\nCâu thêm lần {run + 1} để đo thời gian tải lại.\n")
                written = time.monotonic()
                # The server answers a poll after a minute even when nothing is new: poll again.
                new_epoch = epoch
                while new_epoch <= epoch and time.monotonic() - written < 1800:
                    new_epoch = int(_get(f"{base}livereload/{epoch}/{run + 1}", 120))
                elapsed = time.monotonic() - written
                if new_epoch <= epoch:
                    raise SystemExit("máy chủ không dựng lại trong 30 phút")
                reloads.append(elapsed)
                print(f"  sửa {target.name}, trang tải lại sau {elapsed:.2f} s")
            print(f"{label}: tải lại sau khi sửa một văn bản, trung vị {statistics.median(reloads):.2f} s")
        finally:
            process.terminate()
            process.wait(timeout=30)
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
