"""Write the Word test files of tests/fixtures/docx/ (run again only to change them).

Two are made by LibreOffice (`soffice --headless --convert-to docx`) from the HTML files in
tests/fixtures/docx/src/; three are raw WordprocessingML written by tests/support/ooxml.py, for what
LibreOffice's HTML import cannot express (text boxes as Word saves them, footnotes, legacy fonts,
numbering with restarts). None is made by the reader under test. Every text is a real one, copied
from the corpus file each file names; only its layout is Word's.

    .venv/bin/python scripts/make_docx_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.ooxml import Lists, footnote_ref, package, para, run, table, text_box  # noqa: E402
from tests.support.real_legacy import encode_tcvn3, encode_vni  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "docx"


def libreoffice(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                OUT / "src" / f"{name}.html",
            ],
            check=True,
            capture_output=True,
        )
        shutil.copy(Path(tmp) / f"{name}.docx", OUT / f"{name}.docx")


def as_stored(raw: bytes) -> str:
    """Legacy-font bytes as Word stores them in a .docx: each byte as its Windows-1252 character."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


def hd_thanh_uy_bac_kan() -> bytes:
    # ../shared/texts/002_4e67371777f5c9db.txt: Hướng dẫn of Thành ủy Bắc Kạn (sections I-III in part,
    # the Nơi nhận and the signature, which Word keeps side by side in a two-column table).
    lists = Lists({1: [("upperRoman", "%1."), ("decimal", "%2.")]}, {1: (1, {})})
    italic = (
        "Quy định số 101-QĐ/TW, ngày 07/6/2012 của Ban Bí thư về trách nhiệm nêu gương của cán bộ, đảng viên, "
        "nhất là cán bộ lãnh đạo chủ chốt các cấp; Quy định số 55-QĐ/TW, ngày 19/12/2016 của Bộ Chính trị về "
        "một số việc cần làm ngay để tăng cường vai trò nêu gương của cán bộ, đảng viên; Quy định số 08-QĐi/TW, "
        "ngày 25/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII về trách nhiệm nêu gương của cán bộ, đảng "
        "viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương"
    )
    body = [
        para(run("HƯỚNG DẪN", b=True), center=True),
        para(
            run("đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị", b=True), center=True
        ),
        para(
            run(
                "Căn cứ Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy về đẩy mạnh tuyên "
                "truyền về công tác xây dựng Đảng và hệ thống chính trị, Thành ủy Bắc Kạn hướng dẫn các cơ quan, "
                "đơn vị triển khai thực hiện tuyên truyền như sau:"
            )
        ),
        para(run("MỤC ĐÍCH, YÊU CẦU", b=True), num=(1, 0)),
        para(run("Mục đích", b=True), num=(1, 1)),
        para(
            run(
                "- Tạo sự thống nhất cao về nhận thức và hành động trong Đảng, sự đồng thuận xã hội về vai trò, "
                "vị trí công tác xây dựng Đảng và hệ thống chính trị; phát huy vai trò, trách nhiệm của các cấp "
                "ủy, tổ chức đảng, cơ quan, đơn vị, cán bộ, đảng viên và Nhân dân trong xây dựng Đảng và hệ "
                "thống chính trị trong sạch, vững mạnh; củng cố, tăng cường niềm tin của Nhân dân đối với Đảng, "
                "Nhà nước, chế độ xã hội chủ nghĩa."
            )
        ),
        para(run("Yêu cầu", b=True), num=(1, 1)),
        para(
            run(
                "Công tác tuyên truyền phải linh hoạt, sáng tạo, hiệu quả gắn với việc triển khai thực hiện "
                "nhiệm vụ chính trị và kỷ niệm các ngày lễ lớn, sự kiện lịch sử, văn hóa của đất nước, của tỉnh, "
                "của thành phố ở các cấp, các ngành, cơ quan, đơn vị."
            )
        ),
        para(run("NỘI DUNG TUYÊN TRUYỀN", b=True), num=(1, 0)),
        para(
            run(
                "Kết quả, thành tựu đã đạt được của công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị từ "
                "đầu nhiệm kỳ Đại hội XIII của Đảng đến nay; các quy định về trách nhiệm nêu gương của cán bộ, "
                "đảng viên ("
            ),
            run(italic, i=True),
            run("); Quy định số 37-QĐ/TW, ngày 25/10/2021 về những điều đảng viên không được làm."),
            num=(1, 1),
        ),
        para(run("HÌNH THỨC TUYÊN TRUYỀN", b=True), num=(1, 0)),
        para(
            run(
                "Trên trang/cổng thông tin điện tử, mạng xã hội (Facebook, Zalo, Youtube,...) với nội dung và "
                "các hình thức phù hợp như video, clip, bài viết, biểu ngữ, tin nhắn,..."
            ),
            num=(1, 1),
        ),
        para(
            run(
                "Hệ thống loa phát thanh cơ sở, đội truyền thông lưu động, báo cáo viên, tuyên truyền viên cơ sở,..."
            ),
            num=(1, 1),
        ),
        table(
            [
                [
                    [
                        para(run("Nơi nhận:", b=True, i=True)),
                        para(run("Gửi bản điện tử:")),
                        para(run("- Ban Tuyên giáo Tỉnh ủy (b/c)")),
                        para(run("- T.Tr Thành ủy, HĐND, UBND thành phố,")),
                        para(run("- Các chi, đảng bộ trực thuộc Thành ủy,")),
                        para(run("- MTTQ và các đoàn thể tp,")),
                        para(run("- Lưu Văn phòng Thành ủy.")),
                    ],
                    [
                        para(run("T/M BAN THƯỜNG VỤ", b=True), center=True),
                        para(run("BÍ THƯ", b=True), center=True),
                        para(),
                        para(run("Cù Ngọc Cường", b=True), center=True),
                    ],
                ]
            ]
        ),
    ]
    return package(body, lists=lists)


def kh115_ubnd_ha_noi() -> bytes:
    # tests/corpus/texts/036_kh115-kh-ubnd-ha-noi-ctr06-tu.txt: the header as a two-column table, the
    # type heading in a text box (Word saves it twice: mc:Choice and mc:Fallback), the subject of
    # Chương trình 06-CTr/TU moved into a footnote, sections numbered I. and 1.
    lists = Lists({1: [("upperRoman", "%1."), ("decimal", "%2.")]}, {1: (1, {})})
    body = [
        table(
            [
                [
                    [
                        para(run("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", b=True), center=True),
                        para(run("-------"), center=True),
                    ],
                    [
                        para(
                            run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", b=True),
                            center=True,
                        ),
                        para(run("---------------"), center=True),
                    ],
                ],
                [
                    [para(run("Số: 115/KH-UBND"), center=True)],
                    [para(run("Hà Nội, ngày 08 tháng 4 năm 2022", i=True), center=True)],
                ],
            ]
        ),
        para(text_box(para(run("KẾ HOẠCH", b=True), center=True))),
        para(
            run(
                "NÂNG CAO HIỆU QUẢ CÔNG TÁC TRANG TRÍ, TUYÊN TRUYỀN, CỔ ĐỘNG TRỰC QUAN PHỤC VỤ NHIỆM VỤ CHÍNH "
                "TRỊ TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI GIAI ĐOẠN 2021-2025",
                b=True,
            ),
            center=True,
        ),
        para(
            run("Thực hiện Chương trình số 06-CTr/TU ngày 17/3/2021 của Thành ủy Hà Nội"),
            footnote_ref(1),
            run(
                "; Nghị quyết số 09-NQ/TU ngày 22/02/2022 của Thành ủy Hà Nội về phát triển công nghiệp văn hóa "
                "trên địa bàn Thủ đô, giai đoạn 2021- 2025, định hướng đến năm 2030, tầm nhìn đến năm 2045; Kế "
                "hoạch số 176/KH-UBND ngày 30/7/2021 của Ủy ban nhân dân Thành phố về việc thực hiện chương trình "
                "số 06-CTr/TU ngày 17/3/2021 của Thành ủy Hà Nội; Ủy ban nhân dân thành phố Hà Nội ban hành Kế "
                "hoạch nâng cao hiệu quả công tác trang trí, tuyên truyền, cổ động trực quan phục vụ nhiệm vụ "
                "chính trị trên địa bàn thành phố Hà Nội giai đoạn 2021-2025, cụ thể như sau:"
            ),
        ),
        para(run("MỤC ĐÍCH, YÊU CẦU", b=True), num=(1, 0)),
        para(run("Mục đích", b=True), num=(1, 1)),
        para(
            run(
                "- Đẩy mạnh tuyên truyền phục vụ nhiệm vụ chính trị của Đảng và Nhà nước, thực hiện nhiệm vụ xây "
                "dựng văn hóa trong thời kỳ mới, nâng cao hiệu quả quản lý Nhà nước về phát triển văn hóa, tăng "
                "cường công tác lãnh đạo, chỉ đạo, phối hợp tổ chức thực hiện nhiệm vụ phát triển văn hóa ở cơ "
                "sở. "
            ),
            run(
                "Tiếp tục tập trung tuyên truyền, nâng cao nhận thức về văn hóa và phát triển văn hóa.",
                u=True,
            ),
        ),
    ]
    footnotes = {
        1: "về “Phát triển văn hóa, nâng cao chất lượng nguồn nhân lực, xây dựng người Hà Nội thanh lịch, "
        "văn minh giai đoạn 2021- 2025”"
    }
    return package(body, lists=lists, footnotes=footnotes)


def nq11_tu_phu_yen_legacy_fonts() -> bytes:
    # tests/corpus/texts/018_nq11-nq-tu-btv-phu-yen-khcn.txt typed as in the 1990s-2000s: ".VnTime"
    # and the capitals font ".VnTimeH" (TCVN3), one paragraph in "VNI-Times". The bytes come from
    # tests/support/real_legacy.py (learnt from real legacy files, not from the importer's tables).
    lists = Lists({1: [("upperRoman", "%1-"), ("decimal", "%2-")]}, {1: (1, {})})

    def vn(text: str, font: str = ".VnTime", **style: bool) -> str:
        return run(as_stored(encode_tcvn3(text)), font=font, **style)

    body = [
        para(
            vn(
                "Ban Tuyên giáo Tỉnh ủy trân trọng giới thiệu toàn văn Nghị quyết số 11-NQ/TU, ngày 18/8/2021 "
                "của Ban Thường vụ Tỉnh ủy"
            )
        ),
        para(vn("NGHỊ QUYẾT", ".VnTimeH", b=True), center=True),
        para(vn("CỦA BAN THƯỜNG VỤ TỈNH ỦY", ".VnTimeH", b=True), center=True),
        para(
            vn(
                "về phát triển, ứng dụng khoa học, công nghệ\nvà đổi mới sáng tạo phục vụ phát triển kinh tế - xã hội",
                b=True,
            ),
            center=True,
        ),
        para(run("-----"), center=True),
        para(
            run(
                as_stored(
                    encode_vni(
                        "Quán triệt, thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị "
                        "quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025, Ban Thường vụ "
                        "Tỉnh ủy ban hành Nghị quyết về phát triển, ứng dụng khoa học, công nghệ và đổi mới sáng "
                        "tạo phục vụ phát triển kinh tế - xã hội tỉnh Phú Yên như sau:"
                    )
                ),
                font="VNI-Times",
            )
        ),
        para(
            vn(
                "ĐÁNH GIÁ KẾT QUẢ HOẠT ĐỘNG KHOA HỌC - CÔNG NGHỆ VÀ ĐỔI MỚI SÁNG TẠO GIAI ĐOẠN 2016 - 2020",
                ".VnTimeH",
                b=True,
            ),
            num=(1, 0),
        ),
        para(vn("Những kết quả đạt được", i=True), num=(1, 1)),
        para(
            vn(
                "Trong những năm qua, các cấp, các ngành trong tỉnh đã nhận thức đúng đắn về vai trò, tầm quan "
                "trọng của phát triển, ứng dụng khoa học, công nghệ và đổi mới sáng tạo (KHCN và ĐMST) và đã quan "
                "tâm lãnh đạo, chỉ đạo, tổ chức thực hiện đạt kết quả tích cực, đóng góp của KHCN và ĐMST vào tăng "
                "trưởng kinh tế thông qua yếu tố năng suất tổng hợp (TFP) đạt mức 32%."
            )
        ),
    ]
    return package(body, lists=lists)


RAW = {
    "hd-thanh-uy-bac-kan": hd_thanh_uy_bac_kan,
    "kh115-ubnd-ha-noi": kh115_ubnd_ha_noi,
    "nq11-tu-phu-yen-phong-cu": nq11_tu_phu_yen_legacy_fonts,
}
LIBREOFFICE = ("hd30-btgtw-2017", "kh383-ubnd-tien-giang")


def main() -> None:
    for name, make in RAW.items():
        (OUT / f"{name}.docx").write_bytes(make())
    for name in LIBREOFFICE:
        libreoffice(name)
    print(f"{len(RAW) + len(LIBREOFFICE)} tệp .docx trong {OUT}")


if __name__ == "__main__":
    main()
