"""One rule, one source: the same dates, look-alike letters, dashes and type codes read alike by
front matter, the importer, the reference grammar and search.

Each row is one written form as it was seen, fed through every stage that reads that kind of
value. A stage that kept its own copy of a rule would disagree with the others on some row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import TODAY, write_files
from vankien.core.doctypes import DOC_TYPES
from vankien.core.loader import load_archive
from vankien.importer.basis import type_from_symbol
from vankien.importer.header import find_place_date_in, find_symbol_in, read_header
from vankien.importer.lines import read_lines
from vankien.refs import extract_references
from vankien.search.pipeline import tokenize


def front_matter(tmp_path: Path, **fields: str) -> tuple[object, list[str]]:
    """The document the loader reads from a file with these fields (and the problems it found)."""
    values = {"type": "Kết luận", "issuer": "Bộ Chính trị", "date": "25/10/2021", "title": "x", **fields}
    text = "---\n" + "".join(f"{key}: {value}\n" for key, value in values.items()) + "---\n"
    archive = load_archive(write_files(tmp_path / "d", {"a.md": text}), today=TODAY)
    return (archive.documents[0] if archive.documents else None), [p.format() for p in archive.problems]


# (written form, the date, where seen; whether front matter accepts it: editors write it alone there)
DATES = [
    ("26/6/2023", dt.date(2023, 6, 26), "texts/002: 'ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy'", True),
    ("25-10-2021", dt.date(2021, 10, 25), "DESIGN.md: dates as 25-10-2021", True),
    ("15.8.2019", dt.date(2019, 8, 15), "provincial portals: 'ngày 15.8.2019'", True),
    ("05 tháng 01 năm 2022", dt.date(2022, 1, 5), "DESIGN.md: 'ngày 05 tháng 01 năm 2022'", False),
]


@pytest.mark.parametrize(("written", "date", "seen", "in_front_matter"), DATES, ids=[d[0] for d in DATES])
def test_dates(tmp_path: Path, written: str, date: dt.date, seen: str, in_front_matter: bool) -> None:
    (reference,) = extract_references(f"Căn cứ Kết luận số 21-KL/TW, ngày {written} của Bộ Chính trị")
    assert reference.date == date
    place_date = find_place_date_in(f"Bắc Kạn, ngày {written}")
    assert place_date is not None and place_date[1] == date
    if in_front_matter:
        document, problems = front_matter(tmp_path, date=written)
        assert problems == [] and getattr(document, "date", None) == date


# (written symbol, canonical symbol, folded search token, where seen)
LOOKALIKES = [
    ("101-QÐ/TW", "101-QĐ/TW", "101-qd/tw", "U+00D0 for Đ: old converters, OCR"),
    ("101-QƉ/TW", "101-QĐ/TW", "101-qd/tw", "U+0189 for Đ: OCR"),
    ("01 – KL/TW", "01-KL/TW", "1-kl/tw", "an en dash with spaces (texts/002)"),
    ("01—KL/TW", "01-KL/TW", "1-kl/tw", "an em dash (Word's autocorrect)"),
    ("47 - QĐ/TW", "47-QĐ/TW", "47-qd/tw", "a spaced hyphen (DESIGN.md)"),
]


@pytest.mark.parametrize(("written", "symbol", "token", "seen"), LOOKALIKES, ids=[r[3] for r in LOOKALIKES])
def test_lookalikes_and_dashes(tmp_path: Path, written: str, symbol: str, token: str, seen: str) -> None:
    document, problems = front_matter(
        tmp_path, symbol=f'"{written}"', type="Quy định" if "Q" in symbol else "Kết luận"
    )
    assert problems == [] and document.symbol.text == symbol  # type: ignore[attr-defined]
    (reference,) = extract_references(f"Thực hiện Quy định số {written} của Ban Bí thư")
    assert reference.symbol == symbol
    assert read_header(read_lines(f"Số {written}")).symbol == symbol
    found = find_symbol_in(f"Số {written}")
    assert found is not None and found[0] == symbol
    assert [t.folded for t in tokenize(written) if t.symbol] == [token]


CODES = [(t.name, code) for t in DOC_TYPES for code in t.codes]


@pytest.mark.parametrize(("type_name", "code"), CODES, ids=[f"{n} {c}" for n, c in CODES])
def test_type_codes(tmp_path: Path, type_name: str, code: str) -> None:
    symbol = f"5-{code}/TW"
    document, problems = front_matter(tmp_path, symbol=symbol, type=type_name)
    assert problems == [], "the schema refuses a code doctypes gives the type"
    assert type_name in {t.name for t in document.symbol.types()}  # type: ignore[attr-defined]
    (reference,) = extract_references(f"thực hiện {type_name} số {symbol} của Ban Bí thư")
    assert reference.type == type_name and reference.symbol == symbol
    if len([t for t in DOC_TYPES if code in t.codes]) == 1:
        assert type_from_symbol(symbol) == type_name
    # The spaced form readers type in the search box is one symbol token.
    assert [t.folded for t in tokenize(f"5 {code} TW")] == [tokenize(symbol)[0].folded]
