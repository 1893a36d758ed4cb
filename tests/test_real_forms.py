"""Every form real texts take, one row per phrasing, each saying where it was seen.

Header forms, issuer rules, basis rules, grammar forms and documents inside news pages, as the
importer and the reference grammar read them. Excerpts are quoted from the import corpus
(`tests/corpus/texts/NNN_*.txt`, named by number) or from the issue that reported them; they
are shortened, never completed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from vankien.importer import import_text
from vankien.refs import extract_references

# --- header forms -------------------------------------------------------------------------------------

# (text, expected (type, symbol, date, issuer), where seen)
HEADERS: list[tuple[str, tuple[str | None, str | None, dt.date | None, str | None], str]] = [
    (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n-------\n\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\n\n"
        "Số: 2430-CV/VPTW\nVề một số vấn đề liên quan đến đi công tác ở cơ sở\n\n"
        "Hà Nội, ngày 07 tháng 02 năm 2012\n\nKính gửi:\n\n- Các tỉnh ủy, thành ủy,\n",
        ("Công văn", "2430-CV/VPTW", dt.date(2012, 2, 7), "Văn phòng Trung ương Đảng"),
        "two columns kept line by line, no type heading (corpus 009, luatminhkhue)",
    ),
    (
        "BỘ\nCHÍNH TRỊ\n-------\n|\nĐẢNG\nCỘNG SẢN VIỆT NAM\n---------\n|\nSố:\n216-QĐ/TW\n|\nHà\n"
        "Nội, ngày 01 tháng 4 năm 2009\n|\nQUY ĐỊNH (BỔ SUNG)\nVỀ QUAN HỆ LÃNH\nĐẠO, CHỈ ĐẠO CỦA BỘ CHÍNH TRỊ\n"
        "- Căn cứ Điều lệ Đảng;\n",
        ("Quy định", "216-QĐ/TW", dt.date(2009, 4, 1), "Bộ Chính trị"),
        "a '|' table, one cell per line, words cut across cells (corpus 008, thuvienphapluat)",
    ),
    (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 230/KH-UBND | Hà Nội, ngày 26 tháng 8 năm 2022 |\nKẾ HOẠCH\n"
        "XÂY DỰNG CƠ CHẾ THU HÚT NHÂN TÀI THỂ DỤC THỂ THAO THỦ ĐÔ\n"
        "Thực hiện Chương trình số 06-CT/TU ngày 17/3/2021 của Thành ủy Hà Nội;\n"
        "UBND Thành phố ban hành Kế hoạch như sau:\n",
        ("Kế hoạch", "230/KH-UBND", dt.date(2022, 8, 26), "Ủy ban nhân dân thành phố Hà Nội"),
        "a table flattened with '|', two cells a line (corpus 037, hethongphapluat)",
    ),
    (
        "# CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \nĐộc lập - Tự do - Hạnh phúc\n\nSố: 03/NQ-CP  \n"
        "Hà Nội, ngày 09 tháng 01 năm 2025\n\n# NGHỊ QUYẾT\n## Ban hành Chương trình hành động của Chính phủ\n\n"
        "# CHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n",
        ("Nghị quyết", "03/NQ-CP", dt.date(2025, 1, 9), "Chính phủ"),
        "both columns on one line, Markdown marks (corpus 002)",
    ),
    (
        "TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ\nThừa Thiên Huế, ngày 13 tháng 5 năm 2022\n"
        "K ÉT LUẬN\nHỘI NGHỊ LÂN THỨ BẢY\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)\n"
        "về xây dựng hệ thống kết cấu hạ tầng đồng bộ đến năm 2025,\nđịnh hướng đến năm 2030\n"
        "Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh (khóa XVI) họp\n",
        ("Kết luận", "445-KL/TU", dt.date(2022, 5, 13), "Ban Chấp hành Đảng bộ tỉnh Thừa Thiên Huế"),
        "OCR: 'TƯ' read TU beside a Tỉnh ủy, 'K ÉT LUẬN' (corpus 021, 123doc)",
    ),
    (
        "Nghị quyết T.Ư 4, khóa XI đang trở thành đợt sinh hoạt chính trị sâu rộng trong toàn Ðảng.\n\n"
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n\n*\n\nSố 06-CT/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Nội, ngày 07 tháng 11 năm 2006\n",
        ("Chỉ thị", "06-CT/TW", dt.date(2006, 11, 7), "Ban Chấp hành Trung ương Đảng"),
        "a header below a portal's prose, type from the symbol's code (corpus 010, hatinh.dcs.vn)",
    ),
    (
        "Kế hoạch số 52-KH/TU, ngày 12/5/2023 của Ban Thường vụ Tỉnh ủy về tuyên truyền\n"
        "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương,\n",
        ("Kế hoạch", "52-KH/TU", dt.date(2023, 5, 12), "Ban Thường vụ Tỉnh ủy"),
        "a citation-form title line as legal-text sites print it (issue 10)",
    ),
    (
        "Nghị Quyết số 22/NQ-TU ngày 08/6/2022 ban hành bởi Tỉnh Ủy Kiên Giang về Chuyển đổi số tỉnh Kiên Giang\n"
        "I- Tinh Hình Và Nguyên Nhân\n- Chuyển đổi số là xu hướng phát triển của thời đại.\n",
        ("Nghị quyết", "22/NQ-TU", dt.date(2022, 6, 8), "Tỉnh Ủy Kiên Giang"),
        "'ban hành bởi' on a title line (corpus 022)",
    ),
    (
        "Số hiệu:52-NQ/TW\nLoại văn bản:Nghị quyết\nNgười ký:Nguyễn Phú Trọng\nNgày ban hành:27/09/2019\n"
        "Cơ quan ban hành: Bộ Chính trị\n\nTÓM TẮT VĂN BẢN\n",
        ("Nghị quyết", "52-NQ/TW", dt.date(2019, 9, 27), "Bộ Chính trị"),
        "a legal-text site's attribute lines and nothing else (corpus 053, luatvietnam)",
    ),
]


@pytest.mark.parametrize(("text", "expected", "seen"), HEADERS, ids=[row[2] for row in HEADERS])
def test_header_forms(text: str, expected: tuple[object, ...], seen: str) -> None:
    doc = import_text(text)
    assert doc.kind == "document", seen
    assert (doc.type, doc.symbol, doc.date, doc.issuer) == expected, seen


def test_a_symbol_split_over_two_lines() -> None:
    # "25 -" / "HD/BTGTU": a PDF copy broke the number (issue 10).
    doc = import_text(
        "TỈNH ỦY BẮC KẠN\nBAN TUYÊN GIÁO\n*\nSố 25 -\nHD/BTGTU\nBắc Kạn, ngày 3 tháng 3 năm 2023\n\nHƯỚNG DẪN\ntuyên truyền\n"
    )
    assert (doc.symbol, doc.issuer) == ("25-HD/BTGTU", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn")


def test_a_heading_that_is_no_archive_type_still_gives_a_document() -> None:
    # "ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7 NĂM 2020" (corpus 023, bachthong.gov.vn).
    doc = import_text(
        "ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7 NĂM 2020\n\nThực hiện Kế hoạch số 172-KH/TU, ngày 21/01/2020 của Ban "
        "Thường vụ Tỉnh ủy Bắc Kạn về “công tác tuyên giáo năm 2020”, Ban Tuyên giáo Tỉnh ủy đề nghị các "
        "địa phương tập trung tuyên truyền tốt các nội dung sau:\n"
    )
    assert (doc.kind, doc.type, doc.issuer) == ("document", "Định hướng", "Ban Tuyên giáo Tỉnh ủy Bắc Kạn")


# --- issuer rules -----------------------------------------------------------------------------------

ISSUERS: list[tuple[str, str, str]] = [
    (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 127-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 28 tháng 2 năm 2025\n"
        "KẾT LUẬN CỦA BỘ CHÍNH TRỊ\nvề sắp xếp tổ chức bộ máy\nTại phiên họp ngày 28/2/2025, Bộ Chính trị có ý kiến như sau:\n",
        "Bộ Chính trị",
        "the organ of the type heading over the shared Central header (issue 10)",
    ),
    (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 09-QC/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 05 tháng 01 năm 2026\n"
        "QUY CHẾ\nquản lý và cung cấp thông tin trên Cổng thông tin điện tử Đảng Cộng sản Việt Nam\n"
        "Căn cứ Điều lệ Đảng;\nBan Bí thư ban hành Quy chế quản lý và cung cấp thông tin như sau:\n",
        "Ban Bí thư",
        "the promulgation sentence (corpus 003)",
    ),
    (
        "BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |\nSố: 30-HD/BTGTW | Hà Nội, ngày 22 tháng 11 năm 2021 |\n"
        "TUYÊN TRUYỀN KỶ NIỆM CÁC NGÀY LỄ LỚN VÀ SỰ KIỆN LỊCH SỬ QUAN TRỌNG TRONG NĂM 2022\n"
        "Căn cứ Chỉ thị số 45-CT/TW, ngày 22/7/2010 của Bộ Chính trị;\n",
        "Ban Tuyên giáo Trung ương",
        "the Ban's line lost, its code in the symbol (corpus 015, hethongphapluat)",
    ),
    (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO\n*\nSố 30 - HD/BTGTW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Nội, ngày 13 tháng 4 năm 2017\nHƯỚNG DẪN\ntổ chức kỷ niệm\n",
        "Ban Tuyên giáo Trung ương",
        "a Ban on the header's second line (corpus 012, tulieuvankien)",
    ),
    (
        "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề phát triển, ứng dụng khoa học, công nghệ\n-----\n"
        "Quán triệt, thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, tỉnh Phú Yên như sau:\n",
        "Ban Thường vụ Tỉnh ủy Phú Yên",
        "the organ on the line under the heading, the place from the text (corpus 018)",
    ),
    (
        "THÀNH ỦY BẮC KẠN\n*\nSố 150-HD/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nBắc Kạn, ngày 30 tháng 6 năm 2023\n"
        "HƯỚNG DẪN\nđẩy mạnh tuyên truyền\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nCù Ngọc Cường\n",
        "Thành ủy Bắc Kạn",
        "the committee of the header, also when signed T/M BAN THƯỜNG VỤ (../shared/texts)",
    ),
    (
        "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\n"
        "Số: 138/KH-UBND\n|\nBà Rịa - Vũng\nTàu, ngày 01 tháng 08 năm 2022\n|\nKẾ HOẠCH\nTHỰC HIỆN CHIẾN LƯỢC\n",
        "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu",
        "a State body and its place on two lines, a hyphenated place (corpus 038, thuvienphapluat)",
    ),
    (
        "KẾ HOẠCH TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG\n\nCăn cứ Kế hoạch số 103/KH-UBND, ngày 18/6/2019 "
        "của UBND tỉnh;\n\nUỷ ban nhân dân tỉnh xây dựng Kế hoạch tổ chức kỷ niệm như sau:\n\n"
        "– Tuyên truyền những thành tựu của tỉnh Vĩnh Phúc 70 năm qua.\n",
        "Ủy ban nhân dân tỉnh Vĩnh Phúc",
        "no header: the promulgation sentence and the place the text names (corpus 039)",
    ),
]


@pytest.mark.parametrize(("text", "issuer", "seen"), ISSUERS, ids=[row[2] for row in ISSUERS])
def test_issuer_rules(text: str, issuer: str, seen: str) -> None:
    assert import_text(text).issuer == issuer, seen


# --- basis rules ------------------------------------------------------------------------------------

# (text, symbols written as basis, where seen)
BASIS: list[tuple[str, list[str], str]] = [
    (
        "Căn cứ Chỉ thị số 45-CT/TW, ngày 22/7/2010 của Bộ Chính trị về đổi mới; Kết luận số 88-KL/TW, ngày "
        "18/2/2014 của Bộ Chính trị về tổ chức kỷ niệm 100 năm ngày sinh; xây dựng khu lưu niệm, nhà lưu niệm; "
        "Nghị định số 145/2013/NĐ-CP, ngày 29/10/2013 của Chính phủ quy định về tổ chức ngày kỷ niệm;\n"
        "- Căn cứ Công văn số 10845-CV/VPTW, ngày 29/10/2019 của Văn phòng Trung ương Đảng, Ban Tuyên giáo "
        "Trung ương hướng dẫn như sau:",
        ["45-CT/TW", "88-KL/TW", "145/2013/NĐ-CP", "10845-CV/VPTW"],
        "'Căn cứ A; B; C' with ';' inside a subject, State documents among them (corpus 011)",
    ),
    (
        "Căn cứ\n\n- Chỉ thị số 45-CT/TW ngày 22/7/2010 của Bộ Chính trị (viết tắt là Chỉ thị 45 của Bộ Chính trị);\n\n"
        "- Thông báo Kết luận số 88-KL/TW ngày 18/2/2014 của Bộ Chính trị;\n\n"
        "Ban Tuyên giáo Trung ương hướng dẫn như sau:",
        ["45-CT/TW", "88-KL/TW"],
        "'Căn cứ' alone, list lines, blank lines between, a defined short name (corpus 013)",
    ),
    (
        "Thực hiện Kế hoạch số 172-KH/TU, ngày 21/01/2020 của Ban Thường vụ\nTỉnh ủy Bắc Kạn về “công tác "
        "tuyên giáo năm 2020”; Kế hoạch số 157-KH/TU,\nngày 17/9/2019 của Ban Thường vụ Tỉnh ủy; căn cứ Hướng "
        "dẫn số 115- HD/BTGW, ngày 08 tháng 01 năm\n2020 của Ban Tuyên giáo Trung ương. Để góp phần ổn định",
        ["172-KH/TU", "157-KH/TU", "115-HD/BTGW"],
        "a formula a PDF copy wrapped mid-citation (corpus 023)",
    ),
    (
        "I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH\n1. Quyết định số 924/QĐ-TTg ngày 22 tháng 8 năm 2022 của Thủ tướng Chính "
        "phủ phê duyệt Chương trình chuyển đổi số;\n2. Kế hoạch số 370/KH-UBND ngày\n08/12/2021 của Ủy ban "
        "nhân dân tỉnh;\nII. MỤC ĐÍCH, YÊU CẦU\n1. Thực hiện nghiêm Quy định số 85-QĐ/TW.",
        ["924/QĐ-TTg", "370/KH-UBND"],
        "a State plan's 'I. CĂN CỨ' section up to the next section (corpus 034)",
    ),
    (
        "Căn cứ Kế hoạch số 55/KH-UBND ngày 18/3/2021 của UBND tỉnh Kiên Giang thực hiện Chương trình hành động "
        "số 01-CTr/TU ngày 07/12/2020 của Tỉnh ủy Kiên Giang;",
        ["55/KH-UBND"],
        "a document named in a basis's subject is what it is about, not a basis (corpus 049)",
    ),
    (
        "Căn cứ Kết luận số 88-KL/TW, ngày 18/2/2014 của Bộ Chính trị về tổ chức kỷ niệm; ý kiến chỉ đạo của "
        "Ban Bí thư tại Công văn số 1740-CV/VPTW ngày 07/9/2021 về việc tổ chức kỷ niệm,",
        ["88-KL/TW", "1740-CV/VPTW"],
        "'; ý kiến chỉ đạo của … tại Công văn' (corpus 017)",
    ),
    (
        "Thực hiện Quy định số 37-QĐ/TW của Ban Chấp hành Trung ương, Đảng ủy ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n1. Đảng viên thực hiện nghiêm Quy định số 85-QĐ/TW của Ban Bí thư.",
        ["37-QĐ/TW"],
        "'thực hiện nghiêm Quy định số 85-QĐ/TW' in a later section is a citation (issue 10)",
    ),
]


@pytest.mark.parametrize(("text", "symbols", "seen"), BASIS, ids=[row[2] for row in BASIS])
def test_basis_rules(text: str, symbols: list[str], seen: str) -> None:
    basis = [r.symbol or r.surface for r in extract_references(text) if r.role == "basis"]
    assert basis == symbols, seen


def test_laws_named_by_name_are_basis() -> None:
    # "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;" (corpus 002, 051).
    text = (
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nCăn cứ Luật sửa đổi, bổ sung một số điều của "
        "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\n"
        "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 năm 2023;"
    )
    found = [(r.type, r.symbol, r.date, r.role) for r in extract_references(text)]
    assert found == [
        ("Luật", None, dt.date(2015, 6, 19), "basis"),
        ("Luật", None, dt.date(2019, 11, 22), "basis"),
        ("Luật", "20/2023/QH15", None, "basis"),
    ]


# --- grammar forms ---------------------------------------------------------------------------------

# (text, (type, number, symbol, date, issuer) of the first reference, where seen)
GRAMMAR: list[tuple[str, tuple[str, str | None, str | None, dt.date | None, str | None], str]] = [
    (
        "Thực hiện Quy định số47-QĐ/TW của Ban Chấp hành Trung ương",
        ("Quy định", "47", "47-QĐ/TW", None, "Ban Chấp hành Trung ương"),
        "no space after 'số' (issue 10)",
    ),
    (
        "theo Công văn số 2380/BTTTT-PTTH&TTĐT ngày 20/7/2017",
        ("Công văn", "2380", "2380/BTTTT-PTTH&TTĐT", dt.date(2017, 7, 20), None),
        "'&' in a State symbol (issue 10)",
    ),
    (
        "Tờ trình số 205/TTr- STTTT ngày 15.8.2019",
        ("Tờ trình", "205", "205/TTr-STTTT", dt.date(2019, 8, 15), None),
        "a stray space in a State symbol, a dotted date (issue 10)",
    ),
    (
        "Kế hoạch số 12-KH/TU ngày 3.10. 2012 của Tỉnh ủy",
        ("Kế hoạch", "12", "12-KH/TU", dt.date(2012, 10, 3), "Tỉnh ủy"),
        "a dotted date with a space (issue 10)",
    ),
    (
        "Nghị quyết số 09-NQ/TƯ của Tỉnh ủy",
        ("Nghị quyết", "09", "09-NQ/TU", None, "Tỉnh ủy"),
        "'TƯ' beside a Tỉnh ủy is TU (issue 10)",
    ),
    (
        "Nghị quyết số 09-NQ/TƯ của Bộ Chính trị",
        ("Nghị quyết", "09", "09-NQ/TW", None, "Bộ Chính trị"),
        "'TƯ' at the centre is TW",
    ),
    (
        "Ban Chỉ đạo 35 cấp huyện ban hành Công văn số Số 25 -CV/BCĐ ngày 27/02/2023",
        ("Công văn", "25", "25-CV/BCĐ", dt.date(2023, 2, 27), None),
        "a doubled 'số' (corpus 029)",
    ),
    (
        "Thực hiện Công văn số 103-CV/BCĐ 35, ngày 17/02/2023 của Ban Chỉ đạo 35 cấp tỉnh",
        ("Công văn", "103", "103-CV/BCĐ35", dt.date(2023, 2, 17), "Ban Chỉ đạo 35"),
        "a Ban Chỉ đạo's number after its code (corpus 029)",
    ),
    (
        "KẾ HOẠCH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 68-\nNQ/TW NGÀY 04 THÁNG 5 NĂM 2025",
        ("Nghị quyết", "68", "68-NQ/TW", dt.date(2025, 5, 4), None),
        "a symbol broken after its dash (corpus 051)",
    ),
    (
        "Chỉ thị số 45-CT/TW (Chỉ thị số 45) của Bộ Chính trị ngày 14/4/2025",
        ("Chỉ thị", "45", "45-CT/TW", None, "Bộ Chính trị"),
        "a short name in parentheses inside the citation (corpus 044)",
    ),
    (
        "Ngày 11/9/2020 Ban Tuyên giáo Huyện ủy ban hành Công văn số 07-CV/BTGHU về việc",
        ("Công văn", "07", "07-CV/BTGHU", dt.date(2020, 9, 11), None),
        "an announcement dates the document (corpus 030)",
    ),
]


@pytest.mark.parametrize(("text", "expected", "seen"), GRAMMAR, ids=[row[2] for row in GRAMMAR])
def test_grammar_forms(text: str, expected: tuple[object, ...], seen: str) -> None:
    found = [r for r in extract_references(text) if r.number]
    assert found, seen
    first = found[0]
    assert (first.type, first.number, first.symbol, first.date, first.issuer) == expected, seen


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        (
            "Số: 138/KH-UBND\n|\nBà Rịa - Vũng Tàu, ngày 01 tháng 08 năm 2022",
            "a header's own number (corpus 038)",
        ),
        (
            "Nghị quyết số: 653/2019/UBTVQH14\n\nHà Nội, ngày 12 tháng 3 năm 2019",
            "a site's header number (corpus 035)",
        ),
        ("Số hiệu:52-NQ/TW\nLoại văn bản:Nghị quyết", "a legal-text site's attribute line (corpus 053)"),
        ("(viết tắt là Chỉ thị 45 của Bộ Chính trị);", "a defined short name (corpus 013)"),
        ("KẾ HOẠCH\n1. Quyết định", "a heading over a numbered list is no 'Kế hoạch 1' (corpus 034)"),
    ],
)
def test_what_is_no_reference(text: str, seen: str) -> None:
    assert [r.surface for r in extract_references(text) if r.number] == [], seen


# --- documents inside other pages -----------------------------------------------------------------

KINDS: list[tuple[str, str, str]] = [
    (
        "Huyện ủy Hải Hậu triển khai Chỉ thị số 35-CT/TW của Bộ Chính trị\n\nNgày 27/9, Huyện ủy Hải Hậu tổ chức "
        "hội nghị quán triệt, triển khai Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị.\n",
        "news",
        "a dateline lead, no document reproduced (corpus 041, baomoi)",
    ),
    (
        "(LĐ online) - Ngày 25/9, Huyện ủy Lạc Dương tổ chức hội nghị quán triệt Kế hoạch số 172-KH/HU ngày "
        "20/9/2024.\nThực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, các đại biểu được quán triệt.\n",
        "news",
        "a source-and-dateline lead before a formula (corpus 042)",
    ),
    (
        "CÔNG TÁC ĐẢNG\n\nHướng dẫn tuyên truyền, kỷ niệm các ngày lễ lớn trong năm 2019\n"
        "Ngày đăng 07/01/2019 | 14:09 | View count: 695\n\nThực hiện Hướng dẫn số 70- HD/BTGTU ngày 14/12/2018 "
        "của Ban Tuyên giáo Thành uỷ về việc “Tuyên truyền”,\n",
        "document",
        "a portal post whose first paragraph is the opening formula (corpus 025)",
    ),
    (
        "Tỉnh ủy Yên Bái ban hành Chỉ thị về công tác nắm bắt dư luận xã hội\n15/09/2023 16:22\n"
        "Ban Thường vụ Tỉnh ủy vừa ban hành Chỉ thị số 17-CT/TU. Nội dung Chỉ thị như sau:\n\n"
        "Thời gian qua, công tác nắm bắt dư luận xã hội đã có nhiều chuyển biến.\n",
        "document",
        "an article reproducing a document after 'Nội dung Chỉ thị như sau:' (corpus 019)",
    ),
]


@pytest.mark.parametrize(("text", "kind", "seen"), KINDS, ids=[row[2] for row in KINDS])
def test_documents_inside_other_pages(text: str, kind: str, seen: str) -> None:
    assert import_text(text).kind == kind, seen


def test_a_narrow_column_is_joined_again_and_the_authority_line_dropped() -> None:
    # thuvienphapluat's '|' table wraps the text at a narrow width (corpus 054).
    doc = import_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 424/QĐ-UBND\n|\n"
        "Hà Tĩnh, ngày 18 tháng 02 năm 2022\n|\nQUYẾT ĐỊNH\nPHÊ DUYỆT ĐỀ ÁN “CHUYỂN ĐỔI SỐ”\nỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n"
        "Căn cứ Luật Công nghệ thông tin\nngày 29/6/2006;\nCăn cứ Nghị quyết số 52-NQ/TW ngày\n27/9/2013 của Bộ Chính trị;\n"
    )
    assert doc.title == "PHÊ DUYỆT ĐỀ ÁN “CHUYỂN ĐỔI SỐ”"
    assert doc.body.strip().split("\n\n")[:2] == [
        "Căn cứ Luật Công nghệ thông tin ngày 29/6/2006;",
        "Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2013 của Bộ Chính trị;",
    ]
