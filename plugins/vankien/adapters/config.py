from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ArchiveConfig(base.Config):
    directives_dir = c.Type(str, default="directives")
    """The archive folder, relative to mkdocs.yml; it lives outside docs_dir."""
    url_prefix = c.Type(str, default="van-ban")
    """First part of every document URL: /van-ban/2023/39-hd-btgtu/."""
    catalogue = c.Type(bool, default=True)
    """Generate the catalogue page `<url_prefix>/index.md` listing every document."""
