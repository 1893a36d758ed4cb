"""The extractor's shortcuts find exactly what the plain grammar finds.

Each shortcut of `vankien.refs` (skip normalising text that needs none, try citation
heads only near digits, find formulas and issuers from their keywords, clause ends on
demand) is checked against the straightforward computation it replaces, on the table's
phrasings, the shared texts and seeded random citation-like text. No timing here: the
speed is measured by scripts/bench_refs.py.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from dataclasses import replace

import pytest

from tests.support.environment import shared_texts
from tests.test_refs_robustness import PIECES
from tests.test_refs_table import CASES
from vankien.core.text import CHANGED_BY_NORMALIZE, normalize
from vankien.refs import context, patterns, tokenize
from vankien.refs.model import Mention
from vankien.refs.names import read_body_name
from vankien.refs.offsets import normalize_with_offsets
from vankien.refs.parse import parse_mentions

# Pieces that probe the shortcuts' edges: the widest gaps and markers before a number,
# every type word in several cases, letters that match "s" and "k" only ignoring case.
EDGE_PIECES = [
    "Chương  \n trình", "CHƯƠNG TRÌNH", "chương trình", "số  :", "Số:", "SỐ", "ſố", "số\t:",
    "    ", "\u00a0", "\t", ":", "  :  ", "Kế \n hoạch", "KẾT LUẬN", "Luật", "Đề án", "Thông tri",
    "Căn cứ", "CĂN CỨ", "THỰC HIỆN", "Thi hành", "Triển  khai", "\n\n- ", "**", "#", ". ", "; ",
    "của Thường trực Tỉnh ủy", " tại ", " TẠI  ", "ý kiến của Ban Bí thư tại", "các quy định của",
    "vừa ban hành Kế hoạch tuyên truyền", "Điều lệ Đảng", "Cương lĩnh chính trị", "Hiến pháp năm 2013",
    "Nghị quyết Đại hội XIII", "nghị  quyết đại hội", "1", "123", "05-CT/TW", "30/2020/NĐ-CP", "1.",
]  # fmt: skip


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = PIECES + EDGE_PIECES
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 70))) for _ in range(count)]


def _corpus() -> list[str]:
    # The grammar runs on normalised text, as extract_references gives it.
    return [normalize(text) for text in [text for text, _ in CASES] + _random_texts(400, seed=7)]


def _shared_texts() -> list[str]:
    """The five shared texts, normalised; required like every use of ../shared (see `shared_texts`)."""
    return [normalize(path.read_text(encoding="utf-8")) for path in sorted(shared_texts().glob("00*.txt"))]


CORPUS = _corpus()


# --- normalisation ----------------------------------------------------------------------------


def test_fast_path_knows_every_character_normalize_changes() -> None:
    # Characters that NFC keeps as they are, each after "\n" (which composes with nothing),
    # so `normalize` sees each alone: exactly those it changes must be in the shortcut's set.
    chars = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and chr(code) != "\n" and unicodedata.is_normalized("NFC", chr(code))
    ]
    normalized = normalize("\n".join(chars)).split("\n")
    assert len(normalized) == len(chars)
    changed = {char for char, after in zip(chars, normalized, strict=True) if after != char}
    flagged = {char for char in chars if CHANGED_BY_NORMALIZE.search(char)}
    assert changed == flagged


@pytest.mark.parametrize("text", ["Kết luận số 21 – KL/TW", "Q\u00d0 số 5", "QĐ\u2212TW", "plain Đảng text"])
def test_normalized_text_is_normalize_output(text: str) -> None:
    assert normalize_with_offsets(text).text == normalize(text)


# --- citation heads -----------------------------------------------------------------------------


def _searched_head(text: str, pos: int) -> tokenize.CitationHead | None:
    """find_citation_head as a plain search of the whole text."""
    while (match := patterns.CITATION_HEAD.search(text, pos)) is not None:
        head = tokenize._decode_citation_head(text, match)
        if head is not None:
            return head
        pos = match.start() + 1
    return None


def test_citation_heads_are_found_as_a_search_finds_them() -> None:
    for text in CORPUS:
        for pos in range(len(text) + 1):
            assert tokenize.find_citation_head(text, pos) == _searched_head(text, pos), (text, pos)


def test_citation_heads_in_the_shared_texts() -> None:
    texts = _shared_texts()
    for text in texts:
        pos = 0
        while (head := _searched_head(text, pos)) is not None:
            assert tokenize.find_citation_head(text, pos) == head
            pos = head.start + 1
        assert tokenize.find_citation_head(text, pos) is None


@pytest.mark.parametrize("name", patterns.TYPE_NAMES)
def test_widest_head_prefix_fits_the_window(name: str) -> None:
    # Every gap at its widest, "số" with its widest colon: the head still starts within the
    # window before its digit, and the text before the digit ends as HEAD_LEAD expects.
    prefix = "    ".join(name.split()) + "    " + "số  :" + "    "
    text = "x. " + prefix + "5-KL/TW"
    digit = len("x. ") + len(prefix)
    assert len(prefix) <= patterns.CITATION_HEAD_PREFIX_WIDTH
    assert patterns.HEAD_LEAD.search(text, digit - patterns.HEAD_LEAD_WIDTH, digit) is not None
    head = tokenize.find_citation_head(text, 0)
    assert head is not None and head.start == len("x. ")
    bare = "x. " + "    ".join(name.split()) + "    " + "5-KL/TW"
    lead_end = len(bare) - len("5-KL/TW")
    assert patterns.HEAD_LEAD.search(bare, lead_end - patterns.HEAD_LEAD_WIDTH, lead_end) is not None


# --- keyword-first patterns ---------------------------------------------------------------------

# The patterns as they were written before their leading WORD_START moved after the first word.
_GAP, _WS, _WE, _any = patterns.GAP, patterns.WORD_START, patterns.WORD_END, patterns._any_case
_words = patterns._words
LEADING_LOOKBEHIND_FORMS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (patterns.OF_BODY, re.compile(rf"{_WS}{_any('của')}{_GAP}")),
    (
        patterns.LIST_HEADER,
        re.compile(
            rf"{_WS}{_any('các')}{_GAP}{patterns._PLURAL_TYPE}"
            rf"(?:{patterns.OPTIONAL_GAP},{patterns.OPTIONAL_GAP}{patterns._PLURAL_TYPE}){{0,4}}"
            rf"{_GAP}{_any('của')}{_GAP}"
        ),
    ),
    (
        patterns.CONGRESS_RESOLUTION,
        re.compile(
            rf"{_WS}(?P<word>{_any(_words('Nghị quyết'))}){_GAP}"
            rf"(?P<congress>{_any(_words('Đại hội'))}(?:{_GAP}{_any(_words('đại biểu'))})?){_WE}"
        ),
    ),
    (patterns.NAMED_DOCUMENTS[0][1], re.compile(rf"{_WS}{_words('Điều lệ Đảng')}(?!{_GAP}bộ){_WE}")),
    (
        patterns.NAMED_DOCUMENTS[1][1],
        re.compile(
            rf"{_WS}(?:{_words('Cương lĩnh chính trị')}|"
            rf"{_words('Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội')}){_WE}"
        ),
    ),
    (
        patterns.NAMED_DOCUMENTS[2][1],
        re.compile(rf"{_WS}Hiến{_GAP}pháp{_GAP}(?:năm{_GAP})?\d{{4}}{_WE}"),
    ),
]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [
        tuple(match.span(group) for group in range(pattern.groups + 1)) for match in pattern.finditer(text)
    ]


@pytest.mark.parametrize(("pattern", "original"), LEADING_LOOKBEHIND_FORMS)
def test_keyword_first_pattern_matches_as_written_before(
    pattern: re.Pattern[str], original: re.Pattern[str]
) -> None:
    for text in [*CORPUS, *_shared_texts()]:
        assert _found(pattern, text) == _found(original, text), text


def test_texts_without_the_issuing_verb_have_no_issued_document() -> None:
    for text in [*CORPUS, *_shared_texts()]:
        if patterns.ISSUED_DOCUMENT.search(text) is not None:
            assert patterns.ISSUING_VERB.search(text) is not None, text


def test_formula_verbs_are_the_opening_formulas() -> None:
    for text in [*CORPUS, *_shared_texts()]:
        expected = [match.start("verb") for match in patterns.OPENING_FORMULA.finditer(text)]
        assert context._formula_verbs(text) == expected, text


# --- context --------------------------------------------------------------------------------------


def _roles_with_every_clause_end(text: str, mentions: list[Mention]) -> list[Mention]:
    """assign_roles with each formula's clause end computed afresh (no end shared between formulas)."""
    mentions = context._basis_sections(text, mentions)
    formulas = [match.start("verb") for match in patterns.OPENING_FORMULA.finditer(text)]
    if not formulas:
        return mentions
    preamble_end = context._preamble_end(text, formulas[0])
    formulas = [f for f in formulas if f < preamble_end]
    result = list(mentions)
    spans = context._Spans(result)
    covered_until = 0
    subject_end = -1
    for formula_start in formulas:
        found = context._clause_end_after(text, formula_start, spans)
        clause_end = found if found is not None else len(text)
        for mention_index in spans.indexes_between(max(formula_start, covered_until), clause_end):
            mention = result[mention_index]
            if mention.start < subject_end:
                continue
            result[mention_index] = replace(mention, role="basis")
            if mention.about_end is not None:
                subject_end = max(subject_end, mention.about_end)
        covered_until = max(covered_until, clause_end)
    return result


def _issuers_after_every_of(text: str, mentions: list[Mention]) -> list[Mention]:
    """The "của <body> tại <mention>" step of attach_governing_issuers, reading every "của"."""
    result = list(mentions)
    spans = context._Spans(result)
    for match in patterns.OF_BODY.finditer(text):
        name = read_body_name(text, match.end())
        at = patterns.AT_DOCUMENT.match(text, name.end) if name is not None else None
        if name is not None and at is not None:
            for index in spans.indexes_between(at.end(), at.end() + 1):
                if result[index].issuer is None:
                    result[index] = replace(result[index], issuer=name.text)
    return result


def test_context_shortcuts_change_nothing() -> None:
    for text in [*CORPUS, *_shared_texts()]:
        mentions = parse_mentions(text)
        assert context.assign_roles(text, mentions) == _roles_with_every_clause_end(text, mentions), text
        with_issuers = context.attach_governing_issuers(text, mentions)
        # The list-header step gives issuers only where the "tại" step left none.
        expected = _issuers_after_every_of(text, mentions)
        for got, want in zip(with_issuers, expected, strict=True):
            if want.issuer != got.issuer:
                assert want.issuer is None and got.issuer is not None, text
