"""The cache key of a document's page: it changes exactly for the pages that show what was edited.

Each case builds a small archive twice (before and after one edit), computes every page's key
and renders every page's content; the pages whose key changed are named exactly, and every page
whose content changed is among them (a key that stayed while its page changed would serve a stale
page). A control shows the cases would catch a missing dependency.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.factories import analyse_files, doc
from vankien.core.model import Document, RelationKind
from vankien.core.urls import DOCUMENTS, link_maker
from vankien.graph.analysis import Analysis
from vankien.graph.dependencies import (
    PageDependencies,
    document_fingerprint,
    neighbour_fingerprint,
    page_dependencies,
    page_key,
    stub_fingerprint,
)
from vankien.graph.model import Graph
from vankien.graph.related import RelatedIndex
from vankien.web.document_page import PageContext, render_document_page

SALT = "salt"


def _basis(citation: str) -> str:
    return f"relations:\n  basis:\n    - {citation}\n"


NQ = "Nghị quyết số 1-NQ/TW ngày 01/02/2020"
CT = "Chỉ thị số 2-CT/TW ngày 01/03/2021"
KH = "Kế hoạch số 3-KH/TU ngày 01/04/2022"
HD = "Hướng dẫn số 4-HD/ĐUK ngày 01/05/2023"


def archive(ct_title: str = "Chỉ thị về học tập", u_body: str = "Nội dung.") -> dict[str, str]:
    """A cascade nq ← ct ← kh ← hd, each issuer with its own documents so that "related" is
    known: w shares nq's issuer, z shares ct's; u and v stand apart (u cites a document the
    archive does not hold)."""
    return {
        "nq.md": doc(
            "1-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "01/02/2020", "Nghị quyết gốc"
        ),
        "w.md": doc(
            "5-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "01/06/2020", "Nghị quyết khác"
        ),
        "ct.md": doc("2-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/03/2021", ct_title, extra=_basis(NQ)),
        "z.md": doc("6-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/07/2021", "Chỉ thị khác"),
        "kh.md": doc(
            "3-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", "01/04/2022", "Kế hoạch thực hiện", extra=_basis(CT)
        ),
        "hd.md": doc(
            "4-HD/ĐUK", "Hướng dẫn", "Đảng ủy Khối", "01/05/2023", "Hướng dẫn thực hiện", extra=_basis(KH)
        ),
        "u.md": doc(
            "7-HD/BTGTW",
            "Hướng dẫn",
            "Ban Tuyên giáo Trung ương",
            "01/08/2019",
            "Hướng dẫn riêng",
            extra="relations:\n  cites:\n    - ref: Chỉ thị số 99-CT/TW ngày 01/01/2010\n      external: true\n",
            body=u_body,
        ),
        "v.md": doc(None, "Thông báo", "Ban Bí thư", "01/09/2018", "Thông báo riêng"),
    }


DepsFor = Callable[[Document, Graph, RelatedIndex], PageDependencies]


def keys(analysis: Analysis, deps_for: DepsFor = page_dependencies) -> dict[str, str]:
    related = RelatedIndex(analysis.archive, analysis.graph)
    return {
        d.id: page_key(d, deps_for(d, analysis.graph, related), neighbour_fingerprint, SALT)
        for d in analysis.archive
    }


def pages(analysis: Analysis) -> dict[str, str]:
    context = PageContext.of(analysis.graph, DOCUMENTS)
    return {d.id: render_document_page(d, d.body, context, link_maker(d.url)) for d in analysis.archive}


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {i for i in after if before.get(i) != after[i]} | (before.keys() - after.keys())


def build(tmp_path: Path, name: str, files: dict[str, str]) -> Analysis:
    """The archive in one folder whatever the case, since a document's path is on its page."""
    del name
    shutil.rmtree(tmp_path / "archive", ignore_errors=True)
    analysis = analyse_files(tmp_path / "archive", files)
    assert not analysis.problems.errors, analysis.problems
    return analysis


def edit(
    tmp_path: Path,
    before_files: dict[str, str],
    after_files: dict[str, str],
    deps_for: DepsFor = page_dependencies,
) -> tuple[set[str], set[str]]:
    """The pages whose key changed and the pages whose content changed."""
    before = build(tmp_path, "before", before_files)
    before_keys, before_pages = keys(before, deps_for), pages(before)
    after = build(tmp_path, "after", after_files)
    return changed(before_keys, keys(after, deps_for)), changed(before_pages, pages(after))


def test_the_archive_is_as_the_cases_assume(tmp_path: Path) -> None:
    analysis = build(tmp_path, "a", archive())
    graph, related = analysis.graph, RelatedIndex(analysis.archive, analysis.graph)
    ids = {d.id for d in analysis.archive}
    assert ids == {
        "1-nq-tw",
        "5-nq-tw",
        "2-ct-tw",
        "6-ct-tw",
        "3-kh-tu",
        "4-hd-duk",
        "7-hd-btgtw",
        v_id(analysis),
    }
    ct = analysis.archive.get("2-ct-tw")
    assert ct is not None
    deps = page_dependencies(ct, graph, related)
    # Both ways, the lineage down to the grandchild, and the same issuer's other directive.
    assert deps.ids == ("1-nq-tw", "3-kh-tu", "4-hd-duk", "6-ct-tw")
    u = analysis.archive.get("7-hd-btgtw")
    assert u is not None
    u_deps = page_dependencies(u, graph, related)
    assert [s.name for s in u_deps.stubs] == ["Chỉ thị số 99-CT/TW"]
    assert u_deps.ids == (f"stub:{u_deps.stubs[0].slug}",)
    assert len(stub_fingerprint(u_deps.stubs[0])) == 64


def v_id(analysis: Analysis) -> str:
    return next(d.id for d in analysis.archive if d.path.endswith("v.md"))


def test_nothing_edited_no_key_changes(tmp_path: Path) -> None:
    keyed, rendered = edit(tmp_path, archive(), archive())
    assert keyed == set() and rendered == set()


def test_a_title_changes_the_pages_that_show_the_document_and_no_other(tmp_path: Path) -> None:
    keyed, rendered = edit(tmp_path, archive(), archive(ct_title="Chỉ thị về học tập, sửa lại"))
    # Itself; its basis (both ways and lineage); its child; its grandchild (lineage only); the
    # same issuer's directive that lists it as related.
    assert keyed == {"2-ct-tw", "1-nq-tw", "3-kh-tu", "4-hd-duk", "6-ct-tw"}
    assert len(keyed) == 5
    assert rendered == keyed
    # The grandchild shows it only through its lineage: the control below depends on that.
    assert "4-hd-duk" in rendered


def test_a_body_edit_changes_only_its_own_page(tmp_path: Path) -> None:
    keyed, rendered = edit(tmp_path, archive(), archive(u_body="Nội dung đã sửa, vẫn không dẫn văn bản nào."))
    assert keyed == {"7-hd-btgtw"}
    assert rendered == keyed


def test_a_body_that_mentions_a_document_changes_that_documents_page_too(tmp_path: Path) -> None:
    after = archive(u_body="Nội dung như Nghị quyết số 5-NQ/TW ngày 01/06/2020 đã nêu.")
    keyed, rendered = edit(tmp_path, archive(), after)
    analysis = build(tmp_path, "check", after)
    w = analysis.archive.get("5-nq-tw")
    assert w is not None and [e.source.id for e in analysis.graph.acted_on_by(w, RelationKind.CITES)] == [
        "7-hd-btgtw"
    ]
    assert keyed == {"7-hd-btgtw", "5-nq-tw"}
    assert rendered == keyed


def test_a_new_implementing_document_changes_its_basis_and_the_bases_above(tmp_path: Path) -> None:
    after = {
        **archive(),
        "d.md": doc("8-KH/TW", "Kế hoạch", "Ban Bí thư", "01/06/2023", "Mới", extra=_basis(HD)),
    }
    keyed, rendered = edit(tmp_path, archive(), after)
    # The new page; its basis (Lược đồ); the bases above, whose lineage lists their descendants;
    # and the notice v, which lists the new document as related (the same issuer, Ban Bí thư).
    analysis = build(tmp_path, "check", after)
    v = v_id(analysis)
    v_document = analysis.archive.get(v)
    assert v_document is not None
    related = RelatedIndex(analysis.archive, analysis.graph)
    assert [r.document.id for r in related.related(v_document)] == ["8-kh-tw"]
    assert keyed == {"8-kh-tw", "4-hd-duk", "3-kh-tu", "2-ct-tw", "1-nq-tw", v}
    assert len(keyed) == 6
    assert rendered == keyed


def test_a_change_of_salt_changes_every_key(tmp_path: Path) -> None:
    analysis = build(tmp_path, "a", archive())
    related = RelatedIndex(analysis.archive, analysis.graph)
    for document in analysis.archive:
        deps = page_dependencies(document, analysis.graph, related)
        assert page_key(document, deps, neighbour_fingerprint, "a") != page_key(
            document, deps, neighbour_fingerprint, "b"
        )
        assert page_key(document, deps, neighbour_fingerprint, "a", extra=("topic/x/",)) != page_key(
            document, deps, neighbour_fingerprint, "a"
        )


def test_fingerprints_tell_what_other_pages_show_from_what_only_the_own_page_shows(tmp_path: Path) -> None:
    before = build(tmp_path, "a", archive()).archive.get("7-hd-btgtw")
    after = build(tmp_path, "b", archive(u_body="Khác.")).archive.get("7-hd-btgtw")
    assert before is not None and after is not None
    assert document_fingerprint(before) != document_fingerprint(after)
    assert neighbour_fingerprint(before) == neighbour_fingerprint(after)


def _direct_only(document: Document, graph: Graph, related: RelatedIndex) -> PageDependencies:
    """A dependency function that forgets the lineage, the overview and the related documents."""
    full = page_dependencies(document, graph, related)
    shape = tuple(
        line for line in full.shape if line.startswith(("in ", "out ", "stub ", "cite ", "mention "))
    )
    direct = {
        other.id
        for kind in RelationKind
        for other in [e.target for e in graph.relies_on(document, kind)]
        + [e.source for e in graph.acted_on_by(document, kind)]
    }
    return PageDependencies(tuple(d for d in full.documents if d.id in direct), full.stubs, shape)


@pytest.mark.parametrize(
    "ct_title",
    ["Chỉ thị về học tập, sửa lại"],
)
def test_control_a_key_without_the_lineage_would_serve_a_stale_page(tmp_path: Path, ct_title: str) -> None:
    keyed, rendered = edit(tmp_path, archive(), archive(ct_title=ct_title), deps_for=_direct_only)
    # The grandchild's page changed (its lineage names the directive), its naive key did not; so
    # did the related directive's page.
    stale = rendered - keyed
    assert stale == {"4-hd-duk", "6-ct-tw"}
