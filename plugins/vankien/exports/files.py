"""Every open-data file of a site, by path: what the `vankien/open-data` plugin writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from vankien.core.model import Document
from vankien.exports.data import DOCUMENTS_PATH, DOCUMENTS_SCHEMA_PATH, GRAPH_PATH, documents_json, graph_json
from vankien.exports.dates import page_date, site_date
from vankien.exports.feeds import BODY_FEEDS, FEED_PATH, Feed, atom
from vankien.exports.sitemap import SITEMAP_GZ_PATH, SITEMAP_PATH, gzipped, sitemap
from vankien.exports.spreadsheet import CSV_PATH, catalogue_csv
from vankien.graph.analysis import Analysis
from vankien.web.links import BrowseLinks
from vankien.web.timeline import walk_bodies

SCHEMA_FILE = Path(__file__).with_name("documents.schema.json")
"""The JSON Schema of `api/documents.json`, shipped in the site beside it."""


def open_data(
    analysis: Analysis,
    links: BrowseLinks,
    *,
    level: str,
    url_prefix: str,
    site_name: str,
    site_url: str | None,
    source_date: dt.date | None,
    pages: Iterable[tuple[str, Document | None]],
) -> dict[str, bytes]:
    """Path -> bytes of every export. `pages`: each page's site-relative URL with its document
    (None for the others); `site_url` None: no Atom feeds and an empty sitemap (see `sitemap`)."""
    archive, graph = analysis.archive, analysis.graph
    base = _with_slash(site_url)
    day = site_date(archive, source_date)
    files = {
        DOCUMENTS_PATH: documents_json(archive, graph, level=level, url_prefix=url_prefix).encode(),
        DOCUMENTS_SCHEMA_PATH: SCHEMA_FILE.read_bytes(),
        GRAPH_PATH: graph_json(archive, graph, url_prefix=url_prefix).encode(),
        CSV_PATH: catalogue_csv(archive),
    }
    dated = [(url, page_date(document, graph) if document else day) for url, document in pages]
    files[SITEMAP_PATH] = sitemap(dated, base).encode()
    files[SITEMAP_GZ_PATH] = gzipped(files[SITEMAP_PATH])
    if base is None:
        return files
    for feed in feeds(analysis, links):
        files[feed.path] = atom(feed, base, author=site_name, fallback=day).encode()
    return files


def feeds(analysis: Analysis, links: BrowseLinks) -> list[Feed]:
    """The site's feed and one per issuing body with documents of its own."""
    found = [Feed(FEED_PATH, "Văn bản mới", "", list(analysis.archive))]
    for node, _ in walk_bodies(links.body_roots):
        slug, page = links.body_slugs.get(node.name), links.body(node.name)
        if node.documents and slug and page:
            found.append(
                Feed(f"{BODY_FEEDS}/{slug}.xml", f"Văn bản mới của {node.name}", page, node.documents)
            )
    return found


def _with_slash(site_url: str | None) -> str | None:
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"
