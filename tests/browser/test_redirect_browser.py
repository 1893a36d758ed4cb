"""An old address of a document (`redirect_from`) lands the reader on the document, under a
sub-path, with no script and nothing fetched outside the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RecordedPage, build_project
from tests.test_stable_addresses import OLD, OLD_PAGE, redirected_project

pytestmark = pytest.mark.browser

NEW = "van-ban/2023/39-hd-btgtu/"


@pytest.fixture(scope="module")
def redirected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("redirected")
    return build_project(redirected_project(root / "project"), root / "site")


@pytest.mark.parametrize("old", [OLD, OLD_PAGE])
def test_following_an_old_address_lands_on_the_document(
    redirected_site: Path, serve: Callable[[Path], str], page: RecordedPage, old: str
) -> None:
    base = serve(redirected_site)
    response = page.goto(base + old)
    assert response is not None and response.status == 200
    page.wait_for_url(base + NEW)
    expect(page.locator("h1").first).to_contain_text("Hướng dẫn số 39-HD/BTGTU")
    # The document's address is the new one: nothing but the old page and the site was fetched.
    assert page.url == base + NEW


def test_without_redirect_from_the_old_address_is_not_found(
    sample_site: Path, serve: Callable[[Path], str], page: RecordedPage
) -> None:
    # Positive control: without `redirect_from` the old address is the site's 404.
    base = serve(sample_site)
    response = page.goto(base + OLD)
    assert response is not None and response.status == 404
