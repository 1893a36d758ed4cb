"""What the commands share: how paths are shown, and the options every writing command takes."""

from __future__ import annotations

from pathlib import Path

import click

from vankien.core.text import printable

ARCHIVE_DIR = "directives"


def display_root(directory: Path) -> str:
    """Show paths as the user typed the folder, so they can be opened from the same place."""
    text = directory.as_posix().rstrip("/")
    return "" if text in ("", ".") else f"{text}/"


out_option = click.option(
    "--out",
    default=ARCHIVE_DIR,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục kho văn bản để ghi tệp vào.",
)
force_option = click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
config_file_option = click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    metavar="TỆP",
    help="Tệp cấu hình trang.",
    type=click.Path(dir_okay=False, path_type=Path),
)


def echo(text: str, *, err: bool = False) -> None:
    """Print a line with its control characters escaped (values and file names come from files)."""
    click.echo(printable(text), err=err)


format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Định dạng kết quả: text cho người đọc; json (một đối tượng JSON trên đầu ra chuẩn) cho công cụ khác.",
)
quiet_option = click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Chỉ in lỗi và cảnh báo; không in báo cáo từng tệp, tổng kết và tiến độ.",
)
progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Hiện tiến độ (số tệp, tệp đang xử lý, thời gian còn lại) trên đầu ra lỗi chuẩn; "
    "mặc định chỉ khi đó là màn hình và không dùng --quiet hay --format json.",
)
