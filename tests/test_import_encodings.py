"""Encodings: files made by encoding real Vietnamese text, read back to the same NFC text.

The sample paragraphs are copied from the shared source texts (002: Hướng dẫn of
Thành ủy Bắc Kạn; 003: Kế hoạch of Ban Tổ chức Tỉnh ủy), so every letter and tone
the archive meets is exercised.
"""

from __future__ import annotations

import codecs
import io
import json
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.legacy_encoders import encode_tcvn3, encode_vni
from vankien.importer import ImportFailure, import_text, read_source
from vankien.importer.encodings import (
    EncodingError,
    decode_bytes,
    decode_tcvn3,
    decode_vni,
    is_vietnamese_syllable,
)

# 002_4e67371777f5c9db.txt, the opening formula and a paragraph of section I.
SAMPLE = (
    "Căn cứ Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy về đẩy mạnh tuyên "
    "truyền về công tác xây dựng Đảng và hệ thống chính trị, Thành ủy Bắc Kạn hướng dẫn các cơ quan, "
    "đơn vị triển khai thực hiện tuyên truyền như sau:\n\n"
    "- Cổ vũ, động viên toàn Đảng, toàn dân, toàn quân chung sức, đồng lòng tiếp tục đẩy mạnh công cuộc "
    "xây dựng, chỉnh đốn Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh; nỗ lực phấn đấu thực "
    "hiện thắng lợi Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.\n"
    # 003_c29fc024aaed275f.txt: ă, ơ, ư with every tone.
    "Thực hiện Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương về hưởng ứng Giải "
    "Búa liềm vàng lần thứ IX - năm 2024; thắt chặt hơn nữa mối quan hệ mật thiết giữa Đảng với Nhân dân, "
    "thực sự dựa vào Nhân dân để xây dựng Đảng; kỹ năng, sử dụng, lưỡi, ẵm, ẳng, ỹ, ỷ, ỵ, ỳ.\n"
)

# A whole document, with the heading and a capital letter carrying a tone ("Ủy").
DOCUMENT = (
    "HƯỚNG DẪN\n\nđẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị\n\n"
    + SAMPLE
    + "\n2. Ủy ban nhân dân thành phố\n\nChỉ đạo các cơ quan, đơn vị thường xuyên cung cấp thông tin.\n"
)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters precomposed where the code page has them,
    tone marks as combining characters."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
        )
        tone = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        out += (base + tone).encode("cp1258")
    return bytes(out)


ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),  # with BOM
    "cp1258": encode_cp1258,
    "tcvn3": encode_tcvn3,
    "vni": encode_vni,
}


@pytest.mark.parametrize("encoding", ENCODERS)
def test_each_encoding_is_detected_and_decoded_to_nfc(encoding: str) -> None:
    raw = ENCODERS[encoding](SAMPLE)
    decoded = decode_bytes(raw)
    assert decoded.encoding == encoding
    assert decoded.text == SAMPLE
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_utf16_without_bom_is_read() -> None:
    decoded = decode_bytes(SAMPLE.encode("utf-16-le"))
    assert (decoded.encoding, decoded.text) == ("utf-16", SAMPLE)


@pytest.mark.parametrize("encoding", ENCODERS)
def test_a_document_in_each_encoding_imports_with_the_same_facts(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "van-ban.txt"
    path.write_bytes(ENCODERS[encoding](DOCUMENT))
    decoded = read_source(path)
    doc = import_text(decoded.text, encoding=decoded.encoding)
    assert (doc.type, doc.title, doc.issuer) == (
        "Hướng dẫn",
        "đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị",
        "Thành ủy Bắc Kạn",
    )
    assert [c.text for c in doc.basis] == [
        "Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy",
        "Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương",
    ]
    if encoding != "tcvn3":  # TCVN3 has no code for a capital with a tone: "Ủy" comes back "ủy"
        assert "### 2. Ủy ban nhân dân thành phố" in doc.body


def test_tcvn3_heading_typed_in_the_capitals_font_is_capitalised() -> None:
    # ".VnTimeH" headings are stored with the lower-case codes: "HƯỚNG DẪN" -> b"H\xadíNG DÉN" style.
    doc = import_text(decode_tcvn3(encode_tcvn3(DOCUMENT)), encoding="tcvn3")
    assert doc.type == "Hướng dẫn"


# Byte strings cut from real files made with the legacy fonts and keyboards (Crystal Reports and
# Excel templates typed in .VnTime/.VnTimeH and VNI-Times, NSIS's Vietnamese language file in
# code page 1258, GNU libiconv's test snippets), with their meaning established from the file
# itself: `tests/fixtures/legacy_bytes.json` says where each was seen and how.
LEGACY = json.loads((Path(__file__).parent / "fixtures" / "legacy_bytes.json").read_text(encoding="utf-8"))
DECODERS: dict[str, Callable[[bytes], str]] = {
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
    "cp1258": lambda raw: unicodedata.normalize("NFC", raw.decode("cp1258")),
}


@pytest.mark.parametrize("sample", LEGACY, ids=[f"{s['encoding']}: {s['text'][:30]}" for s in LEGACY])
def test_real_legacy_bytes_decode_to_what_they_say(sample: dict[str, str]) -> None:
    assert DECODERS[sample["encoding"]](bytes.fromhex(sample["bytes_hex"])) == sample["text"]


@pytest.mark.parametrize("encoding", sorted(DECODERS))
def test_real_legacy_bytes_are_recognised_as_their_encoding(encoding: str) -> None:
    samples = [s for s in LEGACY if s["encoding"] == encoding]
    assert len(samples) >= 5
    decoded = decode_bytes(b"\n".join(bytes.fromhex(s["bytes_hex"]) for s in samples))
    assert decoded.encoding == encoding
    assert decoded.text == "\n".join(s["text"] for s in samples)


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("Việt", True),
        ("nghiêng", True),
        ("khuyến", True),
        ("Vieät", False),
        ("Viờũt", False),
        ("ñaûng", False),
    ],
)
def test_syllable_check(word: str, valid: bool) -> None:
    assert is_vietnamese_syllable(word) is valid


def make_docx(paragraphs: list[str]) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='{ns}'><w:body>{body}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml.encode("utf-8"))
    return buffer.getvalue()


def test_docx_paragraphs_are_read(tmp_path: Path) -> None:
    path = tmp_path / "hd.docx"
    path.write_bytes(make_docx(["HƯỚNG DẪN", "đẩy mạnh tuyên truyền", *SAMPLE.split("\n")]))
    decoded = read_source(path)
    assert decoded.encoding == "docx"
    doc = import_text(decoded.text)
    assert (doc.type, doc.title, doc.issuer) == ("Hướng dẫn", "đẩy mạnh tuyên truyền", "Thành ủy Bắc Kạn")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rong.txt", b"", "tệp rỗng"),
        ("trang.txt", b"  \r\n\r\n ", "tệp rỗng"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "tệp nhị phân"),
        ("doi-ten.txt", make_docx(["HƯỚNG DẪN"]), "tệp nén"),
        ("hong.docx", b"HUONG DAN\n", "không phải tệp .docx hợp lệ"),
        ("cu.doc", b"\xd0\xcf\x11\xe0", "tệp Word .doc cũ"),
        # Japanese in Shift-JIS: no Vietnamese encoding reads it as Vietnamese words.
        ("nhat.txt", "日本語の文章です。これはテストです。".encode("shift_jis") * 3, "không nhận ra bảng mã"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(
    name: str, content: bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailure, match=message):
        read_source(path)


def test_text_with_no_heading_is_imported_with_what_it_has() -> None:
    text = "Một đoạn văn dài không có tên loại văn bản, không có tiêu đề tin bài và không có tác giả.\n" * 3
    doc = import_text(text)
    assert (doc.kind, doc.type, doc.issuer, doc.date) == ("document", None, None, None)
    assert "Một đoạn văn dài" in doc.body


def test_text_with_nothing_but_spaces_is_refused() -> None:
    with pytest.raises(ImportFailure, match="không có nội dung chữ"):
        import_text(" \n\u00a0\n\t\n")


def test_encoding_error_is_a_value_error() -> None:
    with pytest.raises(EncodingError):
        decode_bytes(b"\x00\x01\x02\x03" * 10)
