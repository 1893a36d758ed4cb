"""Document symbols (số và ký hiệu): parse, normalise and compare.

Party form:  number-TYPE/ISSUER        "39-HD/BTGTU", "08-QĐi/TW", "6485-CV/BTCTW"
State form:  number[/year]/TYPE-ISSUER "30/2020/NĐ-CP", "123/QĐ-TTg", "22/CT-TW"
             number[/year]/ISSUER      "20/2023/QH15", "238/UBND-KGVX" (công văn)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vankien.core.doctypes import DOC_TYPES, DocType, types_for_code
from vankien.core.text import fold, normalize

# Canonical spelling of every type code, looked up by its folded form ("qdi" -> "QĐi").
_CANONICAL_CODES = {fold(code): code for t in DOC_TYPES for code in t.codes}

# "TƯ" (with horn) is written for "TW" in many documents ("05-CT/TƯ"), and for "TU" by a provincial
# committee's OCR'd or retyped texts ("445-KL/TƯ" of a Tỉnh ủy): the issuer beside it decides.
HORN_CODES = frozenset({"TƯ", "TU\u031b"})

# A real number (ASCII digits) and codes of letters: "1/..-.." or "١٢-CT/TW" is no symbol. Issuer
# parts are letters and digits ("QH15", "BCĐ35"), joined by "-" or "&" ("BTTTT-PTTH&TTĐT").
_CODE_PART = r"[^\W_]*[^\W\d_][^\W_]*"
_PARTY = re.compile(
    rf"^(?P<number>[0-9]+[a-z]?)-(?P<code>[^\W\d_]+)/(?P<issuer>{_CODE_PART}(?:[-&]{_CODE_PART})*)$"
)
_STATE = re.compile(
    rf"^(?P<number>[0-9]+[a-z]?)(?:/(?P<year>[0-9]{{4}}))?/(?P<tail>{_CODE_PART}(?:[-&]{_CODE_PART})*)$"
)


PARTY_ISSUER_ENDINGS = ("TW", "TU", "HU", "ĐU", "ĐUK", "QU", "ThU")
"""Party bodies' codes end in TW (Trung ương), TU (tỉnh ủy), HU (huyện ủy), ĐU/ĐUK (đảng ủy), QU, ThU:
"22/CT-TW" is the Party symbol 22-CT/TW written State-style."""
_PARTY_ISSUER = re.compile(r"^[A-ZĐ]*(?:" + "|".join(PARTY_ISSUER_ENDINGS) + ")$")


def number_key(number: str) -> str:
    """ "05" and "5" are the same number."""
    return number.lstrip("0") or "0"


@functools.lru_cache(maxsize=65536)
def has_horn(raw: str) -> bool:
    """Whether the symbol's issuer code is the ambiguous "TƯ"."""
    return any(
        raw.rstrip().upper().endswith("/" + code) or raw.rstrip().upper().endswith("-" + code)
        for code in HORN_CODES
    )


def localise(symbol: str) -> str:
    """The symbol of a local committee read from a "TƯ" that parsing took for "TW"."""
    if symbol.endswith("/TW"):
        return symbol[:-3] + "/TU"
    if symbol.endswith("-TW"):
        return symbol[:-3] + "-TU"
    return symbol


def symbol_key(raw: str) -> str:
    """Comparable form of a symbol as written; the tidied text when it does not parse."""
    try:
        return parse_symbol(raw).key
    except SymbolError:
        return tidy(raw)


class SymbolError(ValueError):
    """A symbol that follows neither the Party nor the State form."""


@dataclass(frozen=True)
class Symbol:
    number: str
    type_code: str | None
    issuer_code: str
    year: str | None = None
    state_style: bool = False

    @property
    def text(self) -> str:
        if not self.state_style:
            return f"{self.number}-{self.type_code}/{self.issuer_code}"
        head = self.number if self.year is None else f"{self.number}/{self.year}"
        tail = self.issuer_code if self.type_code is None else f"{self.type_code}-{self.issuer_code}"
        return f"{head}/{tail}"

    @property
    def key(self) -> str:
        """The form used to compare symbols: a Party symbol written State-style ("22/CT-TW") in Party form."""
        if (
            self.state_style
            and self.year is None
            and self.type_code
            and _PARTY_ISSUER.match(self.issuer_code)
        ):
            return f"{self.number}-{self.type_code}/{self.issuer_code}"
        return self.text

    def types(self) -> tuple[DocType, ...]:
        """The types the code can stand for; empty when the symbol carries no type code."""
        return types_for_code(self.type_code) if self.type_code else ()

    def __str__(self) -> str:
        return self.text


def _canonical_issuer(code: str, local: bool) -> str:
    if code.upper() in HORN_CODES:
        return "TU" if local else "TW"
    return code


def tidy(raw: str) -> str:
    """Remove the noise editors and converters put into symbols: "01 – KL/TƯ" -> "01-KL/TƯ"."""
    text = normalize(raw).strip()
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    # "37QĐ/TW": a number glued to its type code.
    text = re.sub(r"^(\d+)(?=[^\W\d_]+/)", r"\1-", text)
    return re.sub(r"\s+", "", text)


def parse_symbol(raw: str, *, local: bool = False) -> Symbol:
    """The symbol; `local`: its issuer is a local committee, so "TƯ" is read "TU" (else "TW")."""
    text = tidy(raw)
    party = _PARTY.match(text)
    if party:
        party_code = _CANONICAL_CODES.get(fold(party["code"]), party["code"])
        return Symbol(party["number"], party_code, _canonical_issuer(party["issuer"], local))
    state = _STATE.match(text)
    if state:
        head, _, rest = state["tail"].partition("-")
        state_code = _CANONICAL_CODES.get(fold(head)) if rest else None
        issuer = rest if state_code else state["tail"]
        return Symbol(state["number"], state_code, _canonical_issuer(issuer, local), state["year"], True)
    raise SymbolError(raw)
