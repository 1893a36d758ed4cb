"""What a document rests on: every document its opening formula names, as citations the grammar reads back."""

from __future__ import annotations

import datetime as dt

from vankien.core.doctypes import doc_type, types_for_code
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.core.text import fold
from vankien.refs import extract_references
from vankien.refs.model import Reference


def basis_references(text: str) -> list[Reference]:
    """References in the opening "Căn cứ / Thực hiện ..." formula, once each."""
    seen: set[tuple[str, str | None, dt.date | None]] = set()
    result = []
    for reference in extract_references(text):
        key = (reference.type, reference.symbol or reference.surface, reference.date)
        if reference.role == "basis" and key not in seen:
            seen.add(key)
            result.append(reference)
    return result


def citation_text(reference: Reference) -> str:
    """The reference as a front-matter citation: its surface, plus "của <issuer>" when the issuer
    stood outside it ("ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU ...")."""
    text = " ".join(reference.surface.split())
    if reference.issuer and fold(reference.issuer) not in fold(text):
        text = f"{text} của {reference.issuer}"
    return text


def type_from_symbol(symbol: str) -> str | None:
    """The type a symbol's code names when only one type has it ("CV" -> Công văn)."""
    try:
        parsed = parse_symbol(symbol)
    except SymbolError:
        return None
    types = types_for_code(parsed.type_code) if parsed.type_code else ()
    return types[0].name if len(types) == 1 else None


def known_type(name: str) -> str | None:
    found = doc_type(name)
    return found.name if found else None
