"""The type heading ("HƯỚNG DẪN", "KẾT LUẬN CỦA BỘ CHÍNH TRỊ", "CHƯƠNG TRÌNH HÀNH ĐỘNG") and the
trích yếu under it.

A heading is a line in capitals that starts with the name of a type. It may go on with the
organ ("CỦA BAN THƯỜNG VỤ TỈNH ỦY"), a qualifier ("(BỔ SUNG)") or the subject itself, as a
page title does ("HƯỚNG DẪN TUYÊN TRUYỀN KỶ NIỆM …"). Names are compared folded and without
spaces, so OCR ("K ÉT LUẬN") and scrambled diacritics ("KẾT LỦẬN") are still headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vankien.core.doctypes import DOC_TYPES, doc_type
from vankien.core.text import fold
from vankien.importer.header import PLACE_DATE_LINE
from vankien.importer.lines import Line, is_upper_line, strip_markup

# Every name of every type (news aside), as compared: folded, spaces removed; longest first.
_NAMES = sorted(
    ((fold(name).replace(" ", ""), t.name) for t in DOC_TYPES if not t.news for name in t.names),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_QUALIFIER = re.compile(r"^\((?P<text>[^()]{1,40})\)\s*")
_ORGAN = re.compile(r"^(?i:của)\s+(?P<organ>.+)$")
HEADING_MAX_LENGTH = 300


@dataclass(frozen=True)
class Heading:
    index: int
    """Index of the heading's line."""
    type: str
    """The archive's type name: "Kết luận", "Chương trình" (for "CHƯƠNG TRÌNH HÀNH ĐỘNG")."""
    organ: str | None = None
    """The organ the heading names: "BỘ CHÍNH TRỊ" of "KẾT LUẬN CỦA BỘ CHÍNH TRỊ"."""
    rest: str = ""
    """What follows the name and the organ on the heading's line: the subject of a page title."""
    citation: bool = False
    """The heading is a citation of the document itself ("KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ VỀ …")."""


def heading_type(text: str) -> tuple[str, str] | None:
    """(type name, rest of the line) when `text` starts with a type's name, in any spelling."""
    folded = fold(text)
    squeezed = ""
    positions: list[int] = []  # position in `text` after each kept character
    for index, char in enumerate(folded):
        if char != " ":
            squeezed += char
            positions.append(index + 1)
    for key, name in _NAMES:
        if squeezed.startswith(key):
            end = positions[len(key) - 1]
            # The name must end a word: "KẾ HOẠCHS" is no heading.
            if end < len(text) and text[end].isalnum():
                continue
            return name, text[end:].strip(" :.-")
    return None


def read_heading(line: Line, index: int) -> Heading | None:
    """The heading a line is, or None."""
    bare = strip_markup(line.text)
    if not bare or len(bare) > HEADING_MAX_LENGTH or not is_upper_line(bare):
        return None
    found = heading_type(bare)
    if found is None:
        return None
    name, rest = found
    # "KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ VỀ …", "KẾ HOẠCH SỐ 52-KH/TU": a citation-form title line,
    # which the reference grammar reads (number, organ and subject alike).
    if re.match(r"(?i:s[ốôoó]\s*:?\s*)?\d", rest):
        return Heading(index, name, None, "", citation=True)
    qualifier = _QUALIFIER.match(rest)
    if qualifier is not None:
        rest = rest[qualifier.end() :]
    organ = _ORGAN.match(rest)
    if organ is not None:
        organ_text = organ["organ"]
        # "CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ …": the organ ends where the subject begins.
        subject = re.search(r"\s(?i:về|v/v)\s", organ_text)
        if subject is not None:
            return Heading(
                index, name, organ_text[: subject.start()].strip(), organ_text[subject.start() :].strip()
            )
        return Heading(index, name, organ_text.strip())
    return Heading(index, name, None, rest)


def known_type(name: str) -> str | None:
    found = doc_type(name)
    return found.name if found else None


# --- the organ under the heading ---------------------------------------------------------------------

# "HỘI NGHỊ LẦN THỨ BẢY" / "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)": the conference that concluded,
# named before its organ.
_CONFERENCE = re.compile(r"^(?i:hội\s+nghị\s+l[ầâa]n\s+thứ\s+\S+|hội\s+nghị)\s*")
_TERM = re.compile(r"\s*\((?i:kho[áa]|nhiệm kỳ)[^()]*\)\s*$")
_BODY_NAME = re.compile(
    r"(?i:ban\s+chấp\s+hành|ban\s+thường\s+vụ|bộ\s+chính\s+trị|ban\s+bí\s+thư|thường\s+trực)"
)


def read_heading_organ(lines: list[Line], start: int) -> tuple[str | None, int]:
    """The organ printed on the lines under a heading, and the index after them:
    "NGHỊ QUYẾT" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" (018); "KẾT LUẬN" / "HỘI NGHỊ LẦN THỨ BẢY" /
    "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)" / "về …" (021, an OCR scan)."""
    index = start
    while index < len(lines) and not lines[index].text:
        index += 1
    if index >= len(lines):
        return None, start
    first = strip_markup(lines[index].text)
    organ = _ORGAN.match(first)
    if organ is not None and is_upper_line(first):
        return _TERM.sub("", organ["organ"]).strip(), index + 1
    upper: list[str] = []
    probe = index
    while probe < len(lines) and len(upper) < 3:
        text = strip_markup(lines[probe].text)
        if text and not is_upper_line(text):
            break
        if text:
            upper.append(text)
        probe += 1
    following = strip_markup(lines[probe].text) if probe < len(lines) else ""
    if upper and _TITLE_PREFIX.match(following):
        joined = _TERM.sub("", " ".join(upper))
        body = _BODY_NAME.search(joined)
        if body is not None:
            return joined[body.start() :].strip(), probe
    return None, start


# --- the trích yếu ------------------------------------------------------------------------------------

# Lines that end the trích yếu: the opening formula, a section heading, a separator.
_TITLE_STOP = re.compile(
    r"^(?:Căn cứ|CĂN CỨ|Thực hiện|THỰC HIỆN|Triển khai|Thi hành|Quán triệt|Để|Nhằm|Ngày|Hôm nay|Kính gửi|"
    r"Trong (?:những|thời)|Sau |Tại |Năm \d|[IVX]+\s*[.\-–]|\d+\s*[.)\-]|(?i:điều)\s+\d|(?i:phần)\s|(?i:chương)\s|"
    r"[-*_=]{3,}$)"
)
# A State document prints its authority alone under the title: "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
# "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "ỦY BAN THƯỜNG VỤ QUỐC HỘI".
_AUTHORITY_LINE = re.compile(
    r"^(?:CHỦ TỊCH\s+|BỘ TRƯỞNG\s+|THỦ TƯỚNG\s+)?(?:Ủ|U)Y BAN (?:NHÂN DÂN|THƯỜNG VỤ QUỐC HỘI)\b|"
    r"^(?:CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|HỘI ĐỒNG NHÂN DÂN\b.*|QUYẾT ĐỊNH:?|QUYẾT NGHỊ:?)$"
)
_TITLE_PREFIX = re.compile(r"^(?:V/v|Về việc|về)\s+", re.I)
TITLE_MAX_LINES = 6
TITLE_MAX_LENGTH = 400
FIRST_LINE_MAX_LENGTH = 250
"""A first line this long with a formula's opening is the formula, not a title."""


def read_title(lines: list[Line], start: int, first: str = "") -> tuple[str | None, int]:
    """The trích yếu from `first` (the rest of a heading's line) and the lines from `start`:
    (title as written, index after it)."""
    index = start
    while index < len(lines) and not lines[index].text:
        index += 1
    parts: list[str] = [first] if first else []
    while index < len(lines) and lines[index].text and len(parts) < TITLE_MAX_LINES:
        line = strip_markup(lines[index].text)
        if not line or _stops_title(line, first_line=not parts):
            break
        if parts and not _continues(" ".join(parts), line):
            break
        parts.append(line)
        index += 1
    # A lone "-----" or "*" under the title is decoration, also as a paragraph of its own below a
    # blank line (a Word file's paragraphs come out with blank lines between them).
    probe = index
    while probe < len(lines) and (not lines[probe].text or re.fullmatch(r"[-*_=\s]+", lines[probe].text)):
        if lines[probe].text:
            index = probe + 1
        probe += 1
    return _tidy_title(parts), index


def is_authority_line(line: str) -> bool:
    """ "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "CHÍNH PHỦ", "QUYẾT ĐỊNH:" alone on a line under a State title."""
    return _AUTHORITY_LINE.match(line) is not None and is_upper_line(line)


def _stops_title(line: str, *, first_line: bool) -> bool:
    if _AUTHORITY_LINE.match(line) or re.match(r"^(?i:phần|chương|điều)\s+[IVX\d]", line):
        return True
    if PLACE_DATE_LINE.match(line):
        return True
    if _TITLE_STOP.match(line):
        # The first line under a heading is the title even when it opens with "THỰC HIỆN …" or
        # "Thực hiện Nghị quyết … nhiệm kỳ 2025 - 2030" (no formula ends without punctuation).
        opening = re.match(r"^(?i:thực hiện|triển khai|quán triệt)\b", line) is not None
        return not (
            first_line
            and opening
            and (
                is_upper_line(line)
                or (not line.endswith((",", ";", ".", ":")) and len(line) <= FIRST_LINE_MAX_LENGTH)
            )
        )
    return False


def _tidy_title(parts: list[str]) -> str | None:
    title = _TITLE_PREFIX.sub("", " ".join(parts)).strip(" .;:-–—_=*")
    # "… SỐ 68" / "-NQ/TW NGÀY …", "… SỐ 68-" / "NQ/TW …": a symbol broken over two lines.
    title = re.sub(r"(\d) (-[^\W\d_]+/)", r"\1\2", title)
    title = re.sub(r"(\d-) ([^\W\d_]+/)", r"\1\2", title)
    if len(title) > TITLE_MAX_LENGTH:
        title = title[:TITLE_MAX_LENGTH].rsplit(" ", 1)[0]
    return title or None


def title_without_heading(header_lines: list[Line]) -> str | None:
    """The trích yếu of a document with no type heading: its "V/v …" line, or the capitals that
    close its header ("TUYÊN TRUYỀN KỶ NIỆM CÁC NGÀY LỄ LỚN …" under "Số: 30-HD/BTGTW")."""
    for line in header_lines:
        match = re.match(r"^(?:V/v|Về\s+việc|Về)\s+(?P<title>[^\d].+)$", line.bare)
        if match:
            return match["title"].strip(" .")
    tail: list[str] = []
    for line in reversed(header_lines):
        bare = line.bare
        if not bare:
            if tail:
                break
            continue
        if (
            not is_upper_line(bare)
            or len(bare.split()) < 3
            or "|" in line.text
            or re.search(r"(?i:số\s*:|ngày|đảng cộng sản|cộng hòa|cộng hoà|độc lập)", bare)
            or re.match(r"^(?:BAN|ĐẢNG|TỈNH|THÀNH|HUYỆN|QUẬN|ỦY|UỶ|VĂN PHÒNG|CHI BỘ)\b", bare)
        ):
            break
        tail.insert(0, bare)
    return _tidy_title(tail)


def _continues(title: str, line: str) -> bool:
    """Whether `line` goes on with the title: capitals after capitals; after a title in ordinary
    case, a line that starts in lower case, with a digit or a parenthesis (a broken line)."""
    if title.endswith((".", ";")):
        return False
    if is_upper_line(title):
        return is_upper_line(line) or line[:1] in "(0123456789-"
    return line[:1].islower() or line[:1] in "(0123456789"
