"""`api/van-ban.csv`: the catalogue for a spreadsheet.

UTF-8 with a byte-order mark (without it Excel reads the Vietnamese letters as Windows-1252),
Vietnamese headers, CRLF line ends and quoting as the `csv` module writes them (RFC 4180). Dates
are ISO (2023-06-26): every spreadsheet reads them as dates whatever its locale, and they sort.
A cell a spreadsheet would take for a formula — starting with `=`, `+`, `-`, `@`, a tab or a
carriage return — gets an apostrophe in front (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from vankien.core.archive import Archive
from vankien.core.model import Document
from vankien.web.timeline import newest_first

CSV_PATH = "api/van-ban.csv"
HEADERS = (
    "Mã",
    "Số ký hiệu",
    "Loại văn bản",
    "Cơ quan ban hành",
    "Ngày ban hành",
    "Trích yếu",
    "Người ký",
    "Hiệu lực",
    "Chủ đề",
    "Địa chỉ",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def catalogue_csv(archive: Archive) -> bytes:
    """The catalogue, newest first (as its pages list it)."""
    return rows_csv(HEADERS, (_row(d) for d in newest_first(archive)))


def rows_csv(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in headers])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def safe_cell(value: str) -> str:
    """The cell as text a spreadsheet shows, never runs."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _row(document: Document) -> list[str]:
    signer = document.signer
    return [
        document.id,
        document.symbol.text if document.symbol else "",
        document.type.name,
        document.issuer_label,
        document.date.isoformat() if document.date else "",
        document.title,
        ", ".join(p for p in (signer.name, signer.title) if p) if signer else "",
        document.status,
        "; ".join(document.topics),
        document.url,
    ]
