"""The three plugins meet through one loaded archive: their order in mkdocs.yml does not matter,
a non-default `url_prefix` needs no other edit, and a missing archive plugin is a clear error."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from vankien.adapters import staged_build

pytestmark = pytest.mark.build

PLUGIN_LINE = "  - vankien/"


def with_plugins(project: Path, order: list[str], **archive_options: str) -> None:
    """Rewrite the `plugins:` of the project's mkdocs.yml: the archive's plugins in `order`."""
    config_path = project / "mkdocs.yml"
    lines = config_path.read_text(encoding="utf-8").splitlines()
    start = lines.index("plugins:")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    block = ["plugins:"]
    for name in order:
        options = archive_options if name == "archive" else {}
        if options:
            block.append(f"{PLUGIN_LINE}{name}:")
            block += [
                f"      {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in options.items()
            ]
        else:
            block.append(f"{PLUGIN_LINE}{name}")
    config_path.write_text("\n".join([*lines[:start], *block, "", *lines[end:]]) + "\n", encoding="utf-8")


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_plugins_in_another_order_build_the_same_site(site_project: Path, tmp_path: Path) -> None:
    built = {}
    for order in (["archive", "search", "browse"], ["browse", "search", "archive"]):
        with_plugins(site_project, order)
        site = tmp_path / "-".join(order)
        staged_build.build_site(site_project / "mkdocs.yml", site)
        built["-".join(order)] = site_files(site)
    first, second = built.values()
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_another_url_prefix_builds_strictly_with_the_same_nav(site_project: Path) -> None:
    with_plugins(site_project, ["archive", "search", "browse"], url_prefix="tai-lieu")
    site = site_project / "site"
    staged_build.build_site(site_project / "mkdocs.yml", site)
    assert (site / "tai-lieu/2023/39-hd-btgtu/index.html").is_file()
    assert not (site / "van-ban").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="tai-lieu/"' in home and 'href="tai-lieu/chua-luu-tru/"' in home


def test_browse_without_the_archive_plugin_says_what_to_add(
    site_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with_plugins(site_project, ["browse"])
    with caplog.at_level(logging.ERROR), pytest.raises(staged_build.BuildFailed):
        staged_build.build_site(site_project / "mkdocs.yml", site_project / "site")
    assert "vankien/browse cần plugin vankien/archive: thêm `- vankien/archive` vào `plugins:`" in caplog.text


def test_a_theme_override_replaces_a_template(site_project: Path) -> None:
    config_path = site_project / "mkdocs.yml"
    config_path.write_text(
        config_path.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    override = site_project / "overrides" / "vankien" / "card.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '<p class="the-override">{{ document.type.name }}: {{ document.title }}</p>\n', encoding="utf-8"
    )
    site = site_project / "site"
    staged_build.build_site(config_path, site)
    html = (site / "van-ban/2023/39-hd-btgtu/index.html").read_text(encoding="utf-8")
    assert '<p class="the-override">Hướng dẫn: ' in html and 'class="vk-card"' not in html
    # The other fragments still come from the package.
    assert 'class="vk-schema"' in html
