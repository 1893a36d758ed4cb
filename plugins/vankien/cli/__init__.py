"""The `vankien` command line. It calls the same core as the MkDocs plugins."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from vankien.graph.analysis import analyse_archive
from vankien.cli.importing import import_command, new_command
from vankien.cli.refs import refs_command


@click.group(help="Văn kiện: kho văn bản Đảng thành trang web tra cứu.")
@click.version_option(package_name="vankien")
def main() -> None:
    pass


@main.command(help="Kiểm tra kho văn bản: in mọi lỗi và cảnh báo, kèm tệp và dòng.")
@click.argument("directory", default="directives", type=click.Path(file_okay=False, path_type=Path))
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
    result = analyse_archive(directory, display_root=_display_root(directory))
    problems = result.problems
    failed = bool(problems.errors) or (strict and bool(problems.warnings))
    if output_format == "json":
        report = {
            "documents": len(result.archive),
            "errors": len(problems.errors),
            "warnings": len(problems.warnings),
            "ok": not failed,
            "problems": [p.to_json() for p in problems],
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(problem.format(), err=False)
        summary = (
            f"Đã kiểm tra {len(result.archive)} văn bản: {len(problems.errors)} lỗi, "
            f"{len(problems.warnings)} cảnh báo."
        )
        click.echo(summary, err=True)
    sys.exit(1 if failed else 0)


@main.command(help="Dựng trang web (kiểm tra nghiêm ngặt); bản dựng lỗi không ghi đè trang đang có.")
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "-d", "--site-dir", default="site", show_default=True, type=click.Path(file_okay=False, path_type=Path)
)
@click.option("--no-strict", is_flag=True, help="Không coi cảnh báo là lỗi (chỉ dùng khi xem thử).")
def build(config_file: Path, site_dir: Path, no_strict: bool) -> None:
    from mkdocs.exceptions import Abort

    from vankien.adapters.staged_build import build_site

    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s- %(message)s")
    try:
        build_site(config_file, site_dir, strict=not no_strict)
    except Abort as exc:
        click.echo(f"lỗi: dựng trang thất bại ({exc}); thư mục {site_dir} giữ nguyên bản cũ.", err=True)
        sys.exit(1)
    click.echo(f"Đã dựng trang vào {site_dir}/", err=True)


def _display_root(directory: Path) -> str:
    """Show paths as the user typed the folder, so they can be opened from the same place."""
    text = directory.as_posix().rstrip("/")
    return "" if text in ("", ".") else f"{text}/"


main.add_command(refs_command, "refs")
main.add_command(import_command, "import")
main.add_command(new_command, "new")
