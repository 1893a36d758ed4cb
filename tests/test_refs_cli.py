"""`vankien refs`: one JSON object per line, fixed leading keys, Vietnamese errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vankien.cli.refs import refs_command

LEADING_KEYS = ["surface", "start", "end", "type", "number", "symbol", "date", "issuer", "role"]

# 003: the opening of a provincial Kế hoạch (shared/texts), kept here so the test needs no files outside.
TEXT = (
    "KẾ HOẠCH\ntuyên truyền về công tác xây dựng Đảng, hệ thống chính trị năm 2024\n\n"
    "Thực hiện Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương và ý kiến chỉ đạo "
    "của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU, ngày 21/5/2024 về hưởng ứng Giải Búa liềm vàng "
    "lần thứ IX - năm 2024; Ban Tổ chức Tỉnh ủy ban hành Kế hoạch tuyên truyền về công tác xây dựng Đảng, "
    "hệ thống chính trị năm 2024 như sau:\n"
)


def test_prints_one_json_object_per_reference(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(refs_command, [str(source)])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(obj)[: len(LEADING_KEYS)] for obj in objects] == [LEADING_KEYS] * 3
    first = objects[0]
    assert first["symbol"] == "6485-CV/BTCTW"
    assert first["date"] == "2024-05-17"
    assert first["role"] == "basis"
    assert TEXT[first["start"] : first["end"]] == first["surface"]
    # ensure_ascii=False: Vietnamese stays readable.
    assert "Công văn" in result.stdout.splitlines()[0]


def test_reads_stdin_by_default_and_with_dash() -> None:
    runner = CliRunner()
    for args in ([], ["-"]):
        result = runner.invoke(refs_command, args, input="Chỉ thị 05 trong toàn Đảng bộ")
        assert result.exit_code == 0, result.output
        (line,) = result.stdout.splitlines()
        assert json.loads(line)["surface"] == "Chỉ thị 05"


def test_missing_file_is_reported_in_vietnamese(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.txt"
    result = CliRunner().invoke(refs_command, [str(missing)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"lỗi: không đọc được tệp {missing}: ")
    assert result.stdout == ""


def test_non_utf8_file_is_reported_in_vietnamese(tmp_path: Path) -> None:
    source = tmp_path / "cp1258.txt"
    source.write_bytes("Chỉ thị".encode("utf-16"))
    result = CliRunner().invoke(refs_command, [str(source)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"lỗi: tệp {source} không phải văn bản UTF-8")
