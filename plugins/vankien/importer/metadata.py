"""Read a document's own structure: heading, trích yếu, số, place and date, issuer, signature, Nơi nhận.

Every function takes the cleaned lines and returns what it found with the line
range it came from, so the Markdown stage can leave those lines out of the body.
Nothing is guessed: a fact the text does not show stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vankien.core.dates import any_date, date_of
from vankien.core.doctypes import DOC_TYPES, doc_type, types_for_code
from vankien.core.model import Signer
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.core.text import DASH, DASHES, fold
from vankien.importer.cleanup import is_upper_line
from vankien.refs import extract_references
from vankien.refs.model import Reference

HEADING_WINDOW = 30
"""The type heading stands in the first lines of a document."""

_DOCUMENT_TYPES = {fold(t.name): t.name for t in DOC_TYPES if not t.news}
_MARKUP = "*_#> \t"


def strip_markup(line: str) -> str:
    return line.strip(_MARKUP)


# --- heading and trích yếu ----------------------------------------------------------------------


def find_heading(lines: list[str]) -> tuple[int, str] | None:
    """The line that is a type name on its own ("HƯỚNG DẪN", "KẾ HOẠCH"): (index, type name)."""
    for index, line in enumerate(lines[:HEADING_WINDOW]):
        bare = strip_markup(line)
        name = _DOCUMENT_TYPES.get(fold(bare))
        if name is not None and is_upper_line(bare):
            return index, name
    return None


# Lines that end the trích yếu: the opening formula, a section heading, a separator, the date line.
_TITLE_STOP = re.compile(
    r"^(?:Căn cứ|Thực hiện|Triển khai|Thi hành|Để|Nhằm|Ngày|Hôm nay|Kính gửi|[IVX]+\.|\d+\.|[-*_=]{1,}$)"
)
_TITLE_PREFIX = re.compile(r"^(?:V/v|Về việc|về)\s+", re.I)
TITLE_MAX_LINES = 3


def read_title(lines: list[str], start: int) -> tuple[str | None, int]:
    """The trích yếu after the heading at `start`: (title as written, index after it)."""
    index = start + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    parts: list[str] = []
    while index < len(lines) and lines[index].strip() and len(parts) < TITLE_MAX_LINES:
        line = strip_markup(lines[index])
        if _TITLE_STOP.match(line) or find_place_date([line]) is not None:
            break
        parts.append(line)
        index += 1
    # A lone "-----" or "*" under the title is decoration.
    while index < len(lines) and re.fullmatch(r"[-*_=\s]+", lines[index] or "x"):
        index += 1
    title = _TITLE_PREFIX.sub("", " ".join(parts)).strip(" .") or None
    return title, index


# --- số, place and date -------------------------------------------------------------------------

# "Số 39-HD/BTGTU", "Số: 39 - HD/BTGTU", "Số 123/QĐ-TTg"; in a two-column header copied as
# text the line may go on with "Bắc Kạn, ngày ...".
_SYMBOL_LINE = re.compile(
    rf"(?:^|\s)Số\s*[:.]?\s*(?P<symbol>\d+[a-z]?\s*{DASH}\s*[^\W\d_]+\s*/\s*[^\s,;]+|\d+(?:/\d{{4}})?/[^\s,;]+)",
)


def find_symbol(lines: list[str]) -> tuple[str, int] | None:
    for index, line in enumerate(lines):
        match = _SYMBOL_LINE.search(strip_markup(line))
        if match is None:
            continue
        try:
            return parse_symbol(match["symbol"]).text, index
        except SymbolError:
            continue
    return None


# "Bắc Kạn, ngày 26 tháng 6 năm 2023", "Hà Nội, ngày 05/01/2022".
_PLACE_DATE = re.compile(
    r"(?:(?P<place>(?:TP\.\s*)?[^\W\d_]+(?:\s+[^\W\d_]+){0,5})\s*,\s*)?ngày\s+" + any_date(),
    re.I,
)


@dataclass(frozen=True)
class PlaceDate:
    place: str | None
    date: dt.date | None
    index: int


def find_place_date(lines: list[str]) -> PlaceDate | None:
    for index, line in enumerate(lines):
        match = _PLACE_DATE.search(strip_markup(line))
        if match is None or (match.start() > 0 and match["place"] is None):
            continue
        return PlaceDate(_place(match["place"]), date_of(match), index)
    return None


def _place(raw: str | None) -> str | None:
    """Drop upper-case words a two-column header put before the place ("VIỆT NAM Hà Nội")."""
    if not raw:
        return None
    words = raw.split()
    while len(words) > 1 and is_upper_line(words[0]) and len(words[0]) > 1 and not words[0].endswith("."):
        words.pop(0)
    return " ".join(words) or None


# --- issuer -------------------------------------------------------------------------------------

_NOT_ISSUER = re.compile(
    r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    rf"ĐỘC LẬP\s*{DASH}\s*TỰ DO\s*{DASH}\s*HẠNH PHÚC",
    re.I,
)
_BODY_WORDS = re.compile(r"\b(?:ỦY|UỶ|BAN|BỘ CHÍNH TRỊ|VĂN PHÒNG|ĐẢNG ĐOÀN|BAN CÁN SỰ|CHI BỘ|ĐẢNG BỘ)\b")
_COMMITTEE = re.compile(r"\b(?:ỦY|UỶ|TRUNG ƯƠNG)\b")


def header_issuer(lines: list[str]) -> str | None:
    """The issuing body from the header lines above the heading ("TỈNH ỦY BẮC KẠN" / "BAN TUYÊN GIÁO")."""
    bodies: list[str] = []
    for line in lines:
        bare = _NOT_ISSUER.sub(" ", strip_markup(line))
        bare = " ".join(_SYMBOL_LINE.sub(" ", bare).split())
        place_date = _PLACE_DATE.search(bare)
        if place_date:
            bare = bare[: place_date.start()].strip()
        if bare and is_upper_line(bare) and _BODY_WORDS.search(bare):
            bodies.append(bare)
    if not bodies:
        return None
    issuer = bodies[-1]
    if not _COMMITTEE.search(issuer) and len(bodies) > 1 and _COMMITTEE.search(bodies[-2]):
        issuer = f"{issuer} {bodies[-2]}"
    return title_case_body(issuer)


_VERBS = (
    r"ban\s+hành|hướng\s+dẫn|xây\s+dựng|đề\s+ra|triển\s+khai|yêu\s+cầu|thông\s+báo|chỉ\s+thị|"
    r"kết\s+luận|quyết\s+định|quy\s+định|chỉ\s+đạo"
)
_PROMULGATION = re.compile(rf"^(?P<issuer>.+?)\s+(?:(?:vừa|đã|mới)\s+)?(?:{_VERBS})\b")
_FORMULA_START = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Thi hành|Theo|Để|Nhằm)\b")
_ISSUER_WORDS = re.compile(
    r"(?:ủy|uỷ|Ban|Bộ Chính trị|Thường trực|Văn phòng|Đảng bộ|Chi bộ|Đảng đoàn|Ban cán sự)\b"
)
ISSUER_MAX_WORDS = 12


def promulgation_issuer(paragraphs: list[str]) -> str | None:
    """The body in the sentence that issues the text: "..., Thành ủy Bắc Kạn hướng dẫn ...",
    "...; Ban Tổ chức Tỉnh ủy ban hành Kế hoạch ..."."""
    found: str | None = None
    for paragraph in paragraphs:
        for clause in re.split(r"[,;:]\s+", paragraph):
            match = _PROMULGATION.match(clause.strip())
            if match is None:
                continue
            issuer = match["issuer"].strip()
            if (
                issuer[:1].isupper()
                and not _FORMULA_START.match(issuer)
                and _ISSUER_WORDS.search(issuer)
                and len(issuer.split()) <= ISSUER_MAX_WORDS
                and not re.search(r"\d", issuer)
            ):
                found = issuer
        if found:
            return found
    return None


# Phrases whose capitalisation is fixed, in the form the registry and the texts write them.
_FIXED_CASE = (
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Thường vụ",
    "Thường trực",
    "Ủy ban Kiểm tra",
    "Văn phòng Chính phủ",
    "Khối các cơ quan Trung ương",
    "Trung ương",
    "Chính phủ",
    "Quốc hội",
    "Nhân dân",
)
_LOCAL_COMMITTEE = re.compile(r"\b(Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+(ủy|uỷ|bộ|đoàn)\b", re.I)


def title_case_body(name: str) -> str:
    """ "BAN TUYÊN GIÁO TỈNH ỦY BẮC KẠN" -> "Ban Tuyên giáo Tỉnh ủy Bắc Kạn" (the editor reviews it)."""
    words = name.lower().split()
    if not words:
        return name
    result = [words[0].capitalize()]
    after_committee = False
    for index, word in enumerate(words[1:], start=1):
        previous = words[index - 1]
        if after_committee or previous == "ban":
            result.append(word.capitalize())
        else:
            result.append(word)
        if word in ("ủy", "uỷ") and previous in ("tỉnh", "thành", "huyện", "quận", "thị"):
            after_committee = True
    text = " ".join(result)
    text = _LOCAL_COMMITTEE.sub(lambda m: f"{m[1].capitalize()} {m[2].lower()}", text)
    for phrase in _FIXED_CASE:
        text = re.sub(re.escape(phrase), phrase, text, flags=re.I)
    return text


# --- signature block ----------------------------------------------------------------------------

# "T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN", "T/L BAN THƯỜNG VỤ".
_AUTHORITY = re.compile(r"^(?P<kind>T/M|TM|K/T|KT|T/L|TL|TUQ|Q)\.?\s+(?P<rest>\S.*)$")
_AUTHORITY_CANONICAL = {"TM": "T/M", "KT": "K/T", "TL": "T/L", "Q": "Q."}
# Titles that can stand without an authority line.
_SIGNER_TITLES = re.compile(
    r"^(?:PHÓ\s+)?(?:TỔNG\s+)?(?:BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHỦ NHIỆM|CHỦ TỊCH|GIÁM ĐỐC|"
    r"TRƯỞNG PHÒNG|THƯỜNG TRỰC)\b"
)
_SIGNED_REMARK = re.compile(
    r"^\(?\s*(?:đã\s+ký|ký\s+tên.*|ký,?\s*đóng\s+dấu.*|đã\s+ký\s+và\s+đóng\s+dấu)\s*\)?$", re.I
)
_NAME = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){1,4}$")
SIGNATURE_WINDOW = 30


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    """Exclusive."""


def find_signature(lines: list[str]) -> tuple[Signer, Block] | None:
    first = max(0, len(lines) - SIGNATURE_WINDOW)
    for index in range(len(lines) - 1, first - 1, -1):
        bare = strip_markup(lines[index])
        authority = _AUTHORITY.match(bare)
        if authority and is_upper_line(authority["rest"]):
            kind = _AUTHORITY_CANONICAL.get(authority["kind"], authority["kind"])
            return _signer_after(lines, index + 1, index, f"{kind} {authority['rest'].strip()}")
    for index in range(len(lines) - 1, first - 1, -1):
        bare = strip_markup(lines[index])
        if _SIGNER_TITLES.match(bare) and is_upper_line(bare) and len(bare.split()) <= 6:
            found = _signer_after(lines, index, index, None)
            if found[0].name:
                return found
    return None


def _signer_after(lines: list[str], index: int, start: int, authority: str | None) -> tuple[Signer, Block]:
    title: str | None = None
    name: str | None = None
    while index < len(lines):
        bare = strip_markup(lines[index])
        index += 1
        if not bare or _SIGNED_REMARK.match(bare):
            continue
        if title is None and is_upper_line(bare):
            title = bare
            continue
        if _NAME.match(bare):
            name = " ".join(w.capitalize() for w in bare.split()) if is_upper_line(bare) else bare
        break
    return Signer(name=name, title=title, authority=authority), Block(start, index)


# --- Nơi nhận -----------------------------------------------------------------------------------

_RECIPIENTS_HEAD = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I)
_ITEM = re.compile(rf"^(?:{DASH}|[+•])\s*(?P<text>.+)$")


def find_recipients(lines: list[str]) -> tuple[list[str], Block] | None:
    for start, line in enumerate(lines):
        head = _RECIPIENTS_HEAD.match(strip_markup(line))
        if head is None:
            continue
        items: list[str] = []
        if head["rest"]:
            items.append(_clean_item(head["rest"]))
        index = start + 1
        end = index
        while index < len(lines):
            bare = strip_markup(lines[index])
            item = _ITEM.match(bare)
            if item:
                items.append(_clean_item(item["text"]))
            elif bare and (_AUTHORITY.match(bare) or not bare.endswith(":")):
                break
            index += 1
            if bare:
                end = index
        return [i for i in items if i], Block(start, end)
    return None


def _clean_item(text: str) -> str:
    return text.strip().lstrip("-" + DASHES + "+• ").rstrip(" ,.;").strip()


# --- basis --------------------------------------------------------------------------------------


def basis_references(text: str) -> list[Reference]:
    """References in the opening "Căn cứ / Thực hiện ..." formula, once each."""
    seen: set[tuple[str, str | None, dt.date | None]] = set()
    result = []
    for reference in extract_references(text):
        key = (reference.type, reference.symbol or reference.surface, reference.date)
        if reference.role == "basis" and key not in seen:
            seen.add(key)
            result.append(reference)
    return result


def citation_text(reference: Reference) -> str:
    """The reference as a front-matter citation: its surface, plus "của <issuer>" when the issuer
    stood outside it ("ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU ...")."""
    text = " ".join(reference.surface.split())
    if reference.issuer and fold(reference.issuer) not in fold(text):
        text = f"{text} của {reference.issuer}"
    return text


def type_from_symbol(symbol: str) -> str | None:
    """The type a symbol's code names when only one type has it ("CV" -> Công văn)."""
    try:
        parsed = parse_symbol(symbol)
    except SymbolError:
        return None
    types = types_for_code(parsed.type_code) if parsed.type_code else ()
    return types[0].name if len(types) == 1 else None


def known_type(name: str) -> str | None:
    found = doc_type(name)
    return found.name if found else None
