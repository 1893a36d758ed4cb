"""The reference grammar as a table: one row per real-world phrasing.

Each row's comment says where the phrasing was seen: a file of ../shared/texts
(000-004, see its README) or the reference-grammar notes of DESIGN.md, which
list forms collected from other documents.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from vankien.core.doctypes import DOC_TYPES
from vankien.refs import extract_references

Row = tuple[str, str, str | None, str | None, dt.date | None, str]
"""(surface, type, number, symbol, date, role)"""


def rows(text: str) -> list[Row]:
    refs = extract_references(text)
    for ref in refs:
        assert text[ref.start : ref.end] == ref.surface
    return [(r.surface, r.type, r.number, r.symbol, r.date, r.role) for r in refs]


D = dt.date

CASES: list[tuple[str, list[Row]]] = [
    # 002: opening formula "Căn cứ", Party symbol with a provincial issuer code; the clause
    # ends at the comma before the main clause's subject.
    (
        "Căn cứ Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy về đẩy mạnh tuyên "
        "truyền, Thành ủy Bắc Kạn hướng dẫn thực hiện Chỉ thị số 05-CT/TW như sau:",
        [
            (
                "Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy",
                "Hướng dẫn", "39", "39-HD/BTGTU", D(2023, 6, 26), "basis",
            ),
            ("Chỉ thị số 05-CT/TW", "Chỉ thị", "05", "05-CT/TW", None, "cites"),
        ],
    ),
    # 003: "Thực hiện ..." up to ";", two Công văn, the second after "ý kiến chỉ đạo ... tại".
    (
        "Thực hiện Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương và ý kiến chỉ "
        "đạo của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU, ngày 21/5/2024 về hưởng ứng Giải Búa "
        "liềm vàng; Ban Tổ chức Tỉnh ủy ban hành Kế hoạch tuyên truyền năm 2024 như sau:",
        [
            (
                "Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương",
                "Công văn", "6485", "6485-CV/BTCTW", D(2024, 5, 17), "basis",
            ),
            ("Công văn số 3941-CV/TU, ngày 21/5/2024", "Công văn", "3941", "3941-CV/TU", D(2024, 5, 21), "basis"),
            ("Kế hoạch tuyên truyền năm 2024", "Kế hoạch", None, None, None, "cites"),
        ],
    ),
    # 002: "QĐi" code, issuer with a term.
    (
        "(*Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII về trách nhiệm*)",
        [
            (
                "Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII",
                "Quy định", "08", "08-QĐi/TW", D(2018, 10, 25), "cites",
            )
        ],
    ),
    # 001: abbreviated, number without symbol.
    (
        "triển khai thực hiện Chỉ thị số 05 của Bộ Chính trị khóa XII về học tập",
        [("Chỉ thị số 05 của Bộ Chính trị khóa XII", "Chỉ thị", "05", None, None, "cites")],
    ),
    # 001: abbreviated without "số".
    (
        "việc triển khai thực hiện Chỉ thị 05 trong toàn Đảng bộ",
        [("Chỉ thị 05", "Chỉ thị", "05", None, None, "cites")],
    ),
    # 001: number and date, no symbol.
    (
        "triển khai thực hiện Kết luận 21, ngày 25/10/2021 về đẩy mạnh xây dựng",
        [("Kết luận 21, ngày 25/10/2021", "Kết luận", "21", None, D(2021, 10, 25), "cites")],
    ),
    # 001: number, date and issuer, no symbol.
    (
        "được xác định trong Hướng dẫn 37, ngày 11/01/2022 của Ban Tuyên giáo Trung ương.",
        [
            (
                "Hướng dẫn 37, ngày 11/01/2022 của Ban Tuyên giáo Trung ương",
                "Hướng dẫn", "37", None, D(2022, 1, 11), "cites",
            )
        ],
    ),
    # 001: two citations, the trailing date and issuer belong to the second only.
    (
        "kết quả thực hiện Chỉ thị số 05, Kết luận số 01, ngày 18/5/2021 của Bộ Chính trị khóa XIII và",
        [
            ("Chỉ thị số 05", "Chỉ thị", "05", None, None, "cites"),
            (
                "Kết luận số 01, ngày 18/5/2021 của Bộ Chính trị khóa XIII",
                "Kết luận", "01", None, D(2021, 5, 18), "cites",
            ),
        ],
    ),
    # 002: date after a comma without "ngày".
    (
        "Quy định số 101-QĐ/TW, 28/02/2023 về trách nhiệm",
        [("Quy định số 101-QĐ/TW, 28/02/2023", "Quy định", "101", "101-QĐ/TW", D(2023, 2, 28), "cites")],
    ),
    # 002: the word decides between Quyết định and Quy định for the same code.
    (
        "(theo Quyết định số 238-QĐ/TW, ngày 30/9/2020 của Ban Bí thư về Quy chế phối hợp)",
        [
            (
                "Quyết định số 238-QĐ/TW, ngày 30/9/2020 của Ban Bí thư",
                "Quyết định", "238", "238-QĐ/TW", D(2020, 9, 30), "cites",
            )
        ],
    ),
    # 002: issuer right after the date, without "của"; lower-case "thực hiện" mid-sentence.
    (
        "mạng xã hội; thực hiện nghiêm Quy định số 85-QĐ/TW, ngày 07/10/2022 Ban Bí thư về việc",
        [
            (
                "Quy định số 85-QĐ/TW, ngày 07/10/2022 Ban Bí thư",
                "Quy định", "85", "85-QĐ/TW", D(2022, 10, 7), "cites",
            )
        ],
    ),
    # 000: a citation inside another's subject.
    (
        "gắn với thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 về tiếp tục thực hiện Chỉ thị số 05-CT/TW "
        "của Bộ Chính trị về đẩy mạnh học tập",
        [
            ("Kết luận số 01-KL/TW ngày 18/5/2021", "Kết luận", "01", "01-KL/TW", D(2021, 5, 18), "cites"),
            ("Chỉ thị số 05-CT/TW của Bộ Chính trị", "Chỉ thị", "05", "05-CT/TW", None, "cites"),
        ],
    ),
    # 001: elliptical coordination gives two mentions from the same offset.
    (
        "năm thứ hai thực hiện Nghị quyết Đại hội XIII của Đảng và của Đảng bộ Khối. Trong",
        [
            ("Nghị quyết Đại hội XIII của Đảng", "Nghị quyết", None, None, None, "cites"),
            ("Nghị quyết Đại hội XIII của Đảng và của Đảng bộ Khối", "Nghị quyết", None, None, None, "cites"),
        ],
    ),
    # 002: a congress resolution; the generic plural after it is no reference.
    (
        "thực hiện thắng lợi Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và các nghị quyết, "
        "chỉ thị, kết luận của Trung ương",
        [
            (
                "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                "Nghị quyết", None, None, None, "cites",
            )
        ],
    ),
    # 003: "Đảng toàn quốc" before the ordinal.
    (
        "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII.",
        [("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "Nghị quyết", None, None, None, "cites")],
    ),
    # 000: a photo caption, the body after the ordinal without "của".
    (
        "quán triệt Nghị quyết Đại hội XIII Đảng bộ Khối các cơ quan Trung ương - Ảnh: VGP",
        [
            (
                "Nghị quyết Đại hội XIII Đảng bộ Khối các cơ quan Trung ương",
                "Nghị quyết", None, None, None, "cites",
            )
        ],
    ),
    # 004: documents unique by name; the plurals after them are generic.
    (
        "việc chấp hành Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị, quy định của Đảng.",
        [
            ("Cương lĩnh chính trị", "Cương lĩnh", None, None, None, "cites"),
            ("Điều lệ Đảng", "Điều lệ", None, None, None, "cites"),
        ],
    ),
    # 001, 004: events, bodies and generic plurals are not references.
    ("các nội dung Hội nghị Trung ương 4 (khóa XIII)", []),
    ("Đại hội Đảng bộ Khối lần thứ XIII và Đại hội XIII của Đảng kéo dài", []),
    ("hoạt động của Ban Chỉ đạo 35 Đảng bộ Khối", []),
    ("thực hiện nghị quyết đại hội đảng bộ các cấp nhiệm kỳ 2020-2025", []),
    ("sơ, tổng kết các nghị quyết, chỉ thị, quy định của trung ương", []),
    # 001: counts after a type word are not numbers of documents.
    ("tổ chức Báo cáo 5 năm thực hiện", []),
    ("hướng dẫn 5 đơn vị thực hiện", []),
    # DESIGN.md: a list that shares its type word.
    (
        "Công văn số 17-CV/BTG và số 18-CV/BTG",
        [
            ("Công văn số 17-CV/BTG", "Công văn", "17", "17-CV/BTG", None, "cites"),
            ("số 18-CV/BTG", "Công văn", "18", "18-CV/BTG", None, "cites"),
        ],
    ),
    # DESIGN.md: a list that shares its date; no type word, the code decides.
    (
        "theo 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013",
        [
            ("217-QĐ/TW", "Quyết định", "217", "217-QĐ/TW", D(2013, 12, 12), "cites"),
            ("218-QĐ/TW ngày 12/12/2013", "Quyết định", "218", "218-QĐ/TW", D(2013, 12, 12), "cites"),
        ],
    ),
    # DESIGN.md: an en dash with spaces inside the symbol.
    ("Kết luận số 01 – KL/TW", [("Kết luận số 01 – KL/TW", "Kết luận", "01", "01-KL/TW", None, "cites")]),
    # DESIGN.md: a spaced hyphen.
    ("Quy định 47 - QĐ/TW", [("Quy định 47 - QĐ/TW", "Quy định", "47", "47-QĐ/TW", None, "cites")]),
    # DESIGN.md: number glued to the code.
    ("Quy định số 37QĐ/TW", [("Quy định số 37QĐ/TW", "Quy định", "37", "37-QĐ/TW", None, "cites")]),
    # DESIGN.md: "TƯ" (horn) for "TW".
    ("Chỉ thị số 05-CT/TƯ", [("Chỉ thị số 05-CT/TƯ", "Chỉ thị", "05", "05-CT/TW", None, "cites")]),
    # DESIGN.md: U+00D0 typed for "Đ".
    (
        "Quy định số 101-Q\u00d0/TW",
        [("Quy định số 101-Q\u00d0/TW", "Quy định", "101", "101-QĐ/TW", None, "cites")],
    ),
    # DESIGN.md: a state-style symbol on a Party document.
    ("Chỉ thị 22/CT-TW", [("Chỉ thị 22/CT-TW", "Chỉ thị", "22", "22/CT-TW", None, "cites")]),
    # DESIGN.md: State symbols.
    (
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
        [
            (
                "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
                "Nghị định", "30", "30/2020/NĐ-CP", D(2020, 3, 5), "cites",
            )
        ],
    ),
    ("quyết định số 123/QĐ-TTg", [("quyết định số 123/QĐ-TTg", "Quyết định", "123", "123/QĐ-TTg", None, "cites")]),
    ("Luật số 20/2023/QH15", [("Luật số 20/2023/QH15", "Luật", "20", "20/2023/QH15", None, "cites")]),
    # DESIGN.md: a symbol with no type code is a công văn's.
    ("theo số 238/UBND-KGVX", [("số 238/UBND-KGVX", "Công văn", "238", "238/UBND-KGVX", None, "cites")]),
    # DESIGN.md: line breaks inside a reference.
    (
        "Kết luận số 21-KL/TW,\nngày 25/10/2021 của Ban Chấp hành\nTrung ương",
        [
            (
                "Kết luận số 21-KL/TW,\nngày 25/10/2021 của Ban Chấp hành\nTrung ương",
                "Kết luận", "21", "21-KL/TW", D(2021, 10, 25), "cites",
            )
        ],
    ),
    # DESIGN.md: dates with dashes and in words.
    (
        "Kết luận số 21-KL/TW ngày 25-10-2021",
        [("Kết luận số 21-KL/TW ngày 25-10-2021", "Kết luận", "21", "21-KL/TW", D(2021, 10, 25), "cites")],
    ),
    (
        "Hướng dẫn số 12-HD/BTGTW ngày 05 tháng 01 năm 2022",
        [
            (
                "Hướng dẫn số 12-HD/BTGTW ngày 05 tháng 01 năm 2022",
                "Hướng dẫn", "12", "12-HD/BTGTW", D(2022, 1, 5), "cites",
            )
        ],
    ),
    # DESIGN.md "Triển khai ..." opens a paragraph; a later sentence cites.
    (
        "Triển khai Kế hoạch số 12-KH/TU ngày 01/02/2023 của Ban Thường vụ Tỉnh ủy, Đảng ủy Khối "
        "ban hành văn bản. Đồng thời thực hiện Chỉ thị số 05-CT/TW.",
        [
            ("Kế hoạch số 12-KH/TU ngày 01/02/2023 của Ban Thường vụ Tỉnh ủy", "Kế hoạch", "12", "12-KH/TU",
             D(2023, 2, 1), "basis"),
            ("Chỉ thị số 05-CT/TW", "Chỉ thị", "05", "05-CT/TW", None, "cites"),
        ],
    ),
    # DESIGN.md: the Constitution by its year; docs/huong-dan-bien-tap.md: "Hiến pháp" as a type name.
    ("theo Hiến pháp năm 2013", [("Hiến pháp năm 2013", "Hiến pháp", None, None, None, "cites")]),
    ("văn bản Nhà nước được dẫn chiếu: Hiến pháp, Luật, Nghị định, Thông tư", []),
    # directives/*.md: a Markdown body after the front matter's closing "---".
    (
        "note: gửi bản điện tử.\n---\n\nCăn cứ Hướng dẫn số 39-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy, "
        "Thành ủy hướng dẫn:",
        [("Hướng dẫn số 39-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy", "Hướng dẫn", "39", "39-HD/BTGTU", None, "basis")],
    ),
    # DESIGN.md: State-style preamble, one formula per bulleted line; "Theo đề nghị" is no formula.
    (
        "- Căn cứ Luật số 20/2023/QH15;\n- Thi hành Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n"
        "- Theo đề nghị tại Tờ trình số 5/TTr-VP.",
        [
            ("Luật số 20/2023/QH15", "Luật", "20", "20/2023/QH15", None, "basis"),
            ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", "Nghị định", "30", "30/2020/NĐ-CP",
             D(2020, 3, 5), "basis"),
            ("Tờ trình số 5/TTr-VP", "Tờ trình", "5", "5/TTr-VP", None, "cites"),
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_phrasing(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


ISSUER_CASES: list[tuple[str, list[tuple[str | None, str | None]]]] = [
    # 002: issuer and term
    (
        "Quy định số 08-QĐi/TW, ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII về",
        [("Ban Chấp hành Trung ương Đảng", "XII")],
    ),
    # 002: a list header governs the citations in its parentheses.
    (
        "thực hiện các quy định của Ban Bí thư Trung ương Đảng (*Quy định số 85-QĐ/TW, ngày 07/10/2022 về "
        "việc cán bộ, đảng viên thiết lập trang thông tin, Quy định số 99-QĐ/TW, ngày 27/02/2023 về cờ Đảng*)",
        [("Ban Bí thư Trung ương Đảng", None), ("Ban Bí thư Trung ương Đảng", None)],
    ),
    # 003: "ý kiến chỉ đạo của X tại Công văn ..."
    (
        "ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Công văn số 3941-CV/TU, ngày 21/5/2024 về",
        [("Thường trực Tỉnh ủy", None)],
    ),
    # 000: the Kết luận has no issuer; "của Bộ Chính trị" belongs to the Chỉ thị in its subject.
    (
        "Kết luận số 01-KL/TW ngày 18/5/2021 về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về",
        [(None, None), ("Bộ Chính trị", None)],
    ),
    # 000: congress resolutions are issued by their congress.
    ("nhất là Nghị quyết Đại hội XIII của Đảng.", [("Đại hội XIII của Đảng", None)]),
    # 000: the issuer of a plan from "X vừa ban hành Kế hoạch ...".
    (
        "(Chinhphu.vn) - Đảng ủy Văn phòng Chính phủ vừa ban hành Kế hoạch đẩy mạnh tuyên truyền.",
        [("Đảng ủy Văn phòng Chính phủ", None)],
    ),
    # DESIGN.md: a list shares a trailing issuer.
    (
        "Công văn số 17-CV/BTG và số 18-CV/BTG của Ban Tuyên giáo Tỉnh ủy",
        [("Ban Tuyên giáo Tỉnh ủy", None), ("Ban Tuyên giáo Tỉnh ủy", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ISSUER_CASES, ids=[text[:40] for text, _ in ISSUER_CASES])
def test_issuer_and_term(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert [(r.issuer, r.term) for r in extract_references(text)] == expected


def test_issuer_resolver_maps_phrases_and_falls_back() -> None:
    # 001: "Ban Tuyên giáo Trung ương"; an unknown phrase stays as written.
    text = "Hướng dẫn 37, ngày 11/01/2022 của Ban Tuyên giáo Trung ương và Chỉ thị số 05 của Bộ Chính trị"
    registry = {"Ban Tuyên giáo Trung ương": "Ban Tuyên giáo Trung ương (BTGTW)"}
    refs = extract_references(text, resolve_issuer=registry.get)
    assert [r.issuer for r in refs] == ["Ban Tuyên giáo Trung ương (BTGTW)", "Bộ Chính trị"]


def test_subject_after_ve() -> None:
    # 001
    (ref,) = extract_references(
        "Kết luận 21, ngày 25/10/2021 về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết"
    )
    assert ref.about == "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"


def test_nfd_text_keeps_offsets_into_the_callers_string() -> None:
    # DESIGN.md: NFD text from old word processors.
    nfc = "Căn cứ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương về"
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    (ref,) = extract_references(nfd)
    assert ref.surface == nfd[ref.start : ref.end]
    assert (
        unicodedata.normalize("NFC", ref.surface)
        == "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương"
    )
    assert (ref.symbol, ref.date, ref.issuer, ref.role) == (
        "21-KL/TW",
        D(2021, 10, 25),
        "Ban Chấp hành Trung ương",
        "basis",
    )


# DESIGN.md / doctypes.py: every Party type code; "QĐ" and "TT" are ambiguous, the first type wins.
PARTY_CODES = [
    ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("QĐi", "Quy định"), ("QyĐ", "Quy định"),
    ("CT", "Chỉ thị"), ("KL", "Kết luận"), ("QC", "Quy chế"), ("QCh", "Quy chế"), ("HD", "Hướng dẫn"),
    ("KH", "Kế hoạch"), ("CTr", "Chương trình"), ("TB", "Thông báo"), ("TT", "Thông tri"),
    ("CV", "Công văn"), ("TTr", "Tờ trình"), ("ĐA", "Đề án"), ("BC", "Báo cáo"),
    # Hướng dẫn 36-HD/VPTW (2018), the codes of the Party's document types.
    ("TC", "Thông cáo"), ("PA", "Phương án"), ("BB", "Biên bản"),
]  # fmt: skip


def test_table_covers_every_party_code() -> None:
    state_codes = {"NĐ"}
    codes = {code for t in DOC_TYPES for code in t.codes} - state_codes
    assert {code for code, _ in PARTY_CODES} == codes


@pytest.mark.parametrize(("code", "type_name"), PARTY_CODES, ids=[code for code, _ in PARTY_CODES])
def test_every_party_type_code_without_a_word(code: str, type_name: str) -> None:
    # With no type word, the code decides.
    (ref,) = extract_references(f"theo số 12-{code}/TW ngày 01/02/2023.")
    assert (ref.surface, ref.type, ref.number, ref.symbol) == (
        f"số 12-{code}/TW ngày 01/02/2023", type_name, "12", f"12-{code}/TW",
    )  # fmt: skip


@pytest.mark.parametrize("issuer_code", ["TW", "TU", "BTGTU", "BTCTW", "HU", "ĐU", "ĐUK", "BCSĐ", "VPTW"])
def test_issuer_codes(issuer_code: str) -> None:
    # 002, 003, DESIGN.md: national, provincial and department issuer codes.
    (ref,) = extract_references(f"Kế hoạch số 7-KH/{issuer_code}")
    assert ref.symbol == f"7-KH/{issuer_code}"
