"""Every screen, in headless Chromium (issue 13, items 6 and 7).

- At 360×740 no page is wider than the screen: not the document's width, not any element's box
  (an element may only pass the edge inside a box that scrolls it), and the page does not hide
  its overflow to get there (html, body and main clip nothing).
- The metadata card puts each label above its value below 600 px, beside it from 600 px.
- axe-core, default rules, no exclusions: no serious or critical violation on the home page, a
  document, a stub, the timeline, two browse pages, the search page and the stub index, at desktop
  and phone widths. axe is the test environment's (`axe-playwright-python` bundles axe.min.js),
  never the site's: it is injected into a context that bypasses the pages' CSP.
- The built site has no raw `!!!` admonition text, no empty table header cell, and each stub page
  names each citing document once.
- The lineage diagram shrinks, then scrolls inside its own box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import RecordedPage
from tests.support.environment import require

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
DOCUMENT = "van-ban/2023/39-hd-btgtu/"
STUB_INDEX = "van-ban/chua-luu-tru/"
# The pages axe checks, by name; "stub" is the most cited stub, read from the stub index.
SCREENS = {
    "home": "",
    "document": DOCUMENT,
    "stub": None,
    "timeline": "dong-thoi-gian/",
    "browse-bodies": "co-quan/",
    "browse-type": "loai/huong-dan/",
    "search": "tra-cuu/",
    "stub-index": STUB_INDEX,
}

# Everything that extends past the right edge of the screen, except inside a box that scrolls
# it (an ancestor with overflow-x auto or scroll) or inside the theme's own clipped chrome (the
# header title's ellipsis, outside the content): content cut off by `overflow: hidden` counts.
OVERFLOW_JS = """
(limit) => {
  const describe = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) part += '#' + node.id;
      const cls = node.getAttribute('class');
      if (cls) part += '.' + cls.trim().split(/\\s+/).join('.');
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const spared = (el) => {
    const content = el.closest('.md-content');
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
      if ((x === 'hidden' || x === 'clip') && !content) return true;
    }
    return false;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const right = box.right + window.scrollX;
    if (right > limit + 0.5 && !spared(el)) offenders.push([Math.round(right), describe(el)]);
  }
  offenders.sort((a, b) => b[0] - a[0]);
  const main = document.querySelector('main');
  const clipping = [document.documentElement, document.body, main]
    .filter((el) => el)
    .filter((el) => {
      const s = getComputedStyle(el);
      return ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    })
    .map((el) => el.tagName.toLowerCase());
  return {
    scrollWidth: document.documentElement.scrollWidth,
    count: offenders.length,
    worst: offenders.slice(0, 5),
    clipping: clipping,
    hasMain: main !== null,
  };
}
"""


def site_url(site: Path, page: Path) -> str:
    """The URL (relative to the site's base) of a built `…/index.html`."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def document_pages(site: Path) -> list[str]:
    """Every document page of the built site: pages under van-ban/ with a metadata card."""
    return sorted(
        site_url(site, path)
        for path in (site / "van-ban").rglob("index.html")
        if '<dl class="vk-card"' in path.read_text(encoding="utf-8")
    )


def stub_pages(site: Path) -> list[Path]:
    return sorted((site / STUB_INDEX).glob("*/index.html"))


def first_stub(site: Path) -> str:
    """The first (most cited) stub the stub index links to."""
    index = (site / STUB_INDEX / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<td class="vk-stubs__name"><a href="([^"]+)"', index)
    assert match, "the stub index links to no stub page"
    return STUB_INDEX + match[1].removeprefix("./")


@pytest.fixture
def open_screen(browser: Any) -> Iterator[Callable[..., RecordedPage]]:
    """Pages at a given viewport, recorded as the `page` fixture's (outside requests and script
    errors fail the test); `bypass_csp` only where axe is injected."""
    opened: list[tuple[Any, RecordedPage]] = []

    def open_page(viewport: dict[str, int], *, bypass_csp: bool = False) -> RecordedPage:
        context = browser.new_context(viewport=viewport, service_workers="block", bypass_csp=bypass_csp)
        recorded = RecordedPage(context.new_page())
        recorded.page.set_default_timeout(15_000)
        opened.append((context, recorded))
        return recorded

    yield open_page
    for context, recorded in opened:
        context.close()
        assert recorded.outside() == [], "requests outside the site"
        assert recorded.errors == [], "script errors"


# --- 360 px: nothing wider than the screen ------------------------------------------------------


def test_the_sample_has_document_pages_to_check(sample_site: Path) -> None:
    pages = document_pages(sample_site)
    assert len(pages) >= 15, pages
    assert DOCUMENT in pages


def test_no_page_is_wider_than_a_phone(
    open_screen: Callable[..., RecordedPage], sample_site: Path, serve: Callable[[Path], str]
) -> None:
    base = serve(sample_site)
    page = open_screen(PHONE)
    urls = [*document_pages(sample_site), *(u for u in SCREENS.values() if u is not None)]
    urls.append(first_stub(sample_site))
    failures = {}
    for url in dict.fromkeys(urls):
        page.goto(base + url)
        page.wait_for_load_state("load")
        found = page.evaluate(OVERFLOW_JS, PHONE["width"])
        assert found["hasMain"], url
        if found["scrollWidth"] > PHONE["width"] or found["count"] or found["clipping"]:
            failures[url or "/"] = found
    report = "\n".join(
        f"{url}: scrollWidth {f['scrollWidth']} px, {f['count']} elements past 360 px, "
        f"overflow hidden on {f['clipping']}; widest: "
        + "; ".join(f"{right} px {selector}" for right, selector in f["worst"])
        for url, f in failures.items()
    )
    assert not failures, "pages wider than a 360 px screen:\n" + report


# --- the card: label above value on a phone ---------------------------------------------------

CARD_JS = """
() => Array.from(document.querySelectorAll('dl.vk-card .vk-card__row')).map((row) => {
  const dt = row.querySelector('dt').getBoundingClientRect();
  const dd = row.querySelector('dd').getBoundingClientRect();
  return {label: row.querySelector('dt').textContent, dtTop: dt.top, dtBottom: dt.bottom,
          dtRight: dt.right, ddTop: dd.top, ddLeft: dd.left};
})
"""


@pytest.mark.parametrize("width", [360, 599])
def test_below_600_px_the_card_puts_each_label_above_its_value(
    open_screen: Callable[..., RecordedPage], sample_site: Path, serve: Callable[[Path], str], width: int
) -> None:
    base = serve(sample_site)
    page = open_screen({"width": width, "height": 740})
    page.goto(base + DOCUMENT)
    rows = page.evaluate(CARD_JS)
    assert len(rows) >= 8
    side_by_side = [row["label"] for row in rows if not row["ddTop"] >= row["dtBottom"] - 0.5]
    assert side_by_side == [], f"at {width} px these labels are not above their values"


@pytest.mark.parametrize("width", [600, 1366])
def test_from_600_px_the_card_has_two_columns(
    open_screen: Callable[..., RecordedPage], sample_site: Path, serve: Callable[[Path], str], width: int
) -> None:
    base = serve(sample_site)
    page = open_screen({"width": width, "height": 900})
    page.goto(base + DOCUMENT)
    rows = page.evaluate(CARD_JS)
    assert len(rows) >= 8
    stacked = [
        row["label"]
        for row in rows
        if not (abs(row["ddTop"] - row["dtTop"]) < 2 and row["ddLeft"] >= row["dtRight"])
    ]
    assert stacked == [], f"at {width} px these values are not beside their labels"


# --- axe-core ---------------------------------------------------------------------------------


def axe_runner() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        require(False, "gói axe-playwright-python (make test cài nó vào .venv)")
    return Axe()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_axe_finds_no_serious_or_critical_violation(
    open_screen: Callable[..., RecordedPage],
    sample_site: Path,
    serve: Callable[[Path], str],
    screen: str,
    viewport: dict[str, int],
) -> None:
    axe = axe_runner()
    base = serve(sample_site)
    url = SCREENS[screen]
    if url is None:
        url = first_stub(sample_site)
    page = open_screen(viewport, bypass_csp=True)
    page.goto(base + url)
    page.wait_for_load_state("load")
    results = axe.run(page.page).response
    assert results["testEngine"]["name"] == "axe-core"
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {', '.join(map(str, node['target']))}" for node in v["nodes"][:10])
        for v in serious
    )
    assert not serious, f"axe on /{url} at {viewport['width']} px:\n{report}"


def test_axe_reports_what_it_should(
    open_screen: Callable[..., RecordedPage], sample_site: Path, serve: Callable[[Path], str]
) -> None:
    """The runner is live: an image without alt text and white on the old theme red fail."""
    axe = axe_runner()
    base = serve(sample_site)
    page = open_screen(DESKTOP, bypass_csp=True)
    page.goto(base + DOCUMENT)
    page.evaluate(
        """() => {
          const bad = document.createElement('p');
          bad.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            + '<span style="color:#fff;background:#ef5552">Văn kiện</span>';
          document.querySelector('article').append(bad);
        }"""
    )
    found = {v["id"] for v in axe.run(page.page).response["violations"]}
    assert {"image-alt", "color-contrast"} <= found


# --- the built pages ---------------------------------------------------------------------------


class _Cells(HTMLParser):
    """Table header cells' text, and the citing documents' links of a stub page."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.citing: list[str] = []
        self._in_th = 0
        self._in_citations = False
        self._item_depth = 0
        self._item_linked = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "th":
            self._in_th += 1
            self.headers.append("")
        elif tag == "ul" and "vk-stub-citations" in (values.get("class") or "").split():
            self._in_citations = True
        elif self._in_citations and tag == "li":
            self._item_depth += 1
            self._item_linked = False
        elif self._in_citations and tag == "a" and self._item_depth == 1 and not self._item_linked:
            self.citing.append(values.get("href") or "")
            self._item_linked = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._in_th:
            self._in_th -= 1
        elif tag == "li" and self._in_citations:
            self._item_depth -= 1
        elif tag == "ul" and self._in_citations and self._item_depth == 0:
            self._in_citations = False

    def handle_data(self, data: str) -> None:
        if self._in_th:
            self.headers[-1] += data


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_shows_raw_admonition_markup(sample_site: Path) -> None:
    pages = built_pages(sample_site)
    assert len(pages) > 40
    raw = [str(p.relative_to(sample_site)) for p in pages if "!!!" in p.read_text(encoding="utf-8")]
    assert raw == []


def test_stub_pages_render_the_notice_as_an_admonition(sample_site: Path) -> None:
    stubs = stub_pages(sample_site)
    assert stubs
    for path in stubs:
        html = path.read_text(encoding="utf-8")
        assert (
            '<div class="admonition note"><p class="admonition-title">Văn bản chưa có trong kho</p>' in html
        )


def test_no_table_has_an_empty_header_cell(sample_site: Path) -> None:
    empty = []
    headers = 0
    for path in built_pages(sample_site):
        cells = _Cells()
        cells.feed(path.read_text(encoding="utf-8"))
        headers += len(cells.headers)
        if any(not text.strip() for text in cells.headers):
            empty.append(str(path.relative_to(sample_site)))
    assert headers > 100
    assert empty == []


def test_each_stub_page_names_each_citing_document_once(sample_site: Path) -> None:
    stubs = stub_pages(sample_site)
    cited_twice = {}
    most = 0
    for path in stubs:
        cells = _Cells()
        cells.feed(path.read_text(encoding="utf-8"))
        assert cells.citing, path
        most = max(most, len(cells.citing))
        repeated = sorted({href for href in cells.citing if cells.citing.count(href) > 1})
        if repeated:
            cited_twice[path.parent.name] = repeated
    assert most >= 2
    assert cited_twice == {}


# --- the lineage diagram ---------------------------------------------------------------------


def widest_lineage(site: Path) -> tuple[str, int]:
    """The document page whose lineage diagram is drawn widest, and that width."""
    widths = []
    for path in (site / "van-ban").rglob("index.html"):
        match = re.search(
            r'<svg class="vk-lineage__svg"[^>]*? width="(\d+)"', path.read_text(encoding="utf-8")
        )
        if match:
            widths.append((int(match[1]), site_url(site, path)))
    assert widths, "no page draws a lineage diagram"
    width, url = max(widths)
    return url, width


def test_a_wide_lineage_shrinks_then_scrolls_inside_its_box(
    open_screen: Callable[..., RecordedPage], synthetic_site: Path, serve: Callable[[Path], str]
) -> None:
    url, drawn = widest_lineage(synthetic_site)
    assert drawn * 0.7 > PHONE["width"], "the synthetic archive has no lineage wider than a phone"
    base = serve(synthetic_site)
    page = open_screen(PHONE)
    page.goto(base + url)
    figure = page.locator("div.vk-lineage__figure").first
    figure.scroll_into_view_if_needed()
    found = figure.evaluate(
        """(box) => {
          const svg = box.querySelector('svg.vk-lineage__svg');
          const before = box.scrollLeft;
          box.scrollLeft = 200;
          return {overflowX: getComputedStyle(box).overflowX, boxWidth: box.clientWidth,
                  scrollWidth: box.scrollWidth, svgWidth: svg.getBoundingClientRect().width,
                  moved: box.scrollLeft - before,
                  pageWidth: document.documentElement.scrollWidth};
        }"""
    )
    assert found["overflowX"] == "auto"
    assert found["boxWidth"] <= PHONE["width"]
    # Shrunk, but not below 70 % of its drawn size (its text stays legible): it scrolls instead.
    assert drawn * 0.7 - 1 <= found["svgWidth"] < drawn
    assert found["scrollWidth"] > found["boxWidth"] and found["moved"] > 0
    assert found["pageWidth"] <= PHONE["width"]
    assert page.evaluate(OVERFLOW_JS, PHONE["width"])["count"] == 0


def test_a_lineage_fits_its_box_on_a_desktop_without_growing(
    open_screen: Callable[..., RecordedPage], sample_site: Path, serve: Callable[[Path], str]
) -> None:
    url, drawn = widest_lineage(sample_site)
    base = serve(sample_site)
    page = open_screen(DESKTOP)
    page.goto(base + url)
    svg = page.locator("svg.vk-lineage__svg").first
    assert svg.get_attribute("role") == "group"
    assert svg.evaluate("(s) => s.getBoundingClientRect().width") == pytest.approx(drawn, abs=1)
    # Each box that is a link has a name (its <title>: the document and its trích yếu).
    links = svg.locator("a").count()
    assert links > 0
    assert svg.get_by_role("link", name=re.compile(r"\w")).count() == links
