"""Site-relative URLs and links between them, so every link works from a sub-path."""

from __future__ import annotations

import posixpath


def relative_url(url: str, from_url: str) -> str:
    """Link from the page at `from_url` to `url` (both site-relative, directories end with "/")."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(url.rstrip("/") or ".", from_dir.strip("/") or ".")
    if rel == ".":
        return "./"
    if url.endswith("/") or rel.endswith(".."):
        rel += "/"
    return rel
