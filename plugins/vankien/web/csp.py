"""The Content-Security-Policy of every page: the second line of defence behind the sanitizer.

Scripts run only from the site itself or, inline, when their exact text is one the page was
built with (a `sha256-…` hash per inline script of the theme): no `unsafe-inline` for scripts,
so markup that slipped into a page could not run. Nothing is fetched from another host.
Styles keep `unsafe-inline`: the theme sets a few inline styles, and styles run no code.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.S | re.I
)
_JSON = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(theme_html: str, *, preview: bool = False) -> str:
    """The policy for a page: the theme's inline scripts (in `theme_html`, the page without its
    content) allowed by hash, everything else from the site only. A script inside the content is
    never hashed, so it cannot run even if it ever reached the page.

    `preview` (mkdocs serve only, never a built site): inline scripts are allowed, since the
    development server adds its live-reload call to every response, different each time; bodies
    are still sanitized, and nothing from other hosts is allowed."""
    hashes = sorted(
        {_hash(m["code"]) for m in _INLINE_SCRIPT.finditer(theme_html) if not _JSON.search(m["attributes"])}
    )
    scripts = " 'unsafe-inline'" if preview else "".join(f" {h}" for h in hashes)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'" + scripts,
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str, content: str = "", *, preview: bool = False) -> str:
    """The page with its policy as the first element of <head>; `content` is the page's own part
    (what the theme wraps), whose scripts are not the theme's."""
    head = _HEAD.search(html)
    if head is None:
        return html
    theme = html.replace(content, "", 1) if content else html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(theme, preview=preview)}">'
    return html[: head.end()] + meta + html[head.end() :]
