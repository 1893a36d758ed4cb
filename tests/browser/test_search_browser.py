"""The search in headless Chromium: header box, search page, parity with Python, no outside request."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RecordedPage
from tests.support.search_oracle import searcher_for
from tests.test_search_pipeline import PIPELINE_CASES
from vankien.search.pipeline import tokenize

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def site(synthetic_site: Path, serve: Any) -> tuple[Path, str]:
    return synthetic_site, serve(synthetic_site)


def _open(page: RecordedPage, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.vankienSearch !== undefined")


def _header_results(page: RecordedPage, query: str) -> list[str]:
    page.fill(".vk-box__input", query)
    _wait_for_header_results(page, query)
    return page.locator(".vk-box__panel .vk-result__symbol").all_inner_texts()


def _wait_for_header_results(page: RecordedPage, query: str) -> None:
    """Until the panel shows the final results of this very query (not of the previous one)."""
    page.wait_for_function(
        """query => {
            const list = document.querySelector('.vk-box__panel .vk-results');
            const more = document.querySelector('.vk-box__more');
            return list && list.dataset.phase === 'full' && more
                && new URL(more.href).searchParams.get('q') === query;
        }""",
        arg=query,
    )


def test_pipeline_tokenizes_and_folds_like_python(page: RecordedPage, site: tuple[Path, str]) -> None:
    _open(page, site[1])
    texts = [case for case, _ in PIPELINE_CASES]
    browser = page.evaluate(
        "texts => texts.map(t => window.vankienSearch.tokenize(t).map(k => [k.text, k.folded, k.symbol]))",
        texts,
    )
    python = [[[t.text, t.folded, t.symbol] for t in tokenize(text)] for text in texts]
    assert browser == python


@pytest.mark.parametrize(
    ("query", "symbol"),
    [
        ("21-KL/TW", "21-KL/TW"),
        ("21 kl tw", "21-KL/TW"),
        ("21/KL-TW", "21-KL/TW"),
        ("08-qdi/tw", "08-QĐi/TW"),
    ],
)
def test_header_box_finds_symbols(
    page: RecordedPage, site: tuple[Path, str], query: str, symbol: str
) -> None:
    _open(page, site[1] + "gioi-thieu/")
    assert _header_results(page, query)[0] == symbol


def test_header_box_accented_and_unaccented_find_the_same(page: RecordedPage, site: tuple[Path, str]) -> None:
    _open(page, site[1])
    accented = _header_results(page, "chỉnh đốn Đảng")
    plain = _header_results(page, "chinh don dang")
    assert accented and set(accented) == set(plain)
    marks = page.locator(".vk-box__panel .vk-result__title mark").all_inner_texts()
    assert any(m.lower() in ("chỉnh", "đốn") for m in marks)


def test_header_box_enter_opens_search_page(page: RecordedPage, site: tuple[Path, str]) -> None:
    _open(page, site[1])
    page.fill(".vk-box__input", "101-QĐ/TW")
    page.press(".vk-box__input", "Enter")
    expect(page.page).to_have_url(re.compile(r"/tra-cuu/\?q="))
    expect(page.locator(".vk-search__results")).to_have_attribute("data-phase", "full")
    symbols = page.locator(".vk-search__results .vk-result__symbol").all_inner_texts()
    dates = page.locator(".vk-search__results .vk-result__date").all_inner_texts()
    assert symbols[:2] == ["101-QĐ/TW", "101-QĐ/TW"]
    assert dates[:2] == ["28/02/2023", "07/06/2012"]


def test_search_page_filters_and_shared_url(page: RecordedPage, site: tuple[Path, str]) -> None:
    url = (
        site[1] + "tra-cuu/?q=" + quote("tuyen truyen") + "&type=" + quote("Kế hoạch") + "&from=2015&to=2020"
    )
    _open(page, url)
    expect(page.locator(".vk-search__results")).to_have_attribute("data-phase", "full")
    expect(page.locator(".vk-search__results .vk-result").first).to_be_visible()
    types = page.locator(".vk-search__results .vk-result__type").all_inner_texts()
    dates = page.locator(".vk-search__results .vk-result__date").all_inner_texts()
    assert types and set(types) == {"Kế hoạch"}
    assert all(2015 <= int(d[-4:]) <= 2020 for d in dates)
    assert page.input_value("select[name=type]") == "Kế hoạch"
    # Changing a filter updates the address, so the search can be shared.
    page.select_option("select[name=type]", "Hướng dẫn")
    expect(page.page).to_have_url(re.compile(r"type=H"))
    expect(page.locator(".vk-search__results .vk-result__type").first).to_have_text("Hướng dẫn")
    assert set(page.locator(".vk-search__results .vk-result__type").all_inner_texts()) == {"Hướng dẫn"}


@pytest.mark.parametrize(
    "query", ["<script>window.pwned=1</script>", "*~^:+-", "a" * 1000, "😀 đảng 🇻🇳", "title:đảng^10 +x -y~2"]
)
def test_bad_input_never_throws_nor_injects(page: RecordedPage, site: tuple[Path, str], query: str) -> None:
    _open(page, site[1] + "tra-cuu/?q=" + quote(query))
    expect(page.locator(".vk-search__results")).to_have_attribute("data-phase", "full")
    page.fill(".vk-box__input", query)
    _wait_for_header_results(page, query)
    assert page.evaluate("window.pwned") is None
    assert page.locator(".vk-results script").count() == 0


PARITY_QUERIES = [
    "21-KL/TW",
    "xay dung dang",
    "chỉnh đốn",
    "Ban Tuyên giáo",
    "tuyen truyenn",
    "ke hoach nam 2019",
]


def test_browser_ranking_equals_python(page: RecordedPage, site: tuple[Path, str]) -> None:
    searcher = searcher_for(site[0] / "search")
    _open(page, site[1])
    script = """async (queries) => {
        const s = await window.vankienSearch.loadSearcher();
        const out = [];
        for (const q of queries) {
            await window.vankienSearch.ensureShards(s, q);
            out.push(s.search(q, {}, true, 10).hits.map(h => [h.n, h.score]));
        }
        return out;
    }"""
    browser = page.evaluate(script, PARITY_QUERIES)
    python = [[[h.number, h.score] for h in searcher.search(q, limit=10)] for q in PARITY_QUERIES]
    assert json.loads(json.dumps(browser)) == python
