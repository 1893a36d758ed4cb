"""A real build of a small cascade: home, timeline, browse pages, lineage and history on document pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, write_files
from tests.factories import REGISTRY
from tests.test_timeline import CASCADE
from vankien.adapters import staged_build as publish

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("browse")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    write_files(project / "directives", {"co-quan.yml": REGISTRY, **CASCADE})
    publish.build_site(project / "mkdocs.yml", project / "site")
    return project / "site"


def article(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_home_is_built_from_the_archive(site: Path) -> None:
    home = text(article(site, ""))
    assert "Kho có 6 văn bản của 4 cơ quan ban hành" in home
    assert "Văn bản mới nhất" in home and "Được dẫn chiếu nhiều nhất" in home
    assert "Kế hoạch 3" in home  # three Kế hoạch in the counts by type
    assert '<svg class="vk-chart"' in article(site, "")


def test_timeline_lists_every_document_grouped_with_filters_and_chart(site: Path) -> None:
    html = article(site, "dong-thoi-gian")
    assert html.count('class="vk-tl__item"') == 6
    assert '<form class="vk-filters" hidden' in html
    assert re.search(r'<a href="2021/"><rect class="vk-chart__bar"', html)
    assert [m for m in re.findall(r'<h2 id="([^"]+)"', html)] == ["nam-2022", "nam-2021", "chua-ro-nam"]
    item = re.search(r'<li class="vk-tl__item"[^>]*data-year="2021"[^>]*>.*?</li>', html)
    assert item is not None
    assert 'href="../van-ban/2021/' in item.group(0)
    year = article(site, "dong-thoi-gian/2021")
    assert year.count('class="vk-tl__item"') == 4 and "Tháng 11 2021" in text(year)


def test_browse_pages_by_body_type_year_topic_and_status(site: Path) -> None:
    bodies = article(site, "co-quan")
    assert 'href="tinh-uy-bac-kan/"' in bodies
    body = article(site, "co-quan/dang-uy-khoi")
    assert body.count('class="vk-tl__item"') == 3 and "Dòng thời gian ban hành" in body
    assert 'href="../tinh-uy-bac-kan/"' in body  # its parent body
    assert article(site, "loai/ke-hoach").count('class="vk-tl__item"') == 3
    assert "2021" in text(article(site, "nam"))
    # One of them is replaced by another: its hiệu lực is derived, not left "chưa xác định".
    assert article(site, "hieu-luc/chua-xac-dinh").count('class="vk-tl__item"') == 5
    assert article(site, "hieu-luc/het-hieu-luc-toan-bo").count('class="vk-tl__item"') == 1


def test_document_page_shows_lineage_diagram_list_and_history(site: Path) -> None:
    html = article(site, "van-ban/2021/5-hd-tu")
    lineage = html[html.index('id="qua-trinh-trien-khai"') :]
    assert '<svg class="vk-lineage__svg"' in lineage
    assert '<a href="../21-kl-tw/"><g class="vk-lineage__box">' in lineage  # clickable basis above
    assert "ban hành sau 23 ngày" in text(lineage)
    assert "Văn bản triển khai các cấp (3)" in text(lineage)
    history = text(html[html.index('id="lich-su"') :])
    assert "17/11/2021 Ban hành bởi Tỉnh ủy Bắc Kạn" in history
    assert "02/12/2021 được làm căn cứ bởi Kế hoạch số 7-KH/ĐUK" in history


def test_every_page_is_small(site: Path) -> None:
    assert max(p.stat().st_size for p in site.rglob("*.html")) < 2_000_000
