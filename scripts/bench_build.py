"""Time the archive's site build against plain MkDocs + Material, side by side, at several sizes.

    .venv/bin/python scripts/bench_build.py [--runs 3] [--quick | --sizes 1000,5000,10000]
                                            [--out docs-dev/bench] [--force] [--chart-only]

For each size N the synthetic archive (seed 1) is generated once into a temporary folder; then,
`--runs` times and interleaved (a, b, c, d, a, b, c, d, ...):

  (a) plain MkDocs + Material (`theme: material`, `language: vi`, `font: false`,
      `plugins: [search]`, the archive's `markdown_extensions`, `nav: [index.md]`) over the same
      document Markdown copied into its docs folder: `mkdocs build`;
  (b) the full archive build (the repository's mkdocs.yml and docs/ with the generated
      directives/): `mkdocs build`, strict as configured, cold (no .cache/, no site/);
  (c) `vankien check --strict directives` on the generated archive;
  (d) the same command as (b) again into the same site folder, keeping .cache/: after one
      document's body is edited, then after the title of the document most others relate to.

Each is measured by wall time (median over the runs), peak memory (summed RSS of the whole
process tree, sampled every 50 ms), ms per document, sizes of the site and of its search index;
plus b/a and the marginal cost per document between sizes. Prints a table and writes
results.json, results.md and build-time.svg into --out (`--chart-only` redraws the chart from
results.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import itertools
import json
import math
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.project import copy_project

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (1000, 5000, 10000)
QUICK_SIZES = (500,)
DEFAULT_OUT = REPO / "docs-dev" / "bench"
SEED = 1
SAMPLE_SECONDS = 0.05
RESULTS_JSON = "results.json"
RESULTS_MD = "results.md"
CHART_SVG = "build-time.svg"
FORMAT = 1
BODY_SENTENCE = "\nCâu bổ sung để đo thời gian dựng lại sau khi sửa nội dung một văn bản.\n"
TITLE_PREFIX = "Sửa đổi: "
VARIANTS = ("a", "b", "c", "d_body", "d_title")
"""Rows of the table and lines of the chart; d is measured twice (body edit, title edit)."""

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
_CITATION = re.compile(r"số (\S+?), ngày (\d{1,2}/\d{1,2}/\d{4})")
_SYMBOL = re.compile(r'^symbol:\s*"?([^"\n]+?)"?\s*$', re.MULTILINE)
_DATE = re.compile(r"^date:\s*\"?(\d{1,2}/\d{1,2}/\d{4})", re.MULTILINE)
_TITLE = re.compile(r'^title:\s*("?)', re.MULTILINE)


class BenchError(Exception):
    """A failure the user should read (in Vietnamese); the benchmark stops."""


class _Parser(argparse.ArgumentParser):
    # argparse's own "usage:/error:" lines are English; the refusals this script makes are not.
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: lỗi: {message}\n(xem: {self.prog} --help)\n")


# -- arguments -----------------------------------------------------------------------------------


def _positive(text: str, what: str) -> int:
    try:
        value = int(text.strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"{what} phải là số nguyên dương, không phải {text!r}") from None
    if value <= 0:
        raise ValueError(f"{what} phải là số nguyên dương (lớn hơn 0), không phải {value}")
    return value


def parse_sizes(text: str) -> list[int]:
    """`1000,5000,10000` → [1000, 5000, 10000]; refuses empty, non-numeric and non-positive sizes."""
    parts = [part for part in text.split(",") if part.strip()]
    if not parts:
        raise ValueError("--sizes cần ít nhất một số văn bản, ví dụ --sizes 1000,5000,10000")
    return sorted({_positive(part, "Số văn bản N trong --sizes") for part in parts})


def _check_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} là một tệp, không phải thư mục")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise ValueError(
            f"thư mục kết quả {out} đã có nội dung (kết quả lần đo trước?); "
            "dùng --force để ghi đè results.json, results.md và build-time.svg, "
            "hoặc chọn --out khác"
        )


@dataclass(frozen=True)
class Options:
    sizes: list[int]
    runs: int
    out: Path
    chart_only: bool


def parse_options(argv: list[str] | None) -> Options:
    parser = _Parser(
        prog="bench_build.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", default="3", help="số lần chạy mỗi phép đo, xen kẽ (mặc định 3)")
    parser.add_argument("--quick", action="store_true", help="chỉ đo N = 500")
    parser.add_argument(
        "--sizes", default=None, help="các số văn bản N, cách nhau bởi dấu phẩy (mặc định 1000,5000,10000)"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="thư mục kết quả (mặc định docs-dev/bench/)"
    )
    parser.add_argument("--force", action="store_true", help="ghi đè kết quả đã có trong --out")
    parser.add_argument(
        "--chart-only", action="store_true", help="chỉ vẽ lại biểu đồ từ results.json trong --out"
    )
    args = parser.parse_args(argv)
    try:
        runs = _positive(args.runs, "--runs")
        if args.quick and args.sizes is not None:
            raise ValueError("--quick (N = 500) và --sizes không dùng cùng nhau; chọn một")
        sizes = (
            list(QUICK_SIZES) if args.quick else parse_sizes(args.sizes or ",".join(map(str, DEFAULT_SIZES)))
        )
        if args.chart_only:
            if not (args.out / RESULTS_JSON).is_file():
                raise ValueError(f"không có {args.out / RESULTS_JSON} để vẽ lại biểu đồ; chạy phép đo trước")
        else:
            _check_out(args.out, args.force)
    except ValueError as refusal:
        parser.error(str(refusal))
    return Options(sizes=sizes, runs=runs, out=args.out, chart_only=args.chart_only)


# -- measuring a process tree --------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as listing:
                found.extend(int(child) for child in listing.read().split())
        except OSError:
            continue
    return found


def _children_by_scan() -> dict[int, list[int]]:
    # Kernels without CONFIG_PROC_CHILDREN: one pass over every process's parent.
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                data = stat.read()
        except OSError:
            continue
        parent = int(data[data.rindex(b")") + 2 :].split(maxsplit=2)[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


_HAS_CHILDREN_FILES = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of `root` and all its descendants, as /proc shows them now."""
    scanned = None if _HAS_CHILDREN_FILES else _children_by_scan()
    total = 0
    pending = [root]
    seen: set[int] = set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * _PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue  # exited between the listing and the read
        pending.extend(_children(pid) if scanned is None else scanned.get(pid, []))
    return total


@dataclass
class Sample:
    seconds: float
    peak_rss: int


def run_measured(command: list[str], cwd: Path, what: str) -> Sample:
    """Run `command` in `cwd`, timing it and sampling its process tree's memory every 50 ms."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:
        peak = 0
        done = threading.Event()
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss(process.pid))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = process.wait()
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        if returncode != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-4000:]
            raise BenchError(f"{what} thất bại (mã thoát {returncode}) trong {cwd}:\n{tail}")
    return Sample(seconds=elapsed, peak_rss=peak)


# -- the projects ----------------------------------------------------------------------------------


def _tool(name: str) -> list[str]:
    # The console script installed beside this interpreter is the command a user runs.
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    if name == "mkdocs":
        return [sys.executable, "-m", "mkdocs"]
    return [sys.executable, "-c", "from vankien.cli import main; main()"]


def build_command() -> list[str]:
    return [*_tool("mkdocs"), "build"]


def check_command() -> list[str]:
    return [*_tool("vankien"), "check", "--strict", "directives"]


def shown(command: list[str]) -> str:
    """The command as a user would type it from the repository (the venv path made relative)."""
    words = []
    for word in command:
        path = Path(word)
        if path.is_absolute() and path.is_relative_to(REPO):
            word = str(path.relative_to(REPO))
        words.append(word)
    return "NO_MKDOCS_2_WARNING=1 " + shlex.join(words)


def plain_config() -> dict[str, Any]:
    repository = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return {
        "site_name": "Văn kiện (MkDocs + Material thuần)",
        "theme": {"name": "material", "language": "vi", "font": False},
        "plugins": ["search"],
        "markdown_extensions": repository.get("markdown_extensions", []),
        "nav": ["index.md"],
    }


def make_plain_project(project: Path, directives: Path) -> None:
    """Plain Material over the same document Markdown (front matter and all; MkDocs strips it)."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    config = yaml.safe_dump(plain_config(), allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (docs / "index.md").write_text(
        "# Văn kiện — MkDocs + Material thuần\n\nCác văn bản được dựng nhưng không có trong mục lục.\n",
        encoding="utf-8",
    )
    for source in directives.rglob("*.md"):
        target = docs / source.relative_to(directives)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def make_archive_project(project: Path, count: int) -> Path:
    return copy_project(project, synthetic=count, seed=SEED) / "directives"


@dataclass(frozen=True)
class Edits:
    body_document: Path
    title_document: Path
    title_inbound: int


def choose_edits(directives: Path) -> Edits:
    """The document most others relate to (for the title edit) and another one (for the body edit)."""
    inbound: Counter[tuple[str, str]] = Counter()
    by_key: dict[tuple[str, str], Path] = {}
    documents = sorted(directives.rglob("*.md"))
    if len(documents) < 2:
        raise BenchError(f"kho {directives} cần ít nhất hai văn bản để đo dựng lại")
    for path in documents:
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---", 1)[0] if text.startswith("---") else ""
        symbol, date = _SYMBOL.search(front), _DATE.search(front)
        if symbol and date:
            by_key.setdefault((symbol[1], date[1]), path)
        relations = front.split("\nrelations:", 1)[1] if "\nrelations:" in front else ""
        for cited in _CITATION.finditer(relations):
            inbound[(cited[1], cited[2])] += 1
    ranked = sorted(
        ((count, str(by_key[key])) for key, count in inbound.items() if key in by_key),
        key=lambda item: (-item[0], item[1]),
    )
    if ranked:
        title_inbound, title_path = ranked[0]
        title_document = Path(title_path)
    else:
        title_inbound, title_document = 0, documents[0]
    body_document = documents[len(documents) // 2]
    if body_document == title_document:
        body_document = documents[len(documents) // 2 + 1 if len(documents) > 2 else 0]
    return Edits(body_document, title_document, title_inbound)


def edit_title(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    edited, count = _TITLE.subn(lambda match: f"title: {match[1]}{TITLE_PREFIX}", text, count=1)
    if count != 1:
        raise BenchError(f"không tìm thấy dòng title: trong {path}")
    path.write_text(edited, encoding="utf-8")


def folder_bytes(folder: Path) -> int:
    if folder.is_file():
        return folder.stat().st_size
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# -- measuring one size ------------------------------------------------------------------------------


@dataclass
class Measure:
    seconds: list[float] = field(default_factory=list)
    peak_rss: list[int] = field(default_factory=list)
    cache_at_start: list[bool] = field(default_factory=list)
    site_bytes: int = 0
    search_bytes: int = 0

    def add(self, sample: Sample, cache_at_start: bool) -> None:
        self.seconds.append(sample.seconds)
        self.peak_rss.append(sample.peak_rss)
        self.cache_at_start.append(cache_at_start)

    def as_json(self, count: int) -> dict[str, Any]:
        median = statistics.median(self.seconds)
        return {
            "times_s": [round(value, 3) for value in self.seconds],
            "median_s": round(median, 3),
            "ms_per_document": round(median * 1000 / count, 3),
            "peak_rss_bytes": self.peak_rss,
            "peak_rss_max_bytes": max(self.peak_rss),
            "cache_at_start": self.cache_at_start,
            "site_bytes": self.site_bytes,
            "search_index_bytes": self.search_bytes,
        }


def _say(message: str) -> None:
    print(message, flush=True)


def measure_size(count: int, runs: int, workdir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    archive = workdir / f"n{count}" / "archive"
    plain = workdir / f"n{count}" / "plain"
    directives = make_archive_project(archive, count)
    make_plain_project(plain, directives)
    documents = sum(1 for _ in directives.rglob("*.md"))
    edits = choose_edits(directives)
    _say(
        f"N = {count}: đã tạo kho tổng hợp (seed {SEED}, {documents} văn bản) "
        f"trong {time.perf_counter() - started:.1f} s; sửa tiêu đề {edits.title_document.relative_to(directives)} "
        f"({edits.title_inbound} văn bản dẫn chiếu), sửa nội dung {edits.body_document.relative_to(directives)}"
    )
    cache = archive / ".cache"
    measures = {variant: Measure() for variant in VARIANTS}
    originals = {path: path.read_bytes() for path in (edits.body_document, edits.title_document)}
    figures: list[str] = []

    def note(variant: str, sample: Sample, cache_at_start: bool) -> None:
        measures[variant].add(sample, cache_at_start)
        figures.append(f"{variant} {sample.seconds:.1f} s {sample.peak_rss / 2**20:.0f} MB")

    for run in range(1, runs + 1):
        figures.clear()

        _remove(plain / "site")
        note("a", run_measured(build_command(), plain, "(a) mkdocs build của Material thuần"), False)
        measures["a"].site_bytes = folder_bytes(plain / "site")
        measures["a"].search_bytes = folder_bytes(plain / "site" / "search" / "search_index.json")

        # Cold means no cache and no previous site: whatever the build may reuse is gone.
        _remove(cache)
        _remove(archive / "site")
        note("b", run_measured(build_command(), archive, "(b) mkdocs build của kho"), False)
        measures["b"].site_bytes = folder_bytes(archive / "site")
        measures["b"].search_bytes = folder_bytes(archive / "site" / "search")

        note("c", run_measured(check_command(), archive, "(c) vankien check"), cache.exists())

        try:
            with edits.body_document.open("a", encoding="utf-8") as body:
                body.write(BODY_SENTENCE)
            at_start = cache.exists()
            note(
                "d_body",
                run_measured(build_command(), archive, "(d) dựng lại sau khi sửa nội dung"),
                at_start,
            )
            measures["d_body"].site_bytes = folder_bytes(archive / "site")
            measures["d_body"].search_bytes = folder_bytes(archive / "site" / "search")
            edit_title(edits.title_document)
            at_start = cache.exists()
            note(
                "d_title",
                run_measured(build_command(), archive, "(d) dựng lại sau khi sửa tiêu đề"),
                at_start,
            )
            measures["d_title"].site_bytes = folder_bytes(archive / "site")
            measures["d_title"].search_bytes = folder_bytes(archive / "site" / "search")
        finally:
            # Every run starts from the same archive.
            for path, data in originals.items():
                path.write_bytes(data)
        _say(f"  lần {run}/{runs}: " + " · ".join(figures))
    shutil.rmtree(workdir / f"n{count}", ignore_errors=True)
    entry: dict[str, Any] = {"n": count, "documents": documents}
    for variant in ("a", "b", "c"):
        entry[variant] = measures[variant].as_json(count)
    entry["d"] = {
        "body": measures["d_body"].as_json(count),
        "title": measures["d_title"].as_json(count),
        "body_document": str(edits.body_document.relative_to(directives)),
        "title_document": str(edits.title_document.relative_to(directives)),
        "title_inbound_relations": edits.title_inbound,
    }
    entry["ratio_b_a"] = round(entry["b"]["median_s"] / entry["a"]["median_s"], 3)
    return entry


def variant_json(entry: dict[str, Any], variant: str) -> dict[str, Any]:
    """The measure of one table row: d_body and d_title live under d."""
    if variant.startswith("d_"):
        measure: dict[str, Any] = entry["d"][variant[2:]]
        return measure
    measure = entry[variant]
    return measure


def marginal_costs(results: list[dict[str, Any]]) -> dict[str, Any]:
    """ms per added document between consecutive sizes, and the last step against the first."""
    costs: dict[str, Any] = {}
    for variant in ("a", "b", "c"):
        steps = []
        for low, high in itertools.pairwise(results):
            added = high["n"] - low["n"]
            extra = high[variant]["median_s"] - low[variant]["median_s"]
            steps.append(
                {"from": low["n"], "to": high["n"], "ms_per_document": round(extra * 1000 / added, 3)}
            )
        ratio = None
        if len(steps) >= 2 and steps[0]["ms_per_document"] > 0:
            ratio = round(steps[-1]["ms_per_document"] / steps[0]["ms_per_document"], 3)
        costs[variant] = {"steps": steps, "ratio_last_to_first": ratio}
    return costs


# -- machine and versions ----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu_model, cpus = platform.processor() or "?", os.cpu_count() or 0
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
        cpu_model = models[0].strip() if models else cpu_model
        cpus = len(re.findall(r"^processor\s*:", cpuinfo, re.MULTILINE)) or cpus
    except OSError:
        pass
    ram = 0
    try:
        found = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
        ram = int(found[1]) * 1024 if found else 0
    except OSError:
        pass
    return {
        "cpu_model": cpu_model,
        "cpus": cpus,
        "usable_cpus": len(os.sched_getaffinity(0)),
        "ram_bytes": ram,
        "os": platform.platform(),
    }


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for key, package in (
        ("vankien", "vankien"),
        ("mkdocs", "mkdocs"),
        ("material", "mkdocs-material"),
        ("markdown", "Markdown"),
    ):
        try:
            found[key] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[key] = "?"
    return found


# -- reports ---------------------------------------------------------------------------------------------

LABELS_VI = {
    "a": "a  MkDocs + Material thuần",
    "b": "b  bản dựng kho",
    "c": "c  vankien check",
    "d_body": "d  dựng lại: sửa nội dung",
    "d_title": "d  dựng lại: sửa tiêu đề",
}
LABELS_EN = {
    "a": "(a) plain MkDocs + Material",
    "b": "(b) full archive build",
    "c": "(c) `vankien check`",
    "d_body": "(d) rebuild after a body edit",
    "d_title": "(d) rebuild after a title edit",
}


def _mb(value: int) -> str:
    mebibytes = value / 2**20
    return f"{mebibytes:,.1f} MiB" if mebibytes < 100 else f"{mebibytes:,.0f} MiB"


def _cache_vi(variant: str, flags: list[bool]) -> str:
    present = sum(flags)
    if variant == "a":
        return "—"
    if variant == "b":
        return "lạnh: không .cache/, không site/"
    return f".cache/ có sẵn {present}/{len(flags)} lần"


def _cache_en(variant: str, flags: list[bool]) -> str:
    present = sum(flags)
    if variant == "a":
        return "—"
    if variant == "b":
        return "cold: no .cache/, no site/"
    if variant == "c":
        return f".cache/ present {present}/{len(flags)}"
    return f"kept site/; .cache/ present {present}/{len(flags)}"


def text_table(data: dict[str, Any]) -> str:
    header = [
        "N",
        "phép đo",
        "trung vị",
        "ms/văn bản",
        "bộ nhớ đỉnh",
        "thư mục trang",
        "chỉ mục tìm kiếm",
        "ghi chú",
    ]
    rows = [header]
    for entry in data["results"]:
        for variant in VARIANTS:
            measure = variant_json(entry, variant)
            rows.append(
                [
                    f"{entry['n']:,}",
                    LABELS_VI[variant],
                    f"{measure['median_s']:.2f} s",
                    f"{measure['ms_per_document']:.2f}",
                    _mb(measure["peak_rss_max_bytes"]),
                    _mb(measure["site_bytes"]) if variant != "c" else "—",
                    _mb(measure["search_index_bytes"]) if variant != "c" else "—",
                    _cache_vi(variant, measure["cache_at_start"]),
                ]
            )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append("")
    lines.append(
        "b/a (thời gian bản dựng kho / Material thuần): "
        + ", ".join(f"N = {entry['n']:,}: {entry['ratio_b_a']:.2f}×" for entry in data["results"])
    )
    for variant in ("a", "b", "c"):
        costs = data["marginal"][variant]
        if not costs["steps"]:
            continue
        steps = ", ".join(
            f"{step['from']:,}→{step['to']:,}: {step['ms_per_document']:.2f} ms" for step in costs["steps"]
        )
        ratio = costs["ratio_last_to_first"]
        tail = f" (khoảng cuối / khoảng đầu = {ratio:.2f}×)" if ratio is not None else ""
        lines.append(f"chi phí biên mỗi văn bản, {variant}: {steps}{tail}")
    lines.append(
        f"trung vị của {data['runs']} lần chạy xen kẽ; bộ nhớ đỉnh = tổng RSS của cả cây tiến trình, lấy mẫu mỗi 50 ms, lớn nhất qua các lần"
    )
    return "\n".join(lines)


def markdown_report(data: dict[str, Any]) -> str:
    box = data["machine"]
    found = data["versions"]
    lines = [
        "# Build benchmark: results",
        "",
        f"Written by `scripts/bench_build.py` ({data['finished']}); {data['runs']} run(s) per variant, "
        "interleaved (a, b, c, d, a, b, c, d, ...); times are medians, peak memory is the largest "
        "summed RSS of the whole process tree over the runs (sampled every 50 ms). "
        f"Synthetic archive of `scripts/generate_archive.py`, seed {data['seed']}.",
        "",
        "## Machine",
        "",
        f"- CPU: {box['cpu_model']}, {box['cpus']} logical CPUs ({box['usable_cpus']} usable by the benchmark)",
        f"- RAM: {box['ram_bytes'] / 2**30:.1f} GiB",
        f"- OS: {box['os']}",
        f"- Python {found['python']}, MkDocs {found['mkdocs']}, Material {found['material']}, "
        f"Markdown {found['markdown']}, vankien {found['vankien']}",
        "",
        "## Commands",
        "",
    ]
    for key, command in data["commands"].items():
        lines.append(f"- {key}: {command}" if key == "generate" else f"- {key}: `{command}`")
    lines += [
        "",
        "`<tmp>/archive` holds the repository's mkdocs.yml and docs/ beside the generated directives/; "
        "`<tmp>/plain` holds docs/index.md, the same document files under docs/, and this mkdocs.yml:",
        "",
        "```yaml",
        data["plain_mkdocs_yml"].rstrip(),
        "```",
    ]
    lines += [
        "",
        "## Results",
        "",
        "| N | variant | median | ms/document | peak memory (tree) | site | search index | runs (s) | cache |",
        "|--:|---|--:|--:|--:|--:|--:|---|---|",
    ]
    for entry in data["results"]:
        for variant in VARIANTS:
            measure = variant_json(entry, variant)
            times = ", ".join(f"{value:.2f}" for value in measure["times_s"])
            lines.append(
                f"| {entry['n']:,} | {LABELS_EN[variant]} | {measure['median_s']:.2f} s "
                f"| {measure['ms_per_document']:.2f} | {_mb(measure['peak_rss_max_bytes'])} "
                f"| {_mb(measure['site_bytes']) if variant != 'c' else '—'} "
                f"| {_mb(measure['search_index_bytes']) if variant != 'c' else '—'} "
                f"| {times} | {_cache_en(variant, measure['cache_at_start'])} |"
            )
    lines += ["", "| N | b/a | title edited (documents relating to it) | body edited |", "|--:|--:|---|---|"]
    for entry in data["results"]:
        d = entry["d"]
        lines.append(
            f"| {entry['n']:,} | {entry['ratio_b_a']:.2f}× | `{d['title_document']}` "
            f"({d['title_inbound_relations']}) | `{d['body_document']}` |"
        )
    if any(data["marginal"][variant]["steps"] for variant in ("a", "b", "c")):
        steps = data["marginal"]["a"]["steps"]
        columns = " | ".join(f"{step['from']:,} → {step['to']:,}" for step in steps)
        lines += ["", "Marginal cost per added document (ms):", "", f"| variant | {columns} | last / first |"]
        lines.append("|---|" + "--:|" * len(steps) + "--:|")
        for variant in ("a", "b", "c"):
            costs = data["marginal"][variant]
            cells = " | ".join(f"{step['ms_per_document']:.2f}" for step in costs["steps"])
            ratio = costs["ratio_last_to_first"]
            lines.append(f"| {LABELS_EN[variant]} | {cells} | {'—' if ratio is None else f'{ratio:.2f}×'} |")
    lines += ["", f"![Build time against N]({CHART_SVG})", ""]
    return "\n".join(lines)


# -- chart -------------------------------------------------------------------------------------------------

_COLOURS = {"a": "#1f77b4", "b": "#d62728", "c": "#2ca02c", "d_body": "#9467bd", "d_title": "#ff7f0e"}


def _nice_step(top: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10^k) giving about `ticks` ticks up to `top`."""
    raw = max(top, 1e-9) / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(factor * magnitude for factor in (1, 2, 2.5, 5, 10) if factor * magnitude >= raw)


def chart_svg(data: dict[str, Any]) -> str:
    """Median time against N, one line per variant, drawn from results.json alone."""
    width, height = 760, 440
    left, right, top, bottom = 70, 220, 40, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    results = data["results"]
    max_n: int = max(entry["n"] for entry in results)
    max_s: float = max(variant_json(entry, variant)["median_s"] for entry in results for variant in VARIANTS)
    x_step, y_step = _nice_step(max_n), _nice_step(max_s)
    x_top = x_step * max(1, -(-max_n // x_step))
    y_top = y_step * max(1, -(-max_s // y_step))

    def x(n: float) -> float:
        return left + plot_w * n / x_top

    def y(seconds: float) -> float:
        return top + plot_h * (1 - seconds / y_top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="24" font-size="14" font-weight="bold">Build time against archive size '
        f"(median of {data['runs']} run(s), lower is better)</text>",
    ]
    tick = 0.0
    while tick <= y_top + 1e-9:
        parts.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{left + plot_w}" y2="{y(tick):.1f}" stroke="#e5e5e5"/>'
        )
        parts.append(f'<text x="{left - 8}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g} s</text>')
        tick += y_step
    tick = 0.0
    while tick <= x_top + 1e-9:
        parts.append(
            f'<line x1="{x(tick):.1f}" y1="{top + plot_h}" x2="{x(tick):.1f}" y2="{top + plot_h + 5}" stroke="#333"/>'
        )
        parts.append(
            f'<text x="{x(tick):.1f}" y="{top + plot_h + 20}" text-anchor="middle">{tick:,.0f}</text>'
        )
        tick += x_step
    parts.append(
        f'<path d="M{left},{top} V{top + plot_h} H{left + plot_w}" fill="none" stroke="#333"/>'
        f'<text x="{left + plot_w / 2}" y="{height - 18}" text-anchor="middle">N (documents)</text>'
    )
    for index, variant in enumerate(VARIANTS):
        colour = _COLOURS[variant]
        points = [(entry["n"], variant_json(entry, variant)["median_s"]) for entry in results]
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(n):.1f},{y(s):.1f}" for i, (n, s) in enumerate(points))
        dash = ' stroke-dasharray="6 4"' if variant == "d_title" else ""
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for n, seconds in points:
            parts.append(
                f'<circle cx="{x(n):.1f}" cy="{y(seconds):.1f}" r="3.5" fill="{colour}">'
                f"<title>{html.escape(LABELS_EN[variant].replace('`', ''))}: N = {n:,}, {seconds:.2f} s</title></circle>"
            )
        legend_y = top + 10 + index * 22
        parts.append(
            f'<line x1="{left + plot_w + 20}" y1="{legend_y}" x2="{left + plot_w + 44}" y2="{legend_y}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
            f'<text x="{left + plot_w + 50}" y="{legend_y + 4}">{html.escape(LABELS_EN[variant].replace("`", ""))}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_chart(out: Path, data: dict[str, Any]) -> Path:
    path = out / CHART_SVG
    path.write_text(chart_svg(data), encoding="utf-8")
    return path


def load_results(out: Path) -> dict[str, Any]:
    path = out / RESULTS_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise BenchError(f"không đọc được {path}: {problem}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not data.get("results"):
        raise BenchError(f"{path} không phải kết quả của bench_build.py (định dạng {FORMAT})")
    return data


# -- main --------------------------------------------------------------------------------------------------------


def run_benchmark(options: Options) -> dict[str, Any]:
    started = dt.datetime.now(dt.UTC)
    workdir = Path(tempfile.mkdtemp(prefix="vankien-bench-build-"))
    try:
        results = [measure_size(count, options.runs, workdir) for count in options.sizes]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return {
        "format": FORMAT,
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seed": SEED,
        "runs": options.runs,
        "sizes": options.sizes,
        "machine": machine(),
        "versions": versions(),
        "commands": {
            # In-process, the function behind scripts/generate_archive.py; once per N, not timed.
            "generate": f"generate_archive(<tmp>/archive/directives, N, seed={SEED}), as "
            f"`.venv/bin/python scripts/generate_archive.py --count N --seed {SEED} --out <tmp>/archive/directives`",
            "a": f"cd <tmp>/plain && {shown(build_command())}",
            "b": f"cd <tmp>/archive && rm -rf .cache site && {shown(build_command())}",
            "c": f"cd <tmp>/archive && {shown(check_command())}",
            "d": f"cd <tmp>/archive && <edit one file> && {shown(build_command())}",
        },
        "plain_mkdocs_yml": yaml.safe_dump(plain_config(), allow_unicode=True, sort_keys=False),
        "results": results,
        "marginal": marginal_costs(results),
    }


def main(argv: list[str] | None = None) -> int:
    options = parse_options(argv)
    try:
        if options.chart_only:
            chart = write_chart(options.out, load_results(options.out))
            _say(f"đã vẽ lại biểu đồ: {chart}")
            return 0
        _say(
            f"đo bản dựng với N = {', '.join(f'{n:,}' for n in options.sizes)}; "
            f"{options.runs} lần chạy xen kẽ (a, b, c, d) cho mỗi N"
        )
        data = run_benchmark(options)
    except BenchError as problem:
        print(f"lỗi: {problem}", file=sys.stderr)
        return 1
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / RESULTS_JSON).write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (options.out / RESULTS_MD).write_text(markdown_report(data), encoding="utf-8")
    write_chart(options.out, data)
    _say("")
    _say(text_table(data))
    _say("")
    _say(f"kết quả: {options.out / RESULTS_JSON}, {options.out / RESULTS_MD}, {options.out / CHART_SVG}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
