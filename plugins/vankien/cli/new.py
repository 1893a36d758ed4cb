"""`vankien new`: a new document file with its front matter filled in and checked."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import click

from vankien.cli.archive_context import ArchiveContext
from vankien.cli.options import echo, force_option, out_option
from vankien.core.dates import DateProblem, read_strict
from vankien.core.doctypes import doc_type, type_names
from vankien.core.frontmatter import FrontMatterError, parse
from vankien.core.problems import ProblemList
from vankien.core.schema import DocumentReader, is_unknown
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.importer import Imported
from vankien.importer.writer import WriteError, relative_path, render, write_document


def _parse_date(value: str) -> dt.date | None:
    text = value.strip()
    if is_unknown(text):
        return None
    date = read_strict(text)
    if isinstance(date, DateProblem):
        raise click.BadParameter(date.message)
    return date


def _check_date(value: str) -> str:
    _parse_date(value)
    return value.strip()


def _check_type(value: str) -> str:
    found = doc_type(value)
    if found is None:
        raise click.BadParameter(
            f"loại `{value}` không có trong danh mục; chọn một trong: {', '.join(type_names())}"
        )
    return found.name


def _check_symbol(value: str) -> str:
    if not value.strip():
        return ""
    try:
        return parse_symbol(value).text
    except SymbolError as exc:
        raise click.BadParameter(
            f"số ký hiệu `{value}` không đúng dạng; viết như 39-HD/BTGTU hoặc 123/QĐ-TTg"
        ) from exc


def _check_text(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise click.BadParameter("không được để trống")
    return text


def _option_or_prompt(
    value: str | None, label: str, check: Callable[[str], str], default: str | None = None
) -> str:
    if value is not None:
        try:
            result: str = check(value)
        except click.BadParameter as exc:
            raise click.UsageError(f"{label}: {exc.message}") from exc
        return result
    prompted: str = click.prompt(
        label, default=default, value_proc=check, show_default=default not in (None, "")
    )
    return prompted


@click.command("new")
@click.option("--type", "type_", help="Loại văn bản, vd. Hướng dẫn.")
@click.option("--symbol", help="Số và ký hiệu, vd. 39-HD/BTGTU (bỏ trống nếu không số).")
@click.option("--date", "date_", help="Ngày ban hành dd/mm/yyyy, hoặc `chưa rõ`.")
@click.option("--issuer", help="Cơ quan ban hành, đúng tên trong co-quan.yml.")
@click.option("--title", help="Trích yếu.")
@out_option
@force_option
def new_command(
    type_: str | None,
    symbol: str | None,
    date_: str | None,
    issuer: str | None,
    title: str | None,
    out: Path,
    force: bool,
) -> None:
    """Tạo tệp văn bản mới với front matter đã điền và kiểm tra; hỏi lần lượt những trường chưa cho."""
    interactive = None in (type_, date_, issuer, title)
    type_name = _option_or_prompt(type_, "Loại văn bản", _check_type)
    symbol_text = _option_or_prompt(
        symbol if symbol is not None or not interactive else None,
        "Số ký hiệu (Enter nếu không số)",
        _check_symbol,
        "",
    )
    date = _parse_date(_option_or_prompt(date_, "Ngày ban hành (dd/mm/yyyy hoặc chưa rõ)", _check_date))
    issuer_name = _option_or_prompt(issuer, "Cơ quan ban hành", _check_text)
    title_text = _option_or_prompt(title, "Trích yếu", _check_text)
    context = ArchiveContext.load(out)
    issuer_name = context.issuer_name(issuer_name) or issuer_name
    kind = doc_type(type_name)
    news = kind is not None and kind.news
    doc = Imported(
        kind="news" if news else "document",
        type=type_name,
        title=title_text,
        symbol=symbol_text or None,
        date=date,
        issuer=issuer_name,
        body="<!-- Dán toàn văn văn bản vào đây, mỗi đoạn cách nhau một dòng trống. -->\n",
    )
    target = out / relative_path(doc)
    text = render(doc)
    problems = _check_new(text, target, context)
    for problem in problems:
        echo(problem.format(), err=True)
    if problems.errors:
        echo("Không tạo tệp: sửa các lỗi trên rồi chạy lại.", err=True)
        sys.exit(1)
    duplicate = context.same_identity(doc)
    if duplicate is not None and not force:
        echo(f"lỗi: kho đã có văn bản số {doc.symbol} cùng ngày ban hành ({duplicate})", err=True)
        sys.exit(1)
    try:
        write_document(target, text, force=force)
    except WriteError as exc:
        echo(f"lỗi: {exc}", err=True)
        sys.exit(1)
    echo(f"Đã tạo {target}")


def _check_new(text: str, target: Path, context: ArchiveContext) -> ProblemList:
    problems = ProblemList()
    shown = target.as_posix()
    try:
        front_matter = parse(text)
    except FrontMatterError as exc:  # pragma: no cover - the writer emits valid YAML
        problems.error(shown, exc.line, "yaml", exc.message)
        return problems
    DocumentReader(shown, front_matter, problems, context.registry, dt.date.today()).read()
    return problems
