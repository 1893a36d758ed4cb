"""Stable addresses (issue 14, item 5): explicit ids written once, `redirect_from`, the URL manifest.

A document without a symbol gets its `id` written by the importer, so correcting its issuer
never moves its page; an address that moved anyway is kept by a redirect page generated from
`redirect_from`; every build writes the manifest (document id -> URL) and `vankien check`
warns about an address that changed since it with no redirect.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, TODAY, write_files
from tests.factories import REGISTRY
from vankien.cli import main
from vankien.cli.importing import import_command
from vankien.core.doctypes import doc_type
from vankien.core.identity import derived_id, explicit_id_for
from vankien.core.loader import load_archive
from vankien.core.manifest import MANIFEST_PATH, build_manifest, compare, dumps, loads
from vankien.core.redirects import BadPath, normalise
from vankien.core.symbols import parse_symbol
from vankien.graph.analysis import analyse_archive

KH = """TỈNH ỦY BẮC KẠN
BAN TUYÊN GIÁO
Bắc Kạn, ngày 26 tháng 6 năm 2023

KẾ HOẠCH
tuyên truyền về công tác xây dựng Đảng năm 2023

Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Tạo sự thống nhất cao về nhận thức.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn An
"""

UNNUMBERED = """---
id: kh-btg-26-06
type: Kế hoạch
issuer: Tỉnh ủy Bắc Kạn
date: 26/06/2023
title: Tuyên truyền năm 2023
---
"""
NUMBERED = """---
symbol: 21-KL/TW
type: Kết luận
issuer: Ban Chấp hành Trung ương Đảng
date: 25/10/2021
title: Đẩy mạnh xây dựng, chỉnh đốn Đảng
---
"""


def archive_of(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_files(tmp_path / "d", {"co-quan.yml": REGISTRY, **files})


def problems_of(root: Path) -> list[tuple[str, int, str, str]]:
    return [
        (p.path, p.line, p.code, p.severity.name)
        for p in load_archive(root, today=TODAY, display_root="d/").problems
    ]


# -- explicit ids ---------------------------------------------------------------------------------


def test_explicit_id_is_the_address_the_loader_would_derive() -> None:
    plan = doc_type("Kế hoạch")
    news = doc_type("Tin bài")
    assert plan is not None and news is not None
    day = dt.date(2023, 6, 26)
    issuer = "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
    assert explicit_id_for(None, plan, issuer, day, "x") == derived_id(None, plan, issuer, day, "x")
    assert explicit_id_for(None, plan, issuer, day, "x") == "kh-ban-tuyen-giao-tinh-uy-bac-kan-26-06"
    # A symbol names the document for good: nothing to write.
    assert explicit_id_for("39-HD/BTGTU", plan, issuer, day, "x") is None
    assert explicit_id_for(parse_symbol("39-HD/BTGTU"), plan, issuer, day, "x") is None
    # Undated, issuer unknown, news: the readable id the importer always wrote for them.
    assert (
        explicit_id_for(None, plan, issuer, None, "Tuyên truyền")
        == "kh-ban-tuyen-giao-tinh-uy-bac-kan-tuyen-truyen"
    )
    assert explicit_id_for(None, news, None, day, "Tin mới") == "tin-tin-moi"


def test_correcting_the_issuer_of_an_imported_unnumbered_document_keeps_its_address(tmp_path: Path) -> None:
    root = tmp_path / "directives"
    root.mkdir()
    shutil.copy(REPO / "directives" / "co-quan.yml", root / "co-quan.yml")
    source = tmp_path / "kh.txt"
    source.write_text(KH, encoding="utf-8")
    result = CliRunner().invoke(import_command, [str(source), "--out", str(root)])
    assert result.exit_code in (0, 2), result.output
    [written] = root.glob("2023/*.md")
    text = written.read_text(encoding="utf-8")
    issuer = re.search(r"^issuer: (.+)$", text, re.M)
    written_id = re.search(r"^id: (.+)$", text, re.M)
    assert issuer is not None and written_id is not None, text
    assert "symbol:" not in text
    before = analyse_archive(root, today=TODAY).archive.documents
    assert [d.url for d in before] == [f"van-ban/2023/{written_id[1]}/"]

    corrected = "Tỉnh ủy Bắc Kạn" if issuer[1] != "Tỉnh ủy Bắc Kạn" else "Thành ủy Bắc Kạn"
    written.write_text(text.replace(f"issuer: {issuer[1]}", f"issuer: {corrected}"), encoding="utf-8")
    after = analyse_archive(root, today=TODAY).archive.documents
    assert [(d.issuer, d.url) for d in after] == [(corrected, before[0].url)]

    # Positive control: without the written id the same correction would move the page.
    moved = written.read_text(encoding="utf-8").replace(f"id: {written_id[1]}\n", "")
    written.write_text(moved, encoding="utf-8")
    assert [d.url for d in analyse_archive(root, today=TODAY).archive] != [before[0].url]


def test_importing_the_same_unnumbered_text_again_is_the_same_file(tmp_path: Path) -> None:
    """Its written id names its content: again without --force is refused, with --force replaced."""
    root = tmp_path / "directives"
    root.mkdir()
    shutil.copy(REPO / "directives" / "co-quan.yml", root / "co-quan.yml")
    source = tmp_path / "kh.txt"
    source.write_text(KH, encoding="utf-8")
    assert CliRunner().invoke(import_command, [str(source), "--out", str(root)]).exit_code in (0, 2)
    again = CliRunner().invoke(import_command, [str(source), "--out", str(root)])
    assert again.exit_code == 1 and "--force" in again.output, again.output
    forced = CliRunner().invoke(import_command, [str(source), "--out", str(root), "--force"])
    assert forced.exit_code in (0, 2), forced.output
    assert len(list(root.glob("2023/*.md"))) == 1


# -- redirect_from ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("/van-ban/2022/hd-cu/", "van-ban/2022/hd-cu/"),
        ("van-ban/2022/hd-cu", "van-ban/2022/hd-cu/"),
        ("./van-ban/2022/hd-cu/", "van-ban/2022/hd-cu/"),
        ("trang-cu/ke-hoach.html", "trang-cu/ke-hoach.html"),
        ("Van_Ban/v1.2/", "Van_Ban/v1.2/"),
    ],
)
def test_old_addresses_are_read_as_site_paths(written: str, normalised: str) -> None:
    assert normalise(written) == normalised


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("https://intranet/van-kien/van-ban/2022/hd-cu/", "không ghi `http://`"),
        ("//intranet/van-ban/2022/hd-cu/", "tên máy"),
        ("mailto:a@b", "không ghi `http://`"),
        ("van-ban/../../etc/", "không được có `..`"),
        ("../van-ban/", "không được có `..`"),
        ("/", "không phải một địa chỉ trang"),
        ("van-ban//hd/", "không phải một địa chỉ trang"),
        ("van-ban/hd cu/", "khoảng trắng"),
        ("van-ban/hd-cu/?a=1", "`?`"),
        ("van-ban/văn-bản/", "chữ cái không dấu"),
        ("van-ban\\hd\\", "`\\`"),
        ("van-ban/hd.pdf", "`.html`"),
        ("  ", "để trống"),
    ],
)
def test_bad_old_addresses_say_why(written: str, reason: str) -> None:
    found = normalise(written)
    assert isinstance(found, BadPath)
    assert reason in found.reason


def test_bad_redirect_values_are_errors_on_their_own_lines(tmp_path: Path) -> None:
    extra = (
        "redirect_from:\n"
        "  - /van-ban/2022/kh-cu/\n"
        "  - https://intranet/van-ban/2022/kh-cu-2/\n"
        "  - ../ngoai/\n"
        "  - {a: 1}\n"
    )
    root = archive_of(tmp_path, {"a.md": UNNUMBERED.replace("title:", extra + "title:")})
    assert problems_of(root) == [
        ("d/a.md", 8, "bad-redirect", "ERROR"),
        ("d/a.md", 9, "bad-redirect", "ERROR"),
        ("d/a.md", 10, "bad-redirect", "ERROR"),
    ]
    archive = load_archive(root, today=TODAY)
    messages = [p.format() for p in archive.problems]
    assert messages[0].startswith("d/a.md:8: lỗi: địa chỉ cũ `https://intranet/van-ban/2022/kh-cu-2/`")
    assert "không được có `..`" in messages[1]
    # Only the bad addresses are dropped: the document and its good old address stay.
    assert [d.redirect_from for d in archive] == [("van-ban/2022/kh-cu/",)]

    not_a_list = archive_of(
        tmp_path / "b", {"a.md": UNNUMBERED.replace("title:", "redirect_from: {a: 1}\ntitle:")}
    )
    assert problems_of(not_a_list) == [("d/a.md", 6, "bad-redirect", "ERROR")]


def test_old_addresses_must_not_collide(tmp_path: Path) -> None:
    own = UNNUMBERED.replace(
        "title:", "redirect_from:\n  - van-ban/2023/kh-btg-26-06/\n  - van-ban/cu/\ntitle:"
    )
    other = NUMBERED.replace(
        "title:",
        "redirect_from:\n  - /van-ban/2023/kh-btg-26-06/\n  - van-ban/cu/\n  - van-ban/rieng/\ntitle:",
    )
    root = archive_of(tmp_path, {"a.md": own, "b.md": other})
    assert problems_of(root) == [
        ("d/a.md", 7, "redirect-collision", "ERROR"),  # its own current address
        ("d/b.md", 7, "redirect-collision", "ERROR"),  # another document's current address
        ("d/b.md", 8, "redirect-collision", "ERROR"),  # another document's old address
    ]
    messages = [p.message for p in load_archive(root, today=TODAY).problems]
    assert "chính là địa chỉ hiện tại của văn bản này" in messages[0]
    assert "đang là địa chỉ của văn bản `d/a.md`" in messages[1]
    assert "đã được khai báo trong `d/a.md`" in messages[2]


# -- the manifest ----------------------------------------------------------------------------------


def test_manifest_is_deterministic_and_holds_published_documents_only(tmp_path: Path) -> None:
    secret = NUMBERED.replace("21-KL/TW", "14-KL/TW").replace("title:", "classification: mật\ntitle:")
    root = archive_of(tmp_path, {"b.md": NUMBERED, "a.md": UNNUMBERED, "c.md": secret})
    site = analyse_archive(root, today=TODAY, level="thường")
    manifest = build_manifest(site.archive, "thường", "van-ban", "d/")
    text = dumps(manifest)
    again = analyse_archive(root, today=TODAY, level="thường").archive
    assert text == dumps(build_manifest(again, "thường", "van-ban", "d/"))
    data = json.loads(text)
    assert data["documents"] == {
        "21-kl-tw": {"path": "b.md", "url": "van-ban/2021/21-kl-tw/"},
        "kh-btg-26-06": {"path": "a.md", "url": "van-ban/2023/kh-btg-26-06/"},
    }
    assert "14-kl-tw" not in text and "c.md" not in text
    assert list(data) == sorted(data) and list(data["documents"]) == sorted(data["documents"])
    assert loads(text) == manifest
    # A site of the higher level lists it.
    assert "14-kl-tw" in dumps(
        build_manifest(analyse_archive(root, today=TODAY, level="mật").archive, "mật", "van-ban")
    )


def test_a_moved_address_warns_until_redirect_from_lists_it(tmp_path: Path) -> None:
    root = archive_of(tmp_path, {"a.md": UNNUMBERED, "b.md": NUMBERED})
    published = analyse_archive(root, today=TODAY, level="thường").archive
    manifest = build_manifest(published, "thường", "van-ban", "d/")
    assert compare(load_archive(root, today=TODAY), manifest, "site/urls.json") == []

    # A corrected date moves /van-ban/<year>/…: the warning names the date's line and the fix.
    (root / "a.md").write_text(UNNUMBERED.replace("26/06/2023", "26/06/2022"), encoding="utf-8")
    # A corrected symbol changes the id too: the document is found by its file.
    (root / "b.md").write_text(NUMBERED.replace("21-KL/TW", "22-KL/TW"), encoding="utf-8")
    # Found by file whatever folder name the check is given.
    problems = compare(
        load_archive(root, today=TODAY, display_root="kho/"), manifest, "site/urls.json", "kho/"
    )
    assert [(p.path, p.line, p.code, p.severity.name) for p in problems] == [
        ("kho/b.md", 2, "url-changed", "WARNING"),
        ("kho/a.md", 5, "url-changed", "WARNING"),
    ]
    assert problems.fails(strict=True) and not problems.fails(strict=False)
    assert problems[1].message == (
        "địa chỉ của văn bản đã đổi từ /van-ban/2023/kh-btg-26-06/ (trong site/urls.json) thành "
        "/van-ban/2022/kh-btg-26-06/; địa chỉ cũ sẽ báo không tìm thấy trang — thêm "
        "`redirect_from: [/van-ban/2023/kh-btg-26-06/]` để địa chỉ cũ chuyển đến địa chỉ mới"
    )

    fixed = UNNUMBERED.replace("26/06/2023", "26/06/2022").replace(
        "title:", "redirect_from: [/van-ban/2023/kh-btg-26-06/]\ntitle:"
    )
    (root / "a.md").write_text(fixed, encoding="utf-8")
    (root / "b.md").write_text(NUMBERED, encoding="utf-8")
    assert compare(load_archive(root, today=TODAY), manifest, "site/urls.json") == []


def run_check(cwd: Path, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


def test_check_compares_with_the_last_built_site_or_the_manifest_given(tmp_path: Path) -> None:
    root = archive_of(tmp_path, {"a.md": UNNUMBERED})
    site_manifest = tmp_path / "site" / MANIFEST_PATH
    site_manifest.parent.mkdir(parents=True)
    site_manifest.write_text(
        dumps(build_manifest(analyse_archive(root, level="thường").archive, "thường", "van-ban", "d/")),
        encoding="utf-8",
    )
    assert run_check(tmp_path, "d", "--strict") == (0, "")

    (root / "a.md").write_text(UNNUMBERED.replace("26/06/2023", "26/06/2022"), encoding="utf-8")
    code, out = run_check(tmp_path, "d", "--strict")
    assert code == 1
    assert out.startswith(
        "d/a.md:5: cảnh báo: địa chỉ của văn bản đã đổi từ /van-ban/2023/kh-btg-26-06/ (trong site/"
    )
    assert "thêm `redirect_from: [/van-ban/2023/kh-btg-26-06/]`" in out
    assert run_check(tmp_path, "d")[0] == 0  # a warning fails strict runs only

    # Another release's manifest, named on the command line.
    release = tmp_path / "phat-hanh.json"
    shutil.move(site_manifest, release)
    assert run_check(tmp_path, "d", "--strict") == (0, "")
    code, out = run_check(tmp_path, "d", "--strict", "--manifest", str(release))
    assert code == 1 and "url-changed" not in out and "đã đổi từ /van-ban/2023/kh-btg-26-06/" in out

    release.write_text("{}", encoding="utf-8")
    code, out = run_check(tmp_path, "d", "--manifest", str(release))
    assert code == 1 and "lỗi: tệp địa chỉ không phải tệp địa chỉ của trang" in out


# -- the built site --------------------------------------------------------------------------------

OLD = "van-ban/2022/39-hd-btgtu/"
OLD_PAGE = "trang-cu/huong-dan-39.html"


def redirected_project(target: Path) -> Path:
    """The repository's site with the sample archive, one document listing two old addresses and
    one secret document the ordinary site withholds."""
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copytree(REPO / "directives", target / "directives")
    document = target / "directives" / "2023" / "39-hd-btgtu.md"
    text = document.read_text(encoding="utf-8")
    document.write_text(
        text.replace("title:", f"redirect_from:\n  - /{OLD}\n  - {OLD_PAGE}\ntitle:", 1), encoding="utf-8"
    )
    secret = text.replace("39-HD/BTGTU", "40-HD/BTGTU").replace("title:", "classification: mật\ntitle:", 1)
    (target / "directives" / "2023" / "40-hd-btgtu.md").write_text(secret, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vankien.adapters.staged_build import build_site

    project = redirected_project(tmp_path_factory.mktemp("addresses") / "project")
    build_site(project / "mkdocs.yml", project / "site")
    return project / "site"


@pytest.mark.build
@pytest.mark.parametrize("old", [OLD, OLD_PAGE])
def test_each_old_address_has_a_page_that_sends_readers_on(built: Path, old: str) -> None:
    page = built / (f"{old}index.html" if old.endswith("/") else old)
    html = page.read_text(encoding="utf-8")
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    link = re.search(r'<a class="vk-redirect" href="([^"]+)">([^<]+)</a>', html)
    assert refresh and canonical and link, html
    assert refresh[1] == canonical[1] == link[1]
    assert not refresh[1].startswith(("/", "http")), "relative, so the site works from a sub-path"
    # The target resolves to the document's page in the built site.
    target = urljoin(f"https://intranet/van-kien/{old}", refresh[1])
    assert target == "https://intranet/van-kien/van-ban/2023/39-hd-btgtu/"
    assert (built / "van-ban/2023/39-hd-btgtu/index.html").is_file()
    assert "Văn bản đã chuyển đến địa chỉ mới:" in html and link[2] == "Hướng dẫn số 39-HD/BTGTU"
    assert '<html lang="vi">' in html
    # The site's policy, and nothing for it to allow.
    assert "Content-Security-Policy" in html and "<script" not in html


@pytest.mark.build
def test_every_build_writes_the_manifest_of_the_published_documents(built: Path) -> None:
    text = (built / MANIFEST_PATH).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["level"] == "thường" and data["url_prefix"] == "van-ban"
    assert data["documents"]["39-hd-btgtu"]["url"] == "van-ban/2023/39-hd-btgtu/"
    assert data["redirects"] == {OLD: "van-ban/2023/39-hd-btgtu/", OLD_PAGE: "van-ban/2023/39-hd-btgtu/"}
    assert "40-hd-btgtu" not in text  # withheld: to the site, a document the archive never held
    assert not (built / "van-ban/2023/40-hd-btgtu").exists()
    for entry in data["documents"].values():
        assert (built / entry["url"] / "index.html").is_file()
    # Deterministic: the same archive gives the same bytes.
    archive = analyse_archive(built.parent / "directives", display_root="directives/", level="thường").archive
    assert text == dumps(build_manifest(archive, "thường", "van-ban", "directives/"))
    assert data["documents"]["39-hd-btgtu"]["path"] == "2023/39-hd-btgtu.md"


@pytest.mark.build
def test_check_is_quiet_after_a_build_and_warns_once_a_page_moves(built: Path) -> None:
    project = built.parent
    assert run_check(project, "--strict")[0] == 0
    document = project / "directives" / "2023" / "39-hd-btgtu.md"
    original = document.read_text(encoding="utf-8")
    try:
        document.write_text(original.replace("date: 26/06/2023", "date: 26/06/2021"), encoding="utf-8")
        code, out = run_check(project, "--strict")
        assert code == 1
        assert "directives/2023/39-hd-btgtu.md:" in out
        assert "thêm `redirect_from: [/van-ban/2023/39-hd-btgtu/]`" in out
    finally:
        document.write_text(original, encoding="utf-8")


@pytest.mark.build
def test_redirect_pages_are_reader_text(built: Path) -> None:
    from tests.test_reader_text import ENGLISH_UI, TEXT_RULES, offences, shown_text

    pages = [built / f"{OLD}index.html", built / OLD_PAGE]
    for rule in [*TEXT_RULES, ENGLISH_UI]:
        assert offences(rule, pages, built, shown_text) == [], rule.reason
