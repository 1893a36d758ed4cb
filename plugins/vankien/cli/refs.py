"""`vankien refs [FILE|-]`: print every document reference in a text, one JSON object per line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from vankien.cli.options import echo
from vankien.cli.vietnamese import VietnameseCommand
from vankien.core.issuers import REGISTRY_FILE, load_registry
from vankien.core.problems import ProblemList
from vankien.refs import extract_references
from vankien.refs.jsonl import reference_to_json


def _read_text(source: str) -> str:
    # open_file reads "-" from stdin, with the same encoding as a named file.
    with click.open_file(source, encoding="utf-8") as handle:
        text: str = handle.read()
    return text


def _issuer_resolver(archive: Path | None) -> Callable[[str], str | None] | None:
    """Registry names for issuer phrases ("BCH Trung ương" -> "Ban Chấp hành Trung ương Đảng")."""
    folder = archive if archive is not None else Path("directives")
    if not (folder / REGISTRY_FILE).is_file():
        if archive is not None:
            raise click.BadParameter(f"không có {REGISTRY_FILE} trong {archive}", param_hint="--archive")
        return None
    problems = ProblemList()
    registry = load_registry(folder, problems)
    for problem in problems:
        echo(problem.format(), err=True)

    def resolve(phrase: str) -> str | None:
        found = registry.lookup(phrase)
        return found.name if found else None

    return resolve


@click.command(
    "refs",
    cls=VietnameseCommand,
    epilog="""Ví dụ:

\b
  vankien refs texts/002_ket-luan.txt         # mỗi dẫn chiếu một dòng JSON
  cat van-ban.txt | vankien refs -            # đọc từ đầu vào chuẩn
  vankien refs van-ban.txt --archive kho      # đối chiếu tên cơ quan với kho/co-quan.yml""",
)
@click.argument("source", metavar="[TỆP|-]", default="-")
@click.option(
    "--archive",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="THƯ_MỤC",
    help="Thư mục kho để đối chiếu tên cơ quan với danh mục co-quan.yml (mặc định: directives nếu có).",
)
def refs_command(source: str, archive: Path | None) -> None:
    """In ra mọi dẫn chiếu văn bản trong TỆP (hoặc đầu vào chuẩn với "-"), mỗi dòng một đối tượng JSON."""
    resolve_issuer = _issuer_resolver(archive)
    name = "đầu vào chuẩn" if source == "-" else source
    try:
        text = _read_text(source)
    except UnicodeDecodeError as error:
        echo(f"lỗi: tệp {name} không phải văn bản UTF-8: {error}", err=True)
        raise click.exceptions.Exit(1) from error
    except OSError as error:
        echo(f"lỗi: không đọc được tệp {name}: {error.strerror or error}", err=True)
        raise click.exceptions.Exit(1) from error
    for ref in extract_references(text, resolve_issuer=resolve_issuer):
        click.echo(json.dumps(reference_to_json(ref), ensure_ascii=False))
