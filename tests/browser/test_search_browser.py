"""The search in headless Chromium: header box, search page (fields, help, the message without
JavaScript, reader text only), the ranking readers expect, parity with Python, no outside request."""

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
from tests.test_search_pipeline import PHRASE_CASES, PHRASE_TEXT_CASES, PIPELINE_CASES
from tests.test_search_relevance import BAC_KAN
from vankien.core.validity import EXPIRED, STATUSES
from vankien.search.pipeline import phrase_text, query_phrases, tokenize

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def site(synthetic_site: Path, serve: Any) -> tuple[Path, str]:
    return synthetic_site, serve(synthetic_site)


@pytest.fixture(scope="module")
def sample(sample_site: Path, serve: Any) -> str:
    """The sample archive's site: the documents issue 13 names (the signer, the two 101-QĐ/TW)."""
    return serve(sample_site)


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
    queries = [query for query, _ in PHRASE_CASES]
    phrases = page.evaluate("qs => qs.map(q => window.vankienSearch.queryPhrases(q))", queries)
    assert phrases == [[list(run) for run in query_phrases(q)] for q in queries]
    titles = [text for text, _ in PHRASE_TEXT_CASES]
    assert page.evaluate("ts => ts.map(t => window.vankienSearch.phraseText(t))", titles) == [
        phrase_text(t) for t in titles
    ]


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
    "101 qd tw 2012",
    "chinh don dang",
    "cong tac can bo",
    "Cù Ngọc Cường",
    "dang van binh",
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


def test_status_filter_offers_every_status_and_filters(page: RecordedPage, site: tuple[Path, str]) -> None:
    _open(page, site[1] + "tra-cuu/?q=" + quote("tuyen truyen") + "&status=" + quote(EXPIRED))
    expect(page.locator(".vk-search__results")).to_have_attribute("data-phase", "full")
    options = page.locator("#vk-search-status option").all_inner_texts()
    assert options == ["Tất cả", *STATUSES]
    assert page.input_value("#vk-search-status") == EXPIRED
    statuses = page.locator(".vk-search__results .vk-result__status").all_inner_texts()
    assert statuses and set(statuses) == {f"Hiệu lực: {EXPIRED}"}
    page.select_option("#vk-search-status", "")
    expect(page.page).not_to_have_url(re.compile("status="))
    expect(page.locator(".vk-search__results .vk-result__status").first).to_be_visible()
    assert len(set(page.locator(".vk-search__results .vk-result__status").all_inner_texts())) > 1


# ---- the search page as readers see it (sample site) -------------------------------------------

CONTRAST = r"""el => {
    const rgb = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
    const lum = c => {
        const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    // The colour behind the field: the nearest ancestor with an opaque background.
    let behind = el.parentElement, around = 'rgb(255, 255, 255)';
    while (behind) {
        const c = getComputedStyle(behind).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') { around = c; break; }
        behind = behind.parentElement;
    }
    const style = getComputedStyle(el);
    const label = document.querySelector(`label[for="${el.id}"]`);
    return {
        border: parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth)
            + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth),
        borderContrast: ratio(style.borderTopColor, around),
        textContrast: ratio(style.color, style.backgroundColor),
        label: label ? label.textContent.trim() : null,
        labelContrast: label ? ratio(getComputedStyle(label).color, around) : 0,
    };
}"""


def test_every_field_is_visible_with_a_border_and_a_label(page: RecordedPage, sample: str) -> None:
    _open(page, sample + "tra-cuu/")
    fields = page.locator("#vk-search form input, #vk-search form select")
    assert fields.count() == 6
    labels = []
    for i in range(fields.count()):
        field = fields.nth(i)
        expect(field).to_be_visible()
        box = field.bounding_box()
        assert box is not None and box["width"] > 40 and box["height"] > 15
        seen = field.evaluate(CONTRAST)
        name = field.get_attribute("name")
        assert seen["border"] >= 2, name  # a border on every side
        assert seen["borderContrast"] >= 4.5, (name, seen)
        assert seen["textContrast"] >= 4.5, (name, seen)
        assert seen["label"] and seen["labelContrast"] >= 4.5, (name, seen)
        labels.append(seen["label"])
    assert "Từ năm" in labels and "Đến năm" in labels
    # A click on a label focuses its field.
    page.click("label[for=vk-search-from]")
    assert page.evaluate("document.activeElement.id") == "vk-search-from"


def test_help_text_says_what_can_be_typed(page: RecordedPage, sample: str) -> None:
    _open(page, sample + "tra-cuu/")
    help_text = page.locator("#vk-search-help")
    expect(help_text).to_be_visible()
    text = help_text.inner_text()
    for what in ("số ký hiệu", "không dấu", "người ký", "năm", "bộ lọc", "hiệu lực"):
        assert what in text, what
    assert page.get_attribute("#vk-search-q", "aria-describedby") == "vk-search-help"


def test_without_javascript_the_page_points_to_the_browse_pages(browser: Any, sample: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample + "tra-cuu/")
        message = page.locator(".vk-search__noscript")
        expect(message).to_be_visible()
        assert "cần JavaScript" in message.inner_text()
        links = message.locator("a")
        names = links.all_inner_texts()
        assert names[:2] == ["Danh mục văn bản", "Dòng thời gian"]
        assert {"Tra cứu theo cơ quan ban hành", "Tra cứu theo loại văn bản", "Tra cứu theo năm"} <= set(
            names
        )
        for i in range(links.count()):
            href = links.nth(i).evaluate("a => a.href")
            assert href.startswith(sample) and context.request.get(href).status == 200, href
    finally:
        context.close()


def test_the_page_holds_reader_text_only(page: RecordedPage, sample: str) -> None:
    _open(page, sample + "tra-cuu/")
    expect(page.locator(".vk-search__count")).not_to_be_empty()
    shown = page.inner_text("article")
    hidden = page.locator("noscript").all_text_contents()
    for text in (shown, *hidden):
        for developer in ("scripts/", "vankien/", "```", ".py", "plugin", "benchmark", "bench_search"):
            assert developer not in text, developer
    assert page.locator("article pre").count() == 0


def _search_page_results(page: RecordedPage, base: str, query: str) -> Any:
    _open(page, base + "tra-cuu/?q=" + quote(query))
    expect(page.locator(".vk-search__results")).to_have_attribute("data-phase", "full")
    return page.locator(".vk-search__results .vk-result")


@pytest.mark.parametrize("query", ["Cù Ngọc Cường", "cu ngoc cuong"])
def test_a_signers_name_finds_what_he_signed_first(page: RecordedPage, sample: str, query: str) -> None:
    results = _search_page_results(page, sample, query)
    first = results.first.locator("a").evaluate("a => a.href")
    assert first == sample + BAC_KAN


def test_a_year_in_the_query_prefers_that_years_document(page: RecordedPage, sample: str) -> None:
    _search_page_results(page, sample, "101 qd tw 2012")
    symbols = page.locator(".vk-search__results .vk-result__symbol").all_inner_texts()
    dates = page.locator(".vk-search__results .vk-result__date").all_inner_texts()
    assert (symbols[0], dates[0]) == ("101-QĐ/TW", "07/06/2012")
    assert ("101-QĐ/TW", "28/02/2023") in list(zip(symbols, dates, strict=False))[:3]


@pytest.mark.parametrize("query", ["chinh don dang", "xay dung dang", "he thong chinh tri"])
def test_titles_holding_the_phrase_come_first(page: RecordedPage, sample: str, query: str) -> None:
    _search_page_results(page, sample, query)
    titles = page.locator(".vk-search__results .vk-result__title").all_inner_texts()
    holds = [phrase_text(query) in phrase_text(title) for title in titles]
    assert any(holds) and not all(holds)
    assert holds == sorted(holds, reverse=True), list(zip(holds, titles, strict=True))
