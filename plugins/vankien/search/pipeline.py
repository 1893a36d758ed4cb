"""The Vietnamese search pipeline, identical in Python (build time) and in the browser.

`web/assets/search/vankien-search.js` implements the same steps under the same names, with
the tables of `browser_pipeline_rules()` written into it at build time; tests run the same
table of cases through both.

1. normalise: NFC, look-alike letters (U+00D0, U+0189 -> Đ), every dash -> "-";
2. symbols first: "21-KL/TW", "21 - KL/TW", "21/KL-TW", "21 KL TW", "08-QĐi/TW",
   "30/2020/NĐ-CP" each become ONE token, folded, without leading zeros ("21-kl/tw");
3. words: runs of letters and digits, lower case ("chỉnh", "đốn");
4. fold: lower case, đ -> d, every tone and vowel mark (U+0300..U+036F after NFD) removed.

For phrases, a query gives its runs of consecutive words (`query_phrases`) and a title its folded
words joined by single spaces (`phrase_text`): a run stands in the title when " run " is in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vankien.core.doctypes import DOC_TYPES
from vankien.core.symbols import PARTY_ISSUER_ENDINGS
from vankien.core.text import browser_rules, fold, normalize

_L = r"[^\W\d_]"  # a letter (Unicode); the browser writes \p{L}
# Party form "21-KL/TW", "01 – KL/TƯ", "37-QĐi/TW"; State form "30/2020/NĐ-CP", "22/CT-TW";
# spaced form "21 KL TW" (only with a known type code, see below).
_SYMBOL = re.compile(
    rf"(?<![\w/-])(\d{{1,5}})(?:\s*-\s*({_L}{{1,6}})\s*/\s*({_L}{{1,12}})"
    rf"|/(?:(\d{{4}})/)?({_L}{{1,6}})-({_L}{{1,12}})"
    rf"|\s+({_L}{{1,5}})\s+({_L}{{1,12}}))(?![\w/-])"
)
_WORD = re.compile(r"[^\W_]+")
# Folded type codes of Party and State documents: the spaced form needs one of these.
TYPE_CODES = frozenset(fold(code) for doc_type in DOC_TYPES for code in doc_type.codes)
# Party issuer codes end like this; "22/CT-TW" is the Party symbol 22-CT/TW written State-style.
PARTY_ISSUER_FOLDED = tuple(sorted({fold(ending) for ending in PARTY_ISSUER_ENDINGS}))
_PARTY_ISSUER = re.compile("(" + "|".join(PARTY_ISSUER_FOLDED) + ")$")

MAX_QUERY = 256
"""Characters of a query that are read; the rest is ignored (a query is never an error)."""
MAX_QUERY_TOKENS = 24
"""Tokens of a query that are searched for (and looked for as phrases)."""


def browser_pipeline_rules() -> dict[str, object]:
    """What the browser's copy of this pipeline reads, generated from the Python rules."""
    return {
        **browser_rules(),
        "typeCodes": sorted(TYPE_CODES),
        "partyIssuers": list(PARTY_ISSUER_FOLDED),
        "maxQuery": MAX_QUERY,
        "maxQueryTokens": MAX_QUERY_TOKENS,
    }


def _symbol_token(match: re.Match[str]) -> str | None:
    number = match[1].lstrip("0") or "0"
    if match[2]:
        return f"{number}-{fold(match[2])}/{fold(match[3])}"
    if match[5]:
        code, issuer = fold(match[5]), fold(match[6])
        if match[4]:
            return f"{number}/{match[4]}/{code}-{issuer}"
        if _PARTY_ISSUER.search(issuer):
            return f"{number}-{code}/{issuer}"
        return f"{number}/{code}-{issuer}"
    code, issuer = fold(match[7]), fold(match[8])
    if code in TYPE_CODES and _PARTY_ISSUER.search(issuer):
        return f"{number}-{code}/{issuer}"
    return None


@dataclass(frozen=True)
class Token:
    text: str
    """Lower case, with its marks: "chỉnh"; for a symbol the folded symbol "21-kl/tw"."""
    folded: str
    symbol: bool = False
    start: int = 0
    end: int = 0


def tokenize(text: str) -> list[Token]:
    """Symbols and words of `text`, in order, each with its offsets in the normalised text."""
    text = normalize(text)
    tokens: list[Token] = []
    spans: list[tuple[int, int]] = []
    for match in _SYMBOL.finditer(text):
        symbol = _symbol_token(match)
        if symbol is not None:
            tokens.append(Token(symbol, symbol, True, match.start(), match.end()))
            spans.append((match.start(), match.end()))
    if spans:
        pieces = []
        last = 0
        for start, end in spans:
            pieces.append(text[last:start] + " " * (end - start))
            last = end
        pieces.append(text[last:])
        rest = "".join(pieces)
    else:
        rest = text
    for match in _WORD.finditer(rest):
        word = match[0].lower()
        tokens.append(Token(word, fold(word), False, match.start(), match.end()))
    tokens.sort(key=lambda t: t.start)
    return tokens


def index_terms(text: str) -> list[str]:
    """The folded terms of a long text, fast: what `tokenize` gives, without offsets.

    Folds the whole text at once instead of word by word; for Vietnamese text (and any
    text without stray combining marks) the terms are the same as `tokenize`'s.
    """
    text = normalize(text)
    symbols: list[str] = []
    if any(ch.isdigit() for ch in text):

        def blank(match: re.Match[str]) -> str:
            symbol = _symbol_token(match)
            if symbol is None:
                return match[0]
            symbols.append(symbol)
            return " "

        text = _SYMBOL.sub(blank, text)
    return symbols + _WORD.findall(fold(text))


def query_tokens(query: str) -> list[Token]:
    """The tokens of a query: never raises, whatever the reader typed."""
    tokens = tokenize(query[:MAX_QUERY])
    seen: set[tuple[str, bool]] = set()
    unique = []
    for token in tokens:
        key = (token.text, token.symbol)
        if key not in seen:
            seen.add(key)
            unique.append(token)
    return unique[:MAX_QUERY_TOKENS]


def query_phrases(query: str) -> list[tuple[str, ...]]:
    """The runs of two or more consecutive words of a query, folded, in order; a symbol ends a
    run and repeated words stay ("21-KL/TW chỉnh đốn Đảng" -> [("chinh", "don", "dang")])."""
    runs: list[tuple[str, ...]] = []
    run: list[str] = []
    for token in [*tokenize(query[:MAX_QUERY])[:MAX_QUERY_TOKENS], None]:
        if token is None or token.symbol:
            if len(run) >= 2:
                runs.append(tuple(run))
            run = []
        else:
            run.append(token.folded)
    return runs


def phrase_text(text: str) -> str:
    """The folded words of `text` between single spaces, a space at each end: "Xây dựng, chỉnh đốn
    Đảng" -> " xay dung chinh don dang " (a phrase stands in it when " chinh don dang " does)."""
    return " " + " ".join(_WORD.findall(fold(text))) + " "
