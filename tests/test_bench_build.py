"""scripts/bench_build.py and scripts/generate_archive.py: nonsense refused, and a small real run.

The benchmark is not a timed test: the small run (N = 200, one run) goes through the same code
path as the real benchmark and checks only that every variant was measured and reported.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"script_{name}", SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look the module up in sys.modules while the script is executed.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("bench_build")


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return load_script("generate_archive")


def refusal(main: object, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The message of a refused command line (exit code 2, message on stderr)."""
    assert callable(main)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    message: str = capsys.readouterr().err
    assert "lỗi:" in message
    return message


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--sizes", "0"], "phải là số nguyên dương (lớn hơn 0), không phải 0"),
        (["--sizes", "1000,-5"], "phải là số nguyên dương (lớn hơn 0), không phải -5"),
        (["--sizes", "1000,mười"], "phải là số nguyên dương, không phải 'mười'"),
        (["--sizes", ","], "--sizes cần ít nhất một số văn bản"),
        (["--runs", "0"], "--runs phải là số nguyên dương (lớn hơn 0), không phải 0"),
        (["--runs", "ba"], "--runs phải là số nguyên dương, không phải 'ba'"),
        (["--quick", "--sizes", "200"], "--quick (N = 500) và --sizes không dùng cùng nhau"),
    ],
)
def test_benchmark_refuses_nonsense_arguments(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    assert expected in refusal(bench.main, [*argv, "--out", str(tmp_path / "out")], capsys)
    assert not (tmp_path / "out").exists()


def test_benchmark_refuses_an_output_folder_with_content_without_force(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bench"
    out.mkdir()
    (out / "results.json").write_text("{}", encoding="utf-8")
    message = refusal(bench.main, ["--sizes", "200", "--out", str(out)], capsys)
    assert "đã có nội dung" in message and "--force" in message
    assert (out / "results.json").read_text(encoding="utf-8") == "{}"
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert "là một tệp, không phải thư mục" in refusal(
        bench.main, ["--sizes", "200", "--out", str(tmp_path / "file"), "--force"], capsys
    )


def test_benchmark_chart_only_needs_results(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = refusal(bench.main, ["--chart-only", "--out", str(tmp_path)], capsys)
    assert "không có" in message and "results.json" in message


def test_benchmark_accepts_an_empty_or_forced_output_folder(bench: ModuleType, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert bench.parse_options(["--sizes", "5000, 1000,1000", "--out", str(empty)]).sizes == [1000, 5000]
    (empty / "old.md").write_text("", encoding="utf-8")
    options = bench.parse_options(["--quick", "--runs", "2", "--out", str(empty), "--force"])
    assert (options.sizes, options.runs) == ([500], 2)
    assert bench.parse_options(["--out", str(tmp_path / "new")]).sizes == [1000, 5000, 10000]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--count", "0"], "--count phải là số nguyên dương (lớn hơn 0), không phải 0"),
        (["--count", "-3"], "--count phải là số nguyên dương (lớn hơn 0), không phải -3"),
        (["--count", "nhiều"], "--count phải là số nguyên dương, không phải 'nhiều'"),
    ],
)
def test_generator_refuses_a_count_that_is_not_positive(
    generator: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    assert expected in refusal(generator.main, [*argv, "--out", str(tmp_path / "kho")], capsys)
    assert not (tmp_path / "kho").exists()


def test_generator_refuses_a_folder_with_content_without_force(
    generator: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "kho"
    archive.mkdir()
    (archive / "ghi-chu.md").write_text("của biên tập viên", encoding="utf-8")
    message = refusal(generator.main, ["--count", "3", "--out", str(archive)], capsys)
    assert "đã có nội dung" in message and "--force" in message
    assert sorted(path.name for path in archive.iterdir()) == ["ghi-chu.md"]

    assert generator.main(["--count", "3", "--out", str(archive), "--force"]) == 0
    assert (archive / "ghi-chu.md").read_text(encoding="utf-8") == "của biên tập viên"
    assert len(list(archive.rglob("*.md"))) == 4
    assert generator.main(["--count", "3", "--out", str(tmp_path / "new")]) == 0


@pytest.mark.build
def test_a_small_benchmark_run_measures_every_variant(bench: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "bench"
    assert bench.main(["--sizes", "200", "--runs", "1", "--out", str(out)]) == 0

    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    [entry] = data["results"]
    assert entry["n"] == entry["documents"] == 200
    measures = {"a": entry["a"], "b": entry["b"], "c": entry["c"]}
    measures |= {"d (body)": entry["d"]["body"], "d (title)": entry["d"]["title"]}
    for name, measure in measures.items():
        assert measure["median_s"] > 0, name
        assert measure["peak_rss_max_bytes"] > 10 * 2**20, name  # a Python process at least
        assert len(measure["times_s"]) == 1, name
    for name in ("a", "b"):
        assert measures[name]["site_bytes"] > 0 and measures[name]["search_index_bytes"] > 0, name
    assert entry["b"]["cache_at_start"] == [False]
    assert entry["d"]["title_inbound_relations"] > 0
    assert entry["ratio_b_a"] > 0
    assert data["machine"]["cpus"] >= 1 and data["versions"]["mkdocs"] != "?"

    report = (out / "results.md").read_text(encoding="utf-8")
    assert "| 200 | (b) full archive build |" in report and "mkdocs build" in report
    chart = (out / "build-time.svg").read_text(encoding="utf-8")
    assert chart.startswith("<svg") and chart.count("<circle") == 5

    # --chart-only redraws the same chart from results.json alone.
    (out / "build-time.svg").unlink()
    assert bench.main(["--chart-only", "--out", str(out)]) == 0
    assert (out / "build-time.svg").read_text(encoding="utf-8") == chart
