"""Accuracy of the importer, measured: the five shared texts against the `self` entries of
references.json (annotated by hand). Any field the text states and the importer gets wrong fails.

    NO_MKDOCS_2_WARNING=1 .venv/bin/pytest -q tests/test_import_accuracy.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.support.environment import shared_texts
from vankien.core.issuers import load_registry
from vankien.core.problems import ProblemList
from vankien.importer import Imported, import_text, read_source


def _texts() -> Path:
    return shared_texts()


def _expected() -> dict[str, Any]:
    texts = _texts()
    data: dict[str, Any] = json.loads((texts / "references.json").read_text(encoding="utf-8"))
    return data


NAMES = (
    "000_ddb2e5684c0cf01d.txt",
    "001_452c45941f5c4da9.txt",
    "002_4e67371777f5c9db.txt",
    "003_c29fc024aaed275f.txt",
    "004_2ce2fd324f83d54f.txt",
)


def imported(name: str) -> Imported:
    registry = load_registry(REPO / "directives", ProblemList())

    def resolve(phrase: str) -> str | None:
        found = registry.lookup(phrase)
        return found.name if found else None

    decoded = read_source(_texts() / name)
    return import_text(decoded.text, encoding=decoded.encoding, resolve_issuer=resolve)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def compare(name: str, expected: dict[str, Any], doc: Imported) -> list[str]:
    """Every mismatch as "field: got ... expected ..."."""
    got: dict[str, object]
    want: dict[str, object]
    if expected["kind"] == "news":
        published = _date(expected["published"])
        got = {
            "kind": doc.kind,
            "headline": doc.title,
            "date": doc.date,
            "time": doc.time,
            "source": doc.source,
            "author": doc.author,
            "about": [c.text.split(" ban hành ")[0] for c in doc.about],
        }
        want = {
            "kind": "news",
            "headline": expected["headline"],
            "date": published,
            "time": expected["published"][11:16] if expected["published"] else None,
            "source": expected["source"],
            "author": expected["author"],
            "about": [a["issuer"] for a in expected["about"]],
        }
    else:
        signer = doc.signer
        got = {
            "kind": doc.kind,
            "type": doc.type,
            "symbol": doc.symbol,
            "date": doc.date,
            "issuer": doc.issuer,
            "title": (doc.title or "").lower(),
            "signer": signer.name if signer else None,
            "signer_title": signer.title if signer else None,
            "signer_authority": signer.authority if signer else None,
            "recipients": doc.recipients or None,
        }
        want = {
            "kind": "document",
            "type": expected["type"],
            "symbol": expected["symbol"],
            "date": _date(expected["date"]),
            "issuer": expected["issuer"],
            "title": expected["title"].lower(),
            "signer": expected["signer"],
            "signer_title": expected["signer_title"],
            "signer_authority": expected["signer_authority"],
            "recipients": expected["recipients"],
        }
    return [
        f"{name}: {key}: got {got[key]!r}, expected {want[key]!r}" for key in want if got[key] != want[key]
    ]


@pytest.mark.parametrize("name", NAMES)
def test_imported_metadata_matches_the_annotation(name: str) -> None:
    expected = _expected()[name]["self"]
    assert compare(name, expected, imported(name)) == []


def test_news_about_names_the_document_the_article_reports() -> None:
    doc = imported("000_ddb2e5684c0cf01d.txt")
    assert [(c.text, c.external) for c in doc.about] == [
        (
            "Đảng ủy Văn phòng Chính phủ ban hành Kế hoạch đẩy mạnh tuyên truyền về công tác xây dựng Đảng "
            "và hệ thống chính trị trong Đảng bộ Văn phòng Chính phủ.",
            True,
        )
    ]


def test_basis_comes_from_the_opening_formula() -> None:
    assert [c.text for c in imported("002_4e67371777f5c9db.txt").basis] == [
        "Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy"
    ]
    assert [c.text for c in imported("003_c29fc024aaed275f.txt").basis] == [
        "Công văn số 6485-CV/BTCTW, ngày 17/5/2024 của Ban Tổ chức Trung ương",
        "Công văn số 3941-CV/TU, ngày 21/5/2024 của Thường trực Tỉnh ủy",
    ]


def test_page_furniture_stays_out_of_the_body() -> None:
    for name, furniture in (
        ("000_ddb2e5684c0cf01d.txt", ["Top", "Ảnh 1.", "Hoàng Giang", "15/09/2023 16:22"]),
        ("001_452c45941f5c4da9.txt", ["Có thể bạn quan tâm", "Xem nhiều nhất", "Thu Hằng"]),
        ("002_4e67371777f5c9db.txt", ["Nơi nhận", "T/M BAN THƯỜNG VỤ", "Cù Ngọc Cường", "**"]),
        ("004_2ce2fd324f83d54f.txt", ["Bình luận", "TikTok", "13/04/2024", "Khánh Trung"]),
    ):
        body = imported(name).body
        assert [f for f in furniture if f in body] == [], name
    # A sentence split by a page break is one paragraph again.
    assert "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương về đẩy mạnh" in (
        imported("002_4e67371777f5c9db.txt").body
    )
