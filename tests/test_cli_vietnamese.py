"""The command line speaks Vietnamese: every `--help`, every kind of usage error, prompts and
progress; click's own English never reaches the user."""

from __future__ import annotations

import io
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from vankien.cli import main
from vankien.cli.progress import Progress, duration, wanted
from vankien.cli.vietnamese import vietnamese_message

ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Error|Missing|Invalid value|Show this message|Try|"
    r"No such|Did you mean|Aborted|default|required|is not one of|does not exist|is a directory|"
    r"requires an argument|Got unexpected|TEXT|PATH|DIRECTORY|FILE|INTEGER|Show the version)\b"
)

COMMANDS = sorted(main.commands)


def run(*args: str, stdin: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="vankien", input=stdin)


def no_english(text: str) -> None:
    found = ENGLISH.findall(text)
    assert not found, f"English in the command line: {found}\n{text}"


@pytest.mark.parametrize("args", [["--help"], [], *[[name, "--help"] for name in COMMANDS]])
def test_every_help_is_vietnamese_with_examples(args: list[str]) -> None:
    result = run(*args)
    no_english(result.output)
    assert "Cách dùng: vankien" in result.output
    assert "Tùy chọn:" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    assert "Ví dụ:" in result.output


def test_every_command_is_listed() -> None:
    assert COMMANDS == ["build", "check", "import", "new", "publish", "refs"]
    assert "Lệnh:" in run("--help").output


USAGE_ERRORS = {
    "missing argument": (["import"], "Thiếu đối số 'TỆP...'."),
    "unknown option": (["check", "--strit"], "Không có tùy chọn '--strit'. Có phải ý bạn là '--strict'?"),
    "bad choice": (["check", "--format", "xml"], "'xml' không phải một trong 'text', 'json'."),
    "bad value": (["import", "."], "Tệp '.' là một thư mục, cần một tệp."),
    "bad callback value": (["check", "--level", "bí mật"], "độ mật `bí mật` không hợp lệ"),
    "missing command": (["khong-co"], "Không có lệnh 'khong-co'."),
    "option without its value": (["new", "--out"], "Tùy chọn '--out' cần một giá trị."),
    "extra argument": (["check", "a", "b"], "Thừa đối số không dùng đến (b)"),
}


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_every_kind_of_usage_error_is_vietnamese(case: str) -> None:
    args, expected = USAGE_ERRORS[case]
    result = run(*args)
    no_english(result.output)
    assert result.exit_code in (1, 2)
    assert "Lỗi: " in result.stderr and expected in result.stderr, result.stderr
    if case != "option without its value":
        assert "Cách dùng: vankien" in result.stderr
        assert "--help' để biết cách dùng." in result.stderr


def test_writing_commands_exit_1_on_usage_errors() -> None:
    """For import and new, 2 means "written, the editor must act": a usage error writes nothing."""
    assert run("import").exit_code == 1
    assert run("new", "--type", "Loại lạ", "--out", "x").exit_code == 1
    assert run("check", "--format", "xml").exit_code == 2


def test_version_is_vietnamese() -> None:
    result = run("--version")
    assert result.exit_code == 0 and "vankien, phiên bản " in result.output


def test_prompts_reask_in_vietnamese_and_abort_in_vietnamese(tmp_path: Path) -> None:
    result = run("new", "--out", str(tmp_path / "kho"), stdin="Loại lạ\n")
    no_english(result.output)
    assert "Lỗi: loại `Loại lạ` không có trong danh mục" in result.output
    assert "Đã hủy." in result.output and result.exit_code == 1


def test_click_templates_are_translated() -> None:
    assert vietnamese_message("Missing option '--x'.") == "Thiếu tùy chọn '--x'."
    assert vietnamese_message("Invalid value for '-n': 'a' is not a valid integer.") == (
        "Giá trị không hợp lệ cho '-n': 'a' không phải số nguyên."
    )
    assert vietnamese_message("File 'a.txt' does not exist.") == "Tệp 'a.txt' không tồn tại."


def test_progress_counts_names_the_file_and_estimates_the_time_left() -> None:
    stream = io.StringIO()
    progress = Progress(3, enabled=True, verb="Nhập", stream=stream)
    progress.start("a.docx")
    progress.advance()
    progress.started -= 10  # the first file took ten seconds
    progress.start("b.docx")
    lines = stream.getvalue().splitlines()
    assert lines[0] == "Nhập [1/3] a.docx"
    assert lines[1] == "Nhập [2/3] b.docx · còn khoảng 20 giây"
    assert duration(130) == "2 phút 10 giây"


def test_progress_only_on_a_terminal_or_when_forced() -> None:
    assert wanted(True, json_output=True)
    assert not wanted(None, json_output=True)
    assert not wanted(None, quiet=True)
    assert not wanted(False)
