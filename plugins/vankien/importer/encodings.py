"""Detect the encoding of a raw Vietnamese text and decode it to NFC Unicode.

Editors receive texts in UTF-8 (with or without BOM), UTF-16, Windows-1258 and
the two legacy font encodings of the 1990s still found in old archives:

- TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per precomposed lower-case letter
  ("ViÖt Nam" for "Việt Nam"); capitals with a tone mark have no code of their own
  (headings were typed in the companion ".VnTimeH" capitals font).
- VNI (VNI-Times): a base letter followed by an ASCII-range mark byte, stored as
  Windows-1252 ("Vieät Nam"); "ô" alone is ơ, "ö" is ư, "ñ" is đ.

Decoding a legacy text with the wrong table gives letters no Vietnamese word has
("Vieät", "Viờũt"), so every candidate is decoded and scored by how many of its
accented words are valid Vietnamese syllables.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# --- TCVN3 --------------------------------------------------------------------------------------

# Byte -> letter, from the ABC font layout: lower-case letters ordered by vowel, then tone
# (huyền, hỏi, ngã, sắc, nặng); 0xA1-0xA7 are the seven capitals the base font has.
_TCVN3_RUNS: tuple[tuple[int, str], ...] = (
    (0xA1, "ĂÂÊÔƠƯĐăâêôơưđ"),
    (0xB5, "àảãáạ"),
    (0xBB, "ằẳẵắ"),
    (0xC6, "ặầẩẫấậè"),
    (0xCE, "ẻẽéẹềểễếệìỉ"),
    (0xDC, "ĩíịò"),
    (0xE1, "ỏõóọồổỗốộờởỡớợù"),
    (0xF1, "ủũúụừửữứựỳỷỹýỵ"),
)
TCVN3_TABLE: dict[int, str] = {
    start + offset: letter for start, letters in _TCVN3_RUNS for offset, letter in enumerate(letters)
}

# --- VNI ----------------------------------------------------------------------------------------

# Mark characters (as read through Windows-1252) -> what they add to a, e, o, u, y.
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# On "a": circumflex with a tone, breve with a tone.
_VNI_A_MARKS = {
    "â": "\u0302",
    "à": "\u0302\u0300",
    "á": "\u0302\u0301",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0302\u0323",
    "ê": "\u0306",
    "è": "\u0306\u0300",
    "é": "\u0306\u0301",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0306\u0323",
}
# On "e" and "o": the circumflex series only.
_VNI_CIRCUMFLEX = {k: v for k, v in _VNI_A_MARKS.items() if v.startswith("\u0302")}
# Letters that are a single character in VNI.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ì": "ì", "í": "í"}


def _build_vni() -> dict[str, str]:
    """VNI sequence (as Windows-1252 text) -> Vietnamese letter, lower and upper case."""
    table: dict[str, str] = {}

    def add(sequence: str, letter: str) -> None:
        table[sequence] = unicodedata.normalize("NFC", letter)
        table[sequence.upper()] = unicodedata.normalize("NFC", letter).upper()

    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            add(base + mark, base + tone)
    for mark, combining in _VNI_A_MARKS.items():
        add("a" + mark, "a" + combining)
    for base in "eo":
        for mark, combining in _VNI_CIRCUMFLEX.items():
            add(base + mark, base + combining)
    for base_char, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            add(base_char + mark, letter + tone)
    for char, letter in _VNI_SINGLE.items():
        add(char, letter)
    return table


VNI_TABLE: dict[str, str] = _build_vni()
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_TABLE, key=len, reverse=True)))


# --- decoding -----------------------------------------------------------------------------------


class EncodingError(ValueError):
    """A file whose bytes are not a text in any encoding the importer reads; message in Vietnamese."""


@dataclass(frozen=True)
class Decoded:
    text: str
    """NFC text with Unix line ends."""
    encoding: str
    """"utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni" (or "docx" for a Word file)."""

    @property
    def label(self) -> str:
        return ENCODING_LABELS[self.encoding]


ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (có BOM)",
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258 (CP1258)",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI (VNI-Times)",
    "docx": "Word .docx",
}


def decode_tcvn3(raw: bytes) -> str:
    """TCVN3 bytes to text; bytes the table does not hold are read as Windows-1252 (quotes, dashes)."""
    fallback = raw.decode("cp1252", errors="replace")
    return "".join(TCVN3_TABLE.get(byte, fallback[i]) for i, byte in enumerate(raw))


def decode_vni(raw: bytes) -> str:
    """VNI-Times bytes (saved as Windows-1252) to precomposed text."""
    text = raw.decode("cp1252", errors="replace")
    return _VNI_PATTERN.sub(lambda m: VNI_TABLE[m[0]], text)


def _decode_cp1258(raw: bytes) -> str:
    return raw.decode("cp1258")


_LEGACY = (("cp1258", _decode_cp1258), ("tcvn3", decode_tcvn3), ("vni", decode_vni))

# --- scoring ------------------------------------------------------------------------------------

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?"
_NUCLEI = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "oo",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "ươ",
    "ưa",
    "ưi",
    "ưu",
    "uy",
    "yê",
    "iêu",
    "yêu",
    "oai",
    "oao",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "ươi",
    "ươu",
    "uya",
    "uyê",
    "uyu",
]
_SYLLABLE = re.compile(
    rf"^{_INITIAL}(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))})(?:ch|ng|nh|[cmnpt])?$"
)
_WORD = re.compile(r"[^\W\d_]+")


def is_vietnamese_syllable(word: str) -> bool:
    """A word that can be a Vietnamese syllable: one tone at most, letters Vietnamese has."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return bool(_SYLLABLE.match(bare))


def vietnamese_score(text: str) -> tuple[float, int]:
    """(share of words with a non-ASCII letter that are valid syllables, number of such words)."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text)) if not w.isascii()]
    if not words:
        return 1.0, 0
    good = sum(1 for w in words if is_vietnamese_syllable(w))
    return good / len(words), len(words)


# --- detection ----------------------------------------------------------------------------------

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MIN_SCORE = 0.75


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    return "\x00" in text or controls > max(2, len(text) // 200)


def _utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NUL bytes sit in every other position (ASCII-heavy UTF-16)."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _finish(text: str, encoding: str) -> Decoded:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise EncodingError("tệp nhị phân, không phải văn bản (có thể là ảnh, PDF hoặc tệp .doc cũ)")
    return Decoded(unicodedata.normalize("NFC", text), encoding)


def decode_bytes(raw: bytes) -> Decoded:
    """Detect the encoding of a text file's bytes and decode them. Raises EncodingError."""
    if not raw.strip(b" \t\r\n\x00"):
        raise EncodingError("tệp rỗng")
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return _finish(raw.decode("utf-8-sig"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"tệp có dấu BOM UTF-8 nhưng byte thứ {exc.start} không hợp lệ") from exc
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _finish(raw.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError("tệp có dấu BOM UTF-16 nhưng nội dung không hợp lệ") from exc
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        try:
            return _finish(raw.decode(utf16), "utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        raise EncodingError("tệp nhị phân, không phải văn bản (có byte NUL)")
    try:
        return _finish(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best: tuple[float, int, str, str] | None = None
    for name, decode in _LEGACY:
        try:
            text = unicodedata.normalize("NFC", decode(raw))
        except UnicodeDecodeError:
            continue
        if "\ufffd" in text:
            continue
        score, count = vietnamese_score(text)
        if best is None or score > best[0]:
            best = (score, count, name, text)
    if best is None or best[1] == 0 or best[0] < MIN_SCORE:
        raise EncodingError(
            "không nhận ra bảng mã (đã thử UTF-8, UTF-16, Windows-1258, TCVN3, VNI); "
            "hãy mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8"
        )
    return _finish(best[3], best[2])
