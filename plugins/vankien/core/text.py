"""Vietnamese text helpers: normalisation, diacritic folding, slugs, collation."""

from __future__ import annotations

import functools
import re
import unicodedata

# Look-alike letters found in real documents: U+00D0 (Icelandic eth) typed for
# "Đ" by old keyboards and converters, U+0189 (African D) likewise.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u0189": "Đ", "\u0111": "đ"})

# Every dash-like character is one hyphen for our purposes ("01 – KL/TW").
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")


def normalize(text: str) -> str:
    """NFC, look-alike letters and dashes mapped to their canonical forms.

    Keeps the length of NFC text unchanged, so offsets into the result are
    offsets into ``unicodedata.normalize("NFC", text)``.
    """
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    return _DASHES.sub("-", text)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: "Đảng Cộng sản" -> "dang cong san"."""
    text = normalize(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """ASCII slug for URLs: "39-HD/BTGTU" -> "39-hd-btgtu", "Đảng ủy" -> "dang-uy"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with the Latin letters f, j, w, z of foreign names (Facebook, Zalo) in their Latin places;
# tones after the base letter in the order ngang, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


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
