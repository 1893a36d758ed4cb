"""The options of the three plugins, typed (MkDocs' `base.Config`), with their defaults."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from vankien.core import urls


class ArchiveConfig(base.Config):
    directives_dir = c.Type(str, default="directives")
    """The archive folder, relative to mkdocs.yml; it lives outside docs_dir."""
    url_prefix = c.Type(str, default=urls.DOCUMENTS)
    """First part of every document URL: /van-ban/2023/39-hd-btgtu/."""
    catalogue = c.Type(bool, default=True)
    """Generate the catalogue pages `<url_prefix>/`, `<url_prefix>/trang-2/` ... listing every document."""


class BrowseConfig(base.Config):
    home = c.Type(bool, default=True)
    """Generate the home page (index.md) from the archive; turn off to keep a hand-written one."""


class SearchConfig(base.Config):
    page = c.Type(str, default=urls.SEARCH_PAGE)
    """Folder of the search page: /tra-cuu/."""
    guide = c.Type(str, default="tra-cuu.md")
    """A page of docs_dir shown below the search form (how to search); removed from its own URL."""
