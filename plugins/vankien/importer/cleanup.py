"""Tidy a decoded text: look-alike letters, invisible characters, page chrome, broken lines.

The result is a list of lines (blank lines kept, never two in a row) that the
metadata and Markdown stages read. Nothing here guesses content: it only drops
what is not part of the document (web page furniture, page numbers) and rejoins
sentences that a page break split.
"""

from __future__ import annotations

import re

from vankien.core.text import DASH, normalize_letters, tidy_invisible

# Lines that are web page furniture wherever they stand (seen on chinhphu.vn, dangbokhoi, baolaichau).
CHROME_LINES = frozenset(
    line.casefold()
    for line in (
        "Top",
        "Lên đầu trang",
        "Về đầu trang",
        "In bài",
        "In trang",
        "Chia sẻ",
        "Gửi email",
        "Quay lại",
        "Trở về",
        "Bản in",
        "Lưu bài",
        "Theo dõi",
    )
)
# Lines after which the rest of a web page is comments, teasers and links, not the article.
TAIL_MARKERS = frozenset(
    line.casefold()
    for line in (
        "Có thể bạn quan tâm",
        "Bình luận",
        "Viết bình luận",
        "Ý kiến bạn đọc",
        "Gửi bình luận",
        "Phản hồi",
        "Thông tin người gửi phản hồi",
        "Tin liên quan",
        "Bài liên quan",
        "Các tin khác",
        "Tin khác",
        "Tin cùng chuyên mục",
        "Tin mới nhất",
        "Mới nhất",
        "Đọc nhiều nhất",
        "Xem nhiều nhất",
        "Liên kết website",
        "Từ khóa",
    )
)
# "- 2 -", "Trang 2", "Trang 2/5", "2": page numbers of a printed or PDF text.
_PAGE_NUMBER = re.compile(
    rf"^(?:{DASH}\s*\d{{1,3}}\s*{DASH}|Trang\s+\d{1, 3}(?:\s*/\s*\d{{1,3}})?|\d{{1,3}})$", re.I
)
# "Đẩy mạnh tuyên truyền ... - Ảnh 1.": the alt text of an image, repeated from the headline.
_IMAGE_ALT = re.compile(rf"\s{DASH}\s*Ảnh\s+\d+\.?$")
_SENTENCE_END = re.compile(r"[.!?:;…\"”'’)\]*]$")


def normalize_text(text: str) -> str:
    """NFC, look-alike letters mapped, invisible characters removed, spaces tidied, Unix line ends."""
    text = normalize_letters(text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(tidy_invisible(line).strip() for line in text.split("\n"))


def is_upper_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def fix_legacy_capitals(line: str) -> str:
    """A heading typed in a TCVN3 capitals font comes out half lower case ("HƯớNG DẫN"): capitalise it."""
    letters = [ch for ch in line if ch.isalpha()]
    ascii_letters = [ch for ch in letters if ch.isascii()]
    if len(ascii_letters) >= 3 and all(ch.isupper() for ch in ascii_letters) and not is_upper_line(line):
        return line.upper()
    return line


def clean_lines(text: str, *, legacy_capitals: bool = False) -> list[str]:
    """The text as tidy lines: chrome gone, page breaks rejoined, at most one blank line in a row."""
    lines = normalize_text(text).split("\n")
    if legacy_capitals:
        lines = [fix_legacy_capitals(line) for line in lines]
    kept: list[str] = []
    for line in lines:
        folded = line.casefold()
        if folded in TAIL_MARKERS:
            break
        if folded in CHROME_LINES or _PAGE_NUMBER.match(line) or _IMAGE_ALT.search(line):
            continue
        # The same caption or paragraph twice in a row is a copy-and-paste echo.
        previous = next((k for k in reversed(kept) if k), None)
        if line and line == previous:
            continue
        kept.append(line)
    return _squeeze_blanks(_rejoin_page_breaks(kept))


def _rejoin_page_breaks(lines: list[str]) -> list[str]:
    """ "... công tác Xây dựng Đảng về" / "" / "đẩy mạnh ...": a sentence split by a page break."""
    result: list[str] = []
    for line in lines:
        if line and line[0].islower() and result:
            index = len(result) - 1
            if not result[index] and index > 0:
                index -= 1
            previous = result[index]
            if (
                previous
                and len(result) - index <= 2
                and not _SENTENCE_END.search(previous)
                and not is_upper_line(previous)
            ):
                result[index:] = [f"{previous} {line}"]
                continue
        result.append(line)
    return result


def _squeeze_blanks(lines: list[str]) -> list[str]:
    result: list[str] = []
    for line in lines:
        if not line and (not result or not result[-1]):
            continue
        result.append(line)
    while result and not result[-1]:
        result.pop()
    return result
