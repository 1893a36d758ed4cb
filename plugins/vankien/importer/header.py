"""The header of a document: the issuing block, "ĐẢNG CỘNG SẢN VIỆT NAM", "Số …" and the place and date.

Party documents print a two-column header: the issuing block on the left ("TỈNH ỦY BẮC KẠN" /
"BAN TUYÊN GIÁO" / "*" / "Số 39-HD/BTGTU"), the Party's name and the place and date on the
right. Copied from a page it arrives kept in columns, flattened into runs of spaces,
interleaved line by line, cut into a table with "|" (one cell per line on legal-text sites),
or all on one line. The header is therefore read as one stream of text in which the fixed
phrases, the number and the place-and-date line are found first; what is left, in capitals,
is the issuing block.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vankien.core.dates import any_date, date_of
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.core.text import DASH, DASHES, loose, normalize_letters
from vankien.importer.lines import Line, is_upper_line, strip_markup


def _phrase(text: str) -> str:
    """A fixed phrase of the header: any case, OCR'd diacritics, words across line breaks."""
    return r"\s+".join(loose(word) for word in text.split())


# "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc".
_FIXED = re.compile(
    "(?i:"
    + "|".join(
        (
            _phrase("ĐẢNG CỘNG SẢN VIỆT NAM"),
            _phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            _phrase("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            rf"{_phrase('ĐỘC LẬP')}\s*{DASH}\s*{_phrase('TỰ DO')}\s*{DASH}\s*{_phrase('HẠNH PHÚC')}",
        )
    )
    + ")"
)
_STATE = re.compile(f"(?i:{_phrase('CỘNG HÒA XÃ HỘI CHỦ NGHĨA')}|{_phrase('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA')})")

# "Số 39-HD/BTGTU", "Số: 08 - QĐi/TW", "Số:\n216-QĐ/TW", "Số 25 -\nHD/BTGTU" (split over two
# lines), "Số: 03/NQ-CP", "Số: 653/2019/UBTVQH14", "Số: 2380/BTTTT-PTTH&TTĐT".
# "103-CV/BCĐ 35": a Ban Chỉ đạo's number after its code, on the same line.
_PARTY_SYMBOL = (
    rf"\d{{1,5}}[a-z]?\s*{DASH}\s*[^\W\d_]{{1,6}}\s*/\s*[^\W_]{{1,12}}(?:[ \t]\d{{1,3}}(?![^\W_]))?"
)
_STATE_SYMBOL = (
    r"\d{1,5}(?:\s*/\s*\d{4})?\s*/\s*[^\W\d_][^\W_]{0,11}(?:\s?-\s?[^\W_]{1,12}(?:&[^\W_]{1,12})?){0,2}"
)
SYMBOL_LINE = re.compile(
    rf"(?<![^\W_])(?i:{loose('Số')}|{loose('Số hiệu')})\s*[:.]?\s*(?P<symbol>{_PARTY_SYMBOL}|{_STATE_SYMBOL})(?![^\W_])"
)

# "Bắc Kạn, ngày 26 tháng 6 năm 2023", "Hà Nội, ngày 05/01/2022", "Hà\nNội, ngày 01 tháng 4 năm 2009".
_PLACE_WORD = r"(?:TP\.|[^\W\d_]+\.?)"
PLACE_DATE = re.compile(
    rf"(?:(?P<place>{_PLACE_WORD}(?:\s{{1,3}}{_PLACE_WORD}){{0,5}})\s*,\s*)?(?i:{loose('ngày')})\s+{any_date()}"
)
# A place-and-date line alone: "Hà Nội, ngày 08 tháng 4 năm 2022", "Tàu, ngày 01 tháng 08 năm 2022".
PLACE_DATE_LINE = re.compile(
    rf"^\s*(?:{_PLACE_WORD}(?:\s{{1,3}}{_PLACE_WORD}){{0,5}}\s*,\s*)?(?i:{loose('ngày')})\s+{any_date()}\s*$"
)
_DECORATION = re.compile(r"^[\s*_=~|.\-–—•]*$")


@dataclass
class Header:
    """What a header says; every field None when the header does not show it."""

    issuing: list[str] = field(default_factory=list)
    """The lines of the issuing block, top to bottom, in capitals as printed ("TỈNH ỦY BẮC KẠN", "BAN TUYÊN GIÁO")."""
    symbol: str | None = None
    """As printed, tidied ("445-KL/TƯ" keeps its horn: the issuer decides between TU and TW)."""
    place: str | None = None
    date: dt.date | None = None
    date_written: bool = False
    """True when a place-and-date line was found (its date may still be impossible)."""
    state: bool = False
    """A State document: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" heads it."""
    party: bool = False
    """ "ĐẢNG CỘNG SẢN VIỆT NAM" heads it."""


def _stream(lines: list[Line]) -> str:
    """The header as one text: every layout cell on a line of its own."""
    return "\n".join(cell for line in lines for cell in (line.cells or (line.text,)))


def find_symbol_in(text: str) -> tuple[str, int, int] | None:
    """The symbol of a "Số …" line in `text`: (symbol tidied, start, end of the match)."""
    for match in SYMBOL_LINE.finditer(text):
        raw = " ".join(match["symbol"].split())
        try:
            parse_symbol(raw)
        except SymbolError:
            continue
        return normalize_letters(_tidy_symbol(raw)), match.start(), match.end()
    return None


def _tidy_symbol(raw: str) -> str:
    """ "08 - QĐi/TW" -> "08-QĐi/TW", "25 -\\nHD/BTGTU" -> "25-HD/BTGTU", "103-CV/BCĐ 35" kept."""
    text = re.sub(rf"\s*({DASH}|/)\s*", lambda m: "-" if m[1] != "/" else "/", raw)
    return " ".join(text.split())


def find_place_date_in(text: str) -> tuple[str | None, dt.date | None, int, int] | None:
    for match in PLACE_DATE.finditer(text):
        # Without a place, "ngày ..." must open its line: a date inside a sentence ("... họp ngày
        # 26/4/2022 đã thảo luận") is no place-and-date line.
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match["place"] is None and text[line_start : match.start()].strip():
            continue
        place = _place(match["place"])
        start = match.start()
        if place is not None:
            # Only the place's own words belong to the line: "KẠN" / "BAN TUYÊN GIÁO" above "Bắc Kạn,
            # ngày …" stay in the issuing block.
            words = list(re.finditer(r"\S+", match["place"]))
            start = match.start("place") + words[-len(place.split())].start()
        return place, date_of(match), start, match.end()
    return None


def _place(raw: str | None) -> str | None:
    """Drop the upper-case words a two-column header put before the place ("VIỆT NAM Hà Nội")."""
    if not raw:
        return None
    words = raw.split()
    while len(words) > 1 and is_upper_line(words[0]) and len(words[0]) > 1 and not words[0].endswith("."):
        words.pop(0)
    # The place is the capitalised words just before the comma: "… công tác ở cơ sở\nHà Nội" is Hà Nội.
    start = len(words)
    while (
        start > 0
        and (
            words[start - 1][:1].isupper()
            or words[start - 1] == "TP."
            # "Bà Rịa - Vũng Tàu": a dash between two parts of one name.
            or (words[start - 1] in ("-", *DASHES) and start > 1 and words[start - 2][:1].isupper())
        )
    ):
        start -= 1
    return " ".join(words[start:]) or None


def read_header(lines: list[Line]) -> Header:
    """What the header lines say. Lines that are not header (a lead, chrome) leave nothing behind."""
    header = Header()
    text = _stream(lines)
    header.state = _STATE.search(text) is not None
    header.party = re.search(f"(?i:{_phrase('ĐẢNG CỘNG SẢN VIỆT NAM')})", text) is not None
    found = find_symbol_in(text)
    if found is not None:
        header.symbol = found[0]
        text = text[: found[1]] + "\n" + text[found[2] :]
    # The fixed phrases go first, so that a place written under "ĐẢNG CỘNG SẢN VIỆT NAM" is read alone.
    text = _FIXED.sub("\n", text)
    place_date = find_place_date_in(text)
    if place_date is not None:
        header.place, header.date, start, end = place_date
        header.date_written = True
        text = text[:start] + "\n" + text[end:]
    header.issuing = issuing_block(text.split("\n"))
    return header


# Words a body's name never ends with: a fragment ending so goes on in the next fragment
# ("BỘ" / "CHÍNH TRỊ" on two lines of a legal-text site's table).
_OPEN_ENDINGS = frozenset(
    [
        "BỘ",
        "BAN",
        "CHẤP",
        "THƯỜNG",
        "ỦY",
        "UỶ",
        "ĐẢNG",
        "VĂN",
        "TỈNH",
        "THÀNH",
        "HUYỆN",
        "QUẬN",
        "THỊ",
        "KHỐI",
        "CÁC",
        "CƠ",
        "TRUNG",
        "CHÍNH",
        "HỘI",
        "NHÂN",
    ]
)


def issuing_block(fragments: list[str]) -> list[str]:
    """The issuing block's lines among header fragments: capitals naming a body, fragments of one name joined."""
    lines: list[str] = []
    pending = ""
    for fragment in fragments:
        bare = strip_markup(fragment).strip(" *|-_=~.,")
        if not bare or _DECORATION.match(bare):
            continue
        if not is_upper_line(bare) or re.search(r"\d", bare):
            if pending:
                lines.append(pending)
                pending = ""
            continue
        pending = f"{pending} {bare}" if pending else bare
        if pending.split()[-1] not in _OPEN_ENDINGS:
            lines.append(pending)
            pending = ""
    if pending:
        lines.append(pending)
    kept: list[str] = []
    for line in lines:
        # "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI": the place line under a body is part of its name.
        if _names_a_body(line) or (kept and _PLACE_LINE.match(line)):
            kept.append(line)
    return kept


_PLACE_LINE = re.compile(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+\S")


_BODY_WORDS = re.compile(
    r"\b(?:ỦY|UỶ|BAN|BỘ|VĂN PHÒNG|ĐẢNG|CHI BỘ|CHÍNH PHỦ|QUỐC HỘI|HỘI ĐỒNG|SỞ|CỤC|TỔNG CỤC|VIỆN|TRƯỜNG)\b"
)


def _names_a_body(line: str) -> bool:
    return _BODY_WORDS.search(line) is not None
