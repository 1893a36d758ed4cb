"""The front-matter schema: fields, their meaning, and reading them into a Document.

Every problem in a file is collected (never only the first), each with the line
of the offending key and, in Vietnamese, what the editor should write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vankien.core import redirects
from vankien.core.dates import DateProblem, read_strict
from vankien.core.doctypes import GENERIC, DocType, doc_type, type_names
from vankien.core.frontmatter import FrontMatter
from vankien.core.issuers import IssuerRegistry
from vankien.core.markup import MAX_NESTING, removed_markup, too_deep
from vankien.core.model import (
    AUTHORITY_PREFIXES,
    CLASSIFICATIONS,
    DEFAULT_CLASSIFICATION,
    DEFAULT_STATUS,
    Citation,
    Document,
    RelationKind,
    Signer,
)
from vankien.core.problems import ProblemList
from vankien.core.symbols import Symbol, SymbolError, parse_symbol
from vankien.core.text import fold, slugify
from vankien.core.validity import accepted_values, read_status


@dataclass(frozen=True)
class FieldSpec:
    label: str
    """The Vietnamese name of the field, as the editor guide and the site use it."""
    required: bool = False


FIELDS: dict[str, FieldSpec] = {
    "id": FieldSpec("mã định danh (cho văn bản không số)"),
    "redirect_from": FieldSpec("địa chỉ cũ (chuyển đến văn bản này)"),
    "symbol": FieldSpec("số và ký hiệu"),
    "type": FieldSpec("loại văn bản", required=True),
    "issuer": FieldSpec("cơ quan ban hành", required=True),
    "date": FieldSpec("ngày ban hành", required=True),
    "title": FieldSpec("trích yếu", required=True),
    "signer": FieldSpec("người ký"),
    "recipients": FieldSpec("nơi nhận"),
    "relations": FieldSpec("quan hệ với văn bản khác"),
    "status": FieldSpec("hiệu lực"),
    "status_reason": FieldSpec("lý do (hiệu lực)"),
    "effective_date": FieldSpec("ngày có hiệu lực"),
    "expiry_date": FieldSpec("ngày hết hiệu lực"),
    "topics": FieldSpec("chủ đề"),
    "classification": FieldSpec("độ mật"),
    "source": FieldSpec("nguồn"),
    "original_file": FieldSpec("bản gốc (tệp PDF, Word hay ảnh quét cạnh văn bản)"),
    "term": FieldSpec("khóa"),
    "place": FieldSpec("địa danh"),
    "author": FieldSpec("tác giả (tin bài)"),
    "time": FieldSpec("giờ đăng (tin bài)"),
    "note": FieldSpec("ghi chú của biên tập viên"),
}

SIGNER_FIELDS = ("name", "title", "authority")
CITATION_FIELDS = ("ref", "id", "external", "note")

# Vietnamese names editors type out of habit, mapped to the field they mean.
_VIETNAMESE_NAMES = {
    fold(vi): key
    for key, names in {
        "symbol": ("số ký hiệu", "so_ky_hieu", "ký hiệu", "số hiệu"),
        "type": ("loại", "loại văn bản", "loai_van_ban"),
        "issuer": ("cơ quan", "cơ quan ban hành", "co_quan_ban_hanh"),
        "date": ("ngày", "ngày ban hành", "ngay_ban_hanh", "issue_date", "issued"),
        "title": ("trích yếu", "trich_yeu", "tiêu đề"),
        "signer": ("người ký", "nguoi_ky"),
        "recipients": ("nơi nhận", "noi_nhan"),
        "status": ("hiệu lực", "hieu_luc", "tình trạng"),
        "topics": ("chủ đề", "chu_de", "tags"),
        "classification": ("độ mật", "do_mat"),
        "source": ("nguồn",),
    }.items()
    for vi in names
}

UNKNOWN = "chưa rõ"
"""Written for a date or an issuer the text does not state (`date: chưa rõ`)."""
_UNKNOWN_WORDS = frozenset(fold(word) for word in (UNKNOWN, "không rõ"))


def is_unknown(value: str) -> bool:
    """ "chưa rõ", "Chưa rõ", "chua ro", "không rõ": the editor says the text does not state it."""
    return fold(" ".join(value.split())) in _UNKNOWN_WORDS


ORIGINAL_NAME = re.compile(r"^[^\x00-\x1f]{1,200}\.(?:pdf|docx|doc|jpe?g|png|tiff?)$", re.I)
MAX_BODY_WARNINGS = 20
"""At most this many markup warnings per file; one more line counts the rest."""
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


class DocumentReader:
    """Reads one file's front matter into a Document, recording every problem."""

    def __init__(
        self, path: str, fm: FrontMatter, problems: ProblemList, registry: IssuerRegistry, today: dt.date
    ) -> None:
        self.path = path
        self.fm = fm
        self.problems = problems
        self.registry = registry
        self.today = today
        self.failed = False

    # -- reporting -------------------------------------------------------------------------------

    def error(self, key: str, code: str, message: str) -> None:
        self.failed = True
        self.problems.error(self.path, self.fm.line_of(key), code, message)

    def warning(self, key: str, code: str, message: str) -> None:
        self.problems.warning(self.path, self.fm.line_of(key), code, message)

    # -- the document ----------------------------------------------------------------------------

    def read(self) -> Document | None:
        data = self.fm.data
        self._check_field_names(data)
        news = (found := doc_type(str(data.get("type", "")))) is not None and found.news
        for key, spec in FIELDS.items():
            # A news article need not name who published it: many pages do not say.
            if key == "issuer" and news:
                continue
            if spec.required and key not in data:
                self.error("", "missing-field", f"thiếu trường bắt buộc `{key}` ({spec.label})")
            elif spec.required and key not in ("date", "issuer") and _blank(data[key]):
                # `title:`, `title: ""`, `title: ~`: the document would vanish from the site.
                self.error(
                    key,
                    "missing-field",
                    f"trường `{key}` ({spec.label}) để trống; ghi giá trị, hoặc `chưa rõ` nếu văn bản không ghi",
                )
        doc_kind = self._read_type(data.get("type"))
        symbol = self._read_symbol(data.get("symbol"))
        if doc_kind is not None and symbol is not None:
            self._check_symbol_matches_type(symbol, doc_kind.name)
        date = self._read_date(data["date"]) if "date" in data else None
        issuer = self._read_issuer(data.get("issuer")) if "issuer" in data or not news else ""
        title = self._text("title", data.get("title"))
        explicit_id = self._read_id(data.get("id"))
        redirect_from = self._read_redirects(data.get(redirects.FIELD))
        signer = self._read_signer(data.get("signer"))
        recipients = self._text_list("recipients", data.get("recipients"))
        relations = self._read_relations(data.get("relations"))
        status, reason = self._read_status(data.get("status"))
        reason = self._text("status_reason", data.get("status_reason")) or reason
        effective_date = self._optional_date("effective_date", data.get("effective_date"))
        expiry_date = self._optional_date("expiry_date", data.get("expiry_date"))
        topics = self._text_list("topics", data.get("topics"))
        classification = self._choice(
            "classification", data.get("classification"), CLASSIFICATIONS, DEFAULT_CLASSIFICATION
        )
        time = self._read_time(data.get("time"))
        extras = {
            key: self._text(key, data.get(key)) for key in ("source", "term", "place", "author", "note")
        }
        original = self._read_original(data.get("original_file"))
        self._check_body()
        if self.failed or doc_kind is None or issuer is None or title is None:
            return None
        return Document(
            id=explicit_id or "",
            explicit_id=explicit_id or "",
            redirect_from=redirect_from,
            path=self.path,
            type=doc_kind,
            issuer=issuer,
            title=title,
            date=date,
            symbol=symbol,
            signer=signer,
            recipients=recipients,
            relations=relations,
            status=status or DEFAULT_STATUS,
            status_reason=reason,
            status_given=status is not None,
            effective_date=effective_date,
            expiry_date=expiry_date,
            topics=topics,
            classification=classification,
            source=extras["source"],
            term=extras["term"],
            place=extras["place"],
            author=extras["author"],
            time=time,
            note=extras["note"],
            original_file=original,
            body=self.fm.body,
            body_line=self.fm.body_line,
            lines=dict(self.fm.lines),
        )

    def _read_status(self, value: Any) -> tuple[str | None, str | None]:
        if value in (None, ""):
            return None, None
        found = read_status(str(value))
        if found is None:
            self.error(
                "status",
                "unknown-status",
                f"giá trị `{value}` của `status` (hiệu lực) không hợp lệ; chọn một trong: {accepted_values()} "
                '("bị thay thế", "bị bãi bỏ" ghi vào `status_reason`)',
            )
            return None, None
        return found

    def _optional_date(self, key: str, value: Any) -> dt.date | None:
        if value in (None, ""):
            return None
        date = read_strict(str(value))
        if isinstance(date, DateProblem):
            self.error(key, date.code, date.message)
            return None
        return date

    def _read_original(self, value: Any) -> str | None:
        """A file in the document's folder (or below it): its name, checked to exist and to stay
        inside the archive."""
        name = self._text("original_file", value)
        if name is None:
            return None
        if name.startswith(("/", "\\")) or ".." in Path(name).parts or not ORIGINAL_NAME.match(name):
            self.error(
                "original_file",
                "bad-original",
                f"bản gốc `{name}` phải là tên một tệp PDF, Word (DOCX, DOC) hay ảnh quét (JPEG, PNG, TIFF) "
                "trong thư mục của văn bản (vd. `kl-21.pdf`), không ra ngoài thư mục đó",
            )
            return None
        return name

    def _check_body(self) -> None:
        """Warn, line by line, about what of the body will not be published (raw HTML, images,
        nesting too deep); the page shows the rest."""
        body, first = self.fm.body, self.fm.body_line
        problems = removed_markup(body)
        for problem in problems[:MAX_BODY_WARNINGS]:
            self.problems.warning(
                self.path,
                first + problem.line - 1,
                "removed-markup",
                f"{problem.message} trong toàn văn sẽ bị loại bỏ khi xuất bản (trang chỉ giữ chữ, tiêu đề, "
                "danh sách, bảng và liên kết); xóa đi hoặc viết lại bằng Markdown",
            )
        deep = too_deep(body)
        if deep:
            self.problems.warning(
                self.path,
                first + deep[0] - 1,
                "deep-nesting",
                f"danh sách hoặc trích dẫn lồng quá {MAX_NESTING} cấp ({len(deep)} dòng); các cấp sâu hơn "
                "được gộp lại khi xuất bản",
            )
        if len(problems) > MAX_BODY_WARNINGS:
            self.problems.warning(
                self.path,
                first + problems[MAX_BODY_WARNINGS].line - 1,
                "removed-markup",
                f"còn {len(problems) - MAX_BODY_WARNINGS} chỗ mã HTML khác sẽ bị loại bỏ",
            )

    def _check_field_names(self, data: dict[str, Any]) -> None:
        for key in data:
            if key in FIELDS:
                continue
            suggestion = _VIETNAMESE_NAMES.get(fold(key)) or next(
                iter(difflib.get_close_matches(key, list(FIELDS), n=1, cutoff=0.6)), None
            )
            hint = f"; có phải ý bạn là `{suggestion}` ({FIELDS[suggestion].label})?" if suggestion else ""
            self.warning(key, "unknown-field", f"trường `{key}` không có trong lược đồ, sẽ bị bỏ qua{hint}")

    def _read_type(self, value: Any) -> DocType | None:
        if value is None:
            return None
        if is_unknown(str(value)):
            return GENERIC  # the text does not show its type: the editor may still fill it
        found = doc_type(str(value))
        if found is None:
            names = {fold(n): n for n in type_names()}
            close = difflib.get_close_matches(fold(str(value)), list(names), n=1, cutoff=0.5)
            hint = f"; có phải là `{names[close[0]]}`?" if close else ""
            self.error(
                "type",
                "unknown-type",
                f"loại văn bản `{value}` không có trong danh mục{hint} Các loại: {', '.join(type_names())}",
            )
        return found

    def _read_symbol(self, value: Any) -> Symbol | None:
        if value in (None, ""):
            return None
        try:
            return parse_symbol(str(value))
        except SymbolError:
            self.error(
                "symbol",
                "bad-symbol",
                f"số ký hiệu `{value}` không đúng dạng; viết như 39-HD/BTGTU (văn bản Đảng) "
                "hoặc 123/QĐ-TTg (văn bản Nhà nước), hoặc bỏ trường này nếu văn bản không có số",
            )
            return None

    def _check_symbol_matches_type(self, symbol: Symbol, type_name: str) -> None:
        types = symbol.types()
        if types and type_name not in {t.name for t in types}:
            expected = " hoặc ".join(t.name for t in types)
            self.error(
                "symbol",
                "symbol-type-mismatch",
                f"ký hiệu `{symbol.text}` có mã loại {symbol.type_code} ({expected}) nhưng trường type là "
                f"`{type_name}`; sửa một trong hai cho khớp",
            )

    def _read_date(self, value: Any) -> dt.date | None:
        text = "" if value is None else str(value).strip()
        if text and is_unknown(text):
            return None
        # An empty `date:` is a forgotten value, not a statement that the date is unknown.
        if not text:
            self.error(
                "date",
                "missing-date",
                "trường `date` để trống; ghi ngày ban hành (vd. 26/06/2023), "
                "hoặc `chưa rõ` nếu văn bản không ghi ngày",
            )
            return None
        date = read_strict(text)
        if isinstance(date, DateProblem):
            self.error("date", date.code, date.message)
            return None
        if date > self.today:
            self.error(
                "date",
                "future-date",
                f"ngày ban hành {date:%d/%m/%Y} ở tương lai (hôm nay "
                f"{self.today:%d/%m/%Y}); kiểm tra lại năm",
            )
            return None
        return date

    def _read_issuer(self, value: Any) -> str | None:
        """The registry name; "" when the editor wrote `chưa rõ` (the text does not name the issuer)."""
        name = self._text("issuer", value)
        if name is not None and is_unknown(name):
            return ""
        if name is None:
            if value is not None or "issuer" in self.fm.data:
                self.error("issuer", "missing-field", "trường `issuer` (cơ quan ban hành) để trống")
            return None
        if len(self.registry) and self.registry.lookup(name) is None:
            suggestion = self.registry.suggest(name)
            hint = f"; có phải là `{suggestion}`?" if suggestion else ""
            self.warning(
                "issuer",
                "unknown-issuer",
                f"cơ quan `{name}` chưa có trong danh mục cơ quan (co-quan.yml){hint} "
                "Thêm cơ quan vào danh mục hoặc sửa tên cho đúng",
            )
            return name
        found = self.registry.lookup(name)
        return found.name if found else name

    def _read_id(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        text = str(value).strip()
        if not _ID.match(text):
            self.error(
                "id",
                "bad-id",
                f"mã định danh `{text}` chỉ được gồm chữ thường không dấu, số và "
                f"dấu gạch ngang, vd. `{_slug(text)}`",
            )
            return None
        return text

    def _read_redirects(self, value: Any) -> tuple[str, ...]:
        """The document's old addresses, normalised. A bad one is an error on its own line and is
        left out, but the document itself is still read: its page is right, only an alias is not."""
        if value in (None, "", []):
            return ()
        key = redirects.FIELD
        if not isinstance(value, str | list):
            self.problems.error(
                self.path,
                self.fm.line_of(key),
                "bad-redirect",
                f"trường `{key}` phải là danh sách địa chỉ cũ, vd. `{key}: [/van-ban/2023/hd-cu/]`",
            )
            return ()
        paths: list[str] = []
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            found = (
                redirects.normalise(item)
                if isinstance(item, str)
                else redirects.BadPath("phải là một dòng chữ")
            )
            if isinstance(found, redirects.BadPath):
                self.problems.error(
                    self.path,
                    self.fm.line_of(f"{key}.{index}") if isinstance(value, list) else self.fm.line_of(key),
                    "bad-redirect",
                    f"địa chỉ cũ `{item}` trong `{key}` {found.reason}",
                )
                continue
            paths.append(found)
        return tuple(paths)

    def _read_signer(self, value: Any) -> Signer | None:
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return Signer(name=value.strip())
        if not isinstance(value, dict):
            self.error(
                "signer",
                "bad-signer",
                "trường `signer` phải là tên người ký hoặc gồm `name`, "
                "`title` (chức vụ), `authority` (T/M, K/T, T/L ...)",
            )
            return None
        for key in value:
            if key not in SIGNER_FIELDS:
                self.warning(
                    f"signer.{key}",
                    "unknown-field",
                    f"trường `signer.{key}` không dùng; các trường: {', '.join(SIGNER_FIELDS)}",
                )
        authority = self._text("signer.authority", value.get("authority"))
        if authority and not authority.upper().startswith(AUTHORITY_PREFIXES):
            self.warning(
                "signer.authority",
                "bad-authority",
                f"thẩm quyền ký `{authority}` nên bắt đầu bằng {', '.join(AUTHORITY_PREFIXES)} "
                "(vd. `T/M BAN THƯỜNG VỤ`)",
            )
        return Signer(
            name=self._text("signer.name", value.get("name")),
            title=self._text("signer.title", value.get("title")),
            authority=authority,
        )

    def _read_relations(self, value: Any) -> dict[RelationKind, tuple[Citation, ...]]:
        if value in (None, ""):
            return {}
        if not isinstance(value, dict):
            self.error(
                "relations",
                "bad-relations",
                "trường `relations` phải gồm các nhóm "
                f"{', '.join(k.value for k in RelationKind)}, mỗi nhóm là một danh sách trích dẫn",
            )
            return {}
        kinds = {k.value: k for k in RelationKind}
        result: dict[RelationKind, tuple[Citation, ...]] = {}
        for name, entries in value.items():
            kind = kinds.get(str(name))
            if kind is None:
                close = difflib.get_close_matches(str(name), list(kinds), n=1, cutoff=0.5)
                hint = f"; có phải là `{close[0]}`?" if close else ""
                self.error(
                    f"relations.{name}",
                    "unknown-relation",
                    f"nhóm quan hệ `{name}` không có{hint} Các nhóm: {', '.join(kinds)}",
                )
                continue
            if isinstance(entries, str | dict):
                entries = [entries]
            if not isinstance(entries, list):
                self.error(
                    f"relations.{name}",
                    "bad-relations",
                    f"`relations.{name}` phải là danh sách trích dẫn, mỗi dòng bắt đầu bằng `- `",
                )
                continue
            citations = [
                self._read_citation(f"relations.{name}.{i}", entry) for i, entry in enumerate(entries)
            ]
            result[kind] = tuple(c for c in citations if c is not None)
        return result

    def _read_citation(self, key: str, entry: Any) -> Citation | None:
        line = self.fm.line_of(key)
        if isinstance(entry, str) and entry.strip():
            return Citation(" ".join(entry.split()), line)
        if isinstance(entry, dict) and isinstance(entry.get("ref"), str) and entry["ref"].strip():
            for extra in entry:
                if extra not in CITATION_FIELDS:
                    self.warning(
                        f"{key}.{extra}",
                        "unknown-field",
                        f"trường `{extra}` không dùng trong trích dẫn; các trường: {', '.join(CITATION_FIELDS)}",
                    )
            pinned = entry.get("id")
            if not isinstance(entry.get("external", False), bool):
                self.error(
                    f"{key}.external",
                    "bad-value",
                    f"`external` phải là `true` hoặc `false`, không phải `{entry['external']}`",
                )
                return None
            return Citation(
                " ".join(entry["ref"].split()),
                line,
                pinned_id=str(pinned).strip() if pinned else None,
                external=bool(entry.get("external", False)),
                note=str(entry["note"]).strip() if entry.get("note") else None,
            )
        self.error(
            key,
            "bad-citation",
            "trích dẫn phải là một dòng chữ như `Kết luận số 21-KL/TW, ngày "
            "25/10/2021`, hoặc gồm `ref:` (trích dẫn) và tùy chọn `id:`, `external: true`",
        )
        return None

    def _read_time(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        text = str(value).strip()
        # YAML 1.1 reads an unquoted 16:22 as the sexagesimal number 982.
        if isinstance(value, int):
            text = f"{value // 60:02d}:{value % 60:02d}"
        if not _TIME.match(text):
            self.error("time", "bad-time", f"giờ `{text}` không đúng dạng; viết HH:MM, vd. 16:22")
            return None
        return text

    def _choice(self, key: str, value: Any, choices: tuple[str, ...], default: str) -> str:
        if value in (None, ""):
            return default
        found = next((c for c in choices if fold(c) == fold(str(value))), None)
        if found is None:
            self.error(
                key,
                f"unknown-{key}",
                f"giá trị `{value}` của `{key}` ({FIELDS[key].label}) không hợp lệ; "
                f"chọn một trong: {', '.join(choices)}",
            )
            return default
        return found

    def _text(self, key: str, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, list | dict):
            self.error(key, "bad-value", f"trường `{key}` phải là một dòng chữ")
            return None
        text = " ".join(str(value).split())
        return text or None

    def _text_list(self, key: str, value: Any) -> tuple[str, ...]:
        if value in (None, ""):
            return ()
        items = value if isinstance(value, list) else [value]
        result = []
        for index, item in enumerate(items):
            if isinstance(item, list | dict) or item is None:
                self.error(f"{key}.{index}", "bad-value", f"mỗi mục của `{key}` phải là một dòng chữ")
                continue
            result.append(" ".join(str(item).split()))
        return tuple(result)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _slug(text: str) -> str:
    return slugify(text) or "van-ban"
