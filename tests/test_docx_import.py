"""Word import: real Word files in, the Markdown body and the facts out.

The files in tests/fixtures/docx/ are made by LibreOffice or written as raw WordprocessingML
(scripts/make_docx_fixtures.py), never by the reader under test; each `.expected.md` beside them is
the body as it must come out, written from what Word shows. Their texts are real (the row says
which corpus file), only the layout is Word's.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import REPO
from tests.support.ooxml import Lists, package, para, run, table, text_box
from vankien.cli.importing import import_command
from vankien.importer import ImportFailure, import_text, read_source
from vankien.importer.docx import DocxError, decode_legacy_run, read_docx
from vankien.importer.markdown import TAG_CLOSE, TAG_OPEN

FIXTURES = Path(__file__).parent / "fixtures" / "docx"

# name, made by, where the text was seen, (type, symbol, date, issuer, signer)
ROWS = [
    (
        "hd30-btgtw-2017",
        "LibreOffice from src/hd30-btgtw-2017.html",
        "tests/corpus/texts/012_hd30-btgtw-2017-tulieuvankien-metadata.txt",
        ("Hướng dẫn", "30-HD/BTGTW", "2017-04-13", "Ban Tuyên giáo Trung ương", None),
    ),
    (
        "kh383-ubnd-tien-giang",
        "LibreOffice from src/kh383-ubnd-tien-giang.html",
        "tests/corpus/texts/034_kh383-kh-ubnd-tien-giang-ntm-so-pipe.txt",
        ("Kế hoạch", "383/KH-UBND", "2022-12-07", "Ủy ban nhân dân tỉnh Tiền Giang", None),
    ),
    (
        "hd-thanh-uy-bac-kan",
        "raw WordprocessingML",
        "../shared/texts/002_4e67371777f5c9db.txt (the signature block the corpus openings lack)",
        ("Hướng dẫn", None, None, "Thành ủy Bắc Kạn", "Cù Ngọc Cường"),
    ),
    (
        "kh115-ubnd-ha-noi",
        "raw WordprocessingML",
        "tests/corpus/texts/036_kh115-kh-ubnd-ha-noi-ctr06-tu.txt",
        ("Kế hoạch", "115/KH-UBND", "2022-04-08", "Ủy ban nhân dân thành phố Hà Nội", None),
    ),
    (
        "nq11-tu-phu-yen-phong-cu",
        "raw WordprocessingML, .VnTime/.VnTimeH/VNI-Times runs",
        "tests/corpus/texts/018_nq11-nq-tu-btv-phu-yen-khcn.txt",
        ("Nghị quyết", "11-NQ/TU", "2021-08-18", "Ban Thường vụ Tỉnh ủy Phú Yên", None),
    ),
]


@pytest.mark.parametrize(("name", "made_by", "seen_in", "facts"), ROWS, ids=[r[0] for r in ROWS])
def test_the_body_is_the_expected_markdown(
    name: str, made_by: str, seen_in: str, facts: tuple[object, ...]
) -> None:
    decoded = read_source(FIXTURES / f"{name}.docx")
    doc = import_text(decoded.text, encoding=decoded.encoding)
    assert doc.body == (FIXTURES / f"{name}.expected.md").read_text(encoding="utf-8")
    signer = doc.signer.name if doc.signer else None
    date = doc.date.isoformat() if doc.date else None
    assert (doc.type, doc.symbol, date, doc.issuer, signer) == facts
    assert doc.notes == []


def test_the_whole_import_finds_the_same_facts(tmp_path: Path) -> None:
    archive = tmp_path / "directives"
    archive.mkdir()
    shutil.copy(REPO / "directives" / "co-quan.yml", archive / "co-quan.yml")
    sources = [FIXTURES / f"{row[0]}.docx" for row in ROWS]
    result = CliRunner().invoke(import_command, [*map(str, sources), "--out", str(archive)])
    assert result.exit_code in (0, 2), result.output
    found = set()
    for path in archive.rglob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        written = str(meta.get("date") or "")
        # An undated document is written "chưa rõ" for the editor to fill.
        date = datetime.strptime(written, "%d/%m/%Y").date().isoformat() if written[:1].isdigit() else None
        found.add((meta["type"], meta.get("symbol"), date, meta["issuer"]))
    assert found == {facts[:4] for *_, facts in ROWS}


# --- the structures one by one ---------------------------------------------------------------------

# Section titles from tests/corpus/texts/012 and 036; the numbers are Word's, from numbering.xml.
NUMBERING = [
    # (level formats and texts, start overrides of a second list instance, expected labels)
    ([("upperRoman", "%1.")], {}, ["I.", "II.", "III."]),
    ([("upperRoman", "%1-")], {}, ["I-", "II-", "III-"]),
    ([("decimal", "%1.")], {}, ["1.", "2.", "3."]),
    ([("lowerLetter", "%1)")], {}, ["a)", "b)", "c)"]),
    ([("upperLetter", "%1.")], {}, ["A.", "B.", "C."]),
    ([("lowerRoman", "(%1)")], {}, ["(i)", "(ii)", "(iii)"]),
    ([("decimal", "Điều %1.")], {}, ["Điều 1.", "Điều 2.", "Điều 3."]),
]
TITLES = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG TUYÊN TRUYỀN", "HÌNH THỨC TUYÊN TRUYỀN"]


@pytest.mark.parametrize(
    ("levels", "overrides", "labels"), NUMBERING, ids=[n[0][0][0] + n[0][0][1] for n in NUMBERING]
)
def test_numbering_is_written_as_word_shows_it(
    levels: list[tuple[str, str]], overrides: dict[int, int], labels: list[str]
) -> None:
    raw = package([para(run(t), num=(1, 0)) for t in TITLES], lists=Lists({1: levels}, {1: (1, overrides)}))
    assert read_docx(raw).split("\n\n") == [f"{label} {t}" for label, t in zip(labels, TITLES, strict=True)]


def test_levels_restart_under_a_higher_level_and_a_start_override_restarts_a_list() -> None:
    lists = Lists(
        {1: [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]}, {1: (1, {}), 2: (1, {0: 1})}
    )
    body = [
        para(run("MỤC ĐÍCH, YÊU CẦU"), num=(1, 0)),
        para(run("Mục đích"), num=(1, 1)),
        para(run("Yêu cầu"), num=(1, 1)),
        para(run("NỘI DUNG TUYÊN TRUYỀN"), num=(1, 0)),
        para(run("Mục đích"), num=(1, 1)),
        para(run("Tuyên truyền"), num=(1, 2)),
        para(run("MỤC ĐÍCH, YÊU CẦU"), num=(2, 0)),  # a new list instance starting again at I
    ]
    assert read_docx(package(body, lists=lists)).split("\n\n") == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. NỘI DUNG TUYÊN TRUYỀN",
        "1. Mục đích",
        "a) Tuyên truyền",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ]


def _html(text: str) -> str:
    return text.replace(TAG_OPEN, "<").replace(TAG_CLOSE, ">")


def test_a_table_whose_cells_hold_several_paragraphs_is_an_html_table() -> None:
    # ../shared/texts/002: "3. MTTQ và các đoàn thể thành phố" and the first words of its two items.
    cell = [
        para(run("- Vận động cán bộ, hội viên, đoàn viên và Nhân dân")),
        para(run("- Tổ chức tuyên truyền")),
    ]
    raw = package(
        [table([[[para(run("3"))], [para(run("MTTQ và các đoàn thể thành phố", b=True))], cell]] * 2)]
    )
    text = _html(read_docx(raw))
    assert text.startswith("<table><tbody><tr><td><p>3</p></td><td><p><strong>MTTQ")
    assert (
        text.count("<p>- Vận động cán bộ, hội viên, đoàn viên và Nhân dân</p><p>- Tổ chức tuyên truyền</p>")
        == 2
    )


def test_a_merged_cell_keeps_the_columns_in_place() -> None:
    merged = (
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
        + para(run("Số: 383/KH-UBND ngày 07/12/2022"))
        + "</w:tc>"
    )
    raw = package(
        [
            table([[[para(run("1"))], [para(run("2"))], [para(run("3"))]]]).replace(
                "</w:tr>", "</w:tr><w:tr>" + merged + "<w:tc>" + para(run("x")) + "</w:tc></w:tr>", 1
            )
        ]
    )
    assert read_docx(raw).split("\n")[2] == "| Số: 383/KH-UBND ngày 07/12/2022 |  | x |"


def test_a_text_box_is_read_once_and_a_fallback_alone_is_read() -> None:
    box = text_box(para(run("KẾ HOẠCH")))
    assert read_docx(package([para(box)])) == "KẾ HOẠCH"
    fallback_only = box.replace(box[box.index("<mc:Choice") : box.index("<mc:Fallback")], "")
    assert read_docx(package([para(fallback_only)])) == "KẾ HOẠCH"


def test_bold_italic_underline_and_line_breaks() -> None:
    raw = package(
        [
            para(
                run("Về việc tổ chức kỷ niệm ", b=True),
                run("năm tròn", b=True, i=True),
                run(" một số\nngày lễ lớn", u=True),
            )
        ]
    )
    assert (
        _html(read_docx(raw))
        == "**Về việc tổ chức kỷ niệm** ***năm tròn*** <u>một số</u>\n<u>ngày lễ lớn</u>"
    )


@pytest.mark.parametrize(
    ("stored", "font", "shown"),
    [
        # tests/fixtures/legacy_bytes.json, as Word stores a legacy font's bytes (cp1252 characters).
        (
            bytes.fromhex("a7e963206ccb70202d2054f920646f202d2048b96e68207068f363").decode("cp1252"),
            ".VnTime",
            "Độc lập - Tự do - Hạnh phúc",
        ),
        (
            bytes.fromhex("43e96e6720686fb52078b72068e969206368f1206e6768dc61205669d674204e616d").decode(
                "cp1252"
            ),
            ".VnTimeH",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("Ñaïi Dieän Hôïp Phaùp Cuûa Ngöôøi Noäp Thueá", "VNI-Times", "Đại Diện Hợp Pháp Của Người Nộp Thuế"),
        ("Độc lập - Tự do - Hạnh phúc", "Times New Roman", "Độc lập - Tự do - Hạnh phúc"),
    ],
)
def test_legacy_font_runs_are_decoded_by_font_name(stored: str, font: str, shown: str) -> None:
    assert decode_legacy_run(stored, font) == shown
    assert read_docx(package([para(run(stored, font=font))])) == shown


# --- what cannot be read --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["quyet-dinh.doc", "quyet-dinh.docx", "quyet-dinh.txt"])
def test_a_legacy_doc_is_a_clear_error_naming_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    with pytest.raises(ImportFailure) as caught:
        read_source(path)
    message = str(caught.value)
    assert (
        "quyet-dinh" in message
        and "Word .doc cũ" in message
        and "lưu" in message.lower()
        and ".docx" in message
    )


def _zip(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
BAD = {
    # 100 MB of zeros in 100 kB: refused from the zip header, before anything is inflated.
    "bom-zip.docx": _zip({"word/document.xml": W + b"\0" * 100_000_000}),
    # An external entity: the file would make a parser read /etc/passwd (or a URL).
    "thuc-the-ngoai.docx": _zip(
        {
            "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + W
            + b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
        }
    ),
    # The same in the numbering part, which is read before the body.
    "thuc-the-danh-so.docx": _zip(
        {
            "word/document.xml": W + b"</w:body></w:document>",
            "word/numbering.xml": b'<!DOCTYPE n [<!ENTITY a "a">]><n/>',
        }
    ),
    "khong-phai-zip.docx": "HƯỚNG DẪN tuyên truyền".encode(),
    # Tables nested thousands deep: bounded, not a crash of the reader.
    "long-sau.docx": _zip(
        {
            "word/document.xml": W
            + b"<w:tbl><w:tr><w:tc>" * 3000
            + b"</w:tc></w:tr></w:tbl>" * 3000
            + b"</w:body></w:document>"
        }
    ),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_word_files_are_errors(name: str) -> None:
    started = time.perf_counter()
    with pytest.raises(DocxError):
        read_docx(BAD[name])
    assert time.perf_counter() - started < 5


def test_bad_files_are_named_nothing_is_written_for_them_and_the_others_go_on(tmp_path: Path) -> None:
    archive = tmp_path / "directives"
    archive.mkdir()
    shutil.copy(REPO / "directives" / "co-quan.yml", archive / "co-quan.yml")
    bad = []
    for name, raw in BAD.items():
        (tmp_path / name).write_bytes(raw)
        bad.append(tmp_path / name)
    good = FIXTURES / "kh115-ubnd-ha-noi.docx"
    result = CliRunner().invoke(import_command, [*map(str, bad), str(good), "--out", str(archive)])
    assert result.exit_code == 1
    for path in bad:
        assert f"lỗi: {path}:" in result.stderr
    assert [p.name for p in archive.rglob("*.md")] == ["115-kh-ubnd.md"]
    assert sorted(p.name for p in archive.rglob("*.docx")) == ["115-kh-ubnd.docx"]
