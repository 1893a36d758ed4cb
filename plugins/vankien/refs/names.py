"""Read the name of a body (an issuer) word by word: "Ban Tuyên giáo Tỉnh ủy".

Vietnamese names of bodies capitalise the first syllable of each word and leave
the second in lower case ("Ban Chấp hành Trung ương Đảng", "Bộ Chính trị",
"Thường trực Tỉnh ủy"). A name is therefore read as capitalised syllables, each
followed by at most one lower-case syllable, plus a few lower-case connecting
words ("Đảng bộ Khối các cơ quan Trung ương", "Ủy ban nhân dân tỉnh"). The first
lower-case syllable that breaks this shape ends the name: "Ban Tuyên giáo Trung
ương đánh giá" reads "Ban Tuyên giáo Trung ương".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")
# Between the words of a name: a few spaces, or one line break (never a blank line).
_SPACE = re.compile(r"[ \t\u00a0]{1,3}(?:\r?\n[ \t]{0,3})?|\r?\n[ \t]{0,3}")
_ROMAN = re.compile(r"[IVXLC]+")

MAX_WORDS = 14

# Lower-case words that end a name even right after a capitalised syllable:
# "Bộ Chính trị khóa XII", "Đảng toàn quốc", "Ban Bí thư về ...", "Đảng ủy ban hành".
# fmt: off
_STOP_WORDS = frozenset([
    "về", "và", "hoặc", "tại", "ngày", "khóa", "khoá", "số", "của", "với", "trong", "theo",
    "lần", "toàn", "nhiệm", "đã", "vừa", "mới", "sẽ", "đến", "tới", "từ", "cho", "là",
    "được", "để", "nhằm", "thì", "như", "gồm", "năm", "tháng", "trên", "sau", "trước", "đối",
    "ở", "bị", "do", "này", "đó", "hướng", "ban", "các", "những", "vào", "ra", "lên",
    "xuống", "cùng", "qua", "bằng", "nên", "mà", "thuộc", "cũng", "đều", "luôn", "không", "chưa",
    "rất", "có", "phải",
    # The verbs that open a cited document's subject: "… của UBND tỉnh Kiên Giang thực hiện …".
    "thực", "phê", "triển", "quy",
])
# fmt: on

# "ban" ends a name only in "ban hành"; "Ủy ban" keeps it.
_STOP_UNLESS_AFTER = {"ban": frozenset({"ủy", "uỷ"})}

# Lower-case words that may sit inside or at the end of a name, whatever precedes them.
_PLACE_WORDS = (
    ("thành", "phố"),
    ("thị", "xã"),
    ("thị", "trấn"),
    ("tỉnh",),
    ("huyện",),
    ("quận",),
    ("xã",),
    ("phường",),
)
_INNER_WORDS = (("nhân", "dân"),)
# Lower-case words allowed only before another capitalised word: "Khối các cơ quan Trung ương".
_LINKING_WORDS = (("các", "cơ", "quan"), ("cơ", "quan"))

# First words of a body's name, for an issuer written without "của":
# "Quy định số 85-QĐ/TW, ngày 07/10/2022 Ban Bí thư".
# fmt: off
BODY_HEADS = frozenset([
    "Ban", "Bộ", "Ủy", "Uỷ", "UBND", "HĐND", "BCH", "Thường", "Tỉnh", "Thành", "Huyện", "Quận",
    "Đảng", "Chính", "Thủ", "Quốc", "Văn", "Hội", "Chủ", "Trung", "Tổng", "Cục", "Sở", "Viện",
    "Mặt", "MTTQ",
])
# fmt: on


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    text: str
    """The name with its internal spacing tidied: "Ban Chấp hành Trung ương"."""


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and _ROMAN.fullmatch(word) is None


def _read_words(text: str, pos: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    while len(spans) <= MAX_WORDS:
        word = _WORD.match(text, pos)
        if word is None:
            break
        spans.append(word.span())
        space = _SPACE.match(text, word.end())
        if space is None:
            break
        pos = space.end()
    return spans


def _phrase_at(lowers: list[str], index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the phrase of `phrases` that starts at lowers[index] (words in lower case), or 0."""
    for phrase in phrases:
        # Compare the first word before building a slice: most words start no phrase.
        if lowers[index] == phrase[0] and tuple(lowers[index : index + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _accepted_word_count(words: list[str]) -> int:
    """How many of the words, from the first, form a name."""
    if not words or not _is_capitalised(words[0]):
        return 0
    lowers = [word.lower() for word in words]  # once, not once per phrase tried
    accepted = 1
    after_capital = True
    index = 1
    while index < len(words):
        word = words[index]
        lower = lowers[index]
        if word.isdigit() and len(word) <= 3 and lowers[index - 1] == "đạo":
            # "Ban Chỉ đạo 35": a steering committee is named by its number.
            index += 1
            accepted, after_capital = index, False
            continue
        if word.isdigit() or _ROMAN.fullmatch(word):
            break
        link = _phrase_at(lowers, index, _LINKING_WORDS)
        if link and index + link < len(words) and _is_capitalised(words[index + link]):
            index += link
            after_capital = False
            continue
        if lower in _STOP_WORDS and lowers[index - 1] not in _STOP_UNLESS_AFTER.get(lower, ()):
            break
        if _is_capitalised(word):
            index += 1
            accepted, after_capital = index, True
            continue
        place = _phrase_at(lowers, index, _PLACE_WORDS) or _phrase_at(lowers, index, _INNER_WORDS)
        if place:
            index += place
            accepted, after_capital = index, False
            continue
        if after_capital:
            index += 1
            accepted, after_capital = index, False
            continue
        break
    return accepted


def read_body_name(text: str, pos: int, *, heads: frozenset[str] | None = None) -> NameSpan | None:
    """The name of a body starting exactly at `pos`, or None.

    With `heads`, the first word must be one of them (for names not introduced by "của").
    """
    spans = _read_words(text, pos)
    words = [text[start:end] for start, end in spans]
    if heads is not None and (not words or words[0] not in heads):
        return None
    count = _accepted_word_count(words)
    if count == 0:
        return None
    start, end = spans[0][0], spans[count - 1][1]
    return NameSpan(start, end, " ".join(words[:count]))


def read_body_name_before(text: str, end: int) -> NameSpan | None:
    """The longest body name that ends exactly at `end` (before "ban hành", say)."""
    window_start = max(0, end - 20 * MAX_WORDS)
    starts = [m.start() for m in _WORD.finditer(text, window_start, end)][-MAX_WORDS:]
    for start in starts:
        if start == window_start and start > 0 and _WORD.match(text, start - 1):
            continue  # the window cut a word in two
        name = read_body_name(text, start)
        if name is not None and name.end == end:
            return name
    return None
