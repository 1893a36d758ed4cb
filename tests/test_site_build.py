"""Real MkDocs builds into a temporary folder: pages, URLs, card contents, strict failures."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.conftest import REPO, write_files
from vankien.adapters import staged_build as publish
from vankien.adapters.archive_plugin import ArchivePlugin
from vankien.core.loader import load_archive

pytestmark = pytest.mark.build


def build_site(project: Path) -> Path:
    site = project / "site"
    publish.build_site(project / "mkdocs.yml", site)
    return site


def text_of(html: str) -> str:
    return re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("sample")
    (project / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "directives", project / "directives")
    return build_site(project)


def test_every_document_has_a_readable_stable_url(sample_site: Path) -> None:
    assert (sample_site / "van-ban/2023/39-hd-btgtu/index.html").is_file()
    assert (
        sample_site / "van-ban/chua-ro-nam/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang/index.html"
    ).is_file()
    assert (
        sample_site / "van-ban/chua-ro-nam/kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024/index.html"
    ).is_file()


def test_card_shows_every_fact_of_the_front_matter(sample_site: Path) -> None:
    html = (
        sample_site / "van-ban/chua-ro-nam/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang/index.html"
    ).read_text()
    card = text_of(html[html.index('<dl class="vk-card"') : html.index("</dl>")])
    for expected in (
        "Số ký hiệu không số",
        "Loại văn bản Hướng dẫn",
        "Cơ quan ban hành Thành ủy Bắc Kạn (huyện)",
        "Ngày ban hành chưa rõ",
        "Người ký T/M BAN THƯỜNG VỤ · BÍ THƯ · Cù Ngọc Cường",
        "Trích yếu Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị",
        "Hiệu lực chưa xác định",
        "Độ mật thường",
        "Chủ đề xây dựng Đảng, tuyên truyền",
        "Nơi nhận Ban Tuyên giáo Tỉnh ủy (b/c) T.Tr Thành ủy, HĐND, UBND thành phố",
    ):
        assert expected in card
    # Every value that names something links to its browse page.
    links = dict(
        re.findall(
            r'<a href="([^"]+)">([^<]+)</a>', html[html.index('<dl class="vk-card"') : html.index("</dl>")]
        )
    )
    assert {text: href for href, text in links.items()} == {
        "Hướng dẫn": "../../../loai/huong-dan/",
        "Thành ủy Bắc Kạn": "../../../co-quan/thanh-uy-bac-kan/",
        "Cù Ngọc Cường": "../../../nguoi-ky/cu-ngoc-cuong-bi-thu/",
        "chưa xác định": "../../../hieu-luc/chua-xac-dinh/",
        "xây dựng Đảng": "../../../chu-de/xay-dung-dang/",
        "tuyên truyền": "../../../chu-de/tuyen-truyen/",
    }
    signer_page = (sample_site / "nguoi-ky/cu-ngoc-cuong-bi-thu/index.html").read_text()
    assert "Người ký: Cù Ngọc Cường, Bí thư" in signer_page
    # The card comes right after the title, the body after the card.
    assert html.index("<h1") < html.index('class="vk-card"') < html.rindex("MỤC ĐÍCH, YÊU CẦU")
    # Relations as the editor wrote them.
    assert "Căn cứ, thực hiện (1)" in html
    assert "Hướng dẫn số 39-HD/BTGTU, ngày 26/6/2023 của Ban Tuyên giáo Tỉnh ủy" in html


def test_card_dates_are_dd_mm_yyyy(sample_site: Path) -> None:
    html = (sample_site / "van-ban/2023/39-hd-btgtu/index.html").read_text()
    assert 'Ngày ban hành</dt><dd><a href="../../../dong-thoi-gian/2023/">26/06/2023</a></dd>' in html
    assert "<title>Hướng dẫn số 39-HD/BTGTU" in html
    assert "Kho chưa có toàn văn" in html


def test_document_pages_stay_out_of_the_nav_and_the_catalogue_lists_them(sample_site: Path) -> None:
    home = (sample_site / "index.html").read_text()
    nav = home[home.index('<nav class="md-nav md-nav--primary"') : home.index("</nav>")]
    assert "van-ban/2023/" not in nav
    catalogue = (sample_site / "van-ban/index.html").read_text()
    assert 'href="2023/39-hd-btgtu/"' in catalogue
    assert "Chưa rõ ngày ban hành (3)" in text_of(catalogue)


def test_site_is_vietnamese_and_loads_nothing_from_outside(sample_site: Path) -> None:
    for page in sample_site.rglob("*.html"):
        html = page.read_text()
        assert '<html lang="vi"' in html, page
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//', html)
        assert not external, (page, external)
        assert "fonts.googleapis" not in html


def test_a_broken_document_fails_the_build_naming_file_and_line(
    site_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_files(
        site_project / "directives",
        {"2023/hong.md": "---\ntype: Kết luận\nissuer: Bộ Chính trị\ndate: 31/02/2023\ntitle: x\n---\n"},
    )
    (site_project / "site").mkdir()
    (site_project / "site" / "index.html").write_text("trang đang chạy")
    with caplog.at_level(logging.ERROR), pytest.raises(publish.BuildFailed):
        build_site(site_project)
    assert "Kho văn bản có 1 lỗi" in caplog.text
    assert "directives/2023/hong.md:4: lỗi: ngày 31/02/2023 không tồn tại" in caplog.text
    # Nothing is lost: the live site is untouched and no staging folder is left behind.
    assert (site_project / "site" / "index.html").read_text() == "trang đang chạy"
    assert sorted(p.name for p in site_project.iterdir()) == ["directives", "docs", "mkdocs.yml", "site"]


def test_a_good_build_replaces_the_old_site(site_project: Path) -> None:
    (site_project / "site").mkdir()
    (site_project / "site" / "cu.html").write_text("bản cũ")
    site = build_site(site_project)
    assert not (site / "cu.html").exists()
    assert (site / "van-ban/2023/39-hd-btgtu/index.html").is_file()


def test_a_warning_fails_the_strict_build(site_project: Path, caplog: pytest.LogCaptureFixture) -> None:
    doc = "---\nsymbol: 5-KL/TW\ntype: Kết luận\nissuer: Bộ Chính trị\ndate: 01/02/2023\ntitle: x\ntitel: y\n---\n"
    write_files(site_project / "directives", {"2023/canh-bao.md": doc})
    with (
        caplog.at_level(logging.WARNING),
        pytest.raises(publish.BuildFailed, match="warnings in strict mode"),
    ):
        build_site(site_project)
    assert "directives/2023/canh-bao.md:7: cảnh báo: trường `titel` không có trong lược đồ" in caplog.text


def test_serve_watches_the_archive_folder() -> None:
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    plugin = config.plugins["vankien/archive"]
    assert isinstance(plugin, ArchivePlugin)
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_config(config)
    plugin.on_serve(Server(), config=config, builder=None)  # type: ignore[arg-type]
    assert watched == [str(REPO / "directives")]


def test_editor_text_never_becomes_markup(site_project: Path) -> None:
    hostile = (
        "---\ntype: Hướng dẫn\nissuer: <img src=x onerror=alert(1)>\ndate: 01/02/2023\n"
        "title: T </title><script>alert(2)</script> *x* [a](b)\ntopics: ['<b>x</b>']\n---\n"
    )
    write_files(site_project / "directives", {"2023/hostile.md": hostile})
    site = site_project / "site"
    publish.build_site(site_project / "mkdocs.yml", site, strict=False)  # the unknown issuer only warns
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>x</b>" not in html, page
        assert html[: html.index("</head>")].count("</title>") == 1, page


def test_catalogue_is_paginated() -> None:
    from vankien.core.archive import Archive
    from vankien.core.urls import link_maker
    from vankien.web.catalogue import catalogue_pages, render_catalogue_page
    from vankien.web.paginate import PAGE_SIZE

    documents = load_archive(REPO / "directives").documents
    many = Archive(REPO, documents * (PAGE_SIZE // len(documents) + 2))
    pages = catalogue_pages(many, "van-ban")
    assert [page.url for page in pages][:2] == ["van-ban/", "van-ban/trang-2/"]
    html = [render_catalogue_page(many, page, link_maker(page.url)) for page in pages[:2]]
    assert html[0].count("<tr><td>") <= PAGE_SIZE
    assert '<a href="trang-2/">2</a>' in html[0] and '<a href="../">1</a>' in html[1]


def test_every_document_page_has_its_parts_in_reading_order_and_a_bar_to_reach_them(
    sample_site: Path,
) -> None:
    expected_order = [
        "thuoc-tinh",
        "toan-van",
        "luoc-do",
        "qua-trinh-trien-khai",
        "lich-su",
        "van-ban-lien-quan",
    ]
    pages = [p for p in (sample_site / "van-ban").rglob("index.html") if 'class="vk-card"' in p.read_text()]
    assert len(pages) == len(load_archive(REPO / "directives").documents)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        bar = article[article.index('<nav class="vk-jump"') :]
        bar = bar[: bar.index("</nav>")]
        targets = re.findall(r'href="#([^"]+)"', bar)
        # Every part the page has is in the bar, in the order officials read them, and is there.
        assert targets == [t for t in expected_order if f'id="{t}"' in article], path
        assert targets[:3] == ["thuoc-tinh", "toan-van", "luoc-do"] and "lich-su" in targets, path
        positions = [article.index(f'id="{t}"') for t in targets]
        assert positions == sorted(positions), path
        assert article.index('<nav class="vk-jump"') < positions[0]


def test_province_document_shows_who_was_expected_to_implement_it(sample_site: Path) -> None:
    html = (sample_site / "van-ban/2023/39-hd-btgtu/index.html").read_text(encoding="utf-8")
    cascade = html[html.index('id="qua-trinh-trien-khai"') : html.index('id="lich-su"')]
    table = text_of(cascade[cascade.index('<table class="vk-overview__table"') : cascade.index("</table>")])
    # The registry's district bodies of Bắc Kạn on 26/06/2023: the city and seven districts.
    assert "1/8 cơ quan cấp huyện thuộc Tỉnh ủy Bắc Kạn" in text_of(cascade)
    assert "Thành ủy Bắc Kạn Hướng dẫn của Thành ủy Bắc Kạn" in table
    assert table.count("chưa có trong kho") == 7 and "chưa triển khai" not in table
    assert "Huyện ủy Pác Nặm chưa có trong kho" in table


def test_related_documents_leave_out_the_schema(sample_site: Path) -> None:
    html = (sample_site / "van-ban/2012/101-qd-tw/index.html").read_text(encoding="utf-8")
    related = html[html.index('id="van-ban-lien-quan"') :]
    related = related[: related.index("</section>")]
    assert 0 < related.count('class="vk-entry"') <= 10
    schema = html[
        html.index('id="luoc-do"') : html.index('id="qua-trinh-trien-khai"')
        if 'id="qua-trinh-trien-khai"' in html
        else html.index('id="lich-su"')
    ]
    for href in re.findall(r'class="vk-entry" href="([^"]+)"', related):
        assert f'href="{href}"' not in schema  # nothing already in the Lược đồ
