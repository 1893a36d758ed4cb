"""Where the document stands in a page: its header, heading and body, the lead of an article that
reproduces it, and the page chrome around it.

A document is recognised by its header (the "Số …" line, "ĐẢNG CỘNG SẢN VIỆT NAM", the
issuing block, the place-and-date line), its type heading, an article's cue that the full
text follows ("Nội dung Chỉ thị như sau:", "trích đăng nguyên văn"), or an opening formula
("Căn cứ …", "Thực hiện …") starting a paragraph. What stands before it is chrome or an
article's lead; what follows its signature and "Nơi nhận", or a related-articles heading, is
the rest of the page. A text with none of these is a news article when it has an article's
signs (a publication line, a source, an author), else still a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from vankien.core.dates import any_date
from vankien.core.text import DASH, DASHES, fold
from vankien.importer.chrome import is_furniture, is_tail_marker
from vankien.importer.header import _FIXED, PLACE_DATE, SYMBOL_LINE
from vankien.importer.heading import Heading, read_heading
from vankien.importer.lines import Line, is_upper_line, strip_markup

Kind = Literal["document", "news"]

HEADER_REACH = 18
"""How many lines above its heading a document's header may start."""
AFTER_HEADING = 10
"""How far after a heading its body shows itself (an opening formula, a section)."""

# "Nội dung Chỉ thị như sau:", "Toàn văn Kế hoạch:", "BBT trích đăng nguyên văn Hướng dẫn.",
# "Trân trọng giới thiệu toàn văn Nghị quyết số 57-NQ/TW:", "Nội dung:".
_REPRODUCTION = re.compile(
    r"(?:(?i:nội dung)\b.{0,80}(?i:như sau)\s*:?\s*$|(?i:toàn văn|nguyên văn)\b.{0,80}[:.]?\s*$)"
)
_OPENING = re.compile(r"^[-–•+*\s]*(?:Căn cứ|CĂN CỨ|Thực hiện|THỰC HIỆN|Triển khai|Thi hành|Quán triệt)\b")
_SECTION = re.compile(r"^(?:#+\s*)?(?:[IVX]{1,5}\s*[.\-–]\s*\S|Điều\s+\d|Phần\s+[IVX\d]|Chương\s+[IVX\d])")
# An article's lead: a dateline ("Ngày 27/9, Huyện ủy …", "Sáng ngày 26/8/2019, …", "(LĐ online) -
# Ngày 25/9, …") or the report that a body "vừa ban hành" / "vừa có văn bản" (seen on district
# portals and provincial newspapers, corpus 040–047).
_NEWS_LEAD = re.compile(
    rf"^(?:\([^()]{{2,40}}\)\s*{DASH}\s*)?"
    r"(?:(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)\s+(?:nay\s*,?\s*)?(?:ngày\s+)?|Ngày\s+)\d{1,2}\s*[/.-]\s*\d{1,2}"
    r"|\([^()]{2,40}\)\s*[-–]"
    r"|.{0,160}\bvừa\s+(?:ban\s+hành|có\s+văn\s+bản|tổ\s+chức|ký))"
)
_KINH_GUI = re.compile(r"^(?:Kính\s+gửi|Đồng\s+kính\s+gửi)\b", re.I)
_VV = re.compile(r"^(?:V/v|Về\s+việc|Về)\s+\S")


@dataclass
class Layout:
    kind: Kind
    start: int = 0
    """First line of the document (its header, heading or first paragraph)."""
    end: int = 0
    """Index after its last line."""
    heading: Heading | None = None
    header_end: int = 0
    """Index after the header (the heading's line when there is one)."""
    lead: list[int] = field(default_factory=list)
    """Lines of an article's lead before a reproduced document: not chrome, not document."""
    chrome: set[int] = field(default_factory=set)
    """Lines that are page chrome, wherever they stand."""


def _anchor(line: Line) -> bool:
    """A line only a document's header holds."""
    bare = line.bare
    if not bare or _CLOCK.search(bare):
        # "Ngày 06/04/2021 23:23:18": a page's posting stamp, not the header's date.
        return False
    cells = line.cells or (bare,)
    # "ĐẢNG CỘNG SẢN VIỆT NAM" as a header prints it: the whole of its cell, or most of it.
    for cell in cells:
        fixed = _FIXED.search(cell)
        if fixed is not None and fixed.end() - fixed.start() >= 0.6 * len(strip_markup(cell)):
            return True
    # "Số: 115/KH-UBND", "Nghị quyết số: 653/2019/UBTVQH14" (a legal-text site's header).
    for cell in cells:
        plain = strip_markup(cell)
        symbol = SYMBOL_LINE.search(plain)
        if symbol is not None and len(plain[: symbol.start()].split()) <= 2:
            return True
    return any(_is_place_date(strip_markup(cell)) for cell in cells)


def _is_place_date(text: str) -> bool:
    match = PLACE_DATE.search(text)
    return match is not None and (match.start() == 0 or match["place"] is not None) and len(text) < 120


def _header_like(line: Line) -> bool:
    """A line that can stand in a header: an anchor, capitals, decoration, a separator."""
    bare = line.bare
    if not bare:
        return True
    if _anchor(line) or re.fullmatch(r"[-*_=~|.•–—\s]+", bare):
        return True
    if is_upper_line(bare) and len(bare.split()) <= 14 and not bare.endswith("."):
        return True
    # A fragment a table cut from its line: "Số:", "216-QĐ/TW", "Hà" (of "Hà Nội, ngày …").
    # "Bà Rịa - Vũng" (of "Bà Rịa - Vũng Tàu, ngày …"), "05 tháng 6 năm 2023" (of "Hải Dương, ngày").
    if _DATE_FRAGMENT.match(bare) or _UNNUMBERED.match(bare):
        return True
    if _CLOCK.search(bare):
        return False
    words = bare.split()
    return (
        len(words) <= 5
        and not bare.endswith((".", ",", ";"))
        and all(w[:1].isupper() or w[:1].isdigit() or w in DASHES or w == "-" for w in words)
    )


# "Số: /KH-UBND", "Số:     -KH/TU": a number left blank in a draft or a copy.
_UNNUMBERED = re.compile(r"^(?i:số)\s*:?\s*[-/]\s*[^\W\d_]{1,8}[-/][^\W\d_]{1,10}$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_DATE_FRAGMENT = re.compile(rf"^(?i:ngày\s+)?{any_date()}\s*$|^[^\W\d_][^\d,.;:]{{0,40}},\s*(?i:ngày)$")


def _body_shows(lines: list[Line], index: int) -> bool:
    """Within AFTER_HEADING lines after `index`: an opening formula, a section, "Kính gửi"."""
    for line in lines[index + 1 : index + 1 + AFTER_HEADING]:
        bare = line.bare
        if _OPENING.match(bare) or _SECTION.match(bare) or _KINH_GUI.match(bare):
            return True
    return False


def _choose_heading(lines: list[Line], chrome: set[int]) -> Heading | None:
    candidates = [
        heading
        for index, line in enumerate(lines)
        if index not in chrome and (heading := read_heading(line, index)) is not None
    ]
    if not candidates:
        return None
    for heading in candidates:
        above = lines[max(0, heading.index - HEADER_REACH) : heading.index]
        if any(_anchor(line) for line in above):
            return heading
    for heading in candidates:
        if _body_shows(lines, heading.index):
            return heading
    return candidates[0]


def _header_start(lines: list[Line], before: int, chrome: set[int], *, anchored: bool = False) -> int:
    """The first line of the header that ends at `before`: header-like lines reached upwards
    (`anchored`: the line at `before` is itself a header line)."""
    start = before
    for index in range(before - 1, max(-1, before - 1 - HEADER_REACH), -1):
        line = lines[index]
        if index in chrome or not _header_like(line):
            break
        start = index
        anchored = anchored or _anchor(line)
    # Without a header line proper above it, the document starts at its heading.
    return start if anchored else before


def _first_anchor(lines: list[Line], chrome: set[int]) -> int | None:
    for index, line in enumerate(lines):
        if (
            index not in chrome
            and _anchor(line)
            and (SYMBOL_LINE.match(line.bare) or _FIXED.search(line.bare) is not None)
        ):
            return index
    return None


def _header_end_without_heading(lines: list[Line], start: int) -> int:
    """Where a header with no type heading (a công văn's) gives way to the body."""
    last = start
    for index in range(start, min(len(lines), start + HEADER_REACH)):
        bare = lines[index].bare
        if _KINH_GUI.match(bare) or _OPENING.match(bare) or _SECTION.match(bare):
            return index
        if bare and not _header_like(lines[index]) and not _VV.match(bare) and len(bare) > 80:
            return index
        if _header_like(lines[index]) or _VV.match(bare):
            last = index + 1
    return last


def _reproduction(lines: list[Line], chrome: set[int]) -> int | None:
    """The line after an article's cue that the document's full text follows."""
    for index, line in enumerate(lines[: max(12, len(lines) // 2)]):
        if index not in chrome and line.text and _REPRODUCTION.search(line.bare):
            return index + 1
    return None


def _first_opening(lines: list[Line], chrome: set[int]) -> int | None:
    """The first paragraph opening with a formula; a page title that starts "Triển khai …" has no
    closing punctuation and is not one."""
    for index, line in enumerate(lines[: max(12, len(lines) * 2 // 3)]):
        bare = line.bare
        if (
            index not in chrome
            and _OPENING.match(bare)
            and (bare.endswith((",", ";", ".", ":")) or len(bare) > 300)
        ):
            return index
    return None


def _news_lead(lines: list[Line], chrome: set[int], before: int) -> bool:
    """Whether an article's lead stands among the first paragraphs before `before`."""
    prose = [i for i in range(min(before, len(lines))) if i not in chrome and _is_prose(lines[i].text)]
    return any(_NEWS_LEAD.match(lines[i].bare) for i in prose[:3])


def _end(lines: list[Line], start: int) -> int:
    """The first related-articles heading after `start` ends the document; else the text's end."""
    for index in range(start + 1, len(lines)):
        if is_tail_marker(lines[index].text):
            return index
    return len(lines)


def locate(lines: list[Line], *, news_signals: bool) -> Layout:
    """Where the document is. `news_signals`: the text shows an article's publication line,
    source or author (the caller read them)."""
    chrome = {index for index, line in enumerate(lines) if is_furniture(line.text, outside=True)}
    heading = _choose_heading(lines, chrome)
    if heading is not None:
        start = _header_start(lines, heading.index, chrome)
        layout = Layout("document", start, heading=heading, header_end=heading.index)
    elif (anchor := _first_anchor(lines, chrome)) is not None:
        start = _header_start(lines, anchor, chrome, anchored=True)
        layout = Layout("document", start, header_end=_header_end_without_heading(lines, anchor))
    elif (cue := _reproduction(lines, chrome)) is not None:
        layout = Layout("document", cue, header_end=cue)
    elif (opening := _first_opening(lines, chrome)) is not None and not _news_lead(lines, chrome, opening):
        # A page whose first paragraph is the opening formula is the document, even on a news site.
        layout = Layout("document", opening, header_end=opening)
    elif news_signals or _news_lead(lines, chrome, opening if opening is not None else len(lines)):
        end = _end(lines, 0)
        return Layout("news", 0, end, chrome=chrome | set(range(end, len(lines))))
    else:
        first = next((i for i, line in enumerate(lines) if line.text and i not in chrome), 0)
        layout = Layout("document", first, header_end=first)
    layout.end = _end(lines, layout.start)
    # Outside the document only the lead of an article is kept; inside it, only chrome proper goes.
    inside = range(layout.start, layout.end)
    layout.chrome = {i for i in chrome if i not in inside} | {
        i for i in inside if is_furniture(lines[i].text) and not _anchor(lines[i])
    }
    layout.chrome |= set(range(layout.end, len(lines)))
    layout.lead = [
        i
        for i in range(layout.start)
        if i not in layout.chrome and lines[i].text and _is_prose(lines[i].text)
    ]
    layout.chrome |= {i for i in range(layout.start) if i not in layout.lead}
    return layout


_ANNOUNCEMENT = re.compile(r"(?i:ban\s+hành|ký\s+ban\s+hành|trích\s+đăng|giới\s+thiệu\s+toàn\s+văn)")


def article_lines_before_body(lines: list[Line], body_start: int, end: int) -> list[int]:
    """Lines of an article between a page title and the document's body: its announcement
    ("Ngày 08-01-2020, Ban Tuyên giáo Trung ương ban hành Hướng dẫn số 118 … BBT trích đăng
    nguyên văn Hướng dẫn.") stands before the first formula, section or "Kính gửi"."""
    found: list[int] = []
    for index in range(body_start, min(end, body_start + AFTER_HEADING)):
        bare = lines[index].bare
        if _OPENING.match(bare) or _SECTION.match(bare) or _KINH_GUI.match(bare):
            break
        if bare and _is_prose(bare) and (_REPRODUCTION.search(bare) or _ANNOUNCEMENT.search(bare)):
            found.append(index)
    return found


def _is_prose(text: str) -> bool:
    """A sentence of an article's lead, not a menu item or a teaser title."""
    bare = strip_markup(text)
    words = bare.split()
    if len(words) < 8:
        return False
    # Related-document lists: "- 1 Chỉ thị 07-CT/TW về ..." (legal-text sites), bullets of links.
    if re.match(r"^[-•*]\s*\d+\s", text.strip()) or text.strip().startswith(("•", "- ", "* ")):
        return False
    return bare.endswith((".", ":", "…", '"', "”", ")")) or fold(bare).count(" ") > 25
