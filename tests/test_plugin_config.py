"""The plugins' options, tested as MkDocs tests its own: defaults, every option, each wrong value."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.plugins import BasePlugin

from vankien.adapters.archive_plugin import ArchivePlugin
from vankien.adapters.browse_plugin import BrowsePlugin
from vankien.adapters.search_plugin import SearchPlugin


def load(plugin_class: type[BasePlugin[Any]], options: dict[str, Any]) -> tuple[BasePlugin[Any], list[str]]:
    plugin = plugin_class()
    errors, warnings = plugin.load_config(options)
    # Under --strict (the archive's builds) a warning fails the build as an error does.
    return plugin, [f"{key}: {problem}" for key, problem in [*errors, *warnings]]


@pytest.mark.parametrize(
    ("plugin_class", "defaults"),
    [
        (
            ArchivePlugin,
            {
                "directives_dir": "directives",
                "url_prefix": "van-ban",
                "catalogue": True,
                "classification": "thường",
            },
        ),
        (BrowsePlugin, {"home": True}),
        (SearchPlugin, {"page": "tra-cuu", "guide": "tra-cuu.md"}),
    ],
)
def test_defaults(plugin_class: type[BasePlugin[Any]], defaults: dict[str, Any]) -> None:
    plugin, errors = load(plugin_class, {})
    assert errors == []
    assert dict(plugin.config) == defaults


@pytest.mark.parametrize(
    ("plugin_class", "options", "expected"),
    [
        (ArchivePlugin, {"directives_dir": "kho/van-ban"}, {"directives_dir": "kho/van-ban"}),
        (ArchivePlugin, {"url_prefix": "tai-lieu"}, {"url_prefix": "tai-lieu"}),
        (ArchivePlugin, {"url_prefix": "/kho/van-ban/"}, {"url_prefix": "kho/van-ban"}),
        (ArchivePlugin, {"catalogue": False}, {"catalogue": False}),
        (ArchivePlugin, {"classification": "Toi Mat"}, {"classification": "tối mật"}),
        (BrowsePlugin, {"home": False}, {"home": False}),
        (SearchPlugin, {"page": "tim-kiem"}, {"page": "tim-kiem"}),
        (SearchPlugin, {"guide": "huong-dan-tim.md"}, {"guide": "huong-dan-tim.md"}),
        (SearchPlugin, {"guide": ""}, {"guide": ""}),
    ],
)
def test_every_option(
    plugin_class: type[BasePlugin[Any]], options: dict[str, Any], expected: dict[str, Any]
) -> None:
    plugin, errors = load(plugin_class, options)
    assert errors == []
    assert {key: plugin.config[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("plugin_class", "options", "message"),
    [
        (
            ArchivePlugin,
            {"directives_dir": 5},
            "directives_dir: phải là một dòng chữ, vd. `directives`; đang là `5`",
        ),
        (ArchivePlugin, {"directives_dir": "  "}, "directives_dir: phải là một dòng chữ"),
        (
            ArchivePlugin,
            {"classification": "bí mật"},
            "classification: độ mật `bí mật` không hợp lệ; chọn một trong: thường, nội bộ, mật, tối mật, tuyệt mật",
        ),
        (
            ArchivePlugin,
            {"url_prefix": "Văn bản"},
            "url_prefix: `Văn bản` không dùng được trong địa chỉ trang",
        ),
        (
            ArchivePlugin,
            {"url_prefix": "van ban"},
            "url_prefix: `van ban` không dùng được trong địa chỉ trang",
        ),
        (
            ArchivePlugin,
            {"url_prefix": "../ngoai"},
            "url_prefix: `../ngoai` không dùng được trong địa chỉ trang",
        ),
        (ArchivePlugin, {"catalogue": "có"}, "catalogue: phải là `true` hoặc `false`; đang là `'có'`"),
        (
            ArchivePlugin,
            {"catalog": True},
            "catalog: tùy chọn `catalog` không có; các tùy chọn là: directives_dir, url_prefix, catalogue",
        ),
        (BrowsePlugin, {"home": 1}, "home: phải là `true` hoặc `false`; đang là `1`"),
        (SearchPlugin, {"page": "tra cứu"}, "page: `tra cứu` không dùng được trong địa chỉ trang"),
        (SearchPlugin, {"guide": ["a.md"]}, "guide: phải là một dòng chữ"),
    ],
)
def test_each_wrong_value_is_refused(
    plugin_class: type[BasePlugin[Any]], options: dict[str, Any], message: str
) -> None:
    _, errors = load(plugin_class, options)
    assert len(errors) == 1 and errors[0].startswith(message), errors
