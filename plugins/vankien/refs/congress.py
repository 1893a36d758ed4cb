"""One key for the many ways a congress is written.

"Đại hội XIII của Đảng", "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
"Đại hội Đảng toàn quốc lần thứ XIII" and "Đại hội lần thứ XIII của Đảng" are the
same congress; "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII" is another one.
"""

from __future__ import annotations

import re

from vankien.core.text import fold

_ORDINAL = re.compile(r"\b(?:lan thu\s+)?([ivxlc]+|\d+)\b")
_PARTY_BODY = re.compile(r"\bdang bo\s+(.*)$")
_NOISE = re.compile(r"\b(?:dai bieu|lan thu|cua|nhiem ky|khoa)\b|\b[ivxlc]+\b|\d{4}\s*-\s*\d{4}|\d+")


def congress_key(issuer: str) -> str | None:
    """ "toan-quoc/xiii", "tinh/xii", ... or None when the phrase names no congress."""
    folded = " ".join(re.sub(r"[^\w\s]", " ", fold(issuer)).split())
    if not folded.startswith("dai hoi") and " dai hoi " not in f" {folded} ":
        return None
    tail = folded.split("dai hoi", 1)[1]
    ordinal = _ORDINAL.search(tail)
    body = _PARTY_BODY.search(tail)
    # No "Đảng bộ ..." named: the national congress ("của Đảng", "toàn quốc").
    scope = " ".join(_NOISE.sub(" ", body.group(1)).split()) if body else "toan quoc"
    return f"{scope.replace(' ', '-')}/{ordinal.group(1) if ordinal else '?'}"


def issuer_key(issuer: str | None) -> str:
    """Comparable form of an issuer phrase: congresses by scope and ordinal, other bodies folded."""
    if not issuer:
        return ""
    return congress_key(issuer) or " ".join(fold(issuer).split())
