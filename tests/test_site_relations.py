"""A real build of a small archive: cross-links, the Lược đồ panel both ways, banners and stubs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, write_files
from tests.factories import REGISTRY
from vankien.adapters import staged_build as publish

pytestmark = pytest.mark.build


FILES = {
    "co-quan.yml": REGISTRY,
    "2021/kl21.md": """\
        ---
        symbol: 21-KL/TW
        type: Kết luận
        issuer: Ban Chấp hành Trung ương Đảng
        date: 25/10/2021
        title: Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị
        ---
        Toàn văn Kết luận.
        """,
    "2012/qd101.md": """\
        ---
        symbol: 101-QĐ/TW
        type: Quy định
        issuer: Ban Bí thư
        date: 07/06/2012
        title: Trách nhiệm nêu gương của cán bộ, đảng viên
        status: bị thay thế
        ---
        """,
    "2022/hd5.md": """\
        ---
        symbol: 5-HD/TU
        type: Hướng dẫn
        issuer: Tỉnh ủy Bắc Kạn
        date: 05/01/2022
        title: Tuyên truyền Kết luận 21
        relations:
          replaces:
            - Quy định số 101-QĐ/TW, ngày 07/6/2012
        ---
        Căn cứ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương, Tỉnh ủy hướng dẫn.

        Thực hiện nghiêm Quy định số 85-QĐ/TW, ngày 07/10/2022 về sử dụng mạng xã hội và `Kết luận số 21-KL/TW`
        trong mã; [Kết luận số 21-KL/TW](https://example.invalid/) đã có liên kết.
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("relations")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    write_files(project / "directives", FILES)
    publish.build_site(project / "mkdocs.yml", project / "site")
    return project / "site"


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_resolved_reference_in_body_links_to_its_page(site: Path) -> None:
    html = article(page(site, "van-ban/2022/5-hd-tu"))
    links = re.findall(r'<a class="vk-ref" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert links == [
        ("../../2021/21-kl-tw/", "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương")
    ]


def test_no_link_inside_code_existing_links_or_the_card(site: Path) -> None:
    html = article(page(site, "van-ban/2022/5-hd-tu"))
    # Code is no markup a document needs: its words stay, plain and unlinked.
    assert "<code>" not in html and "mạng xã hội và Kết luận số 21-KL/TW" in html
    assert '<a href="https://example.invalid/" rel="noopener noreferrer">Kết luận số 21-KL/TW</a>' in html
    card = html[html.index('<dl class="vk-card"') : html.index("</dl>")]
    assert "vk-ref" not in card


def test_unresolved_reference_stays_text_with_a_marker_to_its_stub(site: Path) -> None:
    html = article(page(site, "van-ban/2022/5-hd-tu"))
    assert (
        '<span class="vk-ref vk-ref--missing">Quy định số 85-QĐ/TW, ngày 07/10/2022'
        '<a aria-label="Quy định số 85-QĐ/TW: chưa có trong kho" class="vk-ref__stub" '
        'href="../../chua-luu-tru/85-qd-tw-2022-10-07/"'
    ) in html


def test_luoc_do_panel_shows_both_directions_with_counts(site: Path) -> None:
    derived = article(page(site, "van-ban/2022/5-hd-tu"))
    panel = derived[derived.index('class="vk-schema"') :]
    # The archived basis and the cited one not yet archived, which says so.
    assert 'Căn cứ, thực hiện <span class="vk-count">2</span>' in panel
    assert re.search(
        r'vk-entry--missing" href="../../chua-luu-tru/85-qd-tw-2022-10-07/">.*?chưa có trong kho', panel
    )
    assert 'Thay thế <span class="vk-count">1</span>' in panel
    assert 'href="../../2021/21-kl-tw/"' in panel
    basis = article(page(site, "van-ban/2021/21-kl-tw"))
    panel = basis[basis.index('class="vk-schema"') :]
    assert 'Văn bản triển khai <span class="vk-count">1</span>' in panel
    # The whole entry is one link: name, date, issuer and trích yếu.
    entry = panel[panel.index('<li><a class="vk-entry"') :]
    entry = entry[: entry.index("</li>")]
    assert entry.count("<a ") == 1 and entry.endswith("</a>")
    assert re.sub(r"<[^>]+>", " ", entry).split()[:8] == [
        "Hướng",
        "dẫn",
        "số",
        "5-HD/TU",
        "05/01/2022",
        "·",
        "Tỉnh",
        "ủy",
    ]
    # What acts on it on one side; what only mentions it apart, never under "tác động".
    acts = panel[panel.index('class="vk-schema__side vk-schema__acts"') :]
    acts = acts[: acts.index("</div>")]
    assert "Văn bản triển khai" in acts and "Được dẫn chiếu bởi" not in acts


def test_replaced_document_shows_a_banner_naming_its_replacement(site: Path) -> None:
    html = article(page(site, "van-ban/2012/101-qd-tw"))
    banner = html[html.index('<div class="vk-banner"') :]
    assert re.sub(r"<[^>]+>", "", banner).startswith(
        "Văn bản này đã bị thay thế bởi Hướng dẫn số 5-HD/TU ngày 05/01/2022."
    )
    assert 'Bị thay thế bởi <span class="vk-count">1</span>' in html
    # In the card (as the editor wrote it) and in "Lịch sử hiệu lực", from the replacing document's date.
    assert "Hiệu lực hết hiệu lực toàn bộ (bị thay thế)" in " ".join(re.sub(r"<[^>]+>", " ", html).split())
    history = " ".join(re.sub(r"<[^>]+>", " ", html[html.index('id="lich-su-hieu-luc"') :]).split())
    assert "05/01/2022 Hết hiệu lực toàn bộ (bị thay thế) Hướng dẫn số 5-HD/TU" in history


def test_stub_page_tells_what_citations_say_and_who_cites(site: Path) -> None:
    html = article(page(site, "van-ban/chua-luu-tru/85-qd-tw-2022-10-07"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Quy định số 85-QĐ/TW" in text
    assert "Ngày ban hành 07/10/2022" in text
    assert "Trích yếu (theo trích dẫn) sử dụng mạng xã hội" in text
    assert "Được dẫn chiếu bởi (1)" in text
    assert 'href="../../2022/5-hd-tu/"' in html
    assert "Thực hiện nghiêm Quy định số 85-QĐ/TW, ngày 07/10/2022 về sử dụng mạng xã hội" in text


def test_stub_index_is_the_archivists_to_do_list(site: Path) -> None:
    html = article(page(site, "van-ban/chua-luu-tru"))
    assert "Văn bản được dẫn chiếu chưa lưu trữ" in html
    assert 'href="85-qd-tw-2022-10-07/"' in html


def test_sample_archive_links_both_ways() -> None:
    """The bundled archive: the Thành ủy's Hướng dẫn rests on 39-HD/BTGTU, which shows it as derived."""
    from vankien.core.model import RelationKind
    from vankien.graph.analysis import analyse_archive

    analysis = analyse_archive(REPO / "directives")
    hd39 = analysis.archive.get("39-hd-btgtu")
    assert hd39 is not None
    derived = [e.source.id for e in analysis.graph.acted_on_by(hd39, RelationKind.BASIS)]
    assert derived == ["hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang"]
    assert len(analysis.graph.stubs) >= 10
