"""`vankien build`: the strict site build, staged so that a failed build never replaces the site."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from vankien.cli.options import config_file_option, echo, progress_option, quiet_option
from vankien.cli.progress import Progress, wanted
from vankien.cli.vietnamese import VietnameseCommand

_MKDOCS_BUILD_LOG = "mkdocs.commands.build"


class _PageProgress(logging.Handler):
    """Counts the pages MkDocs reads, then shows each page it builds (its debug log lines)."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.DEBUG)
        self.progress = progress
        self.building = False

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Reading: "):
            self.progress.total = (self.progress.total or 0) + 1
        elif message.startswith("Building page "):
            if self.building:
                self.progress.advance()
            self.building = True
            self.progress.start(message.removeprefix("Building page "))


@click.command(
    "build",
    cls=VietnameseCommand,
    help="Dựng trang web (kiểm tra nghiêm ngặt: cảnh báo cũng làm bản dựng thất bại, như "
    "`vankien check --strict`); bản dựng lỗi không ghi đè trang đang có.",
    epilog="""Ví dụ:

\b
  vankien build                         # dựng vào site/ từ mkdocs.yml
  vankien build -d /tmp/trang           # dựng vào thư mục khác
  vankien build --no-strict             # xem thử dù còn cảnh báo

\b
Mã thoát: 0 đã dựng; 1 dựng thất bại (thư mục trang giữ nguyên bản cũ).""",
)
@config_file_option
@click.option(
    "-d",
    "--site-dir",
    default="site",
    show_default=True,
    metavar="THƯ_MỤC",
    help="Thư mục ghi trang web đã dựng.",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--no-strict", is_flag=True, help="Không coi cảnh báo là lỗi (chỉ dùng khi xem thử).")
@quiet_option
@progress_option
def build(config_file: Path, site_dir: Path, no_strict: bool, quiet: bool, progress: bool | None) -> None:
    # Imported here: the other commands start without loading MkDocs.
    from vankien.adapters.staged_build import BuildFailed, build_site

    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s- %(message)s")
    root = logging.getLogger()
    for handler in root.handlers:
        handler.setLevel(logging.WARNING if quiet else logging.INFO)
    pages = Progress(None, enabled=wanted(progress, quiet=quiet), verb="Dựng trang")
    watcher = _PageProgress(pages)
    build_log = logging.getLogger(_MKDOCS_BUILD_LOG)
    level_before = build_log.level
    if pages.enabled:
        build_log.addHandler(watcher)
        build_log.setLevel(logging.DEBUG)
    try:
        build_site(config_file, site_dir, strict=not no_strict)
    except BuildFailed as exc:
        pages.clear()
        echo(f"lỗi: dựng trang thất bại ({exc}); thư mục {site_dir} giữ nguyên bản cũ.", err=True)
        sys.exit(1)
    finally:
        pages.clear()
        build_log.removeHandler(watcher)
        build_log.setLevel(level_before)
    if not quiet:
        echo(f"Đã dựng trang vào {site_dir}/", err=True)
