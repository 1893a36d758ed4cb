"""Encoders into TCVN3, VNI and Windows-1258 built from real bytes, never from the importer's tables.

`legacy_encoders.py` inverts the decoder's own tables, so a wrong entry there would be wrong in
both directions and go unseen. These encoders learn from outside evidence instead:

- TCVN3 and Windows-1258: the code page rows published in GNU libiconv's test data
  (`tests/fixtures/legacy_code_pages.json`), checked against the byte strings cut from real files
  (`tests/fixtures/legacy_bytes.json`). Windows-1258 text is written as Word writes it: a letter
  the code page holds precomposed is one byte, any other is its base letter and a tone mark byte.
- VNI: no published table, so the encoder learns from the real VNI byte strings how VNI-Times
  writes each letter (base letter, then one mark byte: a tone, or a circumflex/breve with its
  tone), and builds the letters those strings do not show from the parts they do. A letter whose
  parts no real string shows raises `MissingEvidence`: the test text must then change, not the
  encoder.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

from tests.support.legacy_encoders import encode_vni as table_vni

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}


class MissingEvidence(KeyError):
    """A letter no real byte string shows how to write."""


def real_samples(encoding: str) -> list[tuple[bytes, str]]:
    samples = json.loads((FIXTURES / "legacy_bytes.json").read_text(encoding="utf-8"))
    return [(bytes.fromhex(s["bytes_hex"]), s["text"]) for s in samples if s["encoding"] == encoding]


@cache
def code_page(encoding: str) -> dict[str, int]:
    """Character -> byte from libiconv's published rows."""
    rows = json.loads((FIXTURES / "legacy_code_pages.json").read_text(encoding="utf-8"))[encoding]
    return {chr(int(char, 16)): int(byte, 16) for byte, char in rows.items()}


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC) as typed in .VnTime; a capital with a tone mark has no code and is written with
    the lower-case letter's (the ".VnTimeH" capitals font shows it as a capital)."""
    table = code_page("tcvn3")
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(ord(char))
        elif char in table:
            out.append(table[char])
        elif char.lower() in table:
            out.append(table[char.lower()])
        else:
            out += char.encode("cp1252")  # quotes and dashes: Windows-1252, as the fonts have them
    return bytes(out)


def encode_cp1258(text: str) -> bytes:
    table = code_page("cp1258")
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(ord(char))
            continue
        decomposed = unicodedata.normalize("NFD", char)
        if char in table and not any(c in TONES for c in decomposed):
            out.append(table[char])
            continue
        # A toned letter is written as its base letter and a tone mark byte, even where the code
        # page has it precomposed ("á" as "a" + 0xEC): that is what the real files hold.
        tone = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        for part in (base, tone):
            if part and not part.isascii() and part not in table:
                raise MissingEvidence(char)
            out += part.encode("ascii") if part.isascii() else bytes([table[part]])
    return bytes(out)


# --- VNI -----------------------------------------------------------------------------------------

_SHAPES = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}


def _parts(letter: str) -> tuple[str, str | None, str | None]:
    """ "ấ" -> ("a", "circumflex", "acute"); "ờ" -> ("o", "horn", "grave"); "đ" -> ("đ", None, None)."""
    decomposed = unicodedata.normalize("NFD", letter)
    base = decomposed[0]
    shape = next((_SHAPES[c] for c in decomposed[1:] if c in _SHAPES), None)
    tone = next((TONES[c] for c in decomposed[1:] if c in TONES), None)
    return base, shape, tone


@cache
def _vni_evidence() -> dict[str, bytes]:
    """Letter -> its VNI bytes, read off the real strings: each non-ASCII letter of the text is the
    bytes between the ASCII characters that surround it (a word's letters between two ASCII ones
    are learnt only when one letter stands there alone)."""
    learnt: dict[str, bytes] = {}
    for raw, text in real_samples("vni"):
        text = unicodedata.normalize("NFC", text)
        position = 0
        index = 0
        while index < len(text):
            char = text[index]
            if char.isascii():
                if raw[position : position + 1] != char.encode():
                    break  # out of step: learn nothing more from this string
                position += 1
                index += 1
                continue
            end = index
            while end < len(text) and not text[end].isascii():
                end += 1
            stop = raw.find(text[end].encode(), position) if end < len(text) else len(raw)
            if stop < 0:
                break
            _learn(text[index:end], raw[position:stop], learnt)
            position, index = stop, end
    return learnt


def _learn(letters: str, written: bytes, learnt: dict[str, bytes]) -> None:
    """Split the bytes of a run of non-ASCII letters ("Đạ" = b"\xd1a\xef") where each letter after
    the first begins with its ASCII base letter; a run where one does not is left alone."""
    cuts = [0]
    for letter in letters[1:]:
        base = unicodedata.normalize("NFD", letter.lower())[0]
        if not base.isascii():
            return
        found = written.lower().find(base.encode(), cuts[-1] + 1)
        if found < 0:
            return
        cuts.append(found)
    cuts.append(len(written))
    for letter, start, stop in zip(letters, cuts, cuts[1:], strict=False):
        piece = written[start:stop]
        lower = piece.decode("cp1252").lower().encode("cp1252")
        learnt.setdefault(letter.lower(), lower)


@cache
def _vni_marks() -> tuple[dict[tuple[str | None, str | None], bytes], dict[str, bytes]]:
    """From the learnt letters: the mark byte of each (shape, tone) on a, e, o, u, y, and the one
    byte of a letter written alone (đ, ơ, ư)."""
    marks: dict[tuple[str | None, str | None], bytes] = {}
    singles: dict[str, bytes] = {}
    for letter, written in _vni_evidence().items():
        base, shape, tone = _parts(letter)
        if base in "aeouy" and shape != "horn" and len(written) == 2 and written[:1] == base.encode():
            marks.setdefault((shape, tone), written[1:])
        elif len(written) >= 1 and (base == "đ" or shape == "horn"):
            key = "đ" if base == "đ" else f"{base}+horn"
            singles.setdefault(key, written[:1])
            if tone is not None and len(written) == 2:
                marks.setdefault((None, tone), written[1:])
    return marks, singles


def vni_letter_sources(text: str) -> dict[str, str]:
    """For each non-ASCII letter of `text`: "real" (written as a real string writes it), "built"
    (from parts real strings show) or "table" (no real evidence: the importer's inverse table)."""
    sources: dict[str, str] = {}
    for char in set(unicodedata.normalize("NFC", text)):
        if char.isascii() or not char.isalpha():
            continue
        if char.lower() in _vni_evidence():
            sources[char] = "real"
            continue
        try:
            encode_vni(char, strict=True)
            sources[char] = "built"
        except MissingEvidence:
            sources[char] = "table"
    return sources


def encode_vni(text: str, *, strict: bool = False) -> bytes:
    """VNI-Times text as the Windows-1252 bytes it is saved as. The real strings show no breve, no
    ì/ỉ/ị and some tone and circumflex pairs: with `strict` such a letter raises, otherwise it is
    taken from the importer's inverse table (`legacy_encoders`), which `vni_letter_sources` names."""
    learnt = _vni_evidence()
    marks, singles = _vni_marks()
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out.append(ord(char))
            continue
        upper = char.isupper()
        letter = char.lower()
        if letter in learnt:
            written = learnt[letter]
        else:
            base, shape, tone = _parts(letter)
            if base == "đ" or shape == "horn":
                head = singles.get("đ" if base == "đ" else f"{base}+horn")
                mark = marks.get((None, tone)) if tone else b""
            elif base == "i" or (base == "y" and tone == "dot"):
                # VNI writes ì, í, ỉ, ĩ, ị and ỵ as one letter of their own: nothing to build them from.
                head, mark = None, None
            else:
                head = base.encode() if base in "aeouy" else None
                mark = marks.get((shape, tone)) if (shape or tone) else b""
            if head is None or mark is None:
                if strict:
                    raise MissingEvidence(char)
                written = table_vni(letter)
            else:
                written = head + mark
        # VNI's capitals are the same letter and mark bytes in their Windows-1252 capital form.
        out += written.decode("cp1252").upper().encode("cp1252") if upper else written
    return bytes(out)
