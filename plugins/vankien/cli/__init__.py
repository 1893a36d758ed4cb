"""The `vankien` command line, one module per command. It calls the same core as the MkDocs plugins."""

from __future__ import annotations

import click

from vankien.cli.build import build
from vankien.cli.check import check
from vankien.cli.importing import import_command
from vankien.cli.new import new_command
from vankien.cli.publish import publish_command
from vankien.cli.refs import refs_command
from vankien.cli.vietnamese import VERSION_MESSAGE, VERSION_TEXT, VietnameseGroup


@click.group(
    cls=VietnameseGroup,
    help="Văn kiện: kho văn bản Đảng thành trang web tra cứu.",
    epilog="""Ví dụ:

\b
  vankien new                          # tạo văn bản mới, hỏi lần lượt từng trường
  vankien import van-ban.docx          # nhập văn bản thô vào directives/
  vankien check --strict               # kiểm tra kho như bản dựng chính thức
  vankien build                        # dựng trang web vào site/
  vankien publish --to /srv/van-kien   # xuất bản lên máy chủ, chuyển bản trong một bước

Xem thêm: vankien LỆNH --help""",
)
@click.version_option(package_name="vankien", message=VERSION_MESSAGE, help=VERSION_TEXT)
def main() -> None:
    pass


main.add_command(check, "check")
main.add_command(build, "build")
main.add_command(refs_command, "refs")
main.add_command(import_command, "import")
main.add_command(new_command, "new")
main.add_command(publish_command, "publish")
