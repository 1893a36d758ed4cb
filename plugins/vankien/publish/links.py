"""Checks on a built site before it goes live: every internal link and asset resolves, nothing is
fetched from outside the site, and every URL works under the site's sub-path.

Policy (one reading of `vankien.core.markup`, which lets a document's body link to http(s) and
mailto addresses): an outside address is allowed only where the reader's browser fetches nothing
by itself — the `href` of `<a>`/`<area>` (a reader may follow it or not). Everything a browser
loads with the page (`src`, `<link href>`, `<form action>`, a meta refresh, a CSS `url()`) must be
inside the site. The one absolute address a page may carry is a `<link rel="canonical|alternate">`
under `site_url` itself (never fetched by a browser). Root-absolute paths ("/van-ban/…") break
when the site is served from a sub-path; the 404 page is the exception: a server sends it for a
missing URL at any depth, so its links start from the sub-path of `site_url` (README: the 404
page) and are checked as such.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ERROR_PAGE = "404.html"
FOLLOWED = frozenset({("a", "href"), ("area", "href")})
"""Attributes a reader follows by choice: the only ones that may point outside the site."""
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "xlink:href"})
ABSOLUTE_OK_RELS = frozenset({"canonical", "alternate"})
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)


@dataclass(frozen=True)
class LinkProblem:
    page: str
    """The file that holds the link, relative to the site."""
    link: str
    where: str
    """`href của <a>`, `src của <script>`, `url() trong CSS` …"""
    reason: str

    def format(self) -> str:
        return f"{self.page}: `{self.link}` ({self.where}) {self.reason}"


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    outside_links: int = 0
    """`<a href>` to other sites (allowed, see the module's policy)."""
    problems: list[LinkProblem] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str, str]] = []
        """(tag, attribute, value, rel)"""
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        rel = values.get("rel", "").lower()
        for name, value in values.items():
            if name in URL_ATTRIBUTES:
                self.refs.append((tag, name, value, rel))
            elif name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.refs.append((tag, name, url, rel))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            found = _REFRESH_URL.search(values.get("content", ""))
            if found:
                self.refs.append((tag, "content", found.group(1).strip(), rel))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


class _Site:
    def __init__(self, root: Path, base_path: str, site_url: str) -> None:
        self.root = root
        self.base_path = base_path
        self.site_url = site_url
        self._ids: dict[str, set[str]] = {}

    def parse(self, page: str) -> _Collector:
        collector = _Collector()
        collector.feed((self.root / page).read_text(encoding="utf-8", errors="replace"))
        collector.close()
        # Kept for the fragment checks of links from other pages.
        self._ids[page] = collector.ids
        return collector

    def ids(self, page: str) -> set[str]:
        found = self._ids.get(page)
        return found if found is not None else self.parse(page).ids

    def target(self, path: str) -> str | None:
        """The file answering the site path `path` (no leading "/"), as a web server finds it."""
        candidates = [f"{path}index.html"] if path.endswith("/") or not path else [path, f"{path}/index.html"]
        for candidate in candidates:
            if (self.root / candidate).is_file():
                return candidate
        return None


def check_site(root: Path, site_url: str) -> LinkReport:
    """Check every HTML page and style sheet of the built site at `root`."""
    base_path = urlsplit(site_url).path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    site = _Site(root, base_path, site_url)
    report = LinkReport()
    for relative in _files(root, ".html"):
        report.pages += 1
        collector = site.parse(relative)
        for tag, attribute, value, rel in collector.refs:
            report.links += 1
            where = f"{attribute} của <{tag}>"
            problem = _check(site, relative, value, where, followed=(tag, attribute) in FOLLOWED, rel=rel)
            if problem == "outside":
                report.outside_links += 1
            elif problem is not None:
                report.problems.append(LinkProblem(relative, value, where, problem))
    for relative in _files(root, ".css"):
        text = (root / relative).read_text(encoding="utf-8", errors="replace")
        for match in _CSS_URL.finditer(text):
            value = (match.group(2) or match.group(4) or "").strip()
            if not value:
                continue
            report.links += 1
            problem = _check(
                site, relative, value, "url() trong CSS", followed=False, rel="", fragments=False
            )
            if problem is not None and problem != "outside":
                report.problems.append(LinkProblem(relative, value, "url() trong CSS", problem))
    return report


def _files(root: Path, suffix: str) -> Iterator[str]:
    for path in sorted(root.rglob(f"*{suffix}")):
        if path.is_file():
            yield path.relative_to(root).as_posix()


def _check(
    site: _Site, page: str, value: str, where: str, *, followed: bool, rel: str, fragments: bool = True
) -> str | None:
    """None when the link is fine, "outside" for an allowed link to another site, else the reason."""
    text = value.strip()
    if not text:
        return None
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return None
    if scheme in ("mailto", "tel"):
        return None if followed else "không được tải từ địa chỉ này"
    if scheme in ("http", "https") or text.startswith("//"):
        if followed:
            return "outside"
        if set(rel.split()) & ABSOLUTE_OK_RELS and text.startswith(site.site_url):
            return None
        return "trỏ ra ngoài trang: trình duyệt sẽ tải từ máy khác"
    if scheme:
        return f"dùng giao thức `{scheme}:` không được phép"
    path = unquote(parts.path)
    if path.startswith("/"):
        if page != ERROR_PAGE:
            return (
                f"là địa chỉ từ gốc máy chủ: hỏng khi trang chạy dưới đường dẫn {site.base_path}; "
                "dùng địa chỉ tương đối"
            )
        if not path.startswith(site.base_path):
            return f"không nằm dưới đường dẫn {site.base_path} của site_url"
        resolved = path[len(site.base_path) :]
    elif not path:
        resolved = page
    else:
        folder = posixpath.dirname(page)
        joined = posixpath.normpath(posixpath.join(folder, path))
        if joined == ".." or joined.startswith("../"):
            return "ra ngoài thư mục trang"
        resolved = "" if joined == "." else joined
        if path.endswith("/") and resolved:
            resolved += "/"
    target = site.target(resolved)
    if target is None:
        return f"không tìm thấy: {resolved or './'}"
    fragment = unquote(parts.fragment)
    if fragments and fragment and target.endswith(".html") and fragment not in site.ids(target):
        return f"không có mục #{fragment} trong {target}"
    return None
