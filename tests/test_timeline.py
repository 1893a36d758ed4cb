"""Graph functions behind the timeline, browse pages, lineage and history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.factories import analyse_files, doc
from vankien.core.text import label_suffix
from vankien.core.urls import link_maker, relative_url
from vankien.graph.analysis import Analysis
from vankien.graph.history import history
from vankien.graph.lineage import days_label, lineage
from vankien.web.charts import bar_chart
from vankien.web.document_page import render_lineage
from vankien.web.lineage_svg import MAX_PER_ROW, render_lineage_svg
from vankien.web.paginate import PAGE_SIZE
from vankien.web.plan import PagePlan
from vankien.web.timeline import (
    body_tree,
    by_status,
    counts_by_month,
    counts_by_year,
    group_by_year_and_month,
    newest_first,
)


def basis(citation: str) -> str:
    return f"relations:\n  basis:\n    - {citation}"


# A three-level cascade: Kết luận (TW) -> Hướng dẫn (tỉnh) -> two Kế hoạch (khối), one replaced.
CASCADE = {
    "kl.md": doc("21-KL/TW", "Kết luận", "Ban Chấp hành Trung ương Đảng", "25/10/2021", "Xây dựng Đảng"),
    "hd.md": doc(
        "5-HD/TU",
        "Hướng dẫn",
        "Tỉnh ủy Bắc Kạn",
        "17/11/2021",
        "Tuyên truyền",
        extra=basis("Kết luận số 21-KL/TW, ngày 25/10/2021"),
    ),
    "kh1.md": doc(
        "7-KH/ĐUK",
        "Kế hoạch",
        "Đảng ủy Khối",
        "02/12/2021",
        "Kế hoạch 7",
        extra=basis("Hướng dẫn số 5-HD/TU, ngày 17/11/2021"),
        body="Theo Kết luận số 21-KL/TW.",
    ),
    "kh2.md": doc(
        "9-KH/ĐUK",
        "Kế hoạch",
        "Đảng ủy Khối",
        "17/11/2021",
        "Kế hoạch 9",
        extra=basis("Hướng dẫn số 5-HD/TU, ngày 17/11/2021"),
        body="",
    ),
    "kh3.md": doc(
        "12-KH/ĐUK",
        "Kế hoạch",
        "Đảng ủy Khối",
        "03/01/2022",
        "Kế hoạch 12",
        extra="relations:\n  replaces:\n    - Kế hoạch số 9-KH/ĐUK, ngày 17/11/2021\n"
        "  basis:\n    - Hướng dẫn số 5-HD/TU, ngày 17/11/2021",
    ),
    "undated.md": doc(None, "Thông báo", "Bộ Chính trị", "chưa rõ", "Thông báo", id_="tb-bct"),
}


@pytest.fixture
def cascade(tmp_path: Path) -> Analysis:
    analysis = analyse_files(tmp_path / "d", CASCADE)
    assert not analysis.problems, [p.format() for p in analysis.problems]
    return analysis


def ids(documents: list) -> list[str]:  # type: ignore[type-arg]
    return [d.id for d in documents]


def get(analysis: Analysis, doc_id: str):  # type: ignore[no-untyped-def]
    document = analysis.archive.get(doc_id)
    assert document is not None
    return document


def test_newest_first_puts_unknown_dates_last(cascade: Analysis) -> None:
    assert ids(newest_first(cascade.archive)) == [
        "12-kh-dukk"[:0] + "12-kh-duk",
        "7-kh-duk",
        "9-kh-duk",
        "5-hd-tu",
        "21-kl-tw",
        "tb-bct",
    ]


def test_grouped_by_year_and_month_newest_first(cascade: Analysis) -> None:
    groups = group_by_year_and_month(cascade.archive)
    assert [(g.year, [(m.month, ids(m.documents)) for m in g.months]) for g in groups] == [
        (2022, [(1, ["12-kh-duk"])]),
        (2021, [(12, ["7-kh-duk"]), (11, ["9-kh-duk", "5-hd-tu"]), (10, ["21-kl-tw"])]),
        (None, [(None, ["tb-bct"])]),
    ]


def test_counts_by_year_include_empty_years_and_by_month_all_twelve() -> None:
    class D:  # only dates matter for counting
        def __init__(self, year: int, month: int) -> None:
            self.date = dt.date(year, month, 1)

    docs = [D(2019, 3), D(2021, 3), D(2021, 5)]
    assert counts_by_year(docs) == [(2019, 1), (2020, 0), (2021, 2)]  # type: ignore[arg-type]
    assert counts_by_month(docs, 2021)[2:5] == [(3, 1), (4, 0), (5, 1)]  # type: ignore[arg-type]
    assert len(counts_by_month(docs, 2021)) == 12  # type: ignore[arg-type]


def test_body_tree_follows_parents_in_vietnamese_order(cascade: Analysis) -> None:
    roots = body_tree(cascade.archive)
    assert [r.name for r in roots] == ["Ban Chấp hành Trung ương Đảng"]
    children = [c.name for c in roots[0].children]
    assert children == ["Bộ Chính trị", "Tỉnh ủy Bắc Kạn"]  # bodies with no document are left out
    assert roots[0].total == 6
    assert [c.name for c in roots[0].children[1].children] == ["Đảng ủy Khối"]


def test_status_groups_follow_the_schema_order(tmp_path: Path) -> None:
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2020", extra="status: hết hiệu lực"),
        "b.md": doc("2-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2021", extra="status: còn hiệu lực"),
    }
    # "hết hiệu lực", an older archive's word, reads as "hết hiệu lực toàn bộ".
    assert list(by_status(analyse_files(tmp_path, files).archive)) == ["còn hiệu lực", "hết hiệu lực toàn bộ"]


def test_lineage_goes_up_to_the_root_and_down_every_level_with_day_gaps(cascade: Analysis) -> None:
    plan = lineage(cascade.graph, get(cascade, "7-kh-duk"))
    assert [[(s.document.id, s.child.id, s.days_until_child) for s in level] for level in plan.ancestors] == [
        [("5-hd-tu", "7-kh-duk", 15)],
        [("21-kl-tw", "5-hd-tu", 23)],
    ]
    top = lineage(cascade.graph, get(cascade, "21-kl-tw"))
    levels = top.descendant_levels()
    assert [[(n.document.id, n.days_after_parent) for n in level] for level in levels] == [
        [("5-hd-tu", 23)],
        [("9-kh-duk", 0), ("7-kh-duk", 15), ("12-kh-duk", 47)],  # date order
    ]
    assert top.descendant_count == 4


@pytest.mark.parametrize(
    ("days", "label"),
    [(23, "ban hành sau 23 ngày"), (0, "ban hành cùng ngày"), (-3, "ban hành trước 3 ngày"), (None, "")],
)
def test_days_label(days: int | None, label: str) -> None:
    assert days_label(days) == label


def test_history_is_dated_and_names_what_acted(cascade: Analysis) -> None:
    events = history(cascade.graph, get(cascade, "9-kh-duk"))
    assert [
        (e.date.isoformat() if e.date else None, e.label, e.other.id if e.other else None) for e in events
    ] == [
        ("2021-11-17", "ban hành", None),
        ("2022-01-03", "bị thay thế bởi", "12-kh-duk"),
    ]
    hd = [
        (e.label, e.other.id if e.other else None) for e in history(cascade.graph, get(cascade, "21-kl-tw"))
    ]
    assert hd == [("ban hành", None), ("được làm căn cứ bởi", "5-hd-tu"), ("được dẫn chiếu bởi", "7-kh-duk")]


def test_a_document_with_hundreds_of_descendants_collapses_levels(tmp_path: Path) -> None:
    files = {"root.md": doc("1-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2020")}
    for n in range(1, 241):
        files[f"k{n}.md"] = doc(
            f"{n}-KH/TU",
            "Kế hoạch",
            "Tỉnh ủy Bắc Kạn",
            f"{(n % 28) + 1:02d}/02/2020",
            extra=basis("Chỉ thị số 1-CT/TW, ngày 01/01/2020"),
        )
    analysis = analyse_files(tmp_path, files)
    plan = lineage(analysis.graph, get(analysis, "1-ct-tw"))
    assert plan.descendant_count == 240
    svg = render_lineage_svg(plan, link_maker(get(analysis, "1-ct-tw").url))
    assert svg.count('class="vk-lineage__box"') == MAX_PER_ROW - 1
    assert "+235 văn bản" in svg
    assert svg.count("<rect") == MAX_PER_ROW + 1  # the document, five plans and the "+235" box
    html = render_lineage(plan, link_maker(get(analysis, "1-ct-tw").url))
    assert "Văn bản triển khai các cấp (240)" in html


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("van-ban/2023/39-hd-btgtu/", "dong-thoi-gian/", "../van-ban/2023/39-hd-btgtu/"),
        ("van-ban/2023/39-hd-btgtu/", "", "van-ban/2023/39-hd-btgtu/"),
        ("", "co-quan/tinh-uy/", "../../"),
        ("dong-thoi-gian/2021/", "dong-thoi-gian/", "2021/"),
        ("dong-thoi-gian/", "dong-thoi-gian/", "./"),
    ],
)
def test_relative_url(target: str, page: str, link: str) -> None:
    assert relative_url(target, page) == link


def test_bar_chart_links_bars_and_skips_empty_years() -> None:
    svg = bar_chart([("2019", 2), ("2020", 0)], title="t", href=lambda label: f"{label}/")
    assert '<a href="2019/">' in svg and '<a href="2020/">' not in svg
    assert "<title>2019: 2 văn bản</title>" in svg


def test_listings_are_paginated(tmp_path: Path) -> None:
    files = {
        f"c{n}.md": doc(f"{n}-CT/TW", "Chỉ thị", "Bộ Chính trị", f"{(n % 28) + 1:02d}/0{(n % 9) + 1}/2020")
        for n in range(1, PAGE_SIZE + 11)
    }
    analysis = analyse_files(tmp_path, files)
    pages = {p.url: p for p in PagePlan(analysis.archive, analysis.graph).pages()}
    assert "dong-thoi-gian/trang-2/" in pages and "dong-thoi-gian/trang-3/" not in pages
    second = pages["dong-thoi-gian/trang-2/"].render(link_maker("dong-thoi-gian/trang-2/"))
    assert second.count('class="vk-tl__item"') == 10
    assert '<a href="../">1</a>' in second and '<span aria-current="page">2</span>' in second


def test_names_that_fold_to_one_url_share_one_page(tmp_path: Path) -> None:
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2020", extra="topics: [Kinh tế]"),
        "b.md": doc("2-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2021", extra="topics: [kinh tế, '!!!']"),
        "c.md": doc("3-CT/TW", "Chỉ thị", "Tỉnh Ủy X", "01/01/2021"),
        "d.md": doc("4-CT/TW", "Chỉ thị", "Tỉnh ủy X", "01/01/2021"),
    }
    analysis = analyse_files(tmp_path, files)
    pages = {p.url: p for p in PagePlan(analysis.archive, analysis.graph).pages()}
    topic = pages["chu-de/kinh-te/"].render(link_maker("chu-de/kinh-te/"))
    assert topic.count('class="vk-tl__item"') == 2
    assert "chu-de/khac/" in pages
    # Two spellings of a body the registry lacks: two pages, each with its own label, at URLs
    # derived from the label (not from which file was read first).
    bodies = sorted(url for url in pages if url.startswith("co-quan/tinh-uy-x"))
    assert bodies == sorted(f"co-quan/tinh-uy-x-{label_suffix(n)}/" for n in ("Tỉnh Ủy X", "Tỉnh ủy X"))
    assert pages[f"co-quan/tinh-uy-x-{label_suffix('Tỉnh Ủy X')}/"].title.endswith("Tỉnh Ủy X")


def test_labels_that_differ_in_more_than_case_keep_their_own_pages(tmp_path: Path) -> None:
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2020", extra="topics: [xây dựng Đảng]"),
        "b.md": doc("2-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2021", extra="topics: [xay dung dang]"),
    }
    analysis = analyse_files(tmp_path, files)
    for order in (files, dict(reversed(list(files.items())))):
        plan = PagePlan(analyse_files(tmp_path / str(len(order)), order).archive, analysis.graph)
        titles = {p.url: p.title for p in plan.pages() if p.url.startswith("chu-de/xay-dung-dang")}
        assert titles == {
            f"chu-de/xay-dung-dang-{label_suffix('xây dựng Đảng')}/": "Chủ đề: xây dựng Đảng",
            f"chu-de/xay-dung-dang-{label_suffix('xay dung dang')}/": "Chủ đề: xay dung dang",
        }
