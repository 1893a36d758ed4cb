"""`vankien/search`: the archive's own search (prebuilt index, Vietnamese pipeline).

The hooks only adapt: the documents come from the archive `vankien/archive` loaded and analysed
(through `built_archive`, whatever the order of `plugins:`; so each document's hiệu lực is the one
derived from the graph), `vankien.search` builds the index, and this plugin adds the scripts, the
"Tra cứu" page (generated, never written into docs/) and the index.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from vankien.adapters.config import SearchConfig, VietnameseOptions
from vankien.adapters.handshake import CONFIG_ORDER, built_archive
from vankien.core import urls
from vankien.search.index import BuiltIndex, Entry, build_index
from vankien.web.static import SEARCH_FOLDER, search_script

log = get_plugin_logger("vankien.search")

ASSET_DIR = urls.SEARCH_ASSETS
SCRIPTS = (f"{ASSET_DIR}/vankien-search.js",)
STYLESHEET = f"{ASSET_DIR}/vankien-search.css"
INDEX_DIR = urls.SEARCH_INDEX


# Every field has its own <label for>: screen readers name it, and a click on the label focuses it.
PAGE_FORM = """\
<div id="vk-search" class="vk-search" markdown="0">
<form class="vk-search__form" role="search" action="." method="get">
<div class="vk-search__field vk-search__q">
<label for="vk-search-q">Từ khóa, số ký hiệu hoặc người ký</label>
<input id="vk-search-q" type="search" name="q" autocomplete="off" aria-describedby="vk-search-help"
 placeholder="vd. 21-KL/TW, chinh don dang, 101 qd tw 2012">
</div>
<p id="vk-search-help" class="vk-search__help">Có thể gõ: số ký hiệu theo cách viết nào cũng được
(21-KL/TW, 21 kl tw, 21/KL-TW); từ ngữ có dấu hoặc không dấu (chinh don dang); họ tên người ký;
năm ban hành, để văn bản của năm đó lên trước (101 qd tw 2012). Các bộ lọc bên dưới thu hẹp kết
quả theo loại văn bản, cơ quan ban hành, hiệu lực và khoảng năm.</p>
<div class="vk-search__field">
<label for="vk-search-type">Loại văn bản</label>
<select id="vk-search-type" name="type"><option value="">Tất cả</option></select>
</div>
<div class="vk-search__field">
<label for="vk-search-issuer">Cơ quan ban hành</label>
<select id="vk-search-issuer" name="issuer"><option value="">Tất cả</option></select>
</div>
<div class="vk-search__field">
<label for="vk-search-status">Hiệu lực</label>
<select id="vk-search-status" name="status"><option value="">Tất cả</option></select>
</div>
<div class="vk-search__field">
<label for="vk-search-from">Từ năm</label>
<input id="vk-search-from" type="number" name="from" min="1930" max="2100" inputmode="numeric">
</div>
<div class="vk-search__field">
<label for="vk-search-to">Đến năm</label>
<input id="vk-search-to" type="number" name="to" min="1930" max="2100" inputmode="numeric">
</div>
</form>
<p class="vk-search__count" aria-live="polite"></p>
<ol class="vk-results vk-search__results"></ol>
</div>
"""

NOSCRIPT_MARK = "<!-- vankien:noscript -->"
"""Where the page's <noscript> message goes; filled in when every page of the site is known."""
BROWSE_PAGES = (
    (f"{urls.TIMELINE}/index.md", "Dòng thời gian"),
    (f"{urls.BODIES}/index.md", "Tra cứu theo cơ quan ban hành"),
    (f"{urls.TYPES}/index.md", "Tra cứu theo loại văn bản"),
    (f"{urls.YEARS}/index.md", "Tra cứu theo năm"),
)
"""The pages that find a document without JavaScript, after the catalogue of documents."""


def noscript_block(links: list[tuple[str, str]]) -> str:
    """The message readers see when JavaScript is off: search needs it, the browse pages do not."""
    items = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(label)}</a></li>' for href, label in links
    )
    pages = (
        f"Không có JavaScript, vẫn tìm được văn bản qua các trang:</p>\n<ul>{items}</ul>"
        if items
        else "Hãy bật JavaScript rồi tải lại trang.</p>"
    )
    return (
        '<noscript><div class="vk-search__noscript">\n'
        "<p><strong>Tra cứu cần JavaScript.</strong> Trình duyệt đang tắt JavaScript nên ô tra cứu "
        f"và các bộ lọc trên trang này không hoạt động. {pages}\n</div></noscript>\n"
    )


class SearchPlugin(VietnameseOptions, BasePlugin[SearchConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.built: BuiltIndex | None = None

    @event_priority(CONFIG_ORDER["vankien/search"])
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        for script in SCRIPTS:
            if script not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(script)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        analysis = built_archive(config, "vankien/search").analysis
        started = time.perf_counter()
        self.built = build_index([Entry.of(d) for d in analysis.archive])
        log.debug(
            "search index of %d documents in %.1f s", len(analysis.archive), time.perf_counter() - started
        )
        guide = ""
        guide_file = files.get_file_from_path(self.config.guide) if self.config.guide else None
        if guide_file is not None:
            guide = "\n\n" + _without_title(guide_file.content_string)
            files.remove(guide_file)
        page = f"{self.config.page.strip('/')}/index.md"
        content = f"# Tra cứu\n\n{NOSCRIPT_MARK}\n{PAGE_FORM}{guide}\n"
        files.append(File.generated(config, page, content=content))
        for name in ("vankien-search.css",):
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(SEARCH_FOLDER / name))
            )
        script = search_script(self.config.page)
        files.append(File.generated(config, f"{ASSET_DIR}/vankien-search.js", content=script))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.src_uri != f"{self.config.page.strip('/')}/index.md":
            return None
        catalogue = f"{built_archive(config, 'vankien/search').url_prefix.strip('/')}/index.md"
        links = []
        for source, label in ((catalogue, "Danh mục văn bản"), *BROWSE_PAGES):
            target = files.get_file_from_path(source)
            if target is not None:
                links.append((urls.relative_url(target.url, page.url), label))
        return markdown.replace(NOSCRIPT_MARK, noscript_block(links), 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.built is not None:
            self.built.write(Path(config.site_dir) / INDEX_DIR)


def _without_title(markdown: str) -> str:
    """The guide's text without its own first-level heading (the page has "Tra cứu")."""
    lines = markdown.lstrip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip()
