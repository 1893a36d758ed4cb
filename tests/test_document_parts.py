"""The parts of a document's page computed in the core: related documents, the implementation
overview on a generated registry, the Lược đồ's groups and the history of hiệu lực."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from tests.conftest import write_files
from tests.factories import ISSUED, PROVINCE, REGISTRY, analyse_files, doc, generated_province
from vankien.core.urls import link_maker
from vankien.graph.analysis import Analysis, analyse_archive
from vankien.graph.history import validity_history
from vankien.graph.implementation import overview
from vankien.graph.related import LIMIT, Reason, RelatedIndex
from vankien.web.document_page import render_banner, render_overview, schema_groups


def _get(analysis: Analysis, symbol: str):  # type: ignore[no-untyped-def]
    return next(d for d in analysis.archive if d.symbol and d.symbol.text == symbol)


def _basis(*citations: str) -> str:
    return "relations:\n  basis:\n" + "".join(f"    - {c}\n" for c in citations)


A = "Chỉ thị số 1-CT/TW ngày 01/01/2020"
E = "Chỉ thị số 2-CT/TW ngày 01/02/2020"


def test_related_ranks_shared_basis_then_topic_then_issuer_and_leaves_out_the_schema(tmp_path: Path) -> None:
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Ban Bí thư", "01/01/2020"),
        "e.md": doc("2-CT/TW", "Chỉ thị", "Ban Bí thư", "01/02/2020"),
        # The page's document: on two bases, with a topic.
        "x.md": doc(
            "10-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/03/2020", extra=_basis(A, E) + "topics: [báo chí]"
        ),
        # Shares both bases, then one basis (nearer in date, still after).
        "two.md": doc("11-KH/ĐUK", "Kế hoạch", "Đảng ủy Khối", "01/06/2021", extra=_basis(A, E)),
        "one.md": doc("12-KH/ĐUK", "Kế hoạch", "Đảng ủy Khối", "02/03/2020", extra=_basis(A)),
        # Same topic, no shared basis.
        "topic.md": doc(
            "13-HD/BTGTW", "Hướng dẫn", "Ban Tuyên giáo Trung ương", "01/01/2019", extra="topics: [báo chí]"
        ),
        # Same issuer only.
        "issuer.md": doc("14-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/05/2020"),
        # Implements x: in the Lược đồ already, so not "related" too.
        "child.md": doc(
            "15-KH/TU",
            "Kế hoạch",
            "Tỉnh ủy Bắc Kạn",
            "01/04/2020",
            extra=_basis("Kế hoạch số 10-KH/TU ngày 01/03/2020"),
        ),
    }
    analysis = analyse_files(tmp_path, files)
    related = RelatedIndex(analysis.archive, analysis.graph).related(_get(analysis, "10-KH/TU"))
    assert [(r.document.symbol.text, r.reason) for r in related if r.document.symbol] == [
        ("11-KH/ĐUK", Reason.SHARED_BASIS),
        ("12-KH/ĐUK", Reason.SHARED_BASIS),
        ("13-HD/BTGTW", Reason.TOPIC),
        ("14-KH/TU", Reason.ISSUER),
    ]
    assert "Chỉ thị số 1-CT/TW" in related[0].detail and "Chỉ thị số 2-CT/TW" in related[0].detail


def test_related_stops_at_about_ten_and_prefers_the_nearest_in_date(tmp_path: Path) -> None:
    files = {"a.md": doc("1-CT/TW", "Chỉ thị", "Ban Bí thư", "01/01/2020")}
    for month in range(1, 13):
        files[f"k{month}.md"] = doc(
            f"{month}-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", f"15/{month:02d}/2020", extra=_basis(A)
        )
    analysis = analyse_files(tmp_path, files)
    related = RelatedIndex(analysis.archive, analysis.graph).related(_get(analysis, "6-KH/TU"))
    assert len(related) == LIMIT
    # Nearest first: July (30 days after) before May (31 days before), January last of those kept.
    symbols = [r.document.symbol.text for r in related if r.document.symbol]
    assert symbols[:2] == ["7-KH/TU", "5-KH/TU"]
    assert "12-KH/TU" not in symbols  # the farthest of eleven
    assert "6-KH/TU" not in symbols and "1-CT/TW" not in symbols


# -- the implementation overview, on a registry generated for each run --------------------------


def test_overview_lists_every_body_existing_on_the_date_with_its_document_and_delay(tmp_path: Path) -> None:
    rng = random.Random(13)
    registry, files, existing = generated_province(rng, 72)
    assert len(existing) >= 40
    implementing = rng.sample(existing, 25)
    delays: dict[str, int] = {}
    for index, name in enumerate(implementing):
        delay = rng.randint(3, 200)
        delays[name] = delay
        issuer = name if index % 2 else f"Ban Tuyên giáo {name}"
        date = ISSUED + dt.timedelta(days=delay)
        files[f"d{index}.md"] = doc(
            f"{index + 1}-KH/HU",
            "Kế hoạch",
            issuer,
            date.strftime("%d/%m/%Y"),
            extra=_basis("Kế hoạch số 5-KH/BTGTU ngày " + ISSUED.strftime("%d/%m/%Y")),
        )
    write_files(tmp_path, {"co-quan.yml": registry, **files})
    analysis = analyse_archive(tmp_path, today=dt.date(2026, 1, 1))
    assert analysis.ok, analysis.problems
    plan = _get(analysis, "5-KH/BTGTU")
    found = overview(analysis.graph, plan)
    assert found is not None and not found.narrowed_by_recipients
    assert sorted(row.body.name for row in found.implementers) == sorted(existing)
    assert {row.body.name: row.days for row in found.found} == delays
    assert len(found.implementers) - len(found.found) == len(existing) - 25
    ordered = sorted(delays.values())
    assert found.median_days == (ordered[12])
    assert found.fastest is not None and found.fastest.days == ordered[0]
    html = render_overview(plan, found, analysis.graph, link_maker(plan.url))
    text = re.sub(r"<[^>]+>", " ", html)
    assert html.count("<tr") == len(existing) + 1  # every body once, and the header
    assert text.count("chưa có trong kho") == len(existing) - 25 + 1  # the rows, and the caution
    assert "chưa triển khai" not in text
    assert f"25/{len(existing)}" in text and "vk-overview__scroll--long" in html
    # Found rows first, by delay.
    first = html.index("<tbody>")
    fastest = found.fastest.document
    assert fastest is not None and html.index(fastest.name, first) < html.index("chưa có trong kho", first)


def test_overview_is_narrowed_by_noi_nhan_unless_it_addresses_every_district(tmp_path: Path) -> None:
    registry, files, existing = generated_province(random.Random(5), 12)
    named = existing[:3]
    recipients = "recipients:\n" + "".join(f"  - {name},\n" for name in named) + "  - Lưu Văn phòng.\n"
    files["plan.md"] = doc(
        "5-KH/BTGTU", "Kế hoạch", f"Ban Tuyên giáo {PROVINCE}", ISSUED.strftime("%d/%m/%Y"), extra=recipients
    )
    files["all.md"] = doc(
        "6-KH/BTGTU",
        "Kế hoạch",
        f"Ban Tuyên giáo {PROVINCE}",
        ISSUED.strftime("%d/%m/%Y"),
        extra="recipients:\n  - Các huyện ủy, thành ủy, đảng ủy trực thuộc,\n  - Lưu Văn phòng.\n",
    )
    write_files(tmp_path, {"co-quan.yml": registry, **files})
    analysis = analyse_archive(tmp_path, today=dt.date(2026, 1, 1))
    narrowed = overview(analysis.graph, _get(analysis, "5-KH/BTGTU"))
    assert narrowed is not None and narrowed.narrowed_by_recipients
    assert [row.body.name for row in narrowed.implementers] == named
    everyone = overview(analysis.graph, _get(analysis, "6-KH/BTGTU"))
    assert everyone is not None and len(everyone.implementers) == len(existing)


def test_merged_body_counts_what_its_successor_issued_after_the_merger(tmp_path: Path) -> None:
    registry = REGISTRY + (
        "- name: Tỉnh ủy Cũ\n  code: TU\n  parent: Ban Chấp hành Trung ương Đảng\n  level: tỉnh\n"
        "  until: 30/06/2025\n  successor: Tỉnh ủy Mới\n"
        "- name: Tỉnh ủy Mới\n  code: TU\n  parent: Ban Chấp hành Trung ương Đảng\n  level: tỉnh\n"
        "- name: Tỉnh ủy Sau Này\n  code: TU\n  parent: Ban Chấp hành Trung ương Đảng\n  level: tỉnh\n"
        "  from: 01/07/2025\n"
    )
    files = {
        "co-quan.yml": registry,
        "ct.md": doc("50-CT/TW", "Chỉ thị", "Ban Bí thư", "01/03/2025"),
        "moi.md": doc(
            "9-KH/TU",
            "Kế hoạch",
            "Tỉnh ủy Mới",
            "15/08/2025",
            extra=_basis("Chỉ thị số 50-CT/TW ngày 01/03/2025"),
        ),
    }
    write_files(tmp_path, files)
    analysis = analyse_archive(tmp_path, today=dt.date(2026, 1, 1))
    found = overview(analysis.graph, _get(analysis, "50-CT/TW"))
    assert found is not None
    rows = {row.body.name: row for row in found.implementers}
    # Bắc Kạn is in the shared registry too; the body created after the directive is not expected.
    assert "Tỉnh ủy Sau Này" not in rows
    assert rows["Tỉnh ủy Cũ"].by_successor is not None and rows["Tỉnh ủy Cũ"].days == 167
    assert rows["Tỉnh ủy Mới"].days == 167 and rows["Tỉnh ủy Mới"].by_successor is None


def test_no_overview_below_the_province_or_for_news(tmp_path: Path) -> None:
    analysis = analyse_files(
        tmp_path,
        {
            "k.md": doc("3-KH/ĐUK", "Kế hoạch", "Đảng ủy Khối", "01/03/2021"),
            "t.md": doc(None, "Tin bài", "Ban Tuyên giáo Trung ương", "01/03/2021", id_="tin-1"),
        },
    )
    # The Đảng ủy Khối is of province level but has no body under it in the registry.
    assert all(overview(analysis.graph, d) is None for d in analysis.archive)


# -- the Lược đồ's three parts, and the history of hiệu lực ----------------------------------------


def test_schema_puts_mentions_apart_from_what_acts_on_the_document(tmp_path: Path) -> None:
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Ban Bí thư", "01/01/2020"),
        "impl.md": doc("2-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/02/2020", extra=_basis(A)),
        "cite.md": doc(
            "3-KH/TU",
            "Kế hoạch",
            "Tỉnh ủy Bắc Kạn",
            "01/03/2020",
            extra="relations:\n  cites:\n    - Chỉ thị số 1-CT/TW ngày 01/01/2020\n",
            body="Căn cứ Chỉ thị số 99-CT/TW ngày 05/05/2019 của Ban Bí thư về việc khác.\n",
        ),
    }
    analysis = analyse_files(tmp_path, files)
    a = _get(analysis, "1-CT/TW")
    relies, acts, mentions = schema_groups(a, analysis.graph, link_maker(a.url), "van-ban")
    assert relies == []
    assert [(g.label, [e.name for e in g.entries]) for g in acts] == [
        ("Văn bản triển khai", ["Kế hoạch số 2-KH/TU"])
    ]
    assert [(g.label, [e.name for e in g.entries]) for g in mentions] == [
        ("Được dẫn chiếu bởi", ["Kế hoạch số 3-KH/TU"])
    ]
    citing = _get(analysis, "3-KH/TU")
    relies, _, _ = schema_groups(citing, analysis.graph, link_maker(citing.url), "van-ban")
    entries = [(g.label, e.name, e.in_archive) for g in relies for e in g.entries]
    # The archived document it cites, and the one it cites that the archive does not hold.
    assert ("Dẫn chiếu", "Chỉ thị số 1-CT/TW", True) in entries
    assert any(name == "Chỉ thị số 99-CT/TW" and not archived for _, name, archived in entries)


def test_validity_history_lists_issue_effect_amendment_and_end(tmp_path: Path) -> None:
    a = "Chỉ thị số 1-CT/TW ngày 01/01/2020"
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Ban Bí thư", "01/01/2020", extra="effective_date: 15/01/2020"),
        "b.md": doc(
            "2-CT/TW", "Chỉ thị", "Ban Bí thư", "01/06/2021", extra=f"relations:\n  amends:\n    - {a}\n"
        ),
        "c.md": doc(
            "3-CT/TW",
            "Chỉ thị",
            "Ban Bí thư",
            "01/06/2023",
            extra=f"effective_date: 01/07/2023\nrelations:\n  replaces:\n    - {a}\n",
        ),
    }
    analysis = analyse_files(tmp_path, files)
    rows = [
        (e.date, e.state, e.source.symbol.text if e.source and e.source.symbol else None, e.note)
        for e in validity_history(analysis.graph, _get(analysis, "1-CT/TW"))
    ]
    assert rows == [
        (dt.date(2020, 1, 1), "Ban hành", None, None),
        (dt.date(2020, 1, 15), "Có hiệu lực", None, None),
        (dt.date(2021, 6, 1), "Được sửa đổi, bổ sung", "2-CT/TW", None),
        (dt.date(2023, 7, 1), "Hết hiệu lực toàn bộ", "3-CT/TW", "bị thay thế"),
    ]


def test_banner_tells_a_reader_the_document_is_not_or_no_longer_wholly_in_force(tmp_path: Path) -> None:
    a = "Chỉ thị số 1-CT/TW ngày 01/01/2020"
    files = {
        "a.md": doc("1-CT/TW", "Chỉ thị", "Ban Bí thư", "01/01/2020"),
        "b.md": doc(
            "2-CT/TW", "Chỉ thị", "Ban Bí thư", "01/06/2021", extra=f"relations:\n  amends:\n    - {a}\n"
        ),
        "lapsed.md": doc(
            "3-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/01/2021", extra="expiry_date: 31/12/2021"
        ),
        "future.md": doc(
            "4-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/01/2021", extra="effective_date: 01/01/2099"
        ),
        "given.md": doc("5-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/01/2021", extra="status: còn hiệu lực"),
    }
    analysis = analyse_files(tmp_path, files)

    def banner(symbol: str) -> str:
        document = _get(analysis, symbol)
        html = render_banner(document, analysis.graph, link_maker(document.url))
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())

    assert banner("1-CT/TW") == "Văn bản này đã được sửa đổi, bổ sung bởi Chỉ thị số 2-CT/TW ngày 01/06/2021."
    assert banner("3-KH/TU").startswith(
        "Văn bản này đã hết hiệu lực toàn bộ (hết thời hạn áp dụng, từ 31/12/2021"
    )
    assert banner("4-KH/TU") == "Văn bản này chưa có hiệu lực; có hiệu lực từ ngày 01/01/2099."
    assert banner("5-KH/TU") == "" and banner("2-CT/TW") == ""
