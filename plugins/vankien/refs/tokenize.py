"""Find candidate mentions in normalised text: the heads that the parser extends.

Each finder returns typed tokens in text order. A token is only the part of a
mention that identifies a document (type word and number or symbol, a congress,
a unique name); dates, issuers, terms and lists are read by `parse`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from vankien.core.doctypes import doc_type, types_for_code
from vankien.core.symbols import Symbol, SymbolError, parse_symbol
from vankien.refs import patterns

# Per Nghị định 30/2020/NĐ-CP, a symbol with no type code ("238/UBND-KGVX") is a công văn's.
_TYPE_OF_UNCODED_SYMBOL = "Công văn"


@dataclass(frozen=True)
class CitationHead:
    """ "Kết luận số 21-KL/TW", "Chỉ thị 05", "số 18-CV/BTG", "217-QĐ/TW"."""

    start: int
    end: int
    type: str
    number: str
    symbol: str | None
    type_word: str | None
    """The type word as written, None when the type comes from the symbol."""


@dataclass(frozen=True)
class CongressHead:
    """ "Nghị quyết Đại hội" (+ "đại biểu"); the parser reads the congress that follows."""

    start: int
    congress_start: int
    end: int


@dataclass(frozen=True)
class NamedDocument:
    """A document unique by name: "Điều lệ Đảng", "Cương lĩnh chính trị"."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class IssuedDocument:
    """ "... ban hành Kế hoạch <title>": the type word and where the verb starts."""

    verb_start: int
    start: int
    title_start: int
    type: str


# Cached: an archive cites the same symbols again and again, and parsing one is most of
# the cost of a short front-matter citation. Symbols are frozen, so sharing them is safe.
@functools.lru_cache(maxsize=4096)
def valid_symbol(raw: str) -> Symbol | None:
    """The symbol, when it reads as one: codes start with a capital ("5-a/b" is no symbol)."""
    try:
        symbol = parse_symbol(raw)
    except SymbolError:
        return None
    if symbol.type_code is not None and not symbol.type_code[0].isupper():
        return None
    if not symbol.issuer_code[:1].isupper():
        return None
    return symbol


@functools.lru_cache(maxsize=1024)
def _type_names_for_code(code: str) -> tuple[str, ...]:
    return tuple(t.name for t in types_for_code(code))


def type_names_of_symbol(symbol: Symbol) -> tuple[str, ...]:
    """Every type the symbol's code can stand for; empty when it carries no code."""
    return _type_names_for_code(symbol.type_code) if symbol.type_code else ()


def type_of_symbol(symbol: Symbol) -> str | None:
    """The type a symbol's code stands for (the first when it is ambiguous: "QĐ" -> Quyết định)."""
    types = type_names_of_symbol(symbol)
    if types:
        return types[0]
    if symbol.type_code is None and symbol.state_style and symbol.year is None:
        return _TYPE_OF_UNCODED_SYMBOL
    return None


@functools.lru_cache(maxsize=1024)
def type_name(word: str) -> str:
    # Cached: a text repeats a handful of type words, and each lookup folds the word.
    found = doc_type(" ".join(word.split()))
    # TYPE_WORD only matches names of DOC_TYPES, so the lookup cannot fail.
    assert found is not None, word
    return found.name


def _decode_citation_head(text: str, match: re.Match[str]) -> CitationHead | None:
    word = match["word"]
    if word is not None:
        if match["symbol"] is not None:
            symbol = valid_symbol(match["symbol"])
            if symbol is None:
                return None
            return CitationHead(match.start(), match.end(), type_name(word), symbol.number, symbol.text, word)
        # A bare number needs "số" or a capitalised type word: "Chỉ thị 05" is a citation,
        # "hướng dẫn 5 đơn vị" is not; neither is a count ("Báo cáo 5 năm").
        if match["marker"] is None and not word[0].isupper():
            return None
        if patterns.COUNTED_NOUN.match(text, match.end()):
            return None
        return CitationHead(match.start(), match.end(), type_name(word), match["number"], None, word)
    symbol = valid_symbol(match["bare_symbol"])
    if symbol is None:
        return None
    uncoded = symbol.type_code is None
    if uncoded and match["bare_marker"] is None:
        return None  # "2/TW" alone is too weak; "số 238/UBND-KGVX" is a công văn
    found_type = type_of_symbol(symbol)
    if found_type is None:
        return None
    return CitationHead(match.start(), match.end(), found_type, symbol.number, symbol.text, None)


def find_citation_head(text: str, pos: int) -> CitationHead | None:
    """The first numbered citation head at or after `pos`.

    Same result as trying CITATION_HEAD.search from `pos` (and again after each head that
    does not decode), but a search runs the head's many alternatives at every position of
    the text. A head starts at a word start at most CITATION_HEAD_PREFIX_WIDTH characters
    before a digit that starts a word, so only those starts are tried, in text order: the
    first that matches is where the search would have stopped. Each position is tried at
    most once (`tried` only grows), which keeps this linear on a text of digits.
    """
    tried = pos  # every start before this one has been tried, or cannot start a head
    for digit in patterns.NUMBER_START.finditer(text, pos):
        lowest = max(tried, digit.start() - patterns.CITATION_HEAD_PREFIX_WIDTH)
        # A head that starts before its digit ends with a gap or "số:" right before it (a
        # digit right after a letter starts no word): after any other character ("25/10",
        # "08-QĐi", "\n1."), or after a word that ends no head ("ngày 25"), the digit itself
        # is the only start to try. The character test is a shortcut for HEAD_LEAD's.
        before = text[digit.start() - 1] if digit.start() > 0 else ""
        lead = patterns.HEAD_LEAD.search(
            text, max(0, digit.start() - patterns.HEAD_LEAD_WIDTH), digit.start()
        )
        # "số47-QĐ/TW": a digit glued to "số" may still end a head that starts before it.
        glued = lead is not None and before.isalpha()
        if not glued and ((not before.isspace() and before != ":") or lead is None):
            lowest = max(lowest, digit.start())
        starts = [m.start() for m in patterns.HEAD_START.finditer(text, lowest, digit.start() + 1)]
        if glued and digit.start() >= lowest and (not starts or starts[-1] != digit.start()):
            starts.append(digit.start())  # a digit after a letter starts no word, but may start a symbol
        for start in starts:
            match = patterns.CITATION_HEAD.match(text, start)
            if match is not None:
                head = _decode_citation_head(text, match)
                if head is not None:
                    return head
        tried = digit.start() + 1
    return None


def find_congress_heads(text: str) -> Iterator[CongressHead]:
    for match in patterns.CONGRESS_RESOLUTION.finditer(text):
        yield CongressHead(match.start(), match.start("congress"), match.end())


def find_named_documents(text: str) -> Iterator[NamedDocument]:
    for name, pattern in patterns.NAMED_DOCUMENTS:
        for match in pattern.finditer(text):
            yield NamedDocument(match.start(), match.end(), name)


def find_issued_documents(text: str) -> Iterator[IssuedDocument]:
    # Most texts never write "ban hành": a literal scan spares them the full pattern.
    if patterns.ISSUING_VERB.search(text) is None:
        return
    for match in patterns.ISSUED_DOCUMENT.finditer(text):
        word = match["word"]
        if word[0].isupper():  # "ban hành kế hoạch, hướng dẫn" is generic
            yield IssuedDocument(match.start("verb"), match.start("word"), match.end(), type_name(word))
