"""Độ mật: a site built at a level shows nothing of a document above it, anywhere.

The archive holds one document at every level, with a unique, ASCII, lower-case marker in every
field it has, its body, its file name, its `id` (and so its URL) and its original file, plus
public documents citing each of them. The site is built at every level and every byte of the
output (decompressed where compressed; the markers are what search's folding leaves them) and of
the build log is scanned: no marker of a level above the site's appears, and at the highest
level every marker does (the positive control). A withheld document renders exactly as one the
archive does not hold: the whole site built with it withheld equals the site built without it.
"""

from __future__ import annotations

import gzip
import logging
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, write_files
from tests.factories import REGISTRY
from vankien.adapters.staged_build import build_site
from vankien.cli import main
from vankien.core.confidentiality import LEVELS, level_of, may_publish
from vankien.core.text import slugify

pytestmark = pytest.mark.build

SLUG = {level: slugify(level).replace("-", "") for level in LEVELS}  # thuong, noibo, mat, toimat, tuyetmat
NUMBER = {level: 9100 + index for index, level in enumerate(LEVELS)}


def marker(level: str, field: str) -> str:
    return f"qzx{SLUG[level]}{field}"


FIELDS = (
    "title",
    "topic",
    "recipient",
    "signer",
    "place",
    "term",
    "note",
    "source",
    "body",
    "file",
    "id",
    "original",
    "originalname",
)


def _document(level: str) -> str:
    m = lambda field: marker(level, field)  # noqa: E731
    return f"""\
---
id: {m("id")}
symbol: {NUMBER[level]}-KL/TW
type: Kết luận
issuer: Bộ Chính trị
date: {LEVELS.index(level) + 1:02d}/03/1991
title: Văn bản {m("title")}
classification: {level}
topics: [{m("topic")}]
recipients: [{m("recipient")}]
signer:
  name: {m("signer")}
place: {m("place")}
term: {m("term")}
note: {m("note")}
source: {m("source")}
original_file: {m("originalname")}.docx
---

Nội dung {m("body")}. Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.
"""


def _citing(level: str, external: bool) -> str:
    # Public, and cites the document of `level` in its front matter and its body.
    mark = "\n      external: true" if external else ""
    return f"""\
---
symbol: {NUMBER[level] + 50}-HD/TW
type: Hướng dẫn
issuer: Bộ Chính trị
date: 01/06/1992
title: Hướng dẫn thực hiện kết luận cấp {SLUG[level]}
relations:
  basis:
    - ref: Kết luận số {NUMBER[level]}-KL/TW ngày {LEVELS.index(level) + 1:02d}/03/1991 của Bộ Chính trị{mark}
---

Căn cứ Kết luận số {NUMBER[level]}-KL/TW ngày {LEVELS.index(level) + 1:02d}/03/1991 của Bộ Chính trị, Bộ Chính trị hướng dẫn.
"""


def _archive(root: Path, levels: tuple[str, ...] = LEVELS, *, external: bool = False) -> Path:
    files = {"co-quan.yml": REGISTRY}
    for level in LEVELS:
        files[f"1991/citing-{SLUG[level]}.md"] = _citing(level, external)
    for level in levels:
        files[f"1991/{marker(level, 'file')}.md"] = _document(level)
    write_files(root, files)
    for level in levels:
        # A real Word package (its bytes are checked), stored uncompressed so its marker can be found.
        with zipfile.ZipFile(root / "1991" / f"{marker(level, 'originalname')}.docx", "w") as package:
            package.writestr("word/document.xml", f"<w:document>{marker(level, 'original')}</w:document>")
    return root


def _project(
    tmp: Path, name: str, site_level: str, levels: tuple[str, ...] = LEVELS, *, external: bool = False
) -> Path:
    project = tmp / name
    project.mkdir()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      classification: thường\n", f"      classification: {site_level}\n")
    assert f"classification: {site_level}" in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", project / "docs")
    _archive(project / "directives", levels, external=external)
    return project


def _output(site: Path) -> str:
    parts: list[str] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        parts.append(path.relative_to(site).as_posix())
        parts.append(raw.decode("utf-8", errors="replace"))
    return "\n".join(parts).lower()


class _Collect(logging.Handler):
    """Every message of the build log, whatever its level."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """Each level's site: (every byte of the output, the build log)."""
    root = tmp_path_factory.mktemp("confidential")
    built: dict[str, tuple[str, str]] = {}
    for level in LEVELS:
        project = _project(root, SLUG[level], level)
        handler = _Collect()
        logging.getLogger().addHandler(handler)
        previous = logging.getLogger().level
        logging.getLogger().setLevel(logging.DEBUG)
        try:
            build_site(project / "mkdocs.yml", project / "site", strict=False)
        finally:
            logging.getLogger().removeHandler(handler)
            logging.getLogger().setLevel(previous)
        built[level] = (_output(project / "site"), "\n".join(handler.messages).lower())
    return built


@pytest.mark.parametrize("site_level", LEVELS)
def test_no_marker_above_the_site_level_appears(sites: dict[str, tuple[str, str]], site_level: str) -> None:
    output, log = sites[site_level]
    for level in LEVELS:
        for field in FIELDS:
            found = marker(level, field) in output or marker(level, field) in log
            if may_publish(level, site_level):
                continue
            assert not found, f"site `{site_level}` shows `{marker(level, field)}`"
    assert (
        f"{sum(not may_publish(level, site_level) for level in LEVELS)} văn bản có độ mật cao hơn" in log
        or (site_level == LEVELS[-1])
    )


def test_positive_control_every_marker_is_on_the_highest_site(sites: dict[str, tuple[str, str]]) -> None:
    output, _ = sites[LEVELS[-1]]
    # A document's file name is no part of any site (its URL comes from its id): editors see it in
    # `vankien check --level` (the last test).
    published = [field for field in FIELDS if field != "file"]
    missing = [
        marker(level, field) for level in LEVELS for field in published if marker(level, field) not in output
    ]
    assert missing == []


def test_by_default_only_ordinary_documents_are_published(sites: dict[str, tuple[str, str]]) -> None:
    output, _ = sites["thường"]
    assert marker("thường", "title") in output and marker("nội bộ", "title") not in output


def test_a_withheld_document_looks_exactly_like_an_absent_one(tmp_path: Path) -> None:
    # Public texts mark a document they cite but the site will not hold as `external`, as editors do.
    withheld = _project(tmp_path, "withheld", "thường", external=True)
    absent = _project(tmp_path, "absent", "thường", levels=("thường",), external=True)
    build_site(withheld / "mkdocs.yml", withheld / "site", strict=False)
    build_site(absent / "mkdocs.yml", absent / "site", strict=False)
    assert _output(withheld / "site") == _output(absent / "site")


def test_levels_are_read_in_any_spelling_and_unknown_ones_are_errors(tmp_path: Path) -> None:
    assert [level_of(v) for v in ("Nội Bộ", "noi bo", "TỐI MẬT", "tuyet mat", "mật")] == [
        "nội bộ",
        "nội bộ",
        "tối mật",
        "tuyệt mật",
        "mật",
    ]
    root = _archive(tmp_path / "directives", levels=("mật",))
    text = (root / "1991" / f"{marker('mật', 'file')}.md").read_text(encoding="utf-8")
    (root / "1991" / f"{marker('mật', 'file')}.md").write_text(
        text.replace("classification: mật", "classification: bí mật"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check", str(root)])
    assert "giá trị `bí mật` của `classification` (độ mật) không hợp lệ" in result.output


def test_check_lists_what_a_site_of_a_level_would_withhold(tmp_path: Path) -> None:
    root = _archive(tmp_path / "directives")
    result = CliRunner().invoke(main, ["check", str(root), "--level", "mật"])
    assert "Trang xuất bản đến độ mật `mật` sẽ không xuất bản 2 văn bản:" in result.stderr
    assert marker("tối mật", "file") in result.stderr and marker("tuyệt mật", "file") in result.stderr
    assert marker("mật", "file") not in result.stderr.replace(marker("tối mật", "file"), "").replace(
        marker("tuyệt mật", "file"), ""
    )
