"""Compare Word readers on the test files of tests/fixtures/docx/: what each keeps, how fast.

The libraries are not dependencies of the archive; run this in a scratch environment:

    python3 -m venv /tmp/cmp && /tmp/cmp/bin/pip install docx2python mammoth python-docx
    PYTHONPATH=plugins /tmp/cmp/bin/python scripts/compare_word_readers.py

Each check looks for something the file holds (its .expected.md says what): a number Word shows
from numbering.xml, a table cell, the text box's text exactly once, the footnote, bold and italic,
the text typed in the legacy fonts. The results are written up in docs-dev/word-import.md.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "docx"


def with_docx2python(raw: bytes) -> str:
    from docx2python import docx2python

    with docx2python(io.BytesIO(raw), html=True) as document:
        return str(document.text)


def with_mammoth(raw: bytes) -> str:
    import mammoth

    return str(mammoth.convert_to_html(io.BytesIO(raw)).value)


def with_python_docx(raw: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(raw))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def with_vankien(raw: bytes) -> str:
    from vankien.importer.docx import read_docx
    from vankien.importer.markdown import TAG_CLOSE, TAG_OPEN

    return read_docx(raw).replace(TAG_OPEN, "<").replace(TAG_CLOSE, ">")


READERS: dict[str, Callable[[bytes], str]] = {
    "docx2python": with_docx2python,
    "mammoth": with_mammoth,
    "python-docx": with_python_docx,
    "vankien": with_vankien,
}

# (file, what it must keep, a pattern found in the reader's output when it does)
CHECKS: list[tuple[str, str, str]] = [
    ("hd30-btgtw-2017", "số mục I. (upperRoman)", r"I\.\s*(<[^>]+>)*\s*M[ỤU]C ĐÍCH"),
    ("hd-thanh-uy-bac-kan", "số mục II. và 1. bắt đầu lại", r"II\.\s*(<[^>]+>|\*)*\s*NỘI DUNG"),
    ("hd-thanh-uy-bac-kan", "chữ nghiêng", r"(<i>|<em>|\*)Quy định số 101"),
    ("hd-thanh-uy-bac-kan", "bảng chữ ký: người ký", r"Cù Ngọc Cường"),
    ("kh383-ubnd-tien-giang", "ô bảng “1”", r"(^|[>|\t\n])\s*1\s*([<|\t\n])"),
    ("kh383-ubnd-tien-giang", "danh sách đánh số từ 4", r"4\.\s*(<[^>]+>)*\s*Nghị quyết số 25"),
    ("kh115-ubnd-ha-noi", "hộp văn bản đúng một lần", r"^(?!.*KẾ HOẠCH.*KẾ HOẠCH)(?=.*KẾ HOẠCH)"),
    ("kh115-ubnd-ha-noi", "chú thích cuối trang", r"thanh lịch, văn minh"),
    ("kh115-ubnd-ha-noi", "gạch chân", r"<u>Tiếp tục"),
    ("nq11-tu-phu-yen-phong-cu", "phông .VnTimeH giải mã", r"NGHỊ QUYẾT"),
    ("nq11-tu-phu-yen-phong-cu", "phông VNI-Times giải mã", r"Quán triệt, thực hiện"),
]


def main() -> None:
    outputs: dict[tuple[str, str], str] = {}
    timings: dict[str, float] = {}
    for reader, read in READERS.items():
        started = time.perf_counter()
        for _ in range(20):
            for path in sorted(FIXTURES.glob("*.docx")):
                try:
                    outputs[reader, path.stem] = read(path.read_bytes())
                except Exception as exc:  # a reader that fails on a file is a result too
                    outputs[reader, path.stem] = f"!! {type(exc).__name__}: {exc}"
        timings[reader] = (time.perf_counter() - started) / 20 * 1000
    print("| kiểm tra | " + " | ".join(READERS) + " |")
    print("|---|" + "---|" * len(READERS))
    for name, what, pattern in CHECKS:
        row = [
            "có" if re.search(pattern, outputs[reader, name], re.S | re.M) else "không" for reader in READERS
        ]
        print(f"| {name}: {what} | " + " | ".join(row) + " |")
    print("| thời gian cho 5 tệp (ms) | " + " | ".join(f"{timings[r]:.1f}" for r in READERS) + " |")


if __name__ == "__main__":
    main()
