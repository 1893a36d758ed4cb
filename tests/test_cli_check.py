"""`vankien check`: every problem printed, exit codes, --strict and --format json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import REPO, write_files
from vankien.cli import main

DOC = "---\nsymbol: 21-KL/TW\ntype: Kết luận\nissuer: Ban Chấp hành Trung ương Đảng\ndate: 25/10/2021\ntitle: x\n---\n"


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_clean_archive_exits_0(tmp_path: Path) -> None:
    write_files(tmp_path / "directives", {"a.md": DOC})
    code, out, err = run("check", cwd=tmp_path)
    assert (code, out) == (0, "")
    assert "Đã đọc 1 tệp, 1 văn bản sẽ được xuất bản: 0 lỗi, 0 cảnh báo, 0 lưu ý." in err


def test_errors_exit_1_and_every_problem_is_printed(tmp_path: Path) -> None:
    write_files(
        tmp_path / "kho",
        {"a.md": DOC.replace("25/10/2021", "31/02/2023"), "b.md": DOC.replace("title", "titel")},
    )
    code, out, _ = run("check", "kho", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "kho/a.md:5: lỗi: ngày 31/02/2023 không tồn tại; kiểm tra lại ngày và tháng",
        "kho/b.md:6: cảnh báo: trường `titel` không có trong lược đồ, sẽ bị bỏ qua; có phải ý bạn là `title` (trích yếu)?",
        "kho/b.md:1: lỗi: thiếu trường bắt buộc `title` (trích yếu)",
    ]


def test_warnings_exit_0_unless_strict(tmp_path: Path) -> None:
    write_files(tmp_path / "directives", {"a.md": DOC.replace("title: x", "title: x\ntopic: y")})
    assert run("check", cwd=tmp_path)[0] == 0
    assert run("check", "--strict", cwd=tmp_path)[0] == 1


def test_json_format_for_tools(tmp_path: Path) -> None:
    write_files(tmp_path / "directives", {"a.md": DOC.replace("Kết luận", "Kết lận")})
    code, out, _ = run("check", "--format", "json", cwd=tmp_path)
    report = json.loads(out)
    assert code == 1
    assert report["ok"] is False and report["errors"] == 1 and report["documents"] == 0
    assert report["problems"][0] == {
        "path": "directives/a.md",
        "line": 3,
        "severity": "error",
        "code": "unknown-type",
        "message": report["problems"][0]["message"],
    }
    assert "Kết luận" in report["problems"][0]["message"]


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    code, out, _ = run("check", "khong-co", cwd=tmp_path)
    assert code == 1 and "không tìm thấy thư mục văn bản" in out


def test_console_script_is_installed() -> None:
    exe = Path(sys.executable).with_name("vankien")
    result = subprocess.run(
        [str(exe), "check", "--strict", "directives"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
