"""`vankien publish`: releases of the strict build into a target folder, switched atomically.

The steps, the layout and the checks are `vankien.publish` (pure); this module reads mkdocs.yml,
hands the adapters' strict build and the URL-manifest comparison of `vankien check --manifest` to
them, and prints in Vietnamese.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import click

from vankien.cli.options import config_file_option, echo, quiet_option
from vankien.cli.site_settings import read_site_config, site_analysis
from vankien.cli.url_manifest import url_changes
from vankien.cli.vietnamese import VietnameseCommand
from vankien.publish.releases import UNKNOWN, Target
from vankien.publish.run import BuildError, Request, RollbackFailed, StepFailed, publish, rollback

DEFAULT_KEEP = 5


@click.command(
    "publish",
    cls=VietnameseCommand,
    help="Xuất bản trang web vào một thư mục máy chủ: dựng nghiêm ngặt thành một bản mới trong "
    "THƯ_MỤC/releases/, kiểm tra mọi liên kết, rồi chuyển THƯ_MỤC/current sang bản mới trong một "
    "bước. Bước nào thất bại (kể cả khi tiến trình bị dừng) thì trang đang chạy vẫn giữ nguyên.",
    epilog="""Ví dụ:

\b
  vankien publish --to /srv/van-kien --site-url https://intranet/van-kien/
  vankien publish --to /srv/van-kien --keep 10     # giữ 10 bản gần nhất
  vankien publish --to /srv/van-kien --list        # các bản đã xuất bản, bản nào đang chạy
  vankien publish --to /srv/van-kien --rollback    # quay lại bản trước

\b
Máy chủ web trỏ gốc trang vào THƯ_MỤC/current.
Mã thoát: 0 đã xuất bản (hoặc đã quay lại); 1 thất bại (trang đang chạy giữ nguyên).""",
)
@click.option(
    "--to",
    "target",
    required=True,
    metavar="THƯ_MỤC",
    help="Thư mục xuất bản trên máy chủ (được tạo nếu chưa có).",
    type=click.Path(path_type=Path),
)
@click.option(
    "--site-url",
    default=None,
    metavar="ĐỊA_CHỈ",
    help="Địa chỉ trang khi chạy (vd. https://intranet/van-kien/); thay cho `site_url` trong mkdocs.yml.",
)
@click.option(
    "--keep",
    default=DEFAULT_KEEP,
    show_default=True,
    metavar="SỐ",
    type=click.IntRange(min=1),
    help="Số bản gần nhất được giữ lại (bản đang chạy luôn được giữ).",
)
@click.option("--rollback", "roll_back", is_flag=True, help="Quay lại bản ngay trước bản đang chạy.")
@click.option(
    "--list", "show_list", is_flag=True, help="Liệt kê các bản: ngày, commit, số văn bản, bản đang chạy."
)
@config_file_option
@quiet_option
def publish_command(
    target: Path,
    site_url: str | None,
    keep: int,
    roll_back: bool,
    show_list: bool,
    config_file: Path,
    quiet: bool,
) -> None:
    def say(text: str) -> None:
        if not quiet:
            echo(text, err=True)

    if roll_back and show_list:
        _fail("chỉ dùng một trong hai: --rollback hoặc --list")
    if show_list:
        _list(target)
        return
    if roll_back:
        try:
            was, now = rollback(target, say)
        except RollbackFailed as exc:
            _fail(f"quay lại thất bại: {exc}")
        say(f"Đã quay lại bản {now} (bản {was} vẫn được giữ).")
        return

    config = read_site_config(config_file)
    url = _site_url(site_url or config.site_url)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s- %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(logging.WARNING if quiet else logging.INFO)

    def build(out: Path) -> None:
        # Imported here, once the target passed its checks: the other commands and a refused
        # publish start without loading MkDocs.
        from vankien.adapters.staged_build import BuildFailed, build_release

        try:
            build_release(config_file, out, strict=True, site_url=url)
        except BuildFailed as exc:
            raise BuildError(_build_reason(str(exc))) from exc

    def moved_urls(manifest: Path) -> list[str]:
        analysis = site_analysis(config.archive)
        problems = url_changes(analysis.archive, config.archive, manifest)
        return [problem.format() for problem in [*problems.errors, *problems.warnings]]

    request = Request(target, url, _commit(config_file.parent), keep, build, moved_urls, say)
    try:
        done = publish(request)
    except StepFailed as exc:
        _fail(f"{exc}; trang đang chạy giữ nguyên")
    release = done.release
    say(
        f"Đã xuất bản bản {release.id} ({release.documents} văn bản, commit {release.commit[:12]}) "
        f"vào {target}/current."
    )
    if done.removed:
        say(f"Đã xóa {len(done.removed)} bản cũ: {', '.join(done.removed)}")


def _build_reason(aborted: str) -> str:
    """MkDocs' abort message ("Aborted with 2 warnings in strict mode!") in Vietnamese."""
    warnings = re.search(r"(\d+) warnings? in strict mode", aborted)
    if warnings:
        return f"bản dựng nghiêm ngặt có {warnings.group(1)} cảnh báo (xem các dòng ở trên)"
    return "bản dựng dừng vì lỗi (xem các dòng ở trên)"


def _site_url(value: str | None) -> str:
    if not value:
        _fail(
            "cần `site_url` để xuất bản (địa chỉ trang khi chạy, vd. https://intranet/van-kien/): "
            "đặt `site_url:` trong mkdocs.yml hoặc dùng --site-url"
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        _fail(f"`site_url` `{value}` phải là địa chỉ đầy đủ, vd. https://intranet/van-kien/")
    return value if value.endswith("/") else f"{value}/"


def _commit(folder: Path) -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    commit = result.stdout.strip()
    return commit if result.returncode == 0 and commit else UNKNOWN


def _list(root: Path) -> None:
    target = Target(root)
    ids = target.release_ids()
    if not ids:
        echo(f"Chưa có bản nào ở {root}.")
        return
    live = target.live()
    echo(f"{'':2}{'Bản':<26}{'Ngày tạo':<25}{'Commit':<14}Số văn bản")
    for release_id in reversed(ids):
        release = target.read(release_id)
        documents = str(release.documents) if release.documents is not None else UNKNOWN
        mark = "* " if release_id == live else "  "
        echo(f"{mark}{release.id:<26}{release.created:<25}{release.commit[:12]:<14}{documents}")
    echo("(* bản đang chạy)" if live else "(chưa có bản nào đang chạy)")


def _fail(message: str) -> NoReturn:
    # Line by line: `echo` escapes control characters, newlines included.
    for line in f"lỗi: {message}".splitlines():
        echo(line, err=True)
    sys.exit(1)
