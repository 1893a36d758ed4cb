"""`vankien import` and `vankien new` on temporary archives; a site build of an imported archive."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO
from tests.support.environment import shared_texts
from tests.support.legacy_encoders import encode_vni
from vankien.cli.importing import import_command
from vankien.cli.new import new_command
from vankien.graph.analysis import analyse_archive

HD = """TỈNH ỦY BẮC KẠN
BAN TUYÊN GIÁO
Số 39-HD/BTGTU
Bắc Kạn, ngày 26 tháng 6 năm 2023

HƯỚNG DẪN
đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị

Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Tạo sự thống nhất cao về nhận thức.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn An
"""


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "directives"
    root.mkdir()
    shutil.copy(REPO / "directives" / "co-quan.yml", root / "co-quan.yml")
    return root


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(import_command, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_import_writes_one_file_in_the_archive_layout_and_says_what_is_missing(
    archive: Path, tmp_path: Path
) -> None:
    source = tmp_path / "hd.txt"
    source.write_bytes(encode_vni(HD))
    code, out, err = run(source, "--out", archive)
    assert code == 0, err
    target = archive / "2023" / "39-hd-btgtu.md"
    assert f"{source} → {target}" in out
    assert "bảng mã: VNI (VNI-Times)" in out
    assert "số ký hiệu 39-HD/BTGTU; ngày ban hành 26/06/2023" in out
    assert "cơ quan ban hành Ban Tuyên giáo Tỉnh ủy Bắc Kạn (có trong danh mục)" in out
    assert "cần bổ sung: nơi nhận (`recipients`)" in out
    assert "kho chưa có `Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương`" in out
    assert "Đã nhập 1 tệp, 0 tệp lỗi." in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith(
        "---\nsymbol: 39-HD/BTGTU\ntype: Hướng dẫn\nissuer: Ban Tuyên giáo Tỉnh ủy Bắc Kạn\ndate: 26/06/2023\n"
        "title: Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị\n"
        "signer:\n  name: Nguyễn Văn An\n  title: PHÓ TRƯỞNG BAN\n  authority: K/T TRƯỞNG BAN\n"
    )
    analysis = analyse_archive(archive)
    assert [p.format() for p in analysis.problems] == []
    assert analysis.archive.get("39-hd-btgtu") is not None


def test_no_overwrite_without_force(archive: Path, tmp_path: Path) -> None:
    source = tmp_path / "hd.txt"
    source.write_text(HD, encoding="utf-8")
    assert run(source, "--out", archive)[0] == 0
    target = archive / "2023" / "39-hd-btgtu.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nGhi chú của biên tập viên.\n", encoding="utf-8")
    code, _, err = run(source, "--out", archive)
    assert code == 1
    assert f"đã có tệp {target}; dùng --force để ghi đè" in err
    assert "Ghi chú của biên tập viên." in target.read_text(encoding="utf-8")
    code, _, err = run(source, "--out", archive, "--force")
    assert code == 0, err
    assert "Ghi chú của biên tập viên." not in target.read_text(encoding="utf-8")
    assert not list(archive.rglob("*.tmp"))


def test_bad_files_are_reported_and_the_others_imported(archive: Path, tmp_path: Path) -> None:
    good = tmp_path / "hd.txt"
    good.write_text(HD, encoding="utf-8")
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "anh.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    not_zip = tmp_path / "hong.docx"
    not_zip.write_text("HƯỚNG DẪN", encoding="utf-8")
    headless = tmp_path / "doan-van.txt"
    headless.write_text(
        "Một đoạn văn không có tiêu đề, không có ngày đăng, không có tác giả.\n", encoding="utf-8"
    )
    code, out, err = run(empty, binary, good, not_zip, headless, "--out", archive)
    assert code == 1
    assert f"lỗi: {empty}: tệp rỗng; không ghi tệp nào cho tệp này" in err
    assert f"lỗi: {binary}: tệp nhị phân" in err
    assert f"lỗi: {not_zip}: không phải tệp .docx hợp lệ" in err
    # A text with content is never refused: what it does not say is written `chưa rõ` and listed.
    assert f"lỗi: {headless}" not in err
    assert "loại văn bản (`type`, đang ghi `chưa rõ`)" in out
    assert "Đã nhập 2 tệp, 3 tệp lỗi." in err
    assert (archive / "2023" / "39-hd-btgtu.md").is_file()
    assert sorted(p.name for p in archive.rglob("*.md")) == ["39-hd-btgtu.md", "van-ban-chua-ro-co-quan.md"]
    assert [p.format() for p in analyse_archive(archive).problems.errors] == []


def test_a_document_already_in_the_archive_under_another_name_is_not_duplicated(
    archive: Path, tmp_path: Path
) -> None:
    (archive / "cu").mkdir()
    source = tmp_path / "hd.txt"
    source.write_text(HD, encoding="utf-8")
    assert run(source, "--out", archive)[0] == 0
    (archive / "2023" / "39-hd-btgtu.md").rename(archive / "cu" / "hd39.md")
    code, _, err = run(source, "--out", archive)
    assert code == 1
    assert "kho đã có văn bản số 39-HD/BTGTU cùng ngày ban hành (cu/hd39.md)" in err


def test_new_from_flags(archive: Path) -> None:
    result = CliRunner().invoke(
        new_command,
        [
            "--type", "Kết luận", "--symbol", "21-KL/TW", "--date", "25/10/2021",
            "--issuer", "Ban Chấp hành Trung ương", "--title", "Đẩy mạnh xây dựng, chỉnh đốn Đảng",
            "--out", str(archive),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    target = archive / "2021" / "21-kl-tw.md"
    assert result.stdout == f"Đã tạo {target}\n"
    filled = [line.split("  #")[0].rstrip() for line in target.read_text(encoding="utf-8").splitlines()[1:6]]
    assert filled == [
        "symbol: 21-KL/TW",
        "type: Kết luận",
        "issuer: Ban Chấp hành Trung ương Đảng",
        "date: 25/10/2021",
        "title: Đẩy mạnh xây dựng, chỉnh đốn Đảng",
    ]
    assert [p.format() for p in analyse_archive(archive).problems] == []


def test_new_refuses_a_symbol_that_contradicts_the_type(archive: Path) -> None:
    result = CliRunner().invoke(
        new_command,
        ["--type", "Nghị quyết", "--symbol", "21-KL/TW", "--date", "25/10/2021", "--issuer", "Bộ Chính trị",
         "--title", "x", "--out", str(archive)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "ký hiệu `21-KL/TW` có mã loại KL (Kết luận) nhưng trường type là `Nghị quyết`" in result.stderr
    assert not list(archive.rglob("*.md"))


def test_new_interactively_asks_again_after_a_wrong_answer(archive: Path) -> None:
    answers = "Kê hoạch lạ\nKế hoạch\n\n31/02/2024\nchưa rõ\nBan Tổ chức Tỉnh ủy\nTuyên truyền năm 2024\n"
    result = CliRunner().invoke(new_command, ["--out", str(archive)], input=answers)
    assert result.exit_code == 0, result.output
    assert "loại `Kê hoạch lạ` không có trong danh mục" in result.output
    assert "ngày 31/02/2024 không tồn tại" in result.output
    target = archive / "chua-ro-ngay" / "kh-ban-to-chuc-tinh-uy-tuyen-truyen-nam-2024.md"
    assert target.is_file(), result.output
    text = target.read_text(encoding="utf-8")
    assert "\nid: kh-ban-to-chuc-tinh-uy-tuyen-truyen-nam-2024  " in text
    assert "\ndate: chưa rõ  " in text
    assert [p.format() for p in analyse_archive(archive).problems] == []


@pytest.mark.build
def test_site_builds_from_the_imported_shared_texts(tmp_path: Path) -> None:
    from vankien.adapters import staged_build as publish

    texts = shared_texts()
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    archive = project / "directives"
    archive.mkdir()
    shutil.copy(REPO / "directives" / "co-quan.yml", archive / "co-quan.yml")
    code, _out, err = run(*sorted(texts.glob("00*.txt")), "--out", archive)
    assert code == 0, err
    # News without a named outlet keep `issuer: chưa rõ` for the editor (a warning), so build leniently.
    publish.build_site(project / "mkdocs.yml", project / "site", strict=False)
    site = project / "site" / "van-ban"
    pages = sorted(
        p.parent.name for p in site.rglob("index.html") if p.parent.parent.name in ("2023", "chua-ro-nam")
    )
    assert "hd-thanh-uy-bac-kan-day-manh-tuyen-truyen-ve-cong-tac-xay" in pages
    assert "tin-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he" in pages
    assert len(pages) == 5
