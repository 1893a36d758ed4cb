"""`vankien/search`: the archive's own search (prebuilt index, Vietnamese pipeline).

The hooks only adapt: the documents come from the archive `vankien/archive` loaded (through
`built_archive`, whatever the order of `plugins:`), `vankien.search` builds the index, and this
plugin adds the scripts, the "Tra cứu" page (generated, never written into docs/) and the index.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

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


PAGE_FORM = """\
<div id="vk-search" class="vk-search" markdown="0">
<form class="vk-search__form" role="search" action="." method="get">
<label class="vk-search__q">Từ khóa, số hoặc ký hiệu
<input type="search" name="q" autocomplete="off" placeholder="vd. 21-KL/TW, xây dựng Đảng, chinh don"></label>
<label>Loại văn bản<select name="type"><option value="">Tất cả</option></select></label>
<label>Cơ quan ban hành<select name="issuer"><option value="">Tất cả</option></select></label>
<label>Hiệu lực<select name="status"><option value="">Tất cả</option></select></label>
<label>Từ năm<input type="number" name="from" min="1930" max="2100" inputmode="numeric"></label>
<label>Đến năm<input type="number" name="to" min="1930" max="2100" inputmode="numeric"></label>
</form>
<p class="vk-search__count" aria-live="polite"></p>
<ol class="vk-results vk-search__results"></ol>
</div>
"""


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
        files.append(File.generated(config, page, content=f"# Tra cứu\n\n{PAGE_FORM}{guide}\n"))
        for name in ("vankien-search.css",):
            files.append(
                File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(SEARCH_FOLDER / name))
            )
        script = search_script(self.config.page)
        files.append(File.generated(config, f"{ASSET_DIR}/vankien-search.js", content=script))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.built is not None:
            self.built.write(Path(config.site_dir) / INDEX_DIR)


def _without_title(markdown: str) -> str:
    """The guide's text without its own first-level heading (the page has "Tra cứu")."""
    lines = markdown.lstrip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip()
