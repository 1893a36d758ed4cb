"""Atom 1.0 feeds of the newest documents: the site's and one per issuing body.

Feeds need absolute URLs (`site_url`); `id`s are the pages' own URLs, which the archive keeps
stable (`redirect_from`). Dates are the documents' issue dates at midnight in Vietnam (UTC+7);
a feed's `updated` is its newest entry's, so the same archive always gives the same bytes.
Documents without a known date are left out: a feed is about what is new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from vankien.core.model import Document
from vankien.exports.xml import attribute, text
from vankien.web.timeline import newest_first

FEED_PATH = "api/atom.xml"
BODY_FEEDS = "api/co-quan"
"""Folder of the bodies' feeds: api/co-quan/<slug of the body's browse page>.xml."""
NEWEST = 50
ATOM = "http://www.w3.org/2005/Atom"
_VIETNAM = "+07:00"


@dataclass(frozen=True)
class Feed:
    path: str
    """Where the feed is written, site-relative."""
    title: str
    page: str
    """The site-relative URL of the page the feed follows (the home page, a body's page)."""
    documents: Sequence[Document]


def atom(feed: Feed, site_url: str, *, author: str, fallback: dt.date | None) -> str:
    """The feed's XML; `site_url` ends with "/"; `fallback` dates a feed with no dated entry."""
    entries = [d for d in newest_first(feed.documents) if d.date is not None][:NEWEST]
    newest = entries[0].date if entries else fallback
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM}" xml:lang="vi">',
        f"  <id>{text(site_url + feed.path)}</id>",
        f"  <title>{text(feed.title)}</title>",
        f"  <updated>{_timestamp(newest)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={attribute(site_url + feed.path)}/>',
        f'  <link rel="alternate" type="text/html" href={attribute(site_url + feed.page)}/>',
        f"  <author><name>{text(author)}</name></author>",
    ]
    for document in entries:
        url = site_url + document.url
        summary = document.title + (f" ({document.status})" if document.status else "")
        lines += [
            "  <entry>",
            f"    <id>{text(url)}</id>",
            f"    <title>{text(document.name)}</title>",
            f"    <updated>{_timestamp(document.date)}</updated>",
            f"    <published>{_timestamp(document.date)}</published>",
            f'    <link rel="alternate" type="text/html" href={attribute(url)}/>',
            f"    <author><name>{text(document.issuer_label)}</name></author>",
            f"    <category term={attribute(document.type.name)}/>",
            f'    <summary type="text">{text(summary)}</summary>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _timestamp(day: dt.date | None) -> str:
    return f"{(day or dt.date(1970, 1, 1)).isoformat()}T00:00:00{_VIETNAM}"
