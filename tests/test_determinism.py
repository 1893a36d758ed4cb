"""Two builds of the same archive are byte-identical, also on another day.

Every file is compared, compressed ones as bytes (their headers carry no time). The builds run
in separate processes with different hash seeds (set and dict order of strings), into folders
of different names; "another day" is every clock the build reads set to two dates in turn.
With `SOURCE_DATE_EPOCH` set the clock is never read.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import mkdocs.structure.pages
import mkdocs.utils
import pytest

from tests.conftest import REPO
from vankien.adapters.staged_build import build_site
from vankien.core import clock

pytestmark = pytest.mark.build

SITE_URL = "https://intranet.example/van-kien/"
EPOCH = "1767225600"  # 2026-01-01 UTC


def _project(root: Path) -> Path:
    root.mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: Văn kiện\n", f"site_name: Văn kiện\nsite_url: {SITE_URL}\n", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "directives", root / "directives")
    return root


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _assert_identical(first: Path, second: Path) -> None:
    a, b = _files(first), _files(second)
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    assert "sitemap.xml.gz" in a and "api/atom.xml" in a


def test_two_builds_in_two_processes_are_byte_identical(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    for name, seed in (("site-a", "1"), ("other-b", "2")):
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(project / "mkdocs.yml"),
                "-d",
                str(tmp_path / name),
            ],
            check=True,
            env=env,
            cwd=tmp_path,
        )
    _assert_identical(tmp_path / "site-a", tmp_path / "other-b")


def _on_day(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """Every clock a build reads (the archive's, MkDocs' build date and page dates) shows `day`."""
    now = dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=dt.UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(clock, "_clock", lambda: day)
    monkeypatch.setattr(mkdocs.utils, "get_build_datetime", lambda: now)
    monkeypatch.setattr(mkdocs.structure.pages, "get_build_date", lambda: day.isoformat())


def test_builds_on_two_days_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path / "project")
    for day, site in ((dt.date(2026, 11, 22), "day-1"), (dt.date(2031, 7, 20), "day-2")):
        _on_day(monkeypatch, day)
        build_site(project / "mkdocs.yml", tmp_path / site)
    _assert_identical(tmp_path / "day-1", tmp_path / "day-2")


def test_with_source_date_epoch_the_clock_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_clock(*_: object) -> dt.date:
        raise AssertionError("the clock was read although SOURCE_DATE_EPOCH is set")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(clock, "_clock", no_clock)
    project = _project(tmp_path / "project")
    build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site/api/documents.json").is_file()


def test_source_date_epoch_is_the_builds_today() -> None:
    assert clock.source_date({"SOURCE_DATE_EPOCH": EPOCH}) == dt.date(2026, 1, 1)
    assert clock.today({"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)
    assert clock.source_date({}) is None
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='hôm qua' không hợp lệ"):
        clock.source_date({"SOURCE_DATE_EPOCH": "hôm qua"})
