"""`vankien build`: the strict site build, staged so that a failed build never replaces the site."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from vankien.cli.options import echo


@click.command(
    "build", help="Dựng trang web (kiểm tra nghiêm ngặt); bản dựng lỗi không ghi đè trang đang có."
)
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
    # Imported here: the other commands start without loading MkDocs.
    from vankien.adapters.staged_build import BuildFailed, build_site

    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s- %(message)s")
    try:
        build_site(config_file, site_dir, strict=not no_strict)
    except BuildFailed as exc:
        echo(f"lỗi: dựng trang thất bại ({exc}); thư mục {site_dir} giữ nguyên bản cũ.", err=True)
        sys.exit(1)
    echo(f"Đã dựng trang vào {site_dir}/", err=True)
