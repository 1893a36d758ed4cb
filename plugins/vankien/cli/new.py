"""`vankien new`: a new document file that teaches the schema.

The scaffold holds every field of `vankien.core.schema.FIELDS`, each with its Vietnamese
comment: the required ones filled in (asked for when not given, asked again while a value does
not validate), the optional ones commented out with the form they take — placeholders such as
`<số ký hiệu, ví dụ 39-HD/BTGTU>` from the editor guide, never an invented value. The file is
named by the document's identity (`importer.writer.relative_path`); a document without a symbol
gets an explicit `id:` (`core.identity.explicit_id_for`, through `writer.document_id`), so
correcting its issuer later never moves its page. What is written is judged like `vankien
import`: exit 0 when it passes `vankien check --strict`, 2 when it has a warning, 1 when nothing
was written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from collections.abc import Callable
from pathlib import Path

import click
import yaml

from vankien.cli.archive_context import ArchiveContext
from vankien.cli.options import display_root, echo, force_option, out_option
from vankien.cli.site_settings import site_analysis
from vankien.cli.vietnamese import ERROR_PREFIX, WritingCommand
from vankien.core.dates import DateProblem, read_strict
from vankien.core.doctypes import doc_type, type_names
from vankien.core.frontmatter import FrontMatterError, parse
from vankien.core.issuers import REGISTRY_FILE, IssuerRegistry
from vankien.core.model import AUTHORITY_PREFIXES, CLASSIFICATIONS, DEFAULT_CLASSIFICATION
from vankien.core.problems import ProblemList, Severity
from vankien.core.schema import FIELDS, UNKNOWN, DocumentReader, is_unknown
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.core.text import fold
from vankien.core.validity import accepted_values
from vankien.importer import Imported
from vankien.importer.writer import WriteError, front_matter, relative_path, write_document

EXIT_OK, EXIT_FAILED, EXIT_ACT = 0, 1, 2
BODY = "<!-- Dán toàn văn văn bản vào đây, mỗi đoạn cách nhau một dòng trống. -->\n"

# What each field means, as the comment beside it (the editor guide's words).
COMMENTS: dict[str, str] = {
    "id": "mã định danh: giữ nguyên để địa chỉ trang không đổi khi sửa cơ quan, ngày hay trích yếu",
    "redirect_from": "địa chỉ cũ của trang, chỉ ghi khi địa chỉ đã đổi (trang cũ chuyển về đây)",
    "symbol": "số và ký hiệu; bỏ trống nếu văn bản không có số",
    "type": "loại văn bản (xem danh mục trong Hướng dẫn biên tập)",
    "issuer": f"cơ quan ban hành, đúng tên trong {REGISTRY_FILE}; `{UNKNOWN}` nếu văn bản không nêu",
    "date": f"ngày ban hành: dd/mm/yyyy hoặc `{UNKNOWN}`",
    "title": "trích yếu",
    "signer": "người ký: họ tên, chức vụ, thẩm quyền ký",
    "recipients": "nơi nhận, mỗi dòng một nơi",
    "relations": "quan hệ với văn bản khác, ghi đúng như văn bản trích dẫn",
    "status": "hiệu lực; bỏ trống để kho tự suy ra từ quan hệ văn bản",
    "status_reason": "lý do của hiệu lực",
    "effective_date": "ngày có hiệu lực, chỉ ghi khi văn bản nêu",
    "expiry_date": "ngày hết hiệu lực, chỉ ghi khi văn bản nêu",
    "topics": "chủ đề",
    "classification": f"độ mật: {', '.join(CLASSIFICATIONS)} (mặc định {DEFAULT_CLASSIFICATION})",
    "source": "nguồn: nơi lấy văn bản",
    "original_file": "bản gốc: tên tệp PDF, Word hay ảnh quét đặt cùng thư mục với văn bản",
    "term": "khóa (nếu văn bản ghi)",
    "place": 'địa danh ở dòng "…, ngày …"',
    "author": "tác giả (chỉ cho tin bài)",
    "time": "giờ đăng (chỉ cho tin bài), trong ngoặc kép",
    "note": "ghi chú của biên tập viên (hiện trên trang)",
}

# The form of each optional field, commented out: placeholders, never values.
EXAMPLES: dict[str, list[str]] = {
    "id": ["id: <chữ thường không dấu, số và dấu gạch ngang, ví dụ kh-tinh-uy-bac-kan-05-03>"],
    "redirect_from": ["redirect_from: [<địa chỉ cũ, ví dụ /van-ban/2023/hd-cu/>]"],
    "symbol": ["symbol: <số ký hiệu, ví dụ 39-HD/BTGTU hoặc 123/QĐ-TTg>"],
    "signer": [
        "signer:",
        "  name: <họ và tên, ví dụ Nguyễn Văn A>",
        "  title: <chức vụ, ví dụ PHÓ TRƯỞNG BAN>",
        f"  authority: <thẩm quyền ký: {', '.join(AUTHORITY_PREFIXES)} …, ví dụ K/T TRƯỞNG BAN>",
    ],
    "recipients": [
        "recipients:",
        "  - <nơi nhận, ví dụ Ban Tuyên giáo Trung ương (b/c)>",
        "  - <nơi nhận, ví dụ Lưu Văn phòng>",
    ],
    "relations": [
        "relations:",
        "  basis:      # căn cứ, thực hiện, triển khai",
        "    - <trích dẫn, ví dụ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương>",
        "  replaces:   # thay thế",
        "    - <trích dẫn, ví dụ Hướng dẫn số 12-HD/BTGTU, ngày 05/01/2021>",
        "  amends:     # sửa đổi, bổ sung",
        "    - <trích dẫn văn bản được sửa đổi, bổ sung>",
        "  repeals:    # bãi bỏ",
        "    - <trích dẫn văn bản bị bãi bỏ>",
        "  cites:      # dẫn chiếu",
        "    - <trích dẫn văn bản được dẫn chiếu>",
        "  # một mục kho sẽ không lưu: - ref: <trích dẫn>",
        "  #                             external: true",
    ],
    "status": [f"status: <một trong: {accepted_values()}>"],
    "status_reason": ["status_reason: <lý do, ví dụ bị thay thế, bị bãi bỏ, hết thời hạn áp dụng>"],
    "effective_date": ["effective_date: <dd/mm/yyyy, ví dụ 01/07/2025>"],
    "expiry_date": ["expiry_date: <dd/mm/yyyy, ví dụ 31/12/2025>"],
    "topics": ["topics: [<chủ đề, ví dụ xây dựng Đảng>, <chủ đề, ví dụ tuyên truyền>]"],
    "classification": [f"classification: <một trong: {', '.join(CLASSIFICATIONS)}>"],
    "source": ["source: <nguồn, ví dụ Bản điện tử gửi qua hệ thống văn bản>"],
    "original_file": ["original_file: <tên tệp bản gốc, ví dụ kl-21.pdf>"],
    "term": ["term: <khóa, ví dụ XIII>"],
    "place": ["place: <địa danh, ví dụ Bắc Kạn>"],
    "author": ["author: <tác giả bài viết>"],
    "time": ['time: "<HH:MM, ví dụ 16:22>"'],
    "note": ["note: <ghi chú, ví dụ Bản chụp trang 3 bị mờ.>"],
}
COMMENT_COLUMN = 40


def scaffold(doc: Imported) -> str:
    """The whole file: filled fields first in the schema's order, each commented, then every other
    field commented out with its form, then the body placeholder."""
    values = front_matter(doc)
    filled: list[str] = []
    optional: list[str] = []
    for key, spec in FIELDS.items():
        comment = COMMENTS.get(key, spec.label)
        if key in values:
            dumped = yaml.safe_dump(
                {key: values[key]},
                allow_unicode=True,
                sort_keys=False,
                default_flow_style=False,
                width=10_000,
            ).rstrip("\n")
            first, *rest = dumped.split("\n")
            filled.append(f"{first:<{COMMENT_COLUMN}}  # {comment}" if not rest else f"{first}  # {comment}")
            filled.extend(rest)
            continue
        lines = EXAMPLES.get(key, [f"{key}: <{spec.label}>"])
        optional.append(f"# {lines[0]:<{COMMENT_COLUMN - 2}}  # {comment}")
        optional.extend(f"# {line}" for line in lines[1:])
    head = "\n".join(
        [
            *filled,
            "",
            "# Các trường dưới đây không bắt buộc: bỏ dấu `# ` ở đầu dòng, thay phần <…> bằng",
            "# nội dung văn bản ghi, xóa những trường văn bản không có. Xem Hướng dẫn biên tập.",
            *optional,
        ]
    )
    return f"---\n{head}\n---\n\n{BODY}"


# -- values, checked as the schema checks them ------------------------------------------------------


class Invalid(ValueError):
    """A value that does not validate; the message says what to write instead (Vietnamese)."""


def _parse_date(value: str) -> dt.date | None:
    text = value.strip()
    if is_unknown(text):
        return None
    date = read_strict(text)
    if isinstance(date, DateProblem):
        raise Invalid(date.message)
    if date > dt.date.today():
        raise Invalid(f"ngày ban hành {date:%d/%m/%Y} ở tương lai; kiểm tra lại năm")
    return date


def _check_date(value: str) -> str:
    date = _parse_date(value)
    return UNKNOWN if date is None else f"{date:%d/%m/%Y}"


def _check_type(value: str) -> str:
    found = doc_type(value)
    if found is None:
        names = {fold(n): n for n in type_names()}
        close = difflib.get_close_matches(fold(value), list(names), n=1, cutoff=0.5)
        hint = f"; có phải là `{names[close[0]]}`?" if close else ""
        raise Invalid(
            f"loại `{value}` không có trong danh mục{hint} Chọn một trong: {', '.join(type_names())}"
        )
    return found.name


def _symbol_checker(type_name: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not value.strip():
            return ""
        try:
            symbol = parse_symbol(value)
        except SymbolError as exc:
            raise Invalid(
                f"số ký hiệu `{value}` không đúng dạng; viết như 39-HD/BTGTU hoặc 123/QĐ-TTg, "
                "hoặc Enter nếu văn bản không có số"
            ) from exc
        types = symbol.types()
        if types and type_name not in {t.name for t in types}:
            expected = " hoặc ".join(t.name for t in types)
            raise Invalid(
                f"ký hiệu `{symbol.text}` có mã loại {symbol.type_code} ({expected}) nhưng trường type là "
                f"`{type_name}`; sửa một trong hai cho khớp"
            )
        return symbol.text

    return check


def nearest_issuers(registry: IssuerRegistry, name: str, count: int = 3) -> list[str]:
    """The registry names closest to `name` (its names and aliases, diacritics folded)."""
    by_folded: dict[str, str] = {}
    for issuer in registry.issuers:
        for written in (issuer.name, *issuer.aliases):
            by_folded.setdefault(fold(written), issuer.name)
    wanted = fold(" ".join(name.split()))
    close = difflib.get_close_matches(wanted, list(by_folded), n=count * 3, cutoff=0.5)
    words = set(wanted.split())
    sharing = sorted(by_folded, key=lambda key: -len(words & set(key.split())))
    ordered = [by_folded[key] for key in close] + [
        by_folded[key] for key in sharing[:count] if words & set(key.split())
    ]
    return list(dict.fromkeys(ordered))[:count]


def _issuer_checker(registry: IssuerRegistry) -> Callable[[str], str]:
    def check(value: str) -> str:
        text = _check_text(value)
        if is_unknown(text) or not len(registry):
            return UNKNOWN if is_unknown(text) else text
        found = registry.lookup(text)
        if found is not None:
            return found.name
        near = nearest_issuers(registry, text)
        hint = f" Gần nhất: {'; '.join(near)}." if near else ""
        raise Invalid(
            f"cơ quan `{text}` chưa có trong danh mục {REGISTRY_FILE}.{hint} Ghi đúng tên trong danh mục, "
            f"`{UNKNOWN}` nếu văn bản không nêu, hoặc thêm cơ quan vào {REGISTRY_FILE} trước"
        )

    return check


def _check_text(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise Invalid("không được để trống")
    return text


def _ask(value: str | None, label: str, check: Callable[[str], str], default: str | None = None) -> str:
    """The value given as an option (a usage error when it does not validate), or asked for until
    one validates; every message in Vietnamese (click's own prompt would print "Error:")."""
    if value is not None:
        try:
            return check(value)
        except Invalid as exc:
            raise click.UsageError(f"{label}: {exc}") from exc
    while True:
        answer: str = click.prompt(label, default=default, show_default=default not in (None, ""))
        try:
            return check(answer)
        except Invalid as exc:
            click.echo(f"{ERROR_PREFIX}{exc}", err=True)


# -- the command ------------------------------------------------------------------------------------


@click.command(
    "new",
    cls=WritingCommand,
    epilog="""Ví dụ:

\b
  vankien new                     # hỏi lần lượt: loại, số ký hiệu, ngày, cơ quan, trích yếu
  vankien new --type "Kết luận" --symbol 21-KL/TW --date 25/10/2021 \\
      --issuer "Ban Chấp hành Trung ương" --title "Đẩy mạnh xây dựng, chỉnh đốn Đảng"
  vankien new --type "Kế hoạch" --symbol "" --date chưa\\ rõ ...   # văn bản không số

\b
Tệp tạo ra có mọi trường của lược đồ: trường bắt buộc đã điền, các trường khác để dạng chú
thích (`# …`) kèm cách ghi. Mã thoát: 0 đã tạo và đạt `vankien check --strict`; 2 đã tạo nhưng
còn cảnh báo; 1 không tạo tệp.""",
)
@click.option("--type", "type_", metavar="LOẠI", help="Loại văn bản, vd. Hướng dẫn.")
@click.option(
    "--symbol", metavar="SỐ_KÝ_HIỆU", help='Số và ký hiệu, vd. 39-HD/BTGTU ("" nếu văn bản không số).'
)
@click.option("--date", "date_", metavar="NGÀY", help="Ngày ban hành dd/mm/yyyy, hoặc `chưa rõ`.")
@click.option("--issuer", metavar="CƠ_QUAN", help="Cơ quan ban hành, đúng tên trong co-quan.yml.")
@click.option("--title", metavar="TRÍCH_YẾU", help="Trích yếu.")
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
    """Tạo tệp văn bản mới có đủ mọi trường của lược đồ, kèm chú thích tiếng Việt; hỏi lần lượt những
    trường bắt buộc chưa cho và hỏi lại khi giá trị sai."""
    context = ArchiveContext.load(out)
    interactive = None in (type_, date_, issuer, title)
    type_name = _ask(type_, "Loại văn bản", _check_type)
    symbol_text = _ask(
        # Asked only with the other questions: all the required fields given means "no symbol".
        symbol if symbol is not None else None if interactive else "",
        "Số ký hiệu (Enter nếu không số)",
        _symbol_checker(type_name),
        "",
    )
    date = _parse_date(_ask(date_, "Ngày ban hành (dd/mm/yyyy hoặc chưa rõ)", _check_date))
    issuer_name = _ask(issuer, "Cơ quan ban hành", _issuer_checker(context.registry))
    title_text = _ask(title, "Trích yếu", _check_text)
    kind = doc_type(type_name)
    news = kind is not None and kind.news
    doc = Imported(
        kind="news" if news else "document",
        type=type_name,
        title=title_text,
        symbol=symbol_text or None,
        date=date,
        issuer=None if is_unknown(issuer_name) else issuer_name,
        body=BODY,
    )
    target = out / relative_path(doc)
    text = scaffold(doc)
    problems = _check_new(text, target, context)
    for problem in problems:
        echo(problem.format(), err=True)
    if problems.errors:
        echo("Không tạo tệp: sửa các lỗi trên rồi chạy lại.", err=True)
        sys.exit(EXIT_FAILED)
    duplicate = context.same_identity(doc)
    if duplicate is not None and not force:
        echo(f"lỗi: kho đã có văn bản số {doc.symbol} cùng ngày ban hành ({duplicate})", err=True)
        sys.exit(EXIT_FAILED)
    previous = target.read_bytes() if target.exists() else None
    try:
        write_document(target, text, force=force)
    except WriteError as exc:
        echo(f"lỗi: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    sys.exit(_judge_written(out, target, previous))


def _judge_written(out: Path, target: Path, previous: bytes | None) -> int:
    """Analyse the archive with the new file as the site build would: take it back on an error,
    exit 2 on a warning (printed with its line), 0 when it passes strict."""
    shown = display_root(out) + target.relative_to(out).as_posix()
    analysis = site_analysis(out)
    mine = [p for p in analysis.reported if p.path == shown]
    for problem in mine:
        echo(problem.format(), err=True)
    if any(p.severity is Severity.ERROR for p in mine):
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(previous)
        echo("Không tạo tệp: kho sẽ báo lỗi với tệp này (xem các dòng trên).", err=True)
        return EXIT_FAILED
    echo(f"Đã tạo {target}")
    if any(p.severity is Severity.WARNING for p in mine):
        echo("Tệp còn cảnh báo (các dòng trên): sửa để kho đạt `vankien check --strict`.", err=True)
        return EXIT_ACT
    return EXIT_OK


def _check_new(text: str, target: Path, context: ArchiveContext) -> ProblemList:
    problems = ProblemList()
    shown = target.as_posix()
    try:
        front = parse(text)
    except FrontMatterError as exc:  # pragma: no cover - the scaffold is valid YAML
        problems.error(shown, exc.line, "yaml", exc.message)
        return problems
    DocumentReader(shown, front, problems, context.registry, dt.date.today()).read()
    return problems
