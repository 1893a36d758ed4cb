"""Vietnamese text helpers and symbols, as tables of real-world forms."""

from __future__ import annotations

import unicodedata

import pytest

from vankien.core.symbols import SymbolError, parse_symbol
from vankien.core.text import collation_key, fold, normalize, slugify


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Đảng Cộng sản Việt Nam", "dang cong san viet nam"),
        ("\u00d0ảng", "dang"),  # U+00D0 typed for Đ by old converters
        (unicodedata.normalize("NFD", "Chỉ thị"), "chi thi"),  # NFD from old word processors
        ("QUYẾT ĐỊNH", "quyet dinh"),
        ("ưu tiên, ơn, ăn, ân", "uu tien, on, an, an"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_normalize_keeps_length_of_nfc_text_and_unifies_dashes() -> None:
    text = "01 – KL/TW và 47 — QĐ/TW, \u00d0ảng"
    assert normalize(text) == "01 - KL/TW và 47 - QĐ/TW, Đảng"
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    ("raw", "slug"),
    [
        ("39-HD/BTGTU", "39-hd-btgtu"),
        ("08-QĐi/TW", "08-qdi-tw"),
        ("30/2020/NĐ-CP", "30-2020-nd-cp"),
        ("Thành ủy Bắc Kạn", "thanh-uy-bac-kan"),
    ],
)
def test_slugify(raw: str, slug: str) -> None:
    assert slugify(raw) == slug


def test_foreign_letters_sort_in_their_latin_places() -> None:
    assert sorted(["Zalo", "Facebook", "Anh", "Yên", "Wiki", "Ê"], key=collation_key) == [
        "Anh", "Ê", "Facebook", "Wiki", "Yên", "Zalo",
    ]  # fmt: skip


def test_vietnamese_alphabetical_order() -> None:
    words = ["Đảng ủy", "Dân vận", "Ban", "Bà", "Bá", "Bạ", "Bả", "Bã", "Ăn", "An", "Âm", "Ủy ban", "Ứng"]
    assert sorted(words, key=collation_key) == [
        "An", "Ăn", "Âm", "Bà", "Bả", "Bã", "Bá", "Bạ", "Ban", "Dân vận", "Đảng ủy", "Ủy ban", "Ứng",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "text", "code", "issuer", "types"),
    [
        ("39-HD/BTGTU", "39-HD/BTGTU", "HD", "BTGTU", ["Hướng dẫn"]),
        ("08-QĐi/TW", "08-QĐi/TW", "QĐi", "TW", ["Quy định"]),
        ("08-QĐI/TW", "08-QĐi/TW", "QĐi", "TW", ["Quy định"]),
        ("01 – KL/TW", "01-KL/TW", "KL", "TW", ["Kết luận"]),
        ("47 - QĐ/TW", "47-QĐ/TW", "QĐ", "TW", ["Quyết định", "Quy định"]),
        ("37QĐ/TW", "37-QĐ/TW", "QĐ", "TW", ["Quyết định", "Quy định"]),
        ("05-CT/TƯ", "05-CT/TW", "CT", "TW", ["Chỉ thị"]),
        ("6485-CV/BTCTW", "6485-CV/BTCTW", "CV", "BTCTW", ["Công văn"]),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "NĐ", "CP", ["Nghị định"]),
        ("123/QĐ-TTg", "123/QĐ-TTg", "QĐ", "TTg", ["Quyết định", "Quy định"]),
        ("20/2023/QH15", "20/2023/QH15", None, "QH15", []),
        ("238/UBND-KGVX", "238/UBND-KGVX", None, "UBND-KGVX", []),
        ("22/CT-TW", "22/CT-TW", "CT", "TW", ["Chỉ thị"]),
    ],
)
def test_parse_symbol(raw: str, text: str, code: str | None, issuer: str, types: list[str]) -> None:
    symbol = parse_symbol(raw)
    assert (symbol.text, symbol.type_code, symbol.issuer_code) == (text, code, issuer)
    assert [t.name for t in symbol.types()] == types


@pytest.mark.parametrize("raw", ["", "KL 21", "số 21", "21-KL", "/TW"])
def test_parse_symbol_rejects_what_is_not_a_symbol(raw: str) -> None:
    with pytest.raises(SymbolError):
        parse_symbol(raw)
