"""The Vietnamese 404 page, as a server configured with `error_page 404` sends it for every
missing URL at any depth under the site's sub-path: its links lead home, to search and to the
catalogue, and its search box searches."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SUB_PATH, RecordedPage

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("missing", ["khong-co/", "van-ban/2023/khong-co-van-ban-nay/", "a/b/c/d/e.html"])
def test_404_page_links_home_from_any_depth_under_a_sub_path(
    sample_site: Path, serve: Callable[[Path], str], page: RecordedPage, missing: str
) -> None:
    base = serve(sample_site)
    response = page.goto(base + missing)
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("data-vk-root", SUB_PATH)
    expect(page.get_by_role("link", name="Danh mục văn bản")).to_have_attribute("href", SUB_PATH + "van-ban/")
    page.get_by_role("link", name="Về trang chủ").click()
    page.wait_for_url(base)
    expect(page.locator("h1").first).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert "Không tìm thấy trang" not in page.content()
    # The search box of the 404 page opens the search page with the query.
    page.goto(base + missing)
    expect(page.locator("html")).to_have_attribute("data-vk-root", SUB_PATH)
    page.get_by_label("Tra cứu theo số, ký hiệu hoặc từ ngữ").fill("21-KL/TW")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url(re.compile(re.escape(base + "tra-cuu/") + r"\?q=21-KL"))
