"""A crawler for a served site: from a few start URLs, every `href`/`src`/`srcset` of every HTML
page (and a redirect page's meta refresh) and every `url()`/`@import` of the site's own
stylesheets, as long as it stays under the site's sub-path on the same origin.

Redirects are followed by hand, at most `MAX_HOPS` of them, so a loop is reported instead of
being followed forever; every response is kept (status, headers, body) for the tests to read.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit, urlunsplit

MAX_HOPS = 5
_SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)|@import\s+(['"])(?P<import>[^'"]+)\3""")
_REFRESH = re.compile(r"url\s*=\s*['\"]?(?P<url>[^'\"]+)", re.I)


@dataclass
class Response:
    url: str
    status: int
    headers: Message
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip()


@dataclass
class Crawl:
    responses: dict[str, Response] = field(default_factory=dict)
    """Final URL (no query, no fragment) → its response."""
    referrers: dict[str, str] = field(default_factory=dict)
    """URL → the first page or stylesheet that linked it."""
    broken: list[tuple[str, int, str]] = field(default_factory=list)
    """(URL, status, referrer) of every link that did not end in a 200."""
    loops: list[list[str]] = field(default_factory=list)
    """Redirect chains that came back to a URL or went past MAX_HOPS."""
    redirects: dict[str, str] = field(default_factory=dict)
    """First URL → final URL, for links answered with a redirect."""
    outside: list[tuple[str, str]] = field(default_factory=list)
    """(link, referrer) of links leaving the sub-path or the origin (not followed)."""

    def pages(self) -> set[str]:
        """Paths of the HTML pages answered 200."""
        return {
            urlsplit(url).path
            for url, r in self.responses.items()
            if r.status == 200 and r.content_type == "text/html"
        }


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name])
        if values.get("srcset"):
            self.links.extend(part.strip().split(" ")[0] for part in values["srcset"].split(","))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            refresh = _REFRESH.search(values.get("content", ""))
            if refresh:
                self.links.append(refresh["url"])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands every 3xx back to the crawler, which follows it itself (and counts the hops)."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect())


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Response:
    """One request, never following a redirect; any status is returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with _OPENER.open(request, timeout=10) as answer:
            return Response(url, answer.status, answer.headers, answer.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(url, error.code, error.headers, error.read())


def _clean(url: str) -> str:
    """Without fragment and query: the server sends the same file whatever the query says."""
    parts = urlsplit(urldefrag(url)[0])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _links_of(response: Response, base: str) -> list[str]:
    text = response.body.decode("utf-8", errors="replace")
    if response.content_type == "text/html":
        parser = _Links()
        parser.feed(text)
        return parser.links
    if response.content_type == "text/css" and response.url.startswith(base):
        return [m["url"] or m["import"] for m in _CSS_URL.finditer(text)]
    return []


def crawl(base: str, starts: list[str]) -> Crawl:
    """Visit every page and asset reachable from `starts` without leaving `base` (a URL ending in /)."""
    result = Crawl()
    origin = urlsplit(base)
    queue: deque[tuple[str, str]] = deque((_clean(start), "(start)") for start in starts)
    seen: set[str] = {url for url, _ in queue}
    while queue:
        url, referrer = queue.popleft()
        result.referrers.setdefault(url, referrer)
        chain = [url]
        response = fetch(url)
        while response.status in (301, 302, 303, 307, 308):
            target = _clean(urljoin(chain[-1], response.headers.get("Location", "")))
            if target in chain or len(chain) > MAX_HOPS:
                result.loops.append([*chain, target])
                break
            chain.append(target)
            response = fetch(target)
        if len(chain) > 1:
            result.redirects[url] = chain[-1]
        if response.status != 200:
            result.broken.append((url, response.status, referrer))
            continue
        result.responses[chain[-1]] = response
        for link in _links_of(response, base):
            link = link.strip()
            if not link or link.startswith("#") or link.lower().startswith(_SKIPPED_SCHEMES):
                continue
            target = _clean(urljoin(chain[-1], link))
            parts = urlsplit(target)
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc) or not parts.path.startswith(
                origin.path
            ):
                result.outside.append((link, chain[-1]))
                continue
            if target not in seen:
                seen.add(target)
                queue.append((target, chain[-1]))
    return result


def built_pages(site_dir: Path, sub_path: str) -> set[str]:
    """The URL path of every HTML file of a built site: `x/index.html` is `x/`, `x.html` itself."""
    paths = set()
    for page in site_dir.rglob("*.html"):
        relative = page.relative_to(site_dir).as_posix()
        if page.name == "index.html":
            relative = relative.removesuffix("index.html")
        paths.add(sub_path + relative)
    return paths


def decoded(paths: set[str]) -> set[str]:
    """Percent-decoded paths, to compare URLs with file names."""
    return {unquote(path) for path in paths}
