"""Every regular expression of the reference grammar, built from named fragments.

The patterns run on text already passed through `vankien.core.text.normalize`: NFC,
"Đ" for its look-alikes, "-" for every dash. Boundaries are Unicode-aware
(`[^\\W_]` is a letter or digit in any script), never `[a-zA-Z0-9]`.

Every quantifier is bounded and every number is anchored at the start of its
digit run, so no pattern can backtrack over more than a few dozen characters:
a search over hostile input (a megabyte of digits and slashes) stays linear.
"""

from __future__ import annotations

import re

from vankien.core.dates import any_date
from vankien.core.doctypes import all_names
from vankien.core.text import loose

# --- boundaries and gaps ------------------------------------------------------

# Not preceded / not followed by a letter or digit of any script.
WORD_START = r"(?<![^\W_])"
WORD_END = r"(?![^\W_])"

# Space between the words of one reference; a line break is allowed because
# converters wrap lines inside citations ("Kết luận số 21-KL/TW, ngày\n25/10/2021").
GAP = r"\s{1,4}"
OPTIONAL_GAP = r"\s{0,4}"


def _words(phrase: str) -> str:
    """A multi-word phrase with any short run of spaces or one line break between words."""
    return GAP.join(re.escape(word) for word in phrase.split())


def _any_case(fragment: str) -> str:
    return f"(?i:{fragment})"


def _loose_words(phrase: str) -> str:
    """`_words` whose vowels and "đ" match any diacritic variant: OCR and scrambled texts write
    "Ket luan", "KẾT LỦẬN", "củà", "ngàỷ" for "Kết luận", "của", "ngày"."""
    return GAP.join(loose(word) for word in phrase.split())


def _at_word_start(fragment: str) -> str:
    """A fixed-width `fragment` that starts a word: WORD_START, tested after the fragment.

    Same matches as WORD_START + fragment, but a pattern that opens with a lookbehind
    makes the engine run it at every position of the text; opening with the fragment
    lets it skip ahead to the fragment's first letter (a literal prefix scan when the
    fragment is case-sensitive), several times faster on long bodies.
    """
    return rf"{fragment}(?<![^\W_]{fragment})"


# --- type words ---------------------------------------------------------------

# "Quyết định", "Quy định", "Nghị quyết", "Chỉ thị", "Kết luận", "Hướng dẫn", "Công văn",
# "Chương trình hành động", ...: every name of every document type except news. Longest
# first, so "Quyết định" is never read as a shorter name; any case ("quyết định số 123",
# "QUY ĐỊNH"); diacritics as OCR leaves them ("Ket luan so 21", "KẾT LỦẬN").
TYPE_NAMES = tuple(all_names())
TYPE_WORD = WORD_START + _any_case("|".join(_loose_words(name) for name in TYPE_NAMES)) + WORD_END

# "số 05", "Số: 123/QĐ-TTg", "số47-QĐ/TW" (no space: the number follows at once).
_MARKER_COLON = r"(?:\s{0,2}:)?"
# "Công văn số Số 25 -CV/BCĐ": a doubled "số", as a portal's editor typed it (corpus 029).
NUMBER_MARKER = (
    WORD_START + _any_case(loose("số")) + rf"(?:\s{{1,2}}{_any_case(loose('số'))})?" + _MARKER_COLON
)
# A number may start right after "số" with no space ("số47-QĐ/TW", seen in provincial texts).
AFTER_MARKER = r"(?<=[sS][ốỐoOóÓồỒổỔ])"

# --- numbers and symbols ------------------------------------------------------

# A bare document number: "Chỉ thị số 05", "Kết luận 21, ngày ...". Not part of a
# date, decimal, range or longer token ("25/10", "1.5", "2020-2025", "05-CT").
BARE_NUMBER = rf"(?:(?<![^\W_])|{AFTER_MARKER})\d{{1,5}}(?![^\W_]|[/.,:-][^\W_])"

# Party symbol, number-TYPE/ISSUER: "39-HD/BTGTU", "08-QĐi/TW", "6485-CV/BTCTW",
# "3941-CV/TU"; messy: "01 - KL/TW" (en dash normalised), "47 - QĐ/TW", "37QĐ/TW", "05-CT/TƯ".
PARTY_SYMBOL = (
    rf"(?:(?<![^\W_/.])|{AFTER_MARKER})\d{{1,5}}"  # number, at the start of its digit run
    r"(?:[ \t]{0,2}-[ \t]{0,2}\n?[ \t]{0,2}|[ \t]?)"  # "-", spaced dash, broken line ("68-⏎NQ/TW"), glued ("37QĐ")
    r"[^\W\d_]{1,5}"  # type code: "HD", "QĐi", "CTr"
    r"[ \t]{0,2}/[ \t]{0,2}"
    r"[^\W_]{1,12}"
    + WORD_END  # issuer code: "TW", "BTGTU", "TƯ"
    # A Ban Chỉ đạo's number after its code: "103-CV/BCĐ 35" (Thanh Hóa portals, corpus 029).
    + r"(?:(?<=BCĐ)[ \t]\d{1,3}(?![^\W_]|[/.,:-]\d))?"
)

# State symbol, number[/year]/TYPE-ISSUER or number[/year]/ISSUER: "30/2020/NĐ-CP",
# "123/QĐ-TTg", "20/2023/QH15", "238/UBND-KGVX", and state-style Party "22/CT-TW"; issuer
# parts joined by "&" ("2380/BTTTT-PTTH&TTĐT") or with a stray space ("205/TTr- STTTT").
# The part after the slash starts with a letter, so dates ("25/10/2021") never match.
_STATE_PART = r"[^\W_]{1,12}(?:&[^\W_]{1,12})?"
STATE_SYMBOL = (
    rf"(?:(?<![^\W_/.])|{AFTER_MARKER})\d{{1,5}}"  # number
    r"(?:/\d{4})?"  # year
    r"/[^\W\d_][^\W_]{0,11}"  # type code or issuer: "QĐ", "NĐ", "QH15", "UBND"
    # issuer parts: "-TTg", "-CP", "-KGVX"; after a spaced dash only a capital ("06/TU - ngày" is no part).
    rf"(?:(?:-|[ \t]-[ \t]?(?=[A-ZĐ])|-[ \t](?=[A-ZĐ])){_STATE_PART}){{0,2}}" + WORD_END
)

SYMBOL = f"(?:{PARTY_SYMBOL}|{STATE_SYMBOL})"

# The head of a numbered citation: a type word with a symbol or number, or a symbol alone.
#   "Kết luận số 21-KL/TW", "Chỉ thị 05", "quyết định số 123/QĐ-TTg", "số 18-CV/BTG", "217-QĐ/TW"
CITATION_HEAD = re.compile(
    rf"(?P<word>{TYPE_WORD})(?:{GAP}(?P<marker>{NUMBER_MARKER}))?{OPTIONAL_GAP}"
    rf"(?:(?P<symbol>{SYMBOL})|(?P<number>{BARE_NUMBER}))"
    rf"|(?:(?P<bare_marker>{NUMBER_MARKER}){OPTIONAL_GAP})?(?P<bare_symbol>{SYMBOL})"
)

# Every head has a number or symbol, whose first digit starts a word (BARE_NUMBER's and
# SYMBOL's lookbehind), at most CITATION_HEAD_PREFIX_WIDTH characters after the head's
# start: the widest type word, a gap, "số :", a gap. The tokenizer tries CITATION_HEAD
# only at word starts that close before such a digit, instead of searching the whole text.
NUMBER_START = re.compile(rf"\d(?:(?<![^\W_]\d)|(?<={AFTER_MARKER[4:-1]}\d))")
HEAD_START = re.compile(r"[^\W_](?<![^\W_]{2})")
_GAP_WIDTH = 4  # GAP's and OPTIONAL_GAP's upper bound
_COLON_WIDTH = 2 + len(":")  # _MARKER_COLON: up to 2 spaces and ":"
CITATION_HEAD_PREFIX_WIDTH = (
    max(len(name) + (len(name.split()) - 1) * (_GAP_WIDTH - 1) for name in TYPE_NAMES)
    + _GAP_WIDTH
    + len("số")
    + _COLON_WIDTH
    + _GAP_WIDTH
)
# A head that starts before its digit has, right before the digit, "số" (with its colon) or
# the last word of a type word, then a gap: when the HEAD_LEAD_WIDTH characters before a
# digit do not end so, only the digit itself can start a head.
_LEAD_WORDS = sorted({name.split()[-1] for name in TYPE_NAMES} | {"số"}, key=len, reverse=True)
HEAD_LEAD = re.compile(
    rf"{_any_case('|'.join(loose(w) for w in _LEAD_WORDS))}{_MARKER_COLON}{OPTIONAL_GAP}\Z"
)
HEAD_LEAD_WIDTH = max(len(word) for word in _LEAD_WORDS) + _COLON_WIDTH + _GAP_WIDTH

# Words that make a bare number a count or a period, not a document number:
# "Báo cáo 5 năm", "Hướng dẫn 3 nhóm", "Kế hoạch 100 ngày".
# fmt: off
_COUNTED_NOUNS = [
    "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "lần", "người",
    "điểm", "nhóm", "đồng", "tỷ", "triệu", "nghìn", "cấp", "bước", "nội dung",
    "giai đoạn", "đơn vị", "tập thể", "cá nhân", "tiêu chí", "chỉ tiêu", "nhiệm vụ", "giải pháp",
]
# fmt: on
COUNTED_NOUN = re.compile(
    GAP + _any_case("|".join(_words(noun) for noun in _COUNTED_NOUNS)) + WORD_END + r"|\s{0,2}%"
)

# --- dates --------------------------------------------------------------------

# "25/10/2021", "25-10-2021", "25.10.2021", "ngày 05 tháng 01 năm 2022": the forms of `core.dates`.
DATE = any_date()

# The date of a citation, after its number: ", ngày 25/10/2021", " ngày 18/5/2021",
# ", 28/02/2023" (no "ngày"), " ngày 05 tháng 01 năm 2022".
DATE_PART = re.compile(
    rf"(?:{OPTIONAL_GAP},{OPTIONAL_GAP}|{OPTIONAL_GAP}\({OPTIONAL_GAP}|{GAP})(?:{_any_case(loose('ngày'))}{GAP})?"
    rf"(?:{DATE})(?!\d)(?:{OPTIONAL_GAP}\))?"
)

# A short name in parentheses right after a citation's number: "Chỉ thị số 45-CT/TW (Chỉ thị số 45)
# của Bộ Chính trị" (EVN news, corpus 044): the citation goes on after it.
SHORT_NAME_AFTER = re.compile(
    rf"{OPTIONAL_GAP}\((?:{_any_case('gọi tắt là|viết tắt là|sau đây gọi là')}{GAP})?{TYPE_WORD}[^()\n]{{0,30}}\)"
)

# An announcement that dates the document it names: "Ngày 11/9/2020 Ban Tuyên giáo Huyện ủy ban
# hành Công văn số 07-CV/BTGHU …", "Ngày 08-01-2020, Ban Tuyên giáo Trung ương ban hành …" (portal
# reposts, corpus 011 and 030). Searched in the ANNOUNCEMENT_REACH characters before a mention.
ANNOUNCEMENT = re.compile(
    rf"(?:\A|[\n.;:!?]\s*)(?:\([^()\n]{{2,40}}\){OPTIONAL_GAP}-{OPTIONAL_GAP})?"
    rf"(?:{_any_case('sáng|chiều|tối|trưa')}{GAP})?{_any_case(loose('ngày'))}{GAP}(?:{DATE})(?!\d){OPTIONAL_GAP},?"
    rf"{GAP}[^.;:!?\n]{{3,120}}?{GAP}(?:(?:đã|vừa|mới){GAP})?(?:ký{GAP})?ban{GAP}hành{GAP}\Z"
)
ANNOUNCEMENT_REACH = 200

# --- issuers and terms --------------------------------------------------------

# Before the issuer: " của Ban Bí thư", ", của ...", or just a space after a date
# ("ngày 07/10/2022 Ban Bí thư"); the caller decides when "của" may be missing.
ISSUER_INTRO = re.compile(
    rf"(?P<comma>{OPTIONAL_GAP},{OPTIONAL_GAP})?(?(comma)|{GAP})(?:(?P<of>{_any_case(loose('của'))}){GAP})?"
)

# The committee term: " khóa XII", "(khóa XIII)"; both spellings of "khóa".
_TERM_WORD = _any_case(loose("khóa") + "|" + loose("khoá"))
_TERM_VALUE = r"(?P<term>[IVXLC]{1,8}|\d{1,2})" + WORD_END
TERM = re.compile(
    rf"{GAP}{_TERM_WORD}{GAP}{_TERM_VALUE}|{OPTIONAL_GAP}\({OPTIONAL_GAP}{_TERM_WORD}{GAP}"
    rf"(?P<term_in_parens>[IVXLC]{{1,8}}|\d{{1,2}}){WORD_END}{OPTIONAL_GAP}\)"
)

# --- lists --------------------------------------------------------------------

# Between items of one list that share a type word: "Công văn số 17-CV/BTG và số 18-CV/BTG",
# "217-QĐ/TW và 218-QĐ/TW", "..., 18-CV/BTG, ...". The next item must follow.
LIST_JOINER = re.compile(
    rf"(?:{OPTIONAL_GAP},{OPTIONAL_GAP}(?:{_any_case('và|hoặc')}{GAP})?|{GAP}{_any_case('và|hoặc')}{GAP})"
    rf"(?:(?P<marker>{NUMBER_MARKER}){OPTIONAL_GAP})?"
)
LIST_ITEM_SYMBOL = re.compile(SYMBOL)
LIST_ITEM_NUMBER = re.compile(BARE_NUMBER)

# A list header that governs the citations in the parentheses after it:
# "các quy định của Ban Bí thư Trung ương Đảng (*Quy định số 85-QĐ/TW, ...*)".
_PLURAL_TYPE = _any_case("|".join([_words(name) for name in TYPE_NAMES] + [_words("văn bản")]))
LIST_HEADER = re.compile(
    rf"{_at_word_start(_any_case('các'))}{GAP}{_PLURAL_TYPE}(?:{OPTIONAL_GAP},{OPTIONAL_GAP}{_PLURAL_TYPE}){{0,4}}"
    rf"{GAP}{_any_case('của')}{GAP}"
)
OPEN_PARENTHESIS = re.compile(rf"{OPTIONAL_GAP}\(")

# "ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU": the body named
# before "tại" issued the document after it.
OF_BODY = re.compile(rf"{_at_word_start(_any_case('của'))}{GAP}")
AT_DOCUMENT = re.compile(rf"{GAP}{_any_case('tại')}{GAP}")
# What AT_DOCUMENT leaves right before the mention it points to, searched for in the
# AT_BEFORE_WIDTH characters before a mention (the search window ends at the mention).
AT_BEFORE = re.compile(rf"{_any_case('tại')}{GAP}\Z")
AT_BEFORE_WIDTH = len("tại") + _GAP_WIDTH

# --- subjects -----------------------------------------------------------------

# " về đẩy mạnh xây dựng, chỉnh đốn Đảng ...": the subject (trích yếu) of a citation.
ABOUT_INTRO = re.compile(rf"(?:{OPTIONAL_GAP},)?{GAP}{_any_case(loose('về'))}{GAP}(?=[^\W\d_])")
# A subject that opens with its verb: "Quyết định số 749/QĐ-TTg … phê duyệt Chương trình …", "Kế
# hoạch số 55/KH-UBND … thực hiện Chương trình hành động số 01-CTr/TU …" (State plans, corpus 049).
ACTION_INTRO = re.compile(
    rf"{GAP}(?=(?:phê{GAP}duyệt|thực{GAP}hiện|ban{GAP}hành(?!{GAP}bởi)|triển{GAP}khai|hướng{GAP}dẫn|quy{GAP}định){WORD_END})"
)
# A subject ends at a clause boundary, a parenthesis, emphasis or a quotation mark.
ABOUT_END = re.compile(r"[;\n()*\"“”]|[.!?](?=\s|\Z)")
ABOUT_MAX_LENGTH = 300

# --- documents named without a number -----------------------------------------

# A congress resolution: "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội đại biểu
# toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI",
# "Nghị quyết Đại hội XIII Đảng bộ Khối các cơ quan Trung ương". The caller reads the body
# names; the ordinal is required, so "nghị quyết đại hội đảng bộ các cấp" is no reference.
CONGRESS_RESOLUTION = re.compile(
    rf"(?P<word>{_at_word_start(_any_case('Nghị'))}{_any_case(GAP + 'quyết')}){GAP}"
    rf"(?P<congress>{_any_case(_words('Đại hội'))}(?:{GAP}{_any_case(_words('đại biểu'))})?){WORD_END}"
)
NATIONWIDE = re.compile(rf"{GAP}{_any_case(_words('toàn quốc'))}{WORD_END}")
CONGRESS_ORDINAL = re.compile(
    rf"{GAP}(?:{_any_case(_words('lần thứ'))}{GAP})?(?:[IVXLC]{{1,8}}|\d{{1,2}}){WORD_END}"
)
NAME_START = re.compile(rf"{GAP}(?:(?P<of>{_any_case('của')}){GAP})?(?=[^\W\d_])")
# Elliptical coordination: "Nghị quyết Đại hội XIII của Đảng và của Đảng bộ Khối".
ELLIPTICAL_OF = re.compile(rf"{GAP}và{GAP}của{GAP}(?=[^\W\d_])")

# Documents unique by name. Capitalised as names are; "Điều lệ Đảng bộ" is not the Charter.
NAMED_DOCUMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "việc chấp hành Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết ..." (Lai Châu news, 2023)
    ("Điều lệ", re.compile(rf"{_at_word_start('Điều')}{GAP}{_words('lệ Đảng')}(?!{GAP}bộ){WORD_END}")),
    (
        "Cương lĩnh",
        re.compile(
            rf"{_at_word_start('Cương')}{GAP}(?:{_words('lĩnh chính trị')}|"
            rf"{_words('lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội')}){WORD_END}"
        ),
    ),
    # "Hiến pháp năm 2013", "Hiến pháp 1992": with its year, since a bare "Hiến pháp" is also
    # the name of a type ("văn bản Nhà nước: Hiến pháp, Luật, Nghị định").
    ("Hiến pháp", re.compile(rf"{_at_word_start('Hiến')}{GAP}pháp{GAP}(?:năm{GAP})?\d{{4}}{WORD_END}")),
    # "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam (năm 1992)" (State texts, corpus 008, 035).
    (
        "Hiến pháp",
        re.compile(
            rf"{_at_word_start('Hiến')}{GAP}pháp{GAP}nước{GAP}{_any_case(_words('Cộng hòa') + '|' + _words('Cộng hoà'))}"
            rf"{GAP}{_any_case(_words('xã hội chủ nghĩa Việt Nam'))}(?:{GAP}năm{GAP}\d{{4}})?{WORD_END}"
        ),
    ),
)

# A law named by its name: "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Luật Giao dịch điện
# tử số 20/2023/QH15", "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức
# chính quyền địa phương ngày 22 tháng 11 năm 2019" (State decisions and plans, corpus 002, 003,
# 035, 054). The name runs to its number, its date or its year; without one it is no citation.
_LAW_WORD = r"(?P<word>Bộ\s+luật|Luật)"
_LAW_NAME_WORD = r"[^\W\d_][^\W_]*(?:-[^\W_]+)?,?"
LAW = re.compile(
    rf"{WORD_START}{_LAW_WORD}{GAP}(?:(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]){_LAW_NAME_WORD}|sửa{GAP}đổi,?)"
    rf"(?:{GAP}{_LAW_NAME_WORD}){{0,24}}?"
    rf"(?:{GAP}{_any_case('số')}{GAP}(?P<symbol>{STATE_SYMBOL})(?:{GAP}năm{GAP}\d{{4}}{WORD_END})?"
    rf"|(?:{OPTIONAL_GAP},)?{GAP}{_any_case(loose('ngày'))}{GAP}(?P<date>{DATE})(?!\d)"
    rf"|{GAP}năm{GAP}\d{{4}}{WORD_END})"
)

# "Đảng ủy Văn phòng Chính phủ vừa ban hành Kế hoạch đẩy mạnh tuyên truyền ..." (Chinhphu.vn, 2023),
# "Ban Tổ chức Tỉnh ủy ban hành Kế hoạch tuyên truyền ... như sau:". The title starts with a
# lower-case word that is not "số" (numbered citations are read by CITATION_HEAD).
ISSUED_DOCUMENT = re.compile(
    rf"(?P<verb>{WORD_START}(?:(?:vừa|đã|mới|sẽ){GAP})?ban{GAP}hành){GAP}(?P<word>{TYPE_WORD}){GAP}"
    rf"(?!số{WORD_END})(?=[^\W\d_])"
)
# A title ends at a clause boundary or at the word that starts the rest of the sentence.
# Every ISSUED_DOCUMENT match contains this verb as written: texts without it skip the search.
ISSUING_VERB = re.compile(rf"ban{GAP}hành")
TITLE_END = re.compile(
    rf"[.;:!?()\n]|{GAP}(?:với|như{GAP}sau|nhằm|để|gồm|theo{GAP}đó|trong{GAP}đó){WORD_END}"
)
TITLE_MAX_LENGTH = 200

# --- roles ---

# The main clause after an opening formula: a body and its verb ("…, Thành ủy Bắc Kạn hướng dẫn …",
# "…, Ban Tuyên giáo Trung ương hướng dẫn …", "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …").
MAIN_CLAUSE = re.compile(
    r"[^.;:\n]{0,100}?\s(?:(?:vừa|đã|mới)\s+)?(?:ban\s+hành|hướng\s+dẫn|yêu\s+cầu|xây\s+dựng|đề\s+nghị|"
    r"thông\s+báo|đề\s+ra|chỉ\s+đạo|quyết\s+nghị|quyết\s+định|kết\s+luận|chỉ\s+thị|có\s+ý\s+kiến|"
    r"tổ\s+chức|triển\s+khai|phát\s+động)" + WORD_END
)
# "ý kiến chỉ đạo của Ban Bí thư tại ": what leads from a list's ";" to the document it names.
TYPE_WORDS_ONLY = re.compile(rf"(?:{TYPE_WORD}{GAP}){{1,2}}")
OPINION_AT = re.compile(r"\s*(?i:ý\s+kiến)[^.;:\n]{0,80}?\s(?i:tại)\s+")
AT_DOCUMENT_LEAD = 100

# A section of a State plan that lists its basis: "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" / "1. Quyết định số
# 924/QĐ-TTg …" (Tiền Giang, Thạch Kim plans, corpus 034 and 032); it runs to the next section.
BASIS_SECTION = re.compile(
    r"(?:\A|(?<=\n))[ \t*_#]*(?:[IVX]{1,4}|[A-D])[ \t]*[.\-–)][ \t]*(?i:căn[ \t]+cứ)" + WORD_END
)
UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
"""Vietnamese capitals, for a heading in capitals."""
NEXT_SECTION = re.compile(
    rf"(?:\n|[ \t])[ \t*_#]*(?:II|III|IV|V|VI|VII|[B-E])[ \t]*[.\-–)][ \t]*[{UPPER}]{{2}}"
)
# The first section of a document's body ("I. MỤC ĐÍCH, YÊU CẦU", "Điều 1.", "PHẦN I"): the opening
# formula stands before it; "1. Thực hiện nghiêm Quy định số 85-QĐ/TW" after it is no basis.
FIRST_SECTION = re.compile(
    rf"(?:\A|(?<=\n))[ \t*_#]*(?:(?:[IVX]{{1,4}}|[A-D])[ \t]*[.\-–)][ \t]*[{UPPER}]{{2}}|Điều[ \t]+1\b|PHẦN[ \t]+[IVX1]\b)"
)
BASIS_SECTION_MAX = 4000


# An opening formula at the start of a sentence or paragraph: "Căn cứ ...", "Thực hiện ...",
# "Triển khai ...", "Thi hành ...". Lower case mid-sentence ("; thực hiện nghiêm Quy định
# số 85-QĐ/TW") is an ordinary citation.
_FORMULA_VERBS = ("Căn cứ", "Thực hiện", "Triển khai", "Thi hành", "Quán triệt")
_FORMULA_VERB = (
    "(?P<verb>"
    + "|".join(_loose_words(verb) + "|" + _loose_words(verb.upper()) for verb in _FORMULA_VERBS)
    + ")"
    + WORD_END
)
# A formula goes on after ";" when the next item is another document or another formula verb
# in lower case: "Căn cứ A; căn cứ B; C" (seen in provincial plans and State decisions).
FORMULA_CONTINUES = re.compile(
    rf"[\s*_+>#•-]{{0,{12}}}(?:{_any_case('|'.join(_loose_words(verb) for verb in _FORMULA_VERBS))}){WORD_END}"
)
OPENING_FORMULA_LEAD = 12  # marks ("- ", "**", "# ") at most, between the sentence start and the verb
OPENING_FORMULA = re.compile(rf"(?:\A|(?<=[\n.;:!?]))[\s*_+>#•-]{{0,{OPENING_FORMULA_LEAD}}}" + _FORMULA_VERB)
# The verb alone: it opens with a capital literal, so the engine finds the few places to
# try OPENING_FORMULA, whose leading lookbehind would otherwise be tried at every position.
# The marks before the verb never include a verb's letters, so the verb sits at the end of
# them, at most OPENING_FORMULA_LEAD characters after the formula's start.
FORMULA_VERB = re.compile(_FORMULA_VERB)
# Where an opening clause may end: ";", a line break, a sentence end, or a comma before
# a capital letter (the main clause: "..., Thành ủy Bắc Kạn hướng dẫn"); the caller
# skips commas inside citations and before the next citation of a list.
CLAUSE_END = re.compile(r"[;\n]|[.:!?](?=\s|\Z)|,(?=\s{0,4}[^\W\d_])")
