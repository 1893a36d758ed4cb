"""A decoded text as tidy lines that remember where they stood and how the layout split them.

Every later stage reads `Line`s: the text (NFC, look-alike letters mapped, invisible
characters removed, spaces collapsed), the cells a two-column layout left in it (runs of
spaces, tabs, "|" of a table copied as text), and the span of the source text it came
from, so what the importer keeps can be traced back to the source. Nothing here decides
what is document and what is page chrome: it only drops page numbers, rejoins sentences
a page break split and squeezes blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vankien.core.text import DASH, normalize_letters, tidy_invisible

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Where a layout separated columns: a tab, three or more spaces, a "|" of a table copied as text.
_CELL_BREAK = re.compile(r"\t+|[ \u00a0]{3,}|\s*\|\s*")
# "- 2 -", "Trang 2", "Trang 2/5", "2": page numbers of a printed or PDF text.
_PAGE_NUMBER = re.compile(
    rf"^(?:{DASH}\s*\d{{1,3}}\s*{DASH}|Trang\s+\d{{1,3}}(?:\s*/\s*\d{{1,3}})?|\d{{1,3}})$", re.I
)
# "Đẩy mạnh tuyên truyền ... - Ảnh 1.": the alt text of an image, repeated from the headline.
_IMAGE_ALT = re.compile(rf"\s{DASH}\s*Ảnh\s+\d+\.?$")
_SENTENCE_END = re.compile(r"[.!?:;…\"”'’)\]*]$")
_MARKUP = "*_#> \t\\"


@dataclass(frozen=True)
class Line:
    text: str
    """The line tidied: NFC, look-alikes mapped, invisible characters gone, single spaces."""
    start: int = 0
    """Offset of the line's first character in the source text."""
    end: int = 0
    """Offset just after its last character."""
    cells: tuple[str, ...] = field(default=())
    """The line split where its layout separated columns; one cell when it had no columns."""

    @property
    def bare(self) -> str:
        """The text without Markdown marks around it ("**ĐẢNG ỦY CHÍNH PHỦ**", "# NGHỊ QUYẾT")."""
        return strip_markup(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)


def strip_markup(text: str) -> str:
    return text.strip(_MARKUP).replace("\\-", "-").replace("\\*", "*")


def is_upper_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def fix_legacy_capitals(line: str) -> str:
    """A heading typed in a TCVN3 capitals font comes out half lower case ("HƯớNG DẫN"): capitalise it.
    TCVN3 has no code for a capital with a tone mark, so the font showed the lower-case code as a
    capital: a line whose plain letters are all capitals was typed in capitals. One capital is
    proof enough when it stands inside a word ("ủY" for "ỦY"); a capital that opens the line alone
    may open a normal word ("Số", "Bộ"), see `_capitals_next_to_capitals`."""
    if not _typed_in_capitals(line):
        return line
    ascii_letters = [ch for ch in line if ch.isalpha() and ch.isascii()]
    inside_word = any(
        ch.isupper() for word in line.split() for ch in word[1:] if ch.isascii() and ch.isalpha()
    )
    return line.upper() if len(ascii_letters) >= 3 or inside_word else line


def _typed_in_capitals(line: str) -> bool:
    ascii_letters = [ch for ch in line if ch.isalpha() and ch.isascii()]
    return bool(ascii_letters) and all(ch.isupper() for ch in ascii_letters) and not is_upper_line(line)


_SHORT_LINE_WORDS = 2


def _capitals_next_to_capitals(lines: list[Line]) -> list[Line]:
    """ "Bộ" / "CHÍNH TRỊ": a word or two whose plain letters are capitals, on a line of their own
    next to a line in capitals, is the start of that heading, broken by the page (TCVN3 only)."""
    result = list(lines)
    for index, line in enumerate(lines):
        if len(line.text.split()) > _SHORT_LINE_WORDS or not _typed_in_capitals(line.text):
            continue
        neighbours = [lines[i].text for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if any(text and is_upper_line(text) and not _PAGE_NUMBER.match(text) for text in neighbours):
            upper = line.text.upper()
            result[index] = Line(upper, line.start, line.end, tuple(cell.upper() for cell in line.cells))
    return result


def read_lines(text: str, *, legacy_capitals: bool = False) -> list[Line]:
    """The text as tidy lines: page numbers gone, page breaks rejoined, at most one blank line in a row."""
    lines: list[Line] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        raw = normalize_letters(text[position:end])
        tidy = tidy_invisible(raw).strip()
        if legacy_capitals:
            tidy = fix_legacy_capitals(tidy)
        cells = tuple(cell for part in _CELL_BREAK.split(raw) if (cell := tidy_invisible(part).strip()))
        if legacy_capitals:
            cells = tuple(fix_legacy_capitals(cell) for cell in cells)
        if not (_PAGE_NUMBER.match(tidy) or _IMAGE_ALT.search(tidy)):
            lines.append(Line(tidy, position, end, cells or ((tidy,) if tidy else ())))
        position = match.end() if match is not None else len(text)
    if legacy_capitals:
        lines = _capitals_next_to_capitals(lines)
    return _squeeze_blanks(_rejoin_page_breaks(_without_echoes(lines)))


def _without_echoes(lines: list[Line]) -> list[Line]:
    """The same title, caption or paragraph twice in a row is a copy-and-paste echo of the page."""
    result: list[Line] = []
    previous = ""
    for line in lines:
        if line.text and line.text == previous and len(line.text.split()) >= 3:
            continue
        if line.text:
            previous = line.text
        result.append(line)
    return result


def _rejoin_page_breaks(lines: list[Line]) -> list[Line]:
    """ "... công tác Xây dựng Đảng về" / "" / "đẩy mạnh ...": a sentence split by a page break."""
    result: list[Line] = []
    for line in lines:
        if line.text and line.text[0].islower() and result:
            index = len(result) - 1
            if not result[index].text and index > 0:
                index -= 1
            previous = result[index]
            if (
                previous.text
                and len(result) - index <= 2
                and not _SENTENCE_END.search(previous.text)
                and not is_upper_line(previous.text)
            ):
                joined = f"{previous.text} {line.text}"
                result[index:] = [Line(joined, previous.start, line.end, (joined,))]
                continue
        result.append(line)
    return result


def _squeeze_blanks(lines: list[Line]) -> list[Line]:
    result: list[Line] = []
    for line in lines:
        if not line.text and (not result or not result[-1].text):
            continue
        result.append(line)
    while result and not result[-1].text:
        result.pop()
    return result


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]
