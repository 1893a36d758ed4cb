"""Headless Chromium: a timeline filter applied in the browser, and a lineage link followed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RecordedPage

pytestmark = pytest.mark.browser


def test_timeline_filter_hides_other_types_and_keeps_its_state_in_the_url(
    page: RecordedPage, synthetic_site: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(synthetic_site)
    page.goto(base + "dong-thoi-gian/")
    items = page.locator(".vk-tl__item")
    total = items.count()
    assert total > 50
    page.select_option("form.vk-filters select[name=loai]", "ke-hoach")
    expect(page.page).to_have_url(re.compile(r"loai=ke-hoach"))
    visible = page.locator(".vk-tl__item:not([hidden])")
    shown = visible.count()
    assert 0 < shown < total
    assert set(visible.evaluate_all("items => items.map(i => i.dataset.type)")) == {"ke-hoach"}
    expect(page.locator(".vk-filters__count")).to_have_text(f"{shown} văn bản phù hợp")
    # The shared URL opens with the same filter applied.
    page.goto(page.url)
    expect(page.locator(".vk-tl__item:not([hidden])")).to_have_count(shown)


def test_without_javascript_the_timeline_is_complete(
    browser: object, synthetic_site: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(synthetic_site)
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        plain = context.new_page()
        plain.goto(base + "dong-thoi-gian/")
        assert plain.locator(".vk-tl__item:visible").count() == plain.locator(".vk-tl__item").count() > 50
        assert plain.locator("form.vk-filters").is_hidden()
    finally:
        context.close()


def test_following_a_lineage_link(
    page: RecordedPage, synthetic_site: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(synthetic_site)
    page.goto(base)
    # The most cited document on the home page has a cascade below it.
    page.locator("ol.vk-cited a").first.click()
    expect(page.locator("section.vk-cascade")).to_be_visible()
    origin_title = page.locator("article h1").inner_text().replace("¶", "").strip()
    link = page.locator("svg.vk-lineage__svg a").first
    target_name = link.locator("title").text_content()
    assert target_name
    link.click()
    expect(page.locator("article h1")).to_contain_text(target_name.split(":")[0])
    # The page we came from appears in the lineage of the page we reached.
    expect(page.locator("section.vk-cascade")).to_contain_text(origin_title)
