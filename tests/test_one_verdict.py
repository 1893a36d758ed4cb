"""One verdict everywhere: `vankien import`, `vankien new`, `vankien check` and the strict build
agree on what is an error (fails every run), a warning (fails strict) and a notice (never fails)."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import REPO, write_files
from vankien.cli import main
from vankien.core.schema import FIELDS

PLAN = """ĐẢNG ỦY PHƯỜNG HOÀ BÌNH
ĐẢNG CỘNG SẢN VIỆT NAM
Số 12-KH/ĐU
Hoà Bình, ngày 05 tháng 3 năm 2023

KẾ HOẠCH
về tổ chức học tập nghị quyết

I. MỤC ĐÍCH
Tổ chức học tập.

T/M ĐẢNG ỦY
BÍ THƯ
Nguyễn Văn A
"""
WARNING = "directives/2023/12-kh-du.md:4: cảnh báo: cơ quan `Đảng ủy Phường Hoà Bình` chưa có trong danh mục"


def run(*args: str, cwd: Path, stdin: str | None = None) -> Result:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), prog_name="vankien", input=stdin)
    finally:
        os.chdir(old)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The repository's site with its sample archive: mkdocs.yml beside directives/."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "directives", root / "directives")
    (tmp_path / "ke-hoach.txt").write_text(PLAN, encoding="utf-8")
    return root


def test_an_issuer_missing_from_the_registry_fails_import_and_strict_check_alike(project: Path) -> None:
    imported = run("import", "../ke-hoach.txt", cwd=project)
    assert imported.exit_code == 2, imported.output  # written, but the editor must act
    assert (project / "directives" / "2023" / "12-kh-du.md").is_file()
    assert WARNING in imported.stderr
    assert "mã thoát 2" in imported.stderr
    strict = run("check", "--strict", cwd=project)
    assert strict.exit_code == 1
    assert WARNING in strict.stdout
    lenient = run("check", cwd=project)
    assert lenient.exit_code == 0  # a warning fails strict runs only ...
    assert "Cảnh báo làm bản dựng trang (`vankien build`, `make check`) thất bại" in lenient.stderr


def test_import_json_gives_the_same_verdict(project: Path) -> None:
    result = run("import", "../ke-hoach.txt", "--format", "json", cwd=project)
    assert result.exit_code == 2
    import json

    report = json.loads(result.stdout)
    assert report["exit_code"] == 2 and report["written"] == 1 and report["to_act"] == 1
    [problem] = report["files"][0]["problems"]
    assert (problem["severity"], problem["code"], problem["line"]) == ("warning", "unknown-issuer", 4)
    assert report["files"][0]["proposed_issuers"].startswith("- name: Đảng ủy Phường Hoà Bình\n  code: ĐU")
    assert result.stderr == ""


def test_import_exit_0_when_the_written_file_passes_strict(project: Path) -> None:
    registry = project / "directives" / "co-quan.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "\n- name: Đảng ủy Phường Hoà Bình\n  code: ĐU\n  level: cơ sở\n",
        encoding="utf-8",
    )
    result = run("import", "../ke-hoach.txt", "-q", cwd=project)
    assert result.exit_code == 0, result.output
    assert result.output == ""  # --quiet: nothing but problems
    assert run("check", "--strict", cwd=project).exit_code == 0


def test_import_exit_1_when_a_file_cannot_be_written(project: Path) -> None:
    assert run("import", "../ke-hoach.txt", cwd=project).exit_code == 2
    again = run("import", "../ke-hoach.txt", cwd=project)
    assert again.exit_code == 1 and "dùng --force để ghi đè" in again.stderr


def test_check_analyses_at_the_level_the_site_publishes(tmp_path: Path) -> None:
    """`vankien check` reads the site's level from mkdocs.yml and analyses what that site publishes,
    as the build does: "sẽ được xuất bản" counts the documents the site will really publish."""
    doc = "---\nsymbol: {symbol}\ntype: Kết luận\nissuer: Bộ Chính trị\ndate: {date}\ntitle: x\n{extra}---\n"
    write_files(
        tmp_path,
        {
            "directives/a.md": doc.format(
                symbol="21-KL/TW", date="25/10/2021", extra="classification: mật\n"
            ),
            "directives/b.md": doc.format(symbol="22-KL/TW", date="26/10/2021", extra="topic: y\n"),
            "mkdocs.yml": "site_name: x\nplugins:\n  - vankien/archive:\n      classification: thường\n",
        },
    )
    public = run("check", "--strict", cwd=tmp_path)
    assert public.exit_code == 1
    assert "directives/b.md:7: cảnh báo: trường `topic` không có trong lược đồ" in public.stdout
    assert "Đã đọc 2 tệp, 1 văn bản sẽ được xuất bản: 0 lỗi, 1 cảnh báo, 0 lưu ý." in public.stderr
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - vankien/archive:\n      classification: mật\n", encoding="utf-8"
    )
    assert "2 văn bản sẽ được xuất bản" in run("check", cwd=tmp_path).stderr
    assert "1 văn bản sẽ được xuất bản" in run("check", "--level", "thường", cwd=tmp_path).stderr


def test_a_warning_of_a_withheld_document_fails_strict_check_as_it_fails_the_build(tmp_path: Path) -> None:
    """The build counts it without naming it ("1 cảnh báo ở các văn bản không xuất bản"); check names it."""
    write_files(
        tmp_path,
        {
            "directives/a.md": "---\nsymbol: 21-KL/TW\ntype: Kết luận\nissuer: Bộ Chính trị\ndate: 25/10/2021\n"
            "title: x\nclassification: mật\ntopic: y\n---\n",
        },
    )
    result = run("check", "--strict", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    assert '"documents": 0' in result.stdout and '"code": "unknown-field"' in result.stdout


@pytest.mark.build
def test_the_strict_build_fails_on_the_same_line(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    from vankien.adapters.staged_build import BuildFailed, build_site

    assert run("import", "../ke-hoach.txt", cwd=project).exit_code == 2
    with caplog.at_level(logging.WARNING), pytest.raises(BuildFailed):
        build_site(project / "mkdocs.yml", project / "site", strict=True)
    assert any(WARNING in record.getMessage() for record in caplog.records)
    assert not (project / "site").exists()


# -- vankien new ----------------------------------------------------------------------------------


def test_new_scaffold_holds_every_field_and_passes_strict(project: Path) -> None:
    result = run(
        "new", "--type", "Kế hoạch", "--symbol", "", "--date", "05/03/2023",
        "--issuer", "tinh uy bac kan", "--title", "Tuyên truyền kỷ niệm ngày thành lập Đảng",
        cwd=project,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    target = project / "directives" / "2023" / "kh-tinh-uy-bac-kan-05-03.md"
    assert result.stdout == f"Đã tạo {Path('directives') / '2023' / target.name}\n"
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    # A document without a symbol gets its id written, so correcting its issuer never moves it.
    assert lines[1].startswith("id: kh-tinh-uy-bac-kan-05-03  ")
    assert "\nissuer: Tỉnh ủy Bắc Kạn  " in text  # the registry's name for what was typed
    for key in FIELDS:
        assert any(line.startswith((f"{key}:", f"# {key}:")) for line in lines), key
    for line in lines:
        if line.startswith("# ") and ":" in line and not line.startswith("# Các") and "#" in line[2:]:
            assert "  # " in line  # every field line carries its Vietnamese comment
    assert "<số ký hiệu, ví dụ 39-HD/BTGTU" in text
    assert "#   authority: <thẩm quyền ký: T/M, K/T, T/L" in text
    assert "#   replaces:" in text and "#   amends:" in text and "#   repeals:" in text
    assert "# effective_date:" in text and "# original_file:" in text
    assert run("check", "--strict", cwd=project).exit_code == 0


def test_new_offers_the_nearest_issuers_and_asks_again(project: Path) -> None:
    answers = "Hướng dẫn\n\n26/06/2023\nBan Tuyen giao tinh\nBan Tuyên giáo Tỉnh ủy Bắc Kạn\nTuyên truyền\n"
    result = run("new", cwd=project, stdin=answers)
    assert result.exit_code == 0, result.output
    assert (
        "Lỗi: cơ quan `Ban Tuyen giao tinh` chưa có trong danh mục co-quan.yml. Gần nhất: " in result.output
    )
    assert "Ban Tuyên giáo Tỉnh ủy Bắc Kạn" in result.output.split("Gần nhất: ")[1].splitlines()[0]
    assert run("check", "--strict", cwd=project).exit_code == 0


def test_new_refuses_an_unknown_issuer_given_as_an_option(project: Path) -> None:
    result = run(
        "new", "--type", "Kế hoạch", "--date", "05/03/2023", "--issuer", "Đảng ủy Phường Hoà Bình",
        "--title", "x", cwd=project,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Lỗi: Cơ quan ban hành: cơ quan `Đảng ủy Phường Hoà Bình` chưa có trong danh mục" in result.stderr
    assert not list((project / "directives").glob("2023/kh-*.md"))
