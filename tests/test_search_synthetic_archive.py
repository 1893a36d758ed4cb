"""The synthetic archive (scripts/generate_archive.py, tests.support.synthetic) is valid and deterministic."""

from __future__ import annotations

from pathlib import Path

from tests.support.synthetic import generate_archive
from vankien.graph.analysis import analyse_archive


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_synthetic_archive_passes_strict_check_and_is_deterministic(tmp_path: Path) -> None:
    generate_archive(tmp_path / "a", 250, seed=3)
    generate_archive(tmp_path / "b", 250, seed=3)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    result = analyse_archive(tmp_path / "a")
    assert [p.format() for p in result.problems] == []
    archive = result.archive
    assert len(archive) == 250
    levels = {archive.registry.lookup(d.issuer).level for d in archive}  # type: ignore[union-attr]
    assert levels == {"Trung ương", "tỉnh", "huyện", "cơ sở"}
    assert sum(1 for d in archive if d.relations) > 150
    symbols = [d.symbol.key for d in archive if d.symbol]
    assert len(symbols) > len(set(symbols))  # numbers restart each term: some symbols repeat
    sizes = sorted(len(d.body.encode()) for d in archive)
    assert 2000 <= sizes[len(sizes) // 2] <= 10_000
    first = next(d for d in archive if d.relations and d.body.lstrip().startswith("Căn cứ"))
    assert ", ngày " in first.body.lstrip().split("\n", 1)[0]
