"""The Jinja2 templates of every HTML fragment the archive adds to its pages.

Templates live in `web/templates/vankien/`; a site overrides one by putting a file of
the same name under its theme's `custom_dir` (`overrides/vankien/card.html`), the way
Material's own templates are overridden. Autoescaping is on: editor text is escaped
by construction, and only our own SVG and already-rendered fragments are passed as
`Markup`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from vankien.core.dates import format_date
from vankien.core.text import slugify
from vankien.graph.lineage import days_label
from vankien.web.listing import LEVEL_LABELS, LEVEL_SLUGS

TEMPLATE_FOLDER = "vankien"
"""Every template name starts with this folder, so a theme's own templates never clash with ours."""


class Templates:
    """Renders the archive's templates; `override_dirs` are searched before the package's own."""

    def __init__(self, override_dirs: Sequence[Path] = ()) -> None:
        loaders: list[Any] = [FileSystemLoader([str(d) for d in override_dirs])] if override_dirs else []
        loaders.append(PackageLoader("vankien.web", "templates"))
        self.environment = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.environment.filters.update(date=format_date, slug=slugify, days=days_label)
        self.environment.globals.update(level_slugs=LEVEL_SLUGS, level_labels=LEVEL_LABELS)

    def render(self, name: str, **context: Any) -> str:
        """The fragment `vankien/<name>` rendered with `context`, whitespace between lines dropped."""
        template = self.environment.get_template(f"{TEMPLATE_FOLDER}/{name}")
        return _squeeze(template.render(**context))


@functools.cache
def package_templates() -> Templates:
    """The package's own templates, for callers with no theme to look in (the CLI, tests)."""
    return Templates()


def _squeeze(html: str) -> str:
    # Templates are written one element per line for people; the pages get no blank text nodes.
    return "".join(line.strip() for line in html.splitlines())


def markup(html: str) -> Markup:
    """An HTML fragment this package built itself (SVG, a rendered template): not to be escaped."""
    return Markup(html)
