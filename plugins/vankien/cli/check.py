"""`vankien check [DIR]`: every error, warning and notice of the archive, with file and line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vankien.cli.options import ARCHIVE_DIR, display_root, echo
from vankien.core.confidentiality import LEVELS, level_of
from vankien.graph.analysis import analyse_archive


def _level(value: str | None) -> str | None:
    if value is None:
        return None
    level = level_of(value)
    if level is None:
        raise click.BadParameter(f"độ mật `{value}` không hợp lệ; chọn một trong: {', '.join(LEVELS)}")
    return level


def _list_withheld(directory: Path, level: str) -> None:
    site = analyse_archive(directory, display_root=display_root(directory), level=level)
    echo(f"Trang xuất bản đến độ mật `{level}` sẽ không xuất bản {len(site.withheld)} văn bản:", err=True)
    for path in site.withheld:
        echo(f"  {path}", err=True)


@click.command("check", help="Kiểm tra kho văn bản: in mọi lỗi, cảnh báo và lưu ý, kèm tệp và dòng.")
@click.argument("directory", default=ARCHIVE_DIR, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--level",
    callback=lambda _ctx, _param, value: _level(value),
    help="Liệt kê những văn bản một trang xuất bản ở mức độ mật này sẽ không xuất bản "
    "(thường, nội bộ, mật, tối mật, tuyệt mật). Chỉ để biên tập viên xem; không nâng mức của trang.",
)
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 1).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Định dạng kết quả; json dành cho công cụ khác.",
)
def check(directory: Path, strict: bool, output_format: str, level: str | None) -> None:
    result = analyse_archive(directory, display_root=display_root(directory))
    if level is not None:
        _list_withheld(directory, level)
    problems = result.problems
    failed = problems.fails(strict=strict)
    if output_format == "json":
        report = {
            "files": result.archive.files_read,
            "documents": len(result.archive),
            "errors": len(problems.errors),
            "warnings": len(problems.warnings),
            "notices": len(problems.notices),
            "ok": not failed,
            "problems": [p.to_json() for p in problems],
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            echo(problem.format(), err=False)
        summary = (
            f"Đã đọc {result.archive.files_read} tệp, {len(result.archive)} văn bản sẽ được xuất bản: "
            f"{len(problems.errors)} lỗi, {len(problems.warnings)} cảnh báo, {len(problems.notices)} lưu ý."
        )
        echo(summary, err=True)
    sys.exit(1 if failed else 0)
