"""A document's page as a reader uses it, in headless Chromium (issue 13, items 1 and 3).

The site is built from a province generated for this run (tens of districts, some abolished
before the plan or created after it), where a provincial plan is implemented by some districts:
- its "Quá trình triển khai" table lists every district that existed on the plan's date, each
  with the district's document and "sau N ngày", or "chưa có trong kho"; at 360 px the table
  scrolls inside its own box and the page is no wider than the screen;
- the jump bar takes the reader to each part, whose heading lands below the sticky bar;
- the card's values are links that lead to the browse pages they name.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RecordedPage, build_project
from tests.browser.test_screens import OVERFLOW_JS, PHONE
from tests.conftest import write_files
from tests.factories import ISSUED, PROVINCE, doc, generated_province
from tests.support.project import copy_project

pytestmark = pytest.mark.browser

DISTRICTS = 64
IMPLEMENTING = 30


@pytest.fixture(scope="module")
def province_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[str, int]]:
    rng = random.Random(2025)
    registry, files, existing = generated_province(rng, DISTRICTS)
    delays: dict[str, int] = {}
    for index, name in enumerate(rng.sample(existing, IMPLEMENTING)):
        delays[name] = rng.randint(2, 150)
        date = ISSUED + dt.timedelta(days=delays[name])
        files[f"huyen-{index}.md"] = doc(
            f"{index + 1}-KH/HU",
            "Kế hoạch",
            name,
            date.strftime("%d/%m/%Y"),
            title=f"Thực hiện kế hoạch tuyên truyền ở {name}",
            extra="relations:\n  basis:\n    - Kế hoạch số 5-KH/BTGTU ngày " + ISSUED.strftime("%d/%m/%Y"),
        )
    root = tmp_path_factory.mktemp("province")
    archive = write_files(root / "archive", {"co-quan.yml": registry, **files})
    site = build_project(copy_project(root / "project", archive), root / "site")
    return site, existing, delays


@pytest.fixture
def opened(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []
    pages: list[RecordedPage] = []

    def open_page(viewport: dict[str, int]) -> RecordedPage:
        context = browser.new_context(viewport=viewport, service_workers="block")
        contexts.append(context)
        recorded = RecordedPage(context.new_page())
        recorded.page.set_default_timeout(15_000)
        pages.append(recorded)
        return recorded

    yield open_page
    for context in contexts:
        context.close()
    for recorded in pages:
        assert recorded.outside() == [] and recorded.errors == []


def _plan_url(site: Path) -> str:
    matches = [p for p in (site / "van-ban").rglob("index.html") if "5-KH/BTGTU" in p.read_text("utf-8")]
    plan = next(
        p for p in matches if '<dl class="vk-card"' in p.read_text("utf-8") and "5-kh-btgtu" in str(p)
    )
    return plan.parent.relative_to(site).as_posix() + "/"


def test_overview_table_lists_each_district_of_the_day_with_its_plan_and_delay(
    province_site: tuple[Path, list[str], dict[str, int]], serve: Any, opened: Any
) -> None:
    from playwright.sync_api import expect

    site, existing, delays = province_site
    base = serve(site)
    page = opened({"width": 1366, "height": 900})
    page.goto(base + _plan_url(site))
    rows = page.locator(".vk-overview tbody tr")
    expect(rows).to_have_count(len(existing))
    table = {
        row[0]: row[1:]
        for row in page.eval_on_selector_all(
            ".vk-overview tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"
        )
    }
    assert sorted(table) == sorted(existing)
    for name in existing:
        if name in delays:
            assert table[name][0].startswith("Kế hoạch"), (name, table[name])
            assert str(delays[name]) in table[name][2], (name, table[name])
        else:
            assert table[name][0] == "chưa có trong kho", (name, table[name])
    summary = page.locator("#qua-trinh-trien-khai ~ *").first.inner_text()
    assert f"{len(delays)}/{len(existing)}" in page.locator(".vk-cascade").inner_text(), summary
    # A district's plan is one click away.
    implemented = next(name for name in existing if name in delays)
    page.locator(".vk-overview tbody tr", has_text=implemented).locator("a").first.click()
    expect(page.locator("h1")).to_contain_text("Kế hoạch")
    expect(page.locator(".vk-card")).to_contain_text(implemented)


def test_overview_scrolls_in_its_box_on_a_phone(
    province_site: tuple[Path, list[str], dict[str, int]], serve: Any, opened: Any
) -> None:
    site, _, _ = province_site
    base = serve(site)
    page = opened(PHONE)
    page.goto(base + _plan_url(site))
    result = page.evaluate(OVERFLOW_JS, PHONE["width"])
    assert result["scrollWidth"] <= PHONE["width"], result
    assert result["count"] == 0 and result["clipping"] == [], result


def test_jump_bar_lands_each_part_below_the_sticky_bar(
    province_site: tuple[Path, list[str], dict[str, int]], serve: Any, opened: Any
) -> None:
    from playwright.sync_api import expect

    site, _, _ = province_site
    base = serve(site)
    for viewport in ({"width": 1366, "height": 900}, PHONE):
        page = opened(viewport)
        page.goto(base + _plan_url(site))
        labels = page.locator(".vk-jump a").all_inner_texts()
        assert labels == ["Thuộc tính", "Toàn văn", "Lược đồ", "Quá trình triển khai", "Lịch sử"], labels
        for part in ("luoc-do", "qua-trinh-trien-khai", "lich-su"):
            page.locator(f'.vk-jump a[href="#{part}"]').click()
            expect(page.page).to_have_url(base + _plan_url(site) + "#" + part)
            heading = page.locator(f"#{part}")
            expect(heading).to_be_in_viewport()
            bar_bottom = page.eval_on_selector(".vk-jump", "el => el.getBoundingClientRect().bottom")
            heading_top = heading.evaluate("el => el.getBoundingClientRect().top")
            assert heading_top >= bar_bottom - 1, (viewport, part, heading_top, bar_bottom)


def test_card_values_lead_to_their_browse_pages(
    province_site: tuple[Path, list[str], dict[str, int]], serve: Any, opened: Any
) -> None:
    from playwright.sync_api import expect

    site, _, _ = province_site
    base = serve(site)
    page = opened({"width": 1366, "height": 900})
    plan = base + _plan_url(site)
    for label, expected in (
        (f"Ban Tuyên giáo {PROVINCE}", f"Ban Tuyên giáo {PROVINCE}"),
        ("Kế hoạch", "Kế hoạch"),
        (ISSUED.strftime("%d/%m/%Y"), str(ISSUED.year)),
    ):
        page.goto(plan)
        page.locator(".vk-card a", has_text=label).first.click()
        expect(page.locator("h1")).to_contain_text(expected)
        assert page.url != plan
