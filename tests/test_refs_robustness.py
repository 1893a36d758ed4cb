"""The extractor never crashes, keeps its offsets honest and stays linear on hostile input."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.growth import growth
from vankien.refs import Reference, extract_references

# Pieces of real citations, so random text often forms (partial) references.
PIECES = [
    "Quyết định", "quy định", "Nghị quyết", "Chỉ thị", "Kết luận", "Công văn", "Đại hội", "Điều lệ Đảng",
    "số", "số:", " ", "  ", "\n", ",", ";", ".", "(", ")", "(*", "*)", "-", " – ", "/", "và", "của", "tại",
    "ngày", "tháng", "năm", "khóa", "về", "lần thứ", "XIII", "Căn cứ", "Thực hiện", "các quy định",
    "Ban Bí thư", "Bộ Chính trị", "Tỉnh ủy", "Trung ương", "ban hành", "Kế hoạch", "0", "05", "21", "2021",
    "25/10/2021", "21-KL/TW", "08-QĐi/TW", "30/2020/NĐ-CP", "QĐ", "TW", "TƯ", "Q\u00d0", "e\u0301",
    "\u0301", "\u1100\u1161", "ᄀ", "ᅡ", "\u0b47", "\u0b3e", "٣", "０",
]  # fmt: skip

vietnamese_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def check_offsets(text: str, refs: list[Reference]) -> None:
    previous = (-1, -1)
    for ref in refs:
        assert 0 <= ref.start < ref.end <= len(text)
        assert text[ref.start : ref.end] == ref.surface
        assert (ref.start, ref.end) >= previous, "references are in text order"
        previous = (ref.start, ref.end)
        assert ref.role in ("basis", "cites")


@settings(deadline=None, max_examples=300)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    check_offsets(text, extract_references(text))


@settings(deadline=None, max_examples=300)
@given(vietnamese_like)
def test_citation_like_text_keeps_offsets(text: str) -> None:
    check_offsets(text, extract_references(text))


@settings(deadline=None, max_examples=200)
@given(vietnamese_like)
def test_nfd_and_nfc_find_the_same_references(text: str) -> None:
    def fields(refs: list[Reference]) -> list[tuple[object, ...]]:
        return [(r.type, r.number, r.symbol, r.date, r.issuer, r.term, r.role) for r in refs]

    nfd = unicodedata.normalize("NFD", text)
    refs = extract_references(nfd)
    check_offsets(nfd, refs)
    assert fields(refs) == fields(extract_references(unicodedata.normalize("NFC", text)))


# --- hostile input: time grows linearly with size ------------------------------------------


def digits_dashes_slashes(size: int) -> str:
    rng = random.Random(size)
    return "".join(rng.choice("0123456789-/") for _ in range(size))


def repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def long_list(size: int) -> str:
    items = []
    length = 0
    number = 0
    while length < size:
        number += 1
        items.append(f" và số {number}-CV/BTG")
        length += len(items[-1])
    return "Công văn số 0-CV/BTG" + "".join(items) + " ngày 12/12/2013 của Ban Tuyên giáo Tỉnh ủy."


MB = 1 << 20
# (text of a given size, the larger size): the cases at 1 MB; texts dense in mentions,
# where each mention costs real work, at 256 KB to keep the suite fast.
HOSTILE = [
    pytest.param(digits_dashes_slashes, MB, id="digits, dashes and slashes"),
    pytest.param(repeated("số 1-"), MB, id="'số 1-' repeated"),
    pytest.param(lambda size: "Công văn số 17-CV/BTG" + repeated(" và số")(size), MB, id="a run of 'và số'"),
    pytest.param(repeated("1 2 3 4/5 6-7 "), MB, id="digits and spaces"),
    pytest.param(repeated("a"), MB, id="a run of letters"),
    pytest.param(long_list, MB // 4, id="one list of thousands of items"),
    pytest.param(repeated("Căn cứ Chỉ thị số 05 "), MB // 4, id="opening formulas with no clause end"),
    pytest.param(
        repeated("các quy định của Ban Bí thư (Quy định số 1-QĐ/TW "),
        MB // 4,
        id="list headers, open parentheses",
    ),
    pytest.param(
        lambda size: unicodedata.normalize("NFD", repeated("Kết luận số 21-KL/TW, ngày 25/10/2021 ")(size)),
        MB // 4,
        id="NFD Vietnamese",
    ),
    pytest.param(repeated("Nghị quyết Đại hội XIII của Đảng và của "), MB // 4, id="congress phrases"),
]


@pytest.mark.parametrize(("make_text", "large"), HOSTILE)
def test_hostile_input_takes_linear_time(make_text: Callable[[int], str], large: int) -> None:
    found = growth(make_text, extract_references, large // 4)
    # Linear growth gives ratios near 4; quadratic would give 16.
    assert found.operations < 6 and found.cpu < 8, found.detail
