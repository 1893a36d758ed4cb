"""Vietnamese text rules, one table each: look-alike letters, dashes, invisible characters,
normalisation, diacritic folding, slugs, unique slugs and collation.

Every stage reads text through these functions: the loader and schema, the reference
grammar, the importer and the search pipeline (whose browser copy is generated from
`browser_rules()` at build time, so the two can never drift apart).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

LOOKALIKES: dict[str, str] = {
    # U+00D0 (Icelandic eth) and U+0189 (African D), typed for "Đ" by old keyboards,
    # converters and OCR ("101-QÐ/TW"); their lower-case twins U+00F0 and U+0256 for "đ".
    "\u00d0": "Đ",
    "\u0189": "Đ",
    "\u00f0": "đ",
    "\u0256": "đ",
}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
"""Every dash-like character is one hyphen for our purposes ("01 – KL/TW")."""
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters, BOMs and soft hyphens that copy and paste leaves inside words."""
SPACES = "\u00a0\u2007\u202f\t "
"""Characters that are a plain space in a document: no-break and figure spaces, tabs."""
DASH = "[-" + DASHES + "]"
"""A regular expression matching a hyphen or any dash-like character."""
MARKS = "\u0300-\u036f"
"""Combining marks removed by folding: every tone and vowel mark of Vietnamese."""

_LETTERS = str.maketrans(LOOKALIKES)
_TRANSLATION = str.maketrans({**LOOKALIKES, **dict.fromkeys(DASHES, "-")})
CHANGED_BY_NORMALIZE = re.compile("[" + re.escape("".join(LOOKALIKES) + DASHES) + "]")
"""Every character `normalize` changes in NFC text (a text without them is its own normalisation)."""
_MARKS = re.compile(f"[{MARKS}]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SPACES = re.compile(f"[{SPACES}]+")


def normalize(text: str) -> str:
    """NFC, look-alike letters and dashes mapped to their canonical forms.

    Keeps the length of NFC text unchanged, so offsets into the result are
    offsets into ``unicodedata.normalize("NFC", text)``.
    """
    return unicodedata.normalize("NFC", text).translate(_TRANSLATION)


def normalize_letters(text: str) -> str:
    """NFC and look-alike letters mapped; dashes kept, for text that readers will see."""
    return unicodedata.normalize("NFC", text).translate(_LETTERS)


def tidy_invisible(text: str) -> str:
    """Invisible characters removed and every run of space-like characters one space."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))


def fold(text: str) -> str:
    """Lower case without diacritics: "Đảng Cộng sản" -> "dang cong san"."""
    # Names, words and symbols repeat across an archive: those are cached, whole bodies are not.
    return _fold_short(text) if len(text) <= _CACHED_LENGTH else _fold(text)


_CACHED_LENGTH = 80


def _fold(text: str) -> str:
    text = normalize(text).lower().replace("đ", "d")
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))


_fold_short = functools.lru_cache(maxsize=65536)(_fold)


def slugify(text: str) -> str:
    """ASCII slug for URLs: "39-HD/BTGTU" -> "39-hd-btgtu", "Đảng ủy" -> "dang-uy"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def label_suffix(label: object) -> str:
    """Six hex digits from a label as written (NFC): stable whatever order labels are met in."""
    return hashlib.sha1(unicodedata.normalize("NFC", str(label)).encode("utf-8")).hexdigest()[:6]


def unique_slugs(items: Iterable[tuple[K, str]]) -> dict[K, str]:
    """One slug per key, unique among them. Keys whose base slugs coincide ("xây dựng Đảng" and
    "xay dung dang" both fold to xay-dung-dang) each get a suffix derived from the key itself,
    so every URL stays the same whatever order the keys are met in."""
    keys_by_base: dict[str, list[K]] = {}
    order: list[tuple[K, str]] = []
    for key, base in items:
        if any(key == seen for seen, _ in order):
            continue
        order.append((key, base))
        keys_by_base.setdefault(base, []).append(key)
    return {
        key: base if len(keys_by_base[base]) == 1 else f"{base}-{label_suffix(key)}" for key, base in order
    }


# Every letter that folds to the same base, for patterns that must survive dropped, OCR'd or
# scrambled diacritics ("Ket luan so 21", "KẾT LỦẬN", "củà Bạn Bí thư").
_VARIANTS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}
_LOOSE_CLASS = {variant: f"[{letters}]" for letters in _VARIANTS.values() for variant in letters} | {
    variant.upper(): f"[{letters.upper()}]" for letters in _VARIANTS.values() for variant in letters
}


def loose(phrase: str) -> str:
    """A regular expression for `phrase` whose vowels and "đ" match any of their diacritic variants,
    keeping each letter's case; the words are joined by `gap`-free single spaces (callers join words)."""
    return "".join(_LOOSE_CLASS.get(ch, re.escape(ch)) for ch in phrase)


def browser_rules() -> dict[str, object]:
    """The normalisation and folding table as the browser's search script reads it."""
    return {"lookalikes": LOOKALIKES, "dashes": DASHES, "marks": MARKS}


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with the Latin letters f, j, w, z of foreign names (Facebook, Zalo) in their Latin places;
# tones after the base letter in the order ngang, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split_letter(ch: str) -> tuple[str, int]:
    """A lower-case character -> (base letter with its letter marks, tone rank)."""
    parts = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for part in parts:
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key for Vietnamese: letters first ("Đ" after "D"), tones only to break ties."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in normalize(text).lower():
        base, tone = _split_letter(ch)
        index = _ALPHABET.find(base)
        if index < 0:
            # Spaces, digits and punctuation sort before letters, other scripts after.
            code = ord(base[0]) if base else 0
            index = code - 1000 if code < 128 else 1000 + code
        letters.append(index)
        tones.append(tone)
    return tuple(letters), tuple(tones)


# C0 and C1 controls (but tab), DEL, and the bidirectional overrides that reorder a terminal line.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe for a terminal or a log: every control character shown escaped (`\\x1b`, `\\u202e`),
    so a value or a file name can neither move the cursor nor recolour or reorder the line."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
