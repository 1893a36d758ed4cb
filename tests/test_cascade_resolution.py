"""Relations resolve when the build runs: an imported basis marked `external: true` links once its
target is in the archive (with a notice that the mark is stale), lineage places each document at
the depth of its longest chain, and a cited document not in the archive has one stub whatever
the wording, offering archived look-alikes as "có thể là"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import write_files
from tests.factories import REGISTRY as FACTORY_REGISTRY
from vankien.cli.check import check
from vankien.cli.importing import import_command
from vankien.core.model import RelationKind
from vankien.core.problems import Severity
from vankien.core.urls import DOCUMENTS
from vankien.graph.analysis import analyse_archive
from vankien.graph.lineage import lineage
from vankien.web.document_page import render_relations_as_written
from vankien.web.stub_pages import render_stub_page

REGISTRY = (
    FACTORY_REGISTRY
    + """\
- name: Huyện ủy Ba Bể
  code: HU
  parent: Tỉnh ủy Bắc Kạn
  level: huyện
"""
)

DIRECTIVE = """
---
symbol: 35-CT/TW
type: Chỉ thị
issuer: Bộ Chính trị
date: 14/06/2024
title: Về đại hội đảng bộ các cấp
---

Nội dung.
"""

PROVINCE_PLAN = """
---
symbol: 157-KH/TU
type: Kế hoạch
issuer: Tỉnh ủy Bắc Kạn
date: 05/08/2024
title: Tổ chức đại hội đảng bộ các cấp
relations:
  basis:
    - ref: Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị
      external: true
---

Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, Tỉnh ủy ban hành Kế hoạch.
"""

# A district plan naming both the directive and the province's plan: it belongs under the plan.
DISTRICT_PLAN = """
---
symbol: 172-KH/HU
type: Kế hoạch
issuer: Huyện ủy Ba Bể
date: 20/09/2024
title: Tổ chức đại hội đảng bộ huyện
relations:
  basis:
    - Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị
    - Kế hoạch số 157-KH/TU ngày 05/8/2024 của Tỉnh ủy Bắc Kạn
---

Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị; Kế hoạch số 157-KH/TU ngày 05/8/2024 của
Tỉnh ủy Bắc Kạn, Huyện ủy ban hành Kế hoạch.
"""


def _archive(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_files(tmp_path / "directives", {"co-quan.yml": REGISTRY, **files})


def test_an_external_basis_links_once_its_target_is_added_and_the_mark_is_a_notice(tmp_path: Path) -> None:
    root = _archive(tmp_path, {"2024/157-kh-tu.md": PROVINCE_PLAN})
    before = analyse_archive(root)
    plan = before.archive.get("157-kh-tu")
    assert plan is not None and before.graph.relies_on(plan, RelationKind.BASIS) == []
    write_files(root, {"2024/35-ct-tw.md": DIRECTIVE})
    after = analyse_archive(root)
    plan, directive = after.archive.get("157-kh-tu"), after.archive.get("35-ct-tw")
    assert plan is not None and directive is not None
    assert [e.target for e in after.graph.edges() if e.source is plan] == [directive]
    notices = [p for p in after.problems if p.code == "stale-external"]
    assert [p.severity for p in notices] == [Severity.NOTICE]
    # The card's relations as written link the citation to the archived document.
    html = render_relations_as_written(plan, after.graph, lambda url: url, f"/{DOCUMENTS}")
    assert (
        f'<a href="{directive.url}">' in html and "ngoài kho" not in html and "chưa có trong kho" not in html
    )
    # A notice never fails a check, strict or not.
    result = CliRunner().invoke(check, [str(root), "--strict"])
    assert result.exit_code == 0, result.output
    assert (
        "lưu ý: `Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị` được đánh dấu `external: true`"
        in result.output
    )


def test_lineage_places_a_document_at_its_longest_chain(tmp_path: Path) -> None:
    root = _archive(
        tmp_path,
        {
            "2024/35-ct-tw.md": DIRECTIVE,
            "2024/157-kh-tu.md": PROVINCE_PLAN,
            "2024/172-kh-hu.md": DISTRICT_PLAN,
        },
    )
    analysis = analyse_archive(root)
    directive = analysis.archive.get("35-ct-tw")
    assert directive is not None
    levels = [
        [node.document.id for node in level]
        for level in lineage(analysis.graph, directive).descendant_levels()
    ]
    assert levels == [["157-kh-tu"], ["172-kh-hu"]]


CITING = """
---
symbol: 12-KH/TU
type: Kế hoạch
issuer: Tỉnh ủy Bắc Kạn
date: 01/03/2022
title: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
---

Tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo.
Kết quả thực hiện Chỉ thị số 05 của Bộ Chính trị khóa XII được sơ kết. Chỉ thị số 05 được quán triệt.
Quán triệt Nghị quyết Đại hội XIII của Đảng bộ Khối và Nghị quyết Đại hội Đảng bộ Khối các cơ quan
Trung ương lần thứ XIII.
Theo Hướng dẫn số 115-HD/BTGW, ngày 08 tháng 01 năm 2020 của Ban Tuyên giáo Trung ương.
"""

GUIDE = """
---
symbol: 118-HD/BTGTW
type: Hướng dẫn
issuer: Ban Tuyên giáo Trung ương
date: 08/01/2020
title: Tuyên truyền kỷ niệm các ngày lễ lớn năm 2020
---

Nội dung.
"""


def test_one_stub_per_cited_document_and_candidates_offered(tmp_path: Path) -> None:
    root = _archive(tmp_path, {"2022/12-kh-tu.md": CITING, "2020/118-hd-btgtw.md": GUIDE})
    analysis = analyse_archive(root)
    stubs = {stub.name: stub for stub in analysis.graph.stubs}
    directive = stubs["Chỉ thị số 05-CT/TW"]
    assert sorted(directive.merged_forms) == ["Chỉ thị số 05"]
    assert len(directive.citations_by_document) == 1 and len(directive.citations) == 3
    congresses = [s for s in analysis.graph.stubs if s.type == "Nghị quyết" and not s.symbol]
    assert len(congresses) == 1 and congresses[0].merged_forms
    guide = analysis.archive.get("118-hd-btgtw")
    wrong_number = stubs["Hướng dẫn số 115-HD/BTGW"]
    assert wrong_number.candidates == [guide]
    html = render_stub_page(wrong_number, lambda url: url)
    assert "Có thể là" in html and "Gộp từ" not in html
    # Offered, never linked: the guide is cited by nobody.
    assert guide is not None and not any(e.target is guide for e in analysis.graph.edges())
    page = render_stub_page(directive, lambda url: url)
    assert ("Gộp từ" in page and page.count("12-KH/TU") == 1) or page.count(
        'href="/van-ban/2022/12-kh-tu/"'
    ) == 1


def test_import_proposes_bodies_and_add_issuers_writes_them(tmp_path: Path) -> None:
    source = tmp_path / "kh.txt"
    source.write_text(
        "HUYỆN ỦY PHÚ LỘC\nBAN TUYÊN GIÁO\n*\nSố 07-CV/BTGHU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Phú Lộc, ngày 11 tháng 9 năm 2020\n\nV/v đẩy mạnh công tác tuyên truyền\n\n"
        "Thực hiện Kế hoạch số 112-KH/HU, ngày 22/01/2020 của Ban Thường vụ Huyện ủy, Ban Tuyên giáo Huyện ủy "
        "đề nghị các chi bộ thực hiện như sau:\n1. Tuyên truyền đại hội.\n",
        encoding="utf-8",
    )
    archive = _archive(tmp_path, {})
    runner = CliRunner()
    proposed = runner.invoke(import_command, [str(source), "--out", str(archive)])
    assert "- name: Ban Tuyên giáo Huyện ủy Phú Lộc" in proposed.stdout
    assert "code: BTGHU" in proposed.stdout and "parent: Huyện ủy Phú Lộc" in proposed.stdout
    strict = runner.invoke(check, [str(archive), "--strict"])
    assert strict.exit_code == 1  # the body is not in the registry yet: a warning
    added = runner.invoke(import_command, [str(source), "--out", str(archive), "--add-issuers", "--force"])
    assert added.exit_code == 0, added.output
    registry = (archive / "co-quan.yml").read_text(encoding="utf-8")
    assert (
        "- name: Ban Tuyên giáo Huyện ủy Phú Lộc\n  code: BTGHU\n  parent: Huyện ủy Phú Lộc\n  level: huyện"
        in registry
    )
    assert "- name: Huyện ủy Phú Lộc\n  code: HU\n  level: huyện" in registry
    strict = runner.invoke(check, [str(archive), "--strict"])
    assert strict.exit_code == 0, strict.output


def test_a_file_the_archive_would_reject_is_taken_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net behind the importer: whatever it wrote, a file the archive rejects with an
    error is not kept, and the file it replaced comes back."""
    import vankien.cli.importing as importing

    archive = _archive(tmp_path, {"2024/35-ct-tw.md": DIRECTIVE})
    before = (archive / "2024/35-ct-tw.md").read_text(encoding="utf-8")
    source = tmp_path / "ct.txt"
    source.write_text(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 35-CT/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 14 tháng 6 năm 2024\n"
        "CHỈ THỊ\nCỦA BỘ CHÍNH TRỊ\nvề đại hội đảng bộ các cấp\nĐại hội đảng bộ các cấp là sinh hoạt chính trị.\n",
        encoding="utf-8",
    )
    real_render = importing.render
    monkeypatch.setattr(
        importing,
        "render",
        lambda doc, **kw: real_render(doc, **kw).replace("date: 14/06/2024", "date: 31/02/2024"),
    )
    result = CliRunner().invoke(import_command, [str(source), "--out", str(archive), "--force"])
    assert result.exit_code == 1
    assert "đã không giữ tệp" in result.stderr
    assert (archive / "2024/35-ct-tw.md").read_text(encoding="utf-8") == before
    assert analyse_archive(archive).problems.errors == []


def test_texts_with_no_identity_get_files_of_their_own(tmp_path: Path) -> None:
    archive = _archive(tmp_path, {})
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Một đoạn văn không có tiêu đề, không có ngày, không có tác giả.\n", encoding="utf-8")
    second.write_text("Một đoạn văn khác, cũng không có tiêu đề và không có ngày.\n", encoding="utf-8")
    result = CliRunner().invoke(import_command, [str(first), str(second), "--out", str(archive)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in archive.rglob("*.md")) == [
        "van-ban-chua-ro-co-quan-2.md",
        "van-ban-chua-ro-co-quan.md",
    ]
    assert analyse_archive(archive).problems.errors == []
