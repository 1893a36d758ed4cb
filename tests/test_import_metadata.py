"""Header, signature, recipient and issuer phrasings, one row each, with where the form is seen."""

from __future__ import annotations

import datetime as dt

import pytest

from vankien.core.model import Signer
from vankien.importer import import_text
from vankien.importer.header import find_place_date_in, find_symbol_in, read_header
from vankien.importer.issuer import promulgation_issuer, read_issuing_block, title_case_body
from vankien.importer.layout import locate
from vankien.importer.lines import Line, read_lines
from vankien.importer.news import parse_date_time
from vankien.importer.signature import find_recipients, find_signature


def _lines(texts: list[str]) -> list[Line]:
    return read_lines("\n".join(texts))


def header_issuer(texts: list[str]) -> str | None:
    return read_issuing_block(read_header(_lines(texts)).issuing).name


def clean_lines(text: str) -> list[str]:
    """The lines of the document a page holds: page numbers, chrome and the rest of the page gone."""
    lines = read_lines(text)
    layout = locate(lines, news_signals=False)
    kept = [line.text for index, line in enumerate(lines) if index not in layout.chrome]
    return [text for index, text in enumerate(kept) if text or (index and kept[index - 1])]


@pytest.mark.parametrize(
    ("line", "symbol"),
    [
        ("Số 39-HD/BTGTU", "39-HD/BTGTU"),  # Party header, Ban Tuyên giáo Tỉnh ủy
        ("Số: 08 - QĐi/TW", "08-QĐi/TW"),  # spaced dash, colon
        ("Số 6485-CV/BTCTW          Hà Nội, ngày 17 tháng 5 năm 2024", "6485-CV/BTCTW"),  # two columns
        ("Số: 123/QĐ-TTg", "123/QĐ-TTg"),  # State form
        ("*  Số 3941-CV/TU", "3941-CV/TU"),  # the asterisk under the body's name
    ],
)
def test_symbol_lines(line: str, symbol: str) -> None:
    found = find_symbol_in(line)
    assert found is not None
    assert found[0] == symbol


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Bắc Kạn, ngày 26 tháng 6 năm 2023", "Bắc Kạn", dt.date(2023, 6, 26)),
        ("Hà Nội, ngày 05/01/2022", "Hà Nội", dt.date(2022, 1, 5)),
        ("ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 17 tháng 5 năm 2024", "Hà Nội", dt.date(2024, 5, 17)),
        ("Số 39-HD/BTGTU Bắc Kạn, ngày 26 tháng 6 năm 2023", "Bắc Kạn", dt.date(2023, 6, 26)),
        ("TP. Hồ Chí Minh, ngày 2 tháng 9 năm 2021", "TP. Hồ Chí Minh", dt.date(2021, 9, 2)),
    ],
)
def test_place_and_date_lines(line: str, place: str, date: dt.date) -> None:
    found = find_place_date_in(line)
    assert found is not None
    assert (found[0], found[1]) == (place, date)


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        (["TỈNH ỦY BẮC KẠN", "BAN TUYÊN GIÁO", "*", "Số 39-HD/BTGTU"], "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"),
        (["ĐẢNG BỘ TỈNH BẮC KẠN", "THÀNH ỦY BẮC KẠN", "*"], "Thành ủy Bắc Kạn"),
        (["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 21-KL/TW"], "Ban Chấp hành Trung ương Đảng"),
        (
            ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "ĐẢNG ỦY VĂN PHÒNG CHÍNH PHỦ"],
            "Đảng ủy Văn phòng Chính phủ",
        ),
        (["TỈNH ỦY BẮC KẠN ĐẢNG CỘNG SẢN VIỆT NAM"], "Tỉnh ủy Bắc Kạn"),  # two columns on one line
        (["Hà Nội", "Đẩy mạnh tuyên truyền"], None),
    ],
)
def test_header_issuer(header: list[str], issuer: str | None) -> None:
    assert header_issuer(header) == issuer


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        # 002: after the "Căn cứ" clause.
        (
            "Căn cứ Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy về đẩy mạnh tuyên "
            "truyền về công tác xây dựng Đảng, Thành ủy Bắc Kạn hướng dẫn các cơ quan như sau:",
            "Thành ủy Bắc Kạn",
        ),
        # 003: after a semicolon.
        (
            "Thực hiện Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương; Ban Tổ chức "
            "Tỉnh ủy ban hành Kế hoạch tuyên truyền như sau:",
            "Ban Tổ chức Tỉnh ủy",
        ),
        ("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:", "Ban Thường vụ Tỉnh ủy"),
        ("Để triển khai có hiệu quả, Bộ Chính trị kết luận như sau:", "Bộ Chính trị"),
        ("Năm 2021, các cấp ủy đã triển khai nhiều nội dung.", None),
    ],
)
def test_promulgation_sentence(opening: str, issuer: str | None) -> None:
    assert promulgation_issuer([opening]) == issuer


@pytest.mark.parametrize(
    ("lines", "signer"),
    [
        # 002: bold block, as copied from the portal.
        (
            ["**T/M BAN THƯỜNG VỤ", "BÍ THƯ**", "", "Cù Ngọc Cường"],
            Signer("Cù Ngọc Cường", "BÍ THƯ", "T/M BAN THƯỜNG VỤ"),
        ),
        (
            ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "(Đã ký)", "Nguyễn Văn An"],
            Signer("Nguyễn Văn An", "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN"),
        ),
        (
            ["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "NGUYỄN VĂN AN"],
            Signer("Nguyễn Văn An", "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ"),
        ),
        (
            ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "", "Trần Thị Bình"],
            Signer("Trần Thị Bình", "CHÁNH VĂN PHÒNG", "T/L BAN THƯỜNG VỤ"),
        ),
        (["TRƯỞNG BAN", "", "Lê Văn Cường"], Signer("Lê Văn Cường", "TRƯỞNG BAN", None)),
    ],
)
def test_signature_blocks(lines: list[str], signer: Signer) -> None:
    found = find_signature(["Nội dung văn bản.", *lines])
    assert found is not None
    assert found[0] == signer
    assert (found[1].start, found[1].end) == (1, len(lines) + 1)


@pytest.mark.parametrize(
    ("lines", "recipients"),
    [
        # 002: under a "Gửi bản điện tử:" sub-heading, trailing commas and periods.
        (
            [
                "Nơi nhận:",
                "",
                "Gửi bản điện tử:",
                "",
                "- Ban Tuyên giáo Tỉnh ủy (b/c)",
                "- MTTQ và các đoàn thể tp,",
                "- Lưu Văn phòng Thành ủy.",
            ],
            ["Ban Tuyên giáo Tỉnh ủy (b/c)", "MTTQ và các đoàn thể tp", "Lưu Văn phòng Thành ủy"],
        ),
        (["Nơi nhận: - Như trên,", "- Lưu VP.", "T/M BAN THƯỜNG VỤ"], ["Như trên", "Lưu VP"]),
        (["**Nơi nhận:**", "+ Các huyện ủy, thành ủy;", "+ Lưu."], ["Các huyện ủy, thành ủy", "Lưu"]),
    ],
)
def test_recipient_lists(lines: list[str], recipients: list[str]) -> None:
    found = find_recipients(lines)
    assert found is not None
    assert found[0] == recipients


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("15/09/2023 16:22", (dt.date(2023, 9, 15), "16:22")),  # chinhphu.vn
        ("Thứ năm, 09/11/2023 - 11:12'", (dt.date(2023, 11, 9), "11:12")),  # baolaichau
        ("Thứ bảy, 13/04/2024, 22:10 [GMT+7]", (dt.date(2024, 4, 13), "22:10")),
        ("Cập nhật: 08:30, 05/01/2022", (dt.date(2022, 1, 5), "08:30")),
        ("Ngày đăng: 05/01/2022", (dt.date(2022, 1, 5), None)),
        ("Ngày 23/2, Đảng ủy Khối tổ chức buổi gặp mặt", None),
    ],
)
def test_publication_lines(line: str, expected: tuple[dt.date, str | None] | None) -> None:
    assert parse_date_time(line) == expected


@pytest.mark.parametrize(
    ("name", "cased"),
    [
        ("BAN TUYÊN GIÁO TỈNH ỦY BẮC KẠN", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"),
        ("ĐẢNG ỦY VĂN PHÒNG CHÍNH PHỦ", "Đảng ủy Văn phòng Chính phủ"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
        ("HUYỆN ỦY BA BỂ", "Huyện ủy Ba Bể"),
    ],
)
def test_body_names_in_capitals_get_their_usual_case(name: str, cased: str) -> None:
    assert title_case_body(name) == cased


def test_full_header_document() -> None:
    text = """TỈNH ỦY BẮC KẠN
BAN TUYÊN GIÁO
*
Số 39-HD/BTGTU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Kạn, ngày 26 tháng 6 năm 2023

HƯỚNG DẪN
đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị
-----
Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Tạo sự thống nhất cao về nhận thức.

Nơi nhận:
- Ban Tuyên giáo Trung ương (b/c),
- Lưu.
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
(Đã ký)
Nguyễn Văn An
"""
    doc = import_text(text)
    assert (doc.type, doc.symbol, doc.date, doc.place) == (
        "Hướng dẫn",
        "39-HD/BTGTU",
        dt.date(2023, 6, 26),
        "Bắc Kạn",
    )
    assert doc.issuer == "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
    assert doc.title == "đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị"
    assert doc.signer == Signer("Nguyễn Văn An", "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN")
    assert doc.recipients == ["Ban Tuyên giáo Trung ương (b/c)", "Lưu"]
    assert [c.text for c in doc.basis] == [
        "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương"
    ]
    assert doc.body == (
        "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Ban Tuyên giáo Tỉnh ủy "
        "hướng dẫn như sau:\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n- Tạo sự thống nhất cao về nhận thức.\n"
    )


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Ð\u0110ảng ủy", ["ĐĐảng ủy"]),  # U+00D0 look-alike
        ("Nghi\u0323 quyê\u0301t", ["Nghị quyết"]),  # NFD from an old word processor
        ("công tác xây\n\nđẩy mạnh", ["công tác xây đẩy mạnh"]),  # a page break mid-sentence
        ("KẾ HOẠCH\ntuyên truyền", ["KẾ HOẠCH", "tuyên truyền"]),  # a heading is not a broken sentence
        (
            "Triển khai thực hiện.\n\n\n\nTop\n\n2\n\nHết.",
            ["Triển khai thực hiện.", "", "Hết."],
        ),  # chrome and page numbers
        ("Bài viết.\nCó thể bạn quan tâm\nTin khác", ["Bài viết."]),  # the rest of the web page
    ],
)
def test_cleanup(text: str, lines: list[str]) -> None:
    assert clean_lines(text) == lines
