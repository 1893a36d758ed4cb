"""`vankien check [DIR]`: every error, warning and notice of the archive, with file and line.

The archive is analysed exactly as the site build analyses it (`site_analysis`: the same
function at the site's level), and judged by the same verdict (`Analysis.fails`): what fails
`vankien check --strict` fails the strict build, and the other way round.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from vankien.cli.options import ARCHIVE_DIR, echo, format_option, quiet_option
from vankien.cli.site_settings import site_analysis
from vankien.cli.url_manifest import manifest_option, url_changes
from vankien.cli.vietnamese import VietnameseCommand
from vankien.core.confidentiality import LEVELS, level_of


def _level(value: str | None) -> str | None:
    if value is None:
        return None
    level = level_of(value)
    if level is None:
        raise click.BadParameter(f"độ mật `{value}` không hợp lệ; chọn một trong: {', '.join(LEVELS)}")
    return level


@click.command(
    "check",
    cls=VietnameseCommand,
    help="Kiểm tra kho văn bản đúng như bản dựng trang: in mọi lỗi, cảnh báo và lưu ý, kèm tệp và dòng. "
    "Lỗi làm mọi lần chạy thất bại; cảnh báo làm thất bại khi có --strict (như `vankien build`); "
    "lưu ý không bao giờ làm thất bại.",
    epilog="""Ví dụ:

\b
  vankien check                      # kiểm tra directives/
  vankien check --strict directives  # như `make check` và bản dựng chính thức
  vankien check --format json kho    # kết quả JSON cho công cụ khác
  vankien check --level mật          # văn bản trang độ mật `mật` sẽ không xuất bản

\b
Mã thoát: 0 đạt; 1 có lỗi (hoặc có cảnh báo khi dùng --strict).""",
)
@click.argument(
    "directory",
    default=ARCHIVE_DIR,
    metavar="[THƯ_MỤC]",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--level",
    metavar="ĐỘ_MẬT",
    callback=lambda _ctx, _param, value: _level(value),
    help="Liệt kê những văn bản một trang xuất bản ở mức độ mật này sẽ không xuất bản "
    "(thường, nội bộ, mật, tối mật, tuyệt mật), và kiểm tra như trang đó. Chỉ để biên tập viên xem; "
    "không nâng mức của trang (mặc định: mức `classification` trong mkdocs.yml).",
)
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 1), như bản dựng trang.")
@format_option
@quiet_option
@manifest_option
def check(
    directory: Path, strict: bool, output_format: str, level: str | None, quiet: bool, manifest: Path | None
) -> None:
    result = site_analysis(directory, level=level)
    problems = result.reported
    moved = url_changes(result.archive, directory, manifest)
    problems.extend(moved)
    failed = result.fails(strict=strict) or moved.fails(strict=strict)
    if output_format == "json":
        report = {
            "files": result.archive.files_read,
            "documents": len(result.archive),
            "errors": len(problems.errors),
            "warnings": len(problems.warnings),
            "notices": len(problems.notices),
            "strict": strict,
            "ok": not failed,
            "problems": [p.to_json() for p in problems],
        }
        if level is not None:
            report["withheld"] = list(result.withheld)
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        sys.exit(1 if failed else 0)
    if level is not None:
        echo(
            f"Trang xuất bản đến độ mật `{level}` sẽ không xuất bản {len(result.withheld)} văn bản:", err=True
        )
        for path in result.withheld:
            echo(f"  {path}", err=True)
    for problem in problems:
        if not quiet or problem in problems.errors or problem in problems.warnings:
            echo(problem.format(), err=False)
    if not quiet:
        summary = (
            f"Đã đọc {result.archive.files_read} tệp, {len(result.archive)} văn bản sẽ được xuất bản: "
            f"{len(problems.errors)} lỗi, {len(problems.warnings)} cảnh báo, {len(problems.notices)} lưu ý."
        )
        echo(summary, err=True)
        if problems.warnings and not strict and not problems.errors:
            echo(
                "Cảnh báo làm bản dựng trang (`vankien build`, `make check`) thất bại: "
                "sửa trước khi xuất bản, hoặc chạy `vankien check --strict` để kiểm tra như bản dựng.",
                err=True,
            )
    sys.exit(1 if failed else 0)
