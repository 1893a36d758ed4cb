"""What the site build of an archive is configured with, so that the commands judge it the same way.

The build analyses the archive at the site's `classification` (mkdocs.yml); `vankien check`,
`import` and `new` analyse it at the same level, with the same function
(`vankien.graph.analysis.analyse_archive`), so the one verdict (`Analysis.fails`) is the same
everywhere. mkdocs.yml is read as plain YAML (the CLI does not load MkDocs): the file beside the
archive, or in the current folder, whose `vankien/archive` `directives_dir` is this archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from vankien.cli.options import display_root
from vankien.core.confidentiality import PUBLIC, level_of
from vankien.core.urls import DOCUMENTS
from vankien.graph.analysis import Analysis, analyse_archive

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "vankien/archive"
DEFAULT_DIRECTIVES = "directives"


@dataclass(frozen=True)
class SiteSettings:
    level: str = PUBLIC
    """The highest độ mật the site publishes: the level the archive is analysed at."""
    url_prefix: str = DOCUMENTS


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!ENV` or `!!python/name:` tags: read them as nothing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _plugin_options(config: Any) -> dict[str, Any] | None:
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):  # MkDocs accepts plugins as a mapping too
        plugins = [{name: options} for name, options in plugins.items()]
    for entry in plugins if isinstance(plugins, list) else []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            options = entry[PLUGIN]
            return options if isinstance(options, dict) else {}
    return None


def site_settings(archive: Path) -> SiteSettings:
    """The settings of the site built from `archive`; the defaults when no mkdocs.yml builds it."""
    try:
        target = archive.resolve()
    except OSError:
        return SiteSettings()
    for folder in dict.fromkeys((target.parent, Path.cwd().resolve())):
        config_file = folder / CONFIG_FILE
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        options = _plugin_options(config)
        if options is None:
            continue
        directives = str(options.get("directives_dir") or DEFAULT_DIRECTIVES)
        if (folder / directives).resolve() != target:
            continue
        level = level_of(str(options.get("classification") or PUBLIC)) or PUBLIC
        prefix = str(options.get("url_prefix") or DOCUMENTS).strip("/") or DOCUMENTS
        return SiteSettings(level, prefix)
    return SiteSettings()


def site_analysis(archive: Path, *, level: str | None = None, shown_root: str | None = None) -> Analysis:
    """The analysis the site build makes of `archive` (at `level` when given): every command's
    verdict comes from it (`Analysis.reported`, `Analysis.fails`)."""
    settings = site_settings(archive)
    return analyse_archive(
        archive,
        display_root=display_root(archive) if shown_root is None else shown_root,
        url_prefix=settings.url_prefix,
        level=level or settings.level,
    )


@dataclass(frozen=True)
class SiteConfig:
    """What `vankien publish` reads from mkdocs.yml (as plain YAML, like the rest of this module)."""

    site_url: str | None
    archive: Path
    """The archive folder the site is built from."""


def read_site_config(config_file: Path) -> SiteConfig:
    """`site_url` and the archive folder of the site `config_file` configures; unreadable files
    give no `site_url` (the build reports what is wrong with them)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        config = None
    options = _plugin_options(config) or {}
    site_url = config.get("site_url") if isinstance(config, dict) else None
    directives = str(options.get("directives_dir") or DEFAULT_DIRECTIVES)
    return SiteConfig(
        str(site_url).strip() if site_url else None, (config_file.parent / directives).resolve()
    )
