"""Headless Chromium prints the sample's longest document to an A4 PDF, read back with pypdf: the
paper form of a Party document on at most six pages, its whole body, nothing of the site; and the
"In văn bản" button that prints it."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import RecordedPage
from tests.conftest import REPO
from vankien.core.loader import load_archive

pytestmark = pytest.mark.browser

LONGEST = "van-ban/chua-ro-nam/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang/"
SOURCE = "chua-ro-ngay/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.md"
PRINT_CSS = "assets/vankien/print.css"
FONTS = "assets/vankien/fonts/"
MAX_PAGES = 6
"""Officials printed nine pages of it before the print stylesheet; the paper form has no more than six."""
SITE_CHROME = ("Tra cứu", "Dòng thời gian", "Lược đồ", "Thuộc tính", "Văn bản liên quan", "In văn bản")


def letters(text: str) -> str:
    """Only the letters and digits of `text`, composed, lower case: what survives line breaks,
    hyphenation, justified spacing and list marks in a PDF's text."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text).lower() if ch.isalnum())


def spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Printed:
    pages: list[str]
    """The text of each page, as pypdf extracts it."""
    fonts: set[str]
    """Every font embedded in the PDF, without its subset prefix ("LiberationSerif-Bold")."""
    fonts_before_print: list[str]
    """Font files the page fetched while shown on screen."""
    requests: list[str]


def _fonts(reader: PdfReader) -> set[str]:
    found: set[str] = set()
    for page in reader.pages:
        resources: Any = page.get("/Resources")
        fonts: Any = resources.get_object().get("/Font") if resources is not None else None
        for font in (fonts.get_object() if fonts is not None else {}).values():
            name = str(font.get_object().get("/BaseFont", ""))
            found.add(name.lstrip("/").split("+", 1)[-1])
    return found


@pytest.fixture(scope="module")
def printed(browser: Any, sample_site: Path, serve: Callable[[Path], str]) -> Printed:
    base = serve(sample_site)
    context = browser.new_context(service_workers="block")
    try:
        page = RecordedPage(context.new_page())
        page.goto(base + LONGEST)
        expect(page.locator(".vk-print-button")).to_be_visible()
        fonts_before = [u for u in page.requests if FONTS in u]
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert page.outside() == [] and page.errors == []
        requests = list(page.requests)
    finally:
        context.close()
    reader = PdfReader(io.BytesIO(pdf))
    return Printed([p.extract_text() for p in reader.pages], _fonts(reader), fonts_before, requests)


def test_the_longest_sample_document_prints_on_at_most_six_a4_pages(printed: Printed) -> None:
    assert 1 <= len(printed.pages) <= MAX_PAGES, f"{len(printed.pages)} pages"


def test_page_one_holds_the_official_head_then_the_type_and_title(printed: Printed) -> None:
    first = spaced(printed.pages[0])
    head = [
        "THÀNH ỦY BẮC KẠN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "HƯỚNG DẪN",
        "Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị",
        "Căn cứ Hướng dẫn số 39-HD/BTGTU",
    ]
    positions = [first.find(line) for line in head]
    assert -1 not in positions, dict(zip(head, positions, strict=True))
    # The committee, the Party's name, the type, the title, then the body's first words.
    assert positions == sorted(positions)
    # The document gives no number and no date: none is made up.
    assert "Số " not in first[: positions[2]] and "ngày" not in first[: positions[2]].lower()


def test_the_whole_body_is_printed_in_order(printed: Printed) -> None:
    body = letters(
        next(d for d in load_archive(REPO / "directives").documents if d.path.endswith(SOURCE)).body
    )
    text = letters("".join(printed.pages))
    assert len(body) > 5_000 and body.startswith(letters("Căn cứ Hướng dẫn số 39-HD/BTGTU"))
    if body not in text:
        # Where the print leaves the body: the first character at which no print of it goes on.
        matched = next(n for n in range(0, len(body), 20) if body[: n + 20] not in text)
        pytest.fail(f"the body stops being printed near …{body[max(0, matched - 60) : matched + 60]}…")


def test_the_signature_and_recipients_come_last_after_the_body(printed: Printed) -> None:
    last_words = letters("báo cáo kết quả thực hiện cho Thường trực Thành ủy và Tỉnh theo quy định.")
    text = letters("".join(printed.pages))
    end_of_body = text.index(last_words) + len(last_words)
    for words in ("Nơi nhận:", "Lưu Văn phòng Thành ủy", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Cù Ngọc Cường"):
        assert text.find(letters(words), end_of_body) >= end_of_body, words
    page_of_last_words = next(i for i, p in enumerate(printed.pages) if last_words in letters(p))
    page_of_name = next(i for i, p in enumerate(printed.pages) if "Cù Ngọc Cường" in spaced(p))
    page_of_recipients = next(i for i, p in enumerate(printed.pages) if "Nơi nhận:" in spaced(p))
    assert page_of_name == len(printed.pages) - 1
    assert page_of_last_words <= page_of_recipients <= page_of_name


def test_nothing_of_the_site_is_printed(printed: Printed) -> None:
    text = spaced(" ".join(printed.pages))
    assert [words for words in SITE_CHROME if words in text] == []
    # Nor the page's web title, nor the marks that lead to pages of documents not yet archived.
    assert "Hướng dẫn của Thành ủy Bắc Kạn" not in text and "°" not in text
    assert not re.search(r"https?://|van-ban/", text)


def test_the_print_uses_the_sites_own_liberation_serif(printed: Printed) -> None:
    families = {re.sub(r"-(Bold|Italic|BoldItalic)$", "", font) for font in printed.fonts}
    assert families == {"LiberationSerif"}, printed.fonts
    # From the site itself, fetched for print only: the screen never loads them.
    fetched = {u.rsplit("/", 1)[-1] for u in printed.requests if FONTS in u}
    assert {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"} <= fetched
    assert printed.fonts_before_print == []


def test_the_print_button_prints_and_the_print_stylesheet_is_the_sites(
    page: RecordedPage, sample_site: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(sample_site)
    page.goto(base + LONGEST)
    button = page.get_by_role("button", name="In văn bản")
    expect(button).to_be_visible()
    assert button.get_attribute("type") == "button"
    assert page.locator(".vk-jump .vk-print-button").count() == 1
    # The stylesheet comes from the site and is in force: the paper form is hidden on screen...
    hrefs = page.locator('link[rel="stylesheet"]').evaluate_all("links => links.map(l => l.href)")
    assert base + PRINT_CSS in hrefs
    assert page.request.get(base + PRINT_CSS).status == 200
    expect(page.locator(".vk-print-head")).to_be_hidden()
    expect(page.locator(".vk-card")).to_be_visible()
    # ... and is what print shows, without the card.
    page.emulate_media(media="print")
    expect(page.locator(".vk-print-head")).to_be_visible()
    expect(page.locator(".vk-print-foot")).to_be_visible()
    expect(page.locator(".vk-card")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    page.emulate_media(media="screen")
    # The button calls the browser's print (replaced here, since headless print opens no dialog).
    page.evaluate("() => { window.vkPrinted = 0; window.print = () => { window.vkPrinted += 1; }; }")
    button.click()
    assert page.evaluate("() => window.vkPrinted") == 1


def test_without_javascript_there_is_no_print_button(
    browser: Any, sample_site: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(sample_site)
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(base + LONGEST)
        assert plain.locator(".vk-print-button").count() == 1
        expect(plain.locator(".vk-print-button")).to_be_hidden()
        expect(plain.locator(".vk-jump")).to_be_visible()
    finally:
        context.close()
