"""Every URL segment the site generates, defined once, and links between site-relative URLs.

URLs are site-relative with a trailing slash ("van-ban/2023/39-hd-btgtu/"); links are made
relative to the page they stand on, so the site works from a sub-path
(https://intranet/van-kien/).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

DOCUMENTS = "van-ban"
"""Default first segment of every document URL: /van-ban/2023/39-hd-btgtu/ (the `url_prefix` option)."""
UNKNOWN_YEAR = "chua-ro-nam"
"""Year segment of documents whose date is unknown: /van-ban/chua-ro-nam/<slug>/."""
STUBS = "chua-luu-tru"
"""Under the document prefix: cited documents the archive does not hold."""
PAGE = "trang"
"""Further pages of a paginated listing: <listing>/trang-2/."""
TIMELINE = "dong-thoi-gian"
BODIES = "co-quan"
TYPES = "loai"
YEARS = "nam"
SIGNERS = "nguoi-ky"
TOPICS = "chu-de"
STATUSES = "hieu-luc"
SEARCH_PAGE = "tra-cuu"
"""Default folder of the search page (the `page` option of the search plugin)."""
SEARCH_INDEX = "search"
"""Folder of the prebuilt search index: catalogue.json, shards/, text/."""
ASSETS = "assets/vankien"
"""Folder of the archive's own styles and scripts."""
SEARCH_ASSETS = "assets/vankien-search"
UNKNOWN_DATE_FOLDER = "chua-ro-ngay"
"""Not a URL: the folder of `directives/` where imported documents of unknown date are written."""
FALLBACK_SLUG = "khac"
"""Slug of a name that has no letter or digit a URL can carry."""

UrlFor = Callable[[str], str]
"""Maps a site-relative URL to a link from the page being rendered."""


def paged_url(base_url: str, number: int) -> str:
    """Page `number` of the listing at `base_url`: the listing itself, then base_url/trang-2/ ..."""
    return base_url if number == 1 else f"{base_url}{PAGE}-{number}/"


def source_uri(url: str) -> str:
    """The generated page's source path: "van-ban/" -> "van-ban/index.md", "" -> "index.md"."""
    return f"{url}index.md" if url else "index.md"


def relative_url(url: str, from_url: str) -> str:
    """Link from the page at `from_url` to `url` (both site-relative, directories end with "/")."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    return _relative(url, tuple(p for p in from_dir.split("/") if p))


def _relative(url: str, here: tuple[str, ...]) -> str:
    # Segment arithmetic, not posixpath.relpath: site URLs are already normalised, and pages
    # link to hundreds of others, so the cost of abspath on every link counts.
    target = [p for p in url.split("/") if p and p != "."]
    common = 0
    while common < len(here) and common < len(target) and here[common] == target[common]:
        common += 1
    parts = [".."] * (len(here) - common) + target[common:]
    if not parts:
        return "./"
    rel = "/".join(parts)
    if url.endswith("/") or parts[-1] == "..":
        rel += "/"
    return rel


def link_maker(page_url: str) -> UrlFor:
    """`url_for` for the page at `page_url`."""
    from_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    here = tuple(p for p in from_dir.split("/") if p)

    def url_for(url: str) -> str:
        return _relative(url, here)

    return url_for
