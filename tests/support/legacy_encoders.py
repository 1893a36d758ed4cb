"""Text written out in the legacy TCVN3 and VNI encodings, for tests that need whole documents in them.

These invert the importer's own tables, so they prove nothing about the tables themselves: the
decoding tests read literal bytes taken from real files (`tests/fixtures/legacy_bytes.json`).
"""

from __future__ import annotations

import unicodedata

from vankien.importer.encodings import TCVN3_TABLE, VNI_TABLE

_VNI_REVERSE = {letter: seq for seq, letter in sorted(VNI_TABLE.items(), key=lambda kv: -len(kv[0]))}
_TCVN3_REVERSE = {letter: byte for byte, letter in TCVN3_TABLE.items()}


def encode_tcvn3(text: str) -> bytes:
    """The inverse of `decode_tcvn3`; capitals with a tone mark become the lower-case letter
    (as in files typed with the ".VnTimeH" capitals font)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in _TCVN3_REVERSE:
            out.append(_TCVN3_REVERSE[char])
        elif char.lower() in _TCVN3_REVERSE:
            out.append(_TCVN3_REVERSE[char.lower()])
        else:
            out += char.encode("cp1252")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """The inverse of `decode_vni`: VNI-Times text as Windows-1252 bytes."""
    nfc = unicodedata.normalize("NFC", text)
    return "".join(_VNI_REVERSE.get(char, char) for char in nfc).encode("cp1252")
