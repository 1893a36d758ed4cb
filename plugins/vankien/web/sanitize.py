"""A document's body as published: only the markup `vankien.core.markup` allows.

nh3 (Python bindings of the Rust `ammonia` crate, maintained, used by PyPI's readme renderer)
is the sanitizer: an allow-list parser built on html5ever, so what it keeps is what a browser
would parse, and it is linear and fast. Our own templates and SVG never pass through it; only
the Markdown the editor wrote, after rendering and cross-linking.
"""

from __future__ import annotations

import re

import nh3

from vankien.core.markup import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_CLASSES,
    ALLOWED_TAGS,
    REMOVED_WITH_CONTENT,
    URL_SCHEMES,
)

_ATTRIBUTES = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
_CLASSES = {tag: set(names) for tag, names in ALLOWED_CLASSES.items()}


_LINK = re.compile(r"<a\b[^>]*>")
_OUTSIDE = re.compile(r'\bhref="(?:https?:|mailto:)', re.I)
_REL = ' rel="noopener noreferrer"'


def _rel_outside_only(tag: re.Match[str]) -> str:
    """Links to other sites keep rel="noopener noreferrer"; the site's own links need none."""
    text = tag.group()
    return text if _OUTSIDE.search(text) else text.replace(_REL, "")


def sanitize_body(html: str) -> str:
    """Strip every tag, attribute, class and URL scheme the allow-list does not name."""
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        url_schemes=set(URL_SCHEMES),
        link_rel=_REL.split('"')[1],
        strip_comments=True,
    )
    return _LINK.sub(_rel_outside_only, cleaned)
