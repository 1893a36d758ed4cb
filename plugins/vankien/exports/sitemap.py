"""`sitemap.xml` and `sitemap.xml.gz`, written by the archive instead of MkDocs.

MkDocs dates every page with the day of the build (`lastmod`) and stamps the gzip file with it:
two builds on two days differ. Here a page's `lastmod` comes from the archive
(`vankien.exports.dates`) and the gzip header carries no time and no file name. The sitemap
protocol wants absolute URLs: without `site_url` the sitemap lists nothing (as MkDocs' does),
but it is still written — the 404 page finds the site's root by it.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable
from urllib.parse import quote

from vankien.exports.xml import text

SITEMAP_PATH = "sitemap.xml"
SITEMAP_GZ_PATH = "sitemap.xml.gz"


def sitemap(pages: Iterable[tuple[str, dt.date | None]], site_url: str | None) -> str:
    """`pages`: (site-relative URL, lastmod or None); `site_url` ends with "/" (None: no entries)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    if site_url is not None:
        for url, lastmod in sorted(pages, key=lambda page: page[0]):
            lines.append(f"  <url><loc>{text(site_url + quote(url, safe='/-._~'))}</loc>")
            if lastmod is not None:
                lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzipped(data: bytes) -> bytes:
    """The same bytes for the same input: no time stamp, no file name in the gzip header."""
    return gzip.compress(data, compresslevel=9, mtime=0)
