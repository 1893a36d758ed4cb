"""The Vietnamese search pipeline: folding, symbol tokens, words (the browser runs the same table)."""

from __future__ import annotations

import unicodedata

import pytest

from vankien.search.pipeline import fold, index_terms, phrase_text, query_phrases, query_tokens, tokenize

# (text, expected tokens as (text, folded, symbol)); also run in Chromium by tests/browser.
PIPELINE_CASES: list[tuple[str, list[tuple[str, str, bool]]]] = [
    ("21-KL/TW", [("21-kl/tw", "21-kl/tw", True)]),
    ("21-kl/tw", [("21-kl/tw", "21-kl/tw", True)]),
    ("21 KL TW", [("21-kl/tw", "21-kl/tw", True)]),
    ("21/KL-TW", [("21-kl/tw", "21-kl/tw", True)]),
    ("01 – KL/TƯ", [("1-kl/tu", "1-kl/tu", True)]),  # en dash, horn letter (seen in texts/002)
    ("08-QĐi/TW", [("8-qdi/tw", "8-qdi/tw", True)]),
    ("101-QÐ/TW", [("101-qd/tw", "101-qd/tw", True)]),  # U+00D0 typed for Đ
    ("30/2020/NĐ-CP", [("30/2020/nd-cp", "30/2020/nd-cp", True)]),
    ("123/QĐ-TTg", [("123/qd-ttg", "123/qd-ttg", True)]),
    ("22/CT-TW", [("22-ct/tw", "22-ct/tw", True)]),
    (
        "Chỉnh đốn Đảng",
        [("chỉnh", "chinh", False), ("đốn", "don", False), ("đảng", "dang", False)],
    ),
    ("xay dung dang", [("xay", "xay", False), ("dung", "dung", False), ("dang", "dang", False)]),
    (
        "Kết luận số 21-KL/TW, ngày 25/10/2021",
        [
            ("kết", "ket", False),
            ("luận", "luan", False),
            ("số", "so", False),
            ("21-kl/tw", "21-kl/tw", True),
            ("ngày", "ngay", False),
            ("25", "25", False),
            ("10", "10", False),
            ("2021", "2021", False),
        ],
    ),
    (
        "năm 2019 có 12 tháng",
        [
            ("năm", "nam", False),
            ("2019", "2019", False),
            ("có", "co", False),
            ("12", "12", False),
            ("tháng", "thang", False),
        ],
    ),
    (
        "title:đảng^10 +x -y~2 *",
        [
            ("title", "title", False),
            ("đảng", "dang", False),
            ("10", "10", False),
            ("x", "x", False),
            ("y", "y", False),
            ("2", "2", False),
        ],
    ),
    (
        "<script>alert(1)</script>",
        [
            ("script", "script", False),
            ("alert", "alert", False),
            ("1", "1", False),
            ("script", "script", False),
        ],
    ),
    ("😀 Ủy ban 🇻🇳", [("ủy", "uy", False), ("ban", "ban", False)]),
    (unicodedata.normalize("NFD", "Nghị quyết"), [("nghị", "nghi", False), ("quyết", "quyet", False)]),
    ("ĐẢNG ỦY XÃ", [("đảng", "dang", False), ("ủy", "uy", False), ("xã", "xa", False)]),
]


@pytest.mark.parametrize(("text", "expected"), PIPELINE_CASES)
def test_tokenize(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [(t.text, t.folded, t.symbol) for t in tokenize(text)] == expected


# (query, its phrases: runs of two or more consecutive words, folded); also run in Chromium.
PHRASE_CASES: list[tuple[str, list[tuple[str, ...]]]] = [
    ("chinh don dang", [("chinh", "don", "dang")]),  # issue 13: common words, typed without accents
    ("Chỉnh đốn Đảng", [("chinh", "don", "dang")]),
    ("đảng", []),  # one word is no phrase
    ("101 qd tw 2012", []),  # a symbol and one word after it
    ("Kết luận 21-KL/TW chỉnh đốn Đảng", [("ket", "luan"), ("chinh", "don", "dang")]),  # a symbol ends a run
    ("Cù Ngọc Cường", [("cu", "ngoc", "cuong")]),  # a signer's name, as on the signature block
    ("dang vien dang", [("dang", "vien", "dang")]),  # repeated words stay: the order is the phrase
    ("xây dựng, chỉnh đốn", [("xay", "dung", "chinh", "don")]),  # punctuation does not end a run
    ("", []),
    ("*~^:+-", []),
]

# (text, its phrase text: folded words between single spaces); also run in Chromium.
PHRASE_TEXT_CASES: list[tuple[str, str]] = [
    (
        "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
        " day manh xay dung chinh don dang va he thong chinh tri ",
    ),
    ("Tiếp tục thực hiện Chỉ thị số 05-CT/TW", " tiep tuc thuc hien chi thi so 05 ct tw "),
    ("“tự diễn biến”, “tự chuyển hóa”", " tu dien bien tu chuyen hoa "),
    (unicodedata.normalize("NFD", "Cù Ngọc Cường"), " cu ngoc cuong "),
    ("", "  "),
]


@pytest.mark.parametrize(("query", "expected"), PHRASE_CASES)
def test_query_phrases(query: str, expected: list[tuple[str, ...]]) -> None:
    assert query_phrases(query) == expected


@pytest.mark.parametrize(("text", "expected"), PHRASE_TEXT_CASES)
def test_phrase_text(text: str, expected: str) -> None:
    assert phrase_text(text) == expected


def test_a_run_stands_in_a_title_only_when_its_words_are_consecutive() -> None:
    title = phrase_text("Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị")
    assert " chinh don dang " in title
    assert " xay dung dang " not in title  # the words are all there, not as this phrase
    assert " chinh tri " in title and " chinh don dang tri " not in title


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đảng Cộng sản Việt Nam", "dang cong san viet nam"),
        ("quyết định", "quyet dinh"),
        ("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ", "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy"),
        ("ĐđÐ", "ddd".replace("ddd", "ddÐ".lower().replace("ð", "ð"))),
    ],
)
def test_fold(text: str, folded: str) -> None:
    if "Ð" in text:
        # fold() itself handles đ/Đ; the look-alike U+00D0 is mapped by normalize() in tokenize().
        assert [t.folded for t in tokenize(text)] == ["ddd"]
    else:
        assert fold(text) == folded


def test_query_with_and_without_marks_gives_the_same_folded_terms() -> None:
    assert [t.folded for t in query_tokens("xây dựng Đảng")] == [
        t.folded for t in query_tokens("xay dung dang")
    ]


def test_index_terms_match_tokenize_on_vietnamese_text() -> None:
    text = (
        "Căn cứ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương về đẩy mạnh xây dựng Đảng."
    )
    symbols = [t.folded for t in tokenize(text) if t.symbol]
    words = [t.folded for t in tokenize(text) if not t.symbol]
    assert index_terms(text) == symbols + words


@pytest.mark.parametrize("query", ["", " ", "*", "a" * 5000, "\x00\ud800", "🇻🇳" * 300, ")(][}{"])
def test_queries_never_raise(query: str) -> None:
    assert len(query_tokens(query)) <= 24
