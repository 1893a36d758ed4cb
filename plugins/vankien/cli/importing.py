"""`vankien import FILE...` and `vankien new`: raw texts and new documents into archive files.

Both commands write through `vankien.importer.writer` (schema field order, atomic
write, no overwrite without --force) and check what they wrote with the same
validation as `vankien check`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from vankien.graph.analysis import analyse_archive
from vankien.core.archive import Archive
from vankien.core.doctypes import doc_type, type_names
from vankien.core.frontmatter import FrontMatterError, parse
from vankien.importer import Imported, ImportFailure, import_text, read_source
from vankien.importer.writer import WriteError, relative_path, render, write_document
from vankien.core.issuers import IssuerRegistry
from vankien.core.problems import ProblemList
from vankien.refs.model import Reference
from vankien.graph.resolve import Resolver
from vankien.core.schema import DocumentReader
from vankien.core.symbols import SymbolError, parse_symbol, symbol_key


@dataclass
class _Context:
    """What the importer knows about the target archive."""

    root: Path
    archive: Archive
    resolver: Resolver
    registry: IssuerRegistry
    written: list[Path] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> _Context:
        archive = analyse_archive(root, display_root="").archive if root.is_dir() else Archive(root)
        return cls(root, archive, Resolver(archive), archive.registry)

    def issuer_name(self, name: str) -> str | None:
        found = self.registry.lookup(name)
        return found.name if found else None

    def holds(self, reference: Reference) -> bool:
        return self.resolver.resolve(reference).resolved

    def same_identity(self, doc: Imported) -> str | None:
        if not doc.symbol:
            return None
        key = symbol_key(doc.symbol)
        for held in self.archive:
            if held.symbol is not None and held.symbol.key == key and held.date == doc.date:
                return held.path
        return None


def _display(root: Path) -> str:
    text = root.as_posix().rstrip("/")
    return "" if text in ("", ".") else f"{text}/"


# --- import -------------------------------------------------------------------------------------


def _found(doc: Imported, registry_size: int) -> list[str]:
    if doc.kind == "news":
        items = [f"tin bài: “{doc.title}”"]
        if doc.date:
            items.append(f"ngày đăng {doc.date:%d/%m/%Y}" + (f" lúc {doc.time}" if doc.time else ""))
        if doc.source:
            items.append(f"nguồn {doc.source}")
        if doc.author:
            items.append(f"tác giả {doc.author}")
        items += [f"đưa tin về: {c.text}" for c in doc.about]
        return items
    items = [f"loại {doc.type}"]
    if doc.symbol:
        items.append(f"số ký hiệu {doc.symbol}")
    if doc.date:
        items.append(f"ngày ban hành {doc.date:%d/%m/%Y}")
    if doc.place:
        items.append(f"địa danh {doc.place}")
    if doc.issuer:
        known = " (có trong danh mục)" if doc.issuer_known else ""
        items.append(f"cơ quan ban hành {doc.issuer}{known}")
    if doc.title:
        items.append(f"trích yếu “{doc.title}”")
    if doc.signer:
        parts = [p for p in (doc.signer.authority, doc.signer.title, doc.signer.name) if p]
        items.append("người ký " + " · ".join(parts))
    if doc.recipients:
        items.append(f"nơi nhận {len(doc.recipients)} mục")
    items += [f"căn cứ: {c.text}" for c in doc.basis]
    return items


def _to_fill(doc: Imported, registry_size: int) -> list[str]:
    items: list[str] = []
    if doc.kind == "news":
        if not doc.issuer:
            items.append("cơ quan đăng tin (`issuer`, đang ghi `chưa rõ`)")
        if not doc.date:
            items.append("ngày đăng (`date`, đang ghi `chưa rõ`)")
        if not doc.source:
            items.append("nguồn (`source`): bài không ghi")
        if not doc.author:
            items.append("tác giả (`author`): bài không ghi")
    else:
        if not doc.symbol:
            items.append("số ký hiệu (`symbol`): văn bản không ghi; bỏ trống nếu văn bản không số")
        if not doc.date:
            items.append("ngày ban hành (`date`, đang ghi `chưa rõ`)")
        if not doc.issuer:
            items.append("cơ quan ban hành (`issuer`, đang ghi `chưa rõ`)")
        if not doc.title:
            items.append("trích yếu (`title`)")
        if not doc.signer:
            items.append("người ký (`signer`): văn bản không có phần ký")
        if not doc.recipients:
            items.append("nơi nhận (`recipients`)")
    if doc.issuer and not doc.issuer_known and registry_size:
        items.append(f"cơ quan `{doc.issuer}` chưa có trong co-quan.yml: thêm vào danh mục hoặc sửa tên")
    for citation in (*doc.basis, *doc.about):
        if citation.external:
            items.append(f"kho chưa có `{citation.text}` (đang ghi `external: true`)")
    items.append("chủ đề (`topics`) và hiệu lực (`status`)")
    return items


def _import_one(path: Path, context: _Context, force: bool) -> bool:
    try:
        decoded = read_source(path)
        doc = import_text(
            decoded.text,
            encoding=decoded.encoding,
            resolve_issuer=context.issuer_name,
            in_archive=context.holds,
        )
    except ImportFailure as exc:
        click.echo(f"lỗi: {path}: {exc}; không ghi tệp nào cho tệp này", err=True)
        return False
    if doc.kind == "news" and doc.source and not doc.issuer:
        doc.issuer = context.issuer_name(doc.source)
        doc.issuer_known = doc.issuer is not None
    duplicate = context.same_identity(doc)
    target = context.root / relative_path(doc)
    if duplicate is not None and (context.root / duplicate).resolve() != target.resolve():
        click.echo(
            f"lỗi: {path}: kho đã có văn bản số {doc.symbol} cùng ngày ban hành ({duplicate}); không ghi",
            err=True,
        )
        return False
    note = "; ".join(doc.notes)
    note = f"{note[:1].upper()}{note[1:]}." if note else ""
    text = render(doc, source=f"Nhập từ tệp {path.name}", note=note or None)
    try:
        write_document(target, text, force=force)
    except WriteError as exc:
        click.echo(f"lỗi: {path}: {exc}", err=True)
        return False
    except OSError as exc:
        click.echo(f"lỗi: {path}: không ghi được {target} ({exc.strerror or exc})", err=True)
        return False
    context.written.append(target)
    click.echo(f"{path} → {target}")
    click.echo(f"  bảng mã: {decoded.label}")
    click.echo("  đã nhận ra: " + "; ".join(_found(doc, len(context.registry))))
    click.echo("  cần bổ sung: " + "; ".join(_to_fill(doc, len(context.registry))))
    for item in doc.notes:
        click.echo(f"  cần xem lại: {item}")
    return True


def _validate_written(context: _Context) -> bool:
    """Check the archive with the written files; print their problems. True when none is an error."""
    if not context.written:
        return True
    display = _display(context.root)
    shown = {display + p.relative_to(context.root).as_posix() for p in context.written}
    problems = [p for p in analyse_archive(context.root, display_root=display).problems if p.path in shown]
    for problem in problems:
        click.echo(problem.format(), err=True)
    return not any(p.severity.name == "ERROR" for p in problems)


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    default="directives",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục kho văn bản để ghi tệp vào.",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
def import_command(files: tuple[Path, ...], out: Path, force: bool) -> None:
    """Nhập văn bản thô (.txt, .docx; UTF-8, UTF-16, Windows-1258, TCVN3, VNI) vào kho: mỗi văn bản một tệp
    Markdown, kèm những thông tin nhận ra được và những gì biên tập viên cần bổ sung."""
    context = _Context.load(out)
    ok = [_import_one(path, context, force) for path in files]
    valid = _validate_written(context)
    failed = ok.count(False)
    click.echo(f"Đã nhập {ok.count(True)} tệp, {failed} tệp lỗi.", err=True)
    sys.exit(0 if failed == 0 and valid else 1)


# --- new ----------------------------------------------------------------------------------------

_DATE_FORMS = (
    re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"),
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
)
UNKNOWN_WORDS = ("chưa rõ", "chua ro", "không rõ")


def _parse_date(value: str) -> dt.date | None:
    text = value.strip()
    if text.lower() in UNKNOWN_WORDS:
        return None
    for index, form in enumerate(_DATE_FORMS):
        match = form.match(text)
        if match:
            day, month, year = (
                (match[1], match[2], match[3]) if index == 0 else (match[3], match[2], match[1])
            )
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError as exc:
                raise click.BadParameter(f"ngày {text} không tồn tại") from exc
    raise click.BadParameter(
        f"ngày `{text}` không đúng dạng; viết dd/mm/yyyy (vd. 26/06/2023) hoặc `chưa rõ`"
    )


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
@click.option(
    "--out",
    default="directives",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục kho văn bản.",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
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
    context = _Context.load(out)
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
        click.echo(problem.format(), err=True)
    if problems.errors:
        click.echo("Không tạo tệp: sửa các lỗi trên rồi chạy lại.", err=True)
        sys.exit(1)
    duplicate = context.same_identity(doc)
    if duplicate is not None and not force:
        click.echo(f"lỗi: kho đã có văn bản số {doc.symbol} cùng ngày ban hành ({duplicate})", err=True)
        sys.exit(1)
    try:
        write_document(target, text, force=force)
    except WriteError as exc:
        click.echo(f"lỗi: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Đã tạo {target}")


def _check_new(text: str, target: Path, context: _Context) -> ProblemList:
    problems = ProblemList()
    shown = target.as_posix()
    try:
        front_matter = parse(text)
    except FrontMatterError as exc:  # pragma: no cover - the writer emits valid YAML
        problems.error(shown, exc.line, "yaml", exc.message)
        return problems
    DocumentReader(shown, front_matter, problems, context.registry, dt.date.today()).read()
    return problems
