"""`vankien check [DIR]`: every error, warning and notice of the archive, with file and line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vankien.cli.options import ARCHIVE_DIR, display_root, echo
from vankien.graph.analysis import analyse_archive


@click.command("check", help="Kiểm tra kho văn bản: in mọi lỗi, cảnh báo và lưu ý, kèm tệp và dòng.")
@click.argument("directory", default=ARCHIVE_DIR, type=click.Path(file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 1).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Định dạng kết quả; json dành cho công cụ khác.",
)
def check(directory: Path, strict: bool, output_format: str) -> None:
    result = analyse_archive(directory, display_root=display_root(directory))
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
