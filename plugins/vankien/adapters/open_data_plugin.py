"""`vankien/open-data`: the archive as data (JSON, CSV, Atom) and a deterministic sitemap.

Thin: the files come from `vankien.exports.files`, made from the archive `vankien/archive`
loaded — the site's projection, so a withheld document is in no export. MkDocs' own sitemap is
turned off: it dates every page with the build's day (see `vankien.exports.sitemap`).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from vankien.adapters.archive_plugin import ArchivePlugin
from vankien.adapters.config import VietnameseOptions
from vankien.adapters.handshake import AFTER_ARCHIVE, built_archive
from vankien.core import clock
from vankien.exports.files import open_data
from vankien.exports.sitemap import SITEMAP_PATH

log = get_plugin_logger("vankien.open_data")
NAME = "vankien/open-data"


class OpenDataConfig(base.Config):
    """No options: what the plugin writes follows `site_url` and the archive."""


class OpenDataPlugin(VietnameseOptions, BasePlugin[OpenDataConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        config.theme.static_templates.discard(SITEMAP_PATH)
        return config

    # After the archive's on_env, which adds the redirect pages: those are no pages of the sitemap.
    @event_priority(AFTER_ARCHIVE)
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        built = built_archive(config, NAME)
        archive_plugin = next(p for p in config.plugins.values() if isinstance(p, ArchivePlugin))
        assert built.links is not None
        try:
            source_date = clock.source_date()
        except ValueError as error:
            raise PluginError(str(error)) from error
        pages = [
            (_site_relative(file.url), built.documents_by_source.get(file.src_uri))
            for file in files.documentation_pages()
        ]
        exports = open_data(
            built.analysis,
            built.links,
            level=archive_plugin.config.classification,
            url_prefix=built.url_prefix,
            site_name=config.site_name,
            site_url=config.site_url,
            source_date=source_date,
            pages=pages,
        )
        if not config.site_url:
            log.info(
                "Chưa đặt `site_url` trong mkdocs.yml: không tạo nguồn tin Atom, sơ đồ trang "
                "(sitemap.xml) để trống; trang xuất bản cần `site_url`."
            )
        for path, content in exports.items():
            # The theme's sitemap template is among the files as a static file: ours replaces it.
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        return env


def _site_relative(url: str) -> str:
    # MkDocs writes the home page's URL as "./".
    return "" if url in ("./", ".") else url
