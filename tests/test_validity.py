"""Hiệu lực: read as written, derived from the graph when not given, checked when given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import write_files
from tests.factories import REGISTRY
from vankien.graph.analysis import analyse_archive

TODAY = dt.date(2024, 6, 1)


def _doc(symbol: str, date: str, extra: str = "", relations: str = "") -> str:
    return (
        f"---\nsymbol: {symbol}\ntype: Chỉ thị\nissuer: Bộ Chính trị\ndate: {date}\ntitle: Văn bản {symbol}\n"
        f"{extra}{relations}---\n"
    )


def _statuses(
    tmp_path: Path, files: dict[str, str]
) -> dict[str, tuple[str, str | None, dt.date | None, bool]]:
    write_files(tmp_path, {"co-quan.yml": REGISTRY, **files})
    analysis = analyse_archive(tmp_path, today=TODAY)
    return {
        d.symbol.text: (d.status, d.status_reason, d.status_since, d.status_given)
        for d in analysis.archive
        if d.symbol
    }


REPLACING = "relations:\n  replaces:\n    - Chỉ thị số 1-CT/TW ngày 01/01/2010\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # Nothing known: never "còn hiệu lực" without evidence.
        ({"a.md": _doc("1-CT/TW", "01/01/2010")}, ("chưa xác định", None, None, False)),
        # Replaced by an archived document: from its effective date, else its issue date.
        (
            {
                "a.md": _doc("1-CT/TW", "01/01/2010"),
                "b.md": _doc("2-CT/TW", "01/03/2020", "effective_date: 15/03/2020\n", REPLACING),
            },
            ("hết hiệu lực toàn bộ", "bị thay thế", dt.date(2020, 3, 15), False),
        ),
        (
            {
                "a.md": _doc("1-CT/TW", "01/01/2010"),
                "b.md": _doc("2-CT/TW", "01/03/2020", "", REPLACING.replace("replaces", "repeals")),
            },
            ("hết hiệu lực toàn bộ", "bị bãi bỏ", dt.date(2020, 3, 1), False),
        ),
        (
            {"a.md": _doc("1-CT/TW", "01/01/2010", "effective_date: 01/01/2030\n")},
            ("chưa có hiệu lực", None, None, False),
        ),
        (
            {"a.md": _doc("1-CT/TW", "01/01/2010", "expiry_date: 31/12/2020\n")},
            ("hết hiệu lực toàn bộ", "hết thời hạn áp dụng", dt.date(2020, 12, 31), False),
        ),
        # An older archive's "bị thay thế" as a status is read as the status and reason it means.
        (
            {"a.md": _doc("1-CT/TW", "01/01/2010", "status: bị thay thế\n")},
            ("hết hiệu lực toàn bộ", "bị thay thế", None, True),
        ),
        (
            {"a.md": _doc("1-CT/TW", "01/01/2010", "status: Còn Hiệu Lực\n")},
            ("còn hiệu lực", None, None, True),
        ),
    ],
    ids=["nothing known", "replaced", "repealed", "not yet", "expired", "old spelling", "editor's"],
)
def test_status_of_the_first_document(
    tmp_path: Path, files: dict[str, str], expected: tuple[object, ...]
) -> None:
    assert _statuses(tmp_path, files)["1-CT/TW"] == expected


def test_an_editor_status_the_graph_contradicts_is_a_warning(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "co-quan.yml": REGISTRY,
            "a.md": _doc("1-CT/TW", "01/01/2010", "status: còn hiệu lực\n"),
            "b.md": _doc("2-CT/TW", "01/03/2020", "", REPLACING),
        },
    )
    problems = [
        (p.path, p.line, p.code) for p in analyse_archive(tmp_path, today=TODAY, display_root="").problems
    ]
    assert problems == [("a.md", 7, "status-contradicted")]


def test_an_unknown_status_is_an_error(tmp_path: Path) -> None:
    write_files(
        tmp_path, {"co-quan.yml": REGISTRY, "a.md": _doc("1-CT/TW", "01/01/2010", "status: tạm dừng\n")}
    )
    messages = [p.message for p in analyse_archive(tmp_path, today=TODAY).problems]
    assert messages == [
        "giá trị `tạm dừng` của `status` (hiệu lực) không hợp lệ; chọn một trong: còn hiệu lực, hết hiệu lực toàn bộ, "
        'hết hiệu lực một phần, chưa có hiệu lực, chưa xác định ("bị thay thế", "bị bãi bỏ" ghi vào `status_reason`)'
    ]
