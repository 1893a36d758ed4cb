"""The options of the three plugins, typed (MkDocs' `base.Config`), with their defaults.

Options are checked when mkdocs.yml is read, and a wrong value is refused with a Vietnamese
message naming the option and what to write instead.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from vankien.core import urls
from vankien.core.confidentiality import LEVELS, PUBLIC, level_of

_SEGMENTS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")


class Text(c.Type[str]):
    """A string option; anything else is refused in Vietnamese."""

    def __init__(self, default: str, *, allow_empty: bool = False) -> None:
        super().__init__(str, default=default)
        self.allow_empty = allow_empty

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not (value.strip() or self.allow_empty):
            raise base.ValidationError(f"phải là một dòng chữ, vd. `{self.default}`; đang là `{value!r}`")
        return value.strip()


class Flag(c.Type[bool]):
    """A yes/no option: `true` or `false`."""

    def __init__(self, default: bool) -> None:
        super().__init__(bool, default=default)

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise base.ValidationError(f"phải là `true` hoặc `false`; đang là `{value!r}`")
        return value


class UrlPath(Text):
    """Part of a URL: lower-case ASCII words joined by "-", segments by "/" ("van-ban", "tai-lieu/van-ban")."""

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip("/")
        if not _SEGMENTS.match(text):
            raise base.ValidationError(
                f"`{value}` không dùng được trong địa chỉ trang: chỉ gồm chữ thường không dấu, số, "
                f'dấu "-" và "/", vd. `{self.default}`'
            )
        return text


class Classification(Text):
    """A level of `vankien.core.confidentiality`, written in any case, with or without diacritics."""

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        level = level_of(text)
        if level is None:
            raise base.ValidationError(f"độ mật `{text}` không hợp lệ; chọn một trong: {', '.join(LEVELS)}")
        return level


class ArchiveConfig(base.Config):
    directives_dir = Text(default="directives")
    """The archive folder, relative to mkdocs.yml; it lives outside docs_dir."""
    url_prefix = UrlPath(default=urls.DOCUMENTS)
    """First part of every document URL: /van-ban/2023/39-hd-btgtu/."""
    catalogue = Flag(default=True)
    """Generate the catalogue pages `<url_prefix>/`, `<url_prefix>/trang-2/` ... listing every document."""
    classification = Classification(default=PUBLIC)
    """The highest độ mật this site may publish (thường, nội bộ, mật, tối mật, tuyệt mật). Only here,
    in mkdocs.yml: no command-line flag raises it."""


class BrowseConfig(base.Config):
    home = Flag(default=True)
    """Generate the home page (index.md) from the archive; turn off to keep a hand-written one."""


class SearchConfig(base.Config):
    page = UrlPath(default=urls.SEARCH_PAGE)
    """Folder of the search page: /tra-cuu/."""
    guide = Text(default="tra-cuu.md", allow_empty=True)
    """A page of docs_dir shown below the search form (how to search), removed from its own URL;
    `""` for none."""


class VietnameseOptions:
    """Mixed into the archive's plugins (before MkDocs' BasePlugin): option warnings in Vietnamese."""

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        errors, warnings = super().load_config(options, config_file_path)  # type: ignore[misc]
        config_class: type[base.Config] = getattr(self, "config_class")  # noqa: B009 (set by BasePlugin)
        known = ", ".join(key for key, _ in config_class._schema)
        translated = [
            (key, f"tùy chọn `{key}` không có; các tùy chọn là: {known}")
            if message.startswith("Unrecognised configuration name")
            else (key, message)
            for key, message in warnings
        ]
        return errors, translated
