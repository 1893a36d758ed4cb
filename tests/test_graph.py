"""Resolution and the relation graph: tables of real citation situations and every graph check."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import analyse_files, doc
from vankien.core.model import RelationKind
from vankien.graph.analysis import Analysis

QD101_2012 = doc("101-QĐ/TW", "Quy định", "Ban Bí thư", "07/06/2012", "Trách nhiệm nêu gương 2012")
QD101_2023 = doc("101-QĐ/TW", "Quy định", "Ban Bí thư", "28/02/2023", "Lãnh đạo cơ quan báo chí")
KL21 = doc("21-KL/TW", "Kết luận", "Ban Chấp hành Trung ương Đảng", "25/10/2021", "Xây dựng, chỉnh đốn Đảng")
CT05 = doc("05-CT/TW", "Chỉ thị", "Bộ Chính trị", "15/05/2016", "Học tập và làm theo Bác")
HD37 = doc("37-HD/BTGTW", "Hướng dẫn", "Ban Tuyên giáo Trung ương", "11/01/2022", "Hướng dẫn 37")
NQ_DH13 = doc(
    None, "Nghị quyết", "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "01/02/2021", "NQ Đại hội XIII"
)

BASE = {
    "2012/qd101.md": QD101_2012,
    "2023/qd101.md": QD101_2023,
    "2021/kl21.md": KL21,
    "2016/ct05.md": CT05,
    "2022/hd37.md": HD37,
    "2021/nq-dh13.md": NQ_DH13,
}


def analyse(tmp_path: Path, files: dict[str, str]) -> Analysis:
    return analyse_files(tmp_path / "d", {**BASE, **files})


def targets(analysis: Analysis, doc_id: str, kind: RelationKind) -> list[str]:
    document = analysis.archive.get(doc_id)
    assert document is not None
    return [f"{e.target.id}@{e.target.date}" for e in analysis.graph.relies_on(document, kind)]


# (where seen, the citing body, date of the citing document, expected target "id@date" of the cited document)
RESOLUTION_CASES = [
    (
        "texts/002: the older 101-QĐ/TW, dated",
        "Quy định số 101-QĐ/TW, ngày 07/6/2012 của Ban Bí thư",
        "01/09/2023",
        "101-qd-tw-2012@2012-06-07",
    ),
    (
        "texts/002: the newer 101-QĐ/TW, date without 'ngày'",
        "Quy định số 101-QĐ/TW, 28/02/2023 về ...",
        "01/09/2023",
        "101-qd-tw-2023@2023-02-28",
    ),
    (
        "no date: latest issued on or before the citing document",
        "Quy định số 101-QĐ/TW về nêu gương",
        "01/01/2020",
        "101-qd-tw-2012@2012-06-07",
    ),
    (
        "no date, cited after both",
        "thực hiện Quy định số 101-QĐ/TW",
        "01/09/2023",
        "101-qd-tw-2023@2023-02-28",
    ),
    ("texts/001: abbreviated with date", "Kết luận 21, ngày 25/10/2021", "01/03/2022", "21-kl-tw@2021-10-25"),
    (
        "texts/001: abbreviated, no date",
        "thực hiện Chỉ thị 05 của Bộ Chính trị",
        "01/03/2022",
        "05-ct-tw@2016-05-15",
    ),
    (
        "texts/001: abbreviated with issuer",
        "Hướng dẫn 37, ngày 11/01/2022 của Ban Tuyên giáo Trung ương",
        "01/03/2022",
        "37-hd-btgtw@2022-01-11",
    ),
    ("state-style Party symbol", "Kết luận số 21/KL-TW ngày 25/10/2021", "01/03/2022", "21-kl-tw@2021-10-25"),
    (
        "congress resolution by name",
        "Nghị quyết Đại hội XIII của Đảng",
        "01/03/2022",
        "nq-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang-01-02@2021-02-01",
    ),
]


@pytest.mark.parametrize(
    ("body", "date", "expected"), [c[1:] for c in RESOLUTION_CASES], ids=[c[0] for c in RESOLUTION_CASES]
)
def test_body_reference_resolves(tmp_path: Path, body: str, date: str, expected: str) -> None:
    citing = doc("9-HD/TU", "Hướng dẫn", "Tỉnh ủy Bắc Kạn", date, body=f"Nội dung: {body}.")
    analysis = analyse(tmp_path, {"x/citing.md": citing})
    found = targets(analysis, "9-hd-tu", RelationKind.CITES) + targets(
        analysis, "9-hd-tu", RelationKind.BASIS
    )
    assert found == [expected], [p.format() for p in analysis.problems]


def test_opening_formula_makes_a_basis_and_the_cited_document_shows_the_derived_one(tmp_path: Path) -> None:
    citing = doc(
        "9-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        body="Căn cứ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Tỉnh ủy hướng dẫn.\n\n"
        "Tiếp tục thực hiện Kết luận số 21-KL/TW.",
    )
    analysis = analyse(tmp_path, {"x/citing.md": citing})
    assert targets(analysis, "9-hd-tu", RelationKind.BASIS) == ["21-kl-tw@2021-10-25"]
    assert targets(analysis, "9-hd-tu", RelationKind.CITES) == []  # the later mention adds nothing
    kl21 = analysis.archive.get("21-kl-tw")
    assert kl21 is not None
    assert [e.source.id for e in analysis.graph.acted_on_by(kl21, RelationKind.BASIS)] == ["9-hd-tu"]
    assert len(analysis.graph.acted_on_by(kl21, RelationKind.BASIS)[0].occurrences) == 2


def test_front_matter_relations_in_both_directions(tmp_path: Path) -> None:
    newer = doc(
        "102-QĐ/TW",
        "Quy định",
        "Ban Bí thư",
        "01/03/2024",
        extra=(
            "relations:\n  replaces:\n    - Quy định số 101-QĐ/TW, ngày 28/02/2023\n"
            "  amends:\n    - Quy định số 101-QĐ/TW, ngày 07/6/2012\n"
        ),
    )
    analysis = analyse(tmp_path, {"2024/qd102.md": newer})
    assert not analysis.problems.errors
    assert targets(analysis, "102-qd-tw", RelationKind.REPLACES) == ["101-qd-tw-2023@2023-02-28"]
    assert targets(analysis, "102-qd-tw", RelationKind.AMENDS) == ["101-qd-tw-2012@2012-06-07"]
    replaced = analysis.archive.get("101-qd-tw-2023")
    assert (
        replaced is not None and replaced.url == "van-ban/2023/101-qd-tw/"
    )  # the id changes, the URL does not
    assert [e.source.id for e in analysis.graph.acted_on_by(replaced, RelationKind.REPLACES)] == ["102-qd-tw"]


def test_ambiguous_abbreviation_is_a_warning_listing_the_candidates(tmp_path: Path) -> None:
    citing = doc(
        None,
        "Kế hoạch",
        "Tỉnh ủy Bắc Kạn",
        "chưa rõ",
        id_="kh-1",
        body="Thực hiện Quy định số 101 của Ban Bí thư.",
    )
    analysis = analyse(tmp_path, {"x/kh.md": citing})
    [warning] = analysis.problems.warnings
    assert warning.code == "ambiguous-reference"
    assert "Quy định số 101-QĐ/TW ngày 07/06/2012" in warning.message
    assert "Quy định số 101-QĐ/TW ngày 28/02/2023" in warning.message
    assert warning.line == 8


def test_a_pinned_id_decides(tmp_path: Path) -> None:
    citing = doc(
        "9-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2024",
        extra="relations:\n  basis:\n    - ref: Chỉ thị số 05\n      id: 05-ct-tw\n    - ref: Kết luận 21\n      id: khong-co",
    )
    analysis = analyse(tmp_path, {"x/c.md": citing})
    assert targets(analysis, "9-hd-tu", RelationKind.BASIS) == ["05-ct-tw@2016-05-15"]
    assert [(p.code, p.line) for p in analysis.problems] == [("unknown-pinned-id", 11)]


# (what, front matter extra, expected [(code, line)])
CHECK_CASES = [
    (
        "unresolved relation is an error",
        "relations:\n  basis:\n    - Chỉ thị số 99-CT/TW, ngày 01/01/2020",
        [("unresolved-relation", 9)],
    ),
    (
        "unless marked external",
        "relations:\n  basis:\n    - ref: Chỉ thị số 99-CT/TW, ngày 01/01/2020\n      external: true",
        [],
    ),
    (
        "malformed citation",
        "relations:\n  basis:\n    - tinh thần chỉ đạo của cấp trên",
        [("bad-citation", 9)],
    ),
    (
        "basis issued after the document",
        "relations:\n  basis:\n    - Quy định số 101-QĐ/TW, ngày 28/02/2023",
        [("basis-after-document", 9)],
    ),
]


@pytest.mark.parametrize(("extra", "expected"), [c[1:] for c in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_graph_check(tmp_path: Path, extra: str, expected: list[tuple[str, int]]) -> None:
    citing = doc("9-HD/TU", "Hướng dẫn", "Tỉnh ujy Bắc Kạn".replace("ujy", "ủy"), "01/03/2022", extra=extra)
    analysis = analyse(tmp_path, {"x/c.md": citing})
    assert [(p.code, p.line) for p in analysis.problems] == expected
    for problem in analysis.problems:
        assert problem.path == "d/x/c.md"


def test_a_cycle_of_basis_is_an_error(tmp_path: Path) -> None:
    a = doc(
        "1-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        extra="relations:\n  basis:\n    - Hướng dẫn số 2-HD/TU, ngày 01/03/2022",
    )
    b = doc(
        "2-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        extra="relations:\n  basis:\n    - Hướng dẫn số 1-HD/TU, ngày 01/03/2022",
    )
    analysis = analyse(tmp_path, {"x/a.md": a, "x/b.md": b})
    [error] = analysis.problems.errors
    assert error.code == "basis-cycle"
    assert "Hướng dẫn số 1-HD/TU → Hướng dẫn số 2-HD/TU → Hướng dẫn số 1-HD/TU" in error.message


def test_a_cycle_of_replacement_is_an_error(tmp_path: Path) -> None:
    a = doc(
        "1-QĐi/TW",
        "Quy định",
        "Ban Bí thư",
        "01/03/2022",
        extra="relations:\n  replaces:\n    - Quy định số 2-QĐi/TW",
    )
    b = doc(
        "2-QĐi/TW",
        "Quy định",
        "Ban Bí thư",
        "01/03/2022",
        extra="relations:\n  replaces:\n    - Quy định số 1-QĐi/TW",
    )
    analysis = analyse(tmp_path, {"x/a.md": a, "x/b.md": b})
    assert [p.code for p in analysis.problems.errors] == ["replaces-cycle"]


def test_same_symbol_with_two_dates_while_one_is_held_is_a_probable_wrong_date(tmp_path: Path) -> None:
    a = doc(
        "1-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        body="Theo Kết luận số 21-KL/TW, ngày 25/10/2021.",
    )
    b = doc(
        "2-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        body="Theo Kết luận số 21-KL/TW, ngày 25/11/2021.",
    )
    analysis = analyse(tmp_path, {"x/a.md": a, "x/b.md": b})
    [warning] = analysis.problems.warnings
    assert (warning.code, warning.path, warning.line) == ("probable-wrong-date", "d/x/b.md", 8)
    assert "có thể sai ngày" in warning.message and "25/11/2021" in warning.message


def test_unresolved_references_become_stubs_sorted_by_citations(tmp_path: Path) -> None:
    a = doc(
        "1-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        body="Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 về tăng cường củng cố tổ chức cơ sở Đảng. "
        "Theo Quy định số 85-QĐ/TW, ngày 07/10/2022.",
    )
    b = doc("2-HD/TU", "Hướng dẫn", "Tỉnh ủy Bắc Kạn", "01/03/2023", body="Theo Nghị quyết số 21-NQ/TW.")
    analysis = analyse(tmp_path, {"x/a.md": a, "x/b.md": b})
    stubs = analysis.graph.stubs
    assert [(s.name, len(s.citations)) for s in stubs] == [
        ("Nghị quyết số 21-NQ/TW", 2),
        ("Quy định số 85-QĐ/TW", 1),
    ]
    first = stubs[0]
    assert first.date is not None and first.date.isoformat() == "2022-06-16"
    assert first.about is not None and first.about.startswith("tăng cường củng cố tổ chức cơ sở Đảng")
    assert [c.document.id for c in first.citations] == ["1-hd-tu", "2-hd-tu"]
    assert first.citations[0].sentence.startswith("Thực hiện Nghị quyết số 21-NQ/TW")
    assert first.slug == "21-nq-tw-2022-06-16"


def test_a_document_citing_itself_is_an_error_not_a_crash(tmp_path: Path) -> None:
    a = doc(
        "1-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        extra="relations:\n  basis:\n    - Chỉ thị số 02-CT/TW",
    )
    b = doc(
        "02-CT/TW",
        "Chỉ thị",
        "Bộ Chính trị",
        "01/02/2022",
        extra="relations:\n  basis:\n    - Chỉ thị số 02-CT/TW",
    )
    analysis = analyse(tmp_path, {"x/a.md": a, "x/b.md": b})
    assert [(p.path, p.code, p.line) for p in analysis.problems] == [("d/x/b.md", "self-citation", 9)]


def test_an_undated_document_is_found_when_no_dated_one_fits(tmp_path: Path) -> None:
    undated = doc("07-CT/TW", "Chỉ thị", "Bộ Chính trị", "chưa rõ")
    citing = doc(
        "9-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2022",
        extra="relations:\n  basis:\n    - Chỉ thị số 07-CT/TW",
    )
    analysis = analyse(tmp_path, {"x/u.md": undated, "x/c.md": citing})
    assert not analysis.problems
    assert targets(analysis, "9-hd-tu", RelationKind.BASIS) == ["07-ct-tw@None"]


def test_a_pin_by_url_slug_survives_a_reused_number(tmp_path: Path) -> None:
    citing = doc(
        "9-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "01/03/2024",
        extra="relations:\n  basis:\n    - ref: Kết luận 21\n      id: 21-kl-tw\n    - ref: Quy định 101\n      id: 101-qd-tw",
    )
    analysis = analyse(tmp_path, {"x/c.md": citing})
    assert targets(analysis, "9-hd-tu", RelationKind.BASIS) == ["21-kl-tw@2021-10-25"]
    [warning] = analysis.problems.warnings  # 101-qd-tw is the slug of both Quy định 101: never guessed
    assert warning.code == "ambiguous-reference" and "101-qd-tw-2012" in warning.message
