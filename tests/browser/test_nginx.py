"""The site on a real web server: Debian's nginx with the repository's own server block
(`deploy/nginx/van-kien.conf`, only its listen/server_name/alias lines substituted), serving the
sample archive under `/van-kien/`, with an original file for download and a moved document.

A crawler visits every page and asset (every page built is reached, nothing answers 404, no
redirect loops); every response carries the security headers and the caching the block
promises; headless Chromium searches and follows relation links through nginx with no request
leaving the served site and no Content-Security-Policy violation.
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RecordedPage, build_project
from tests.support.crawler import Crawl, built_pages, crawl, decoded, fetch
from tests.support.nginx import DEPLOY_CONF, SUB_PATH, NginxServer
from tests.support.project import copy_project, free_port

pytestmark = [pytest.mark.build]

ORIGINAL = "Kết luận 21.pdf"
ORIGINAL_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(64 * 1024)
MOVED_FROM = "/van-ban/2022/39-hd-btgtu/"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
FINGERPRINTED = re.compile(r"/assets/(stylesheets|javascripts)/(.+/)?[^/]+\.[0-9a-f]{8}\.min\.(css|js)$")


def _add_to_front_matter(document: Path, lines: str) -> None:
    text = document.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    document.write_text("---\n" + lines + text[4:], encoding="utf-8")


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, port: int) -> Path:
    """The sample archive published as CI publishes it, for its own address (`site_url`: the
    sitemap, the feeds and the 404 page's links use it), plus an original file (a PDF whose name
    needs percent-encoding) and a document moved from an old address (a redirect page)."""
    root = tmp_path_factory.mktemp("nginx-site")
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        f"site_url: http://127.0.0.1:{port}{SUB_PATH}\n" + config.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    directives = project / "directives"
    (directives / "2021" / ORIGINAL).write_bytes(ORIGINAL_BYTES)
    _add_to_front_matter(directives / "2021" / "21-kl-tw.md", f"original_file: {ORIGINAL}\n")
    _add_to_front_matter(directives / "2023" / "39-hd-btgtu.md", f"redirect_from: [{MOVED_FROM}]\n")
    # The release layout `vankien publish` writes: nginx serves `current`, a relative symlink.
    site = build_project(project, root / "live" / "releases" / "a" / "site")
    (root / "live" / "current").symlink_to("releases/a/site")
    return site


def _current(site: Path) -> Path:
    return site.parents[2] / "current"


@pytest.fixture(scope="module")
def server(site: Path, nginx: Any, port: int) -> NginxServer:
    started: NginxServer = nginx(_current(site), port)
    return started


@pytest.fixture(scope="module")
def crawled(site: Path, server: NginxServer) -> Crawl:
    # The start points: the home page, the page the server sends for every missing URL, and the
    # old addresses of moved documents (bookmarks from before the move, linked from nowhere).
    starts = [server.base, server.base + "404.html", server.base + MOVED_FROM.lstrip("/")]
    return crawl(server.base, starts)


def test_the_deploy_block_is_installed_as_operators_install_it(server: NginxServer) -> None:
    served = (server.prefix / "van-kien.conf").read_text(encoding="utf-8")
    original = DEPLOY_CONF.read_text(encoding="utf-8")
    changed = [
        line
        for line, theirs in zip(original.splitlines(), served.splitlines(), strict=True)
        if line != theirs
    ]
    assert [line.strip() for line in changed] == [
        "listen 80;",
        "server_name intranet;",
        "alias /srv/van-kien/current/;",
    ]


def test_every_built_page_is_reached_and_nothing_is_missing(site: Path, crawled: Crawl) -> None:
    built = built_pages(site, SUB_PATH)
    reached = decoded(crawled.pages())
    assert reached == built, (sorted(built - reached)[:10], sorted(reached - built)[:10])
    assert crawled.broken == []
    assert crawled.loops == []
    # The one link leaving the site: the editor guide names the local preview of `make serve`.
    leaving = {(link, urlsplit(referrer).path) for link, referrer in crawled.outside}
    assert leaving <= {("http://127.0.0.1:8000/", SUB_PATH + "huong-dan-bien-tap/")}, leaving
    assets = [url for url, r in crawled.responses.items() if r.content_type != "text/html"]
    assert any(FINGERPRINTED.search(url) for url in assets)
    assert any(url.endswith(".css") and "/assets/vankien/" in url for url in assets)


def test_redirects_are_single_hops_inside_the_site(server: NginxServer) -> None:
    # A folder URL without its slash: nginx adds it, with a relative Location (behind a proxy,
    # under another host name, the reader stays where they are).
    for path, target in [("van-kien", "/van-kien/"), ("van-kien/gioi-thieu", "/van-kien/gioi-thieu/")]:
        answer = fetch(server.origin + "/" + path)
        assert (answer.status, answer.headers["Location"]) == (301, target)
        assert fetch(server.origin + target).status == 200


def test_a_release_switch_is_served_without_a_reload(site: Path, server: NginxServer) -> None:
    """nginx follows `current` on every request: the switch `vankien publish` makes (one
    rename of a symlink) and a rollback are live at once, with no reload and no stale file."""
    current = _current(site)
    other = site.parents[1] / "b" / "site"
    shutil.copytree(site, other)
    (other / "chi-co-o-ban-b.txt").write_text("b", encoding="utf-8")
    switching = current.with_name("current.tmp")
    try:
        switching.symlink_to("releases/b/site")
        switching.replace(current)
        assert fetch(server.base + "chi-co-o-ban-b.txt").body == b"b"
        assert fetch(server.base).status == 200
    finally:
        switching.unlink(missing_ok=True)
        switching.symlink_to("releases/a/site")
        switching.replace(current)
        shutil.rmtree(other.parent)
    assert fetch(server.base + "chi-co-o-ban-b.txt").status == 404
    assert fetch(server.base).status == 200


def test_every_response_carries_the_security_headers(crawled: Crawl, server: NginxServer) -> None:
    missing = server.base + "khong-co/trang/nay/"
    extra = [fetch(missing), fetch(server.origin + "/van-kien")]
    for response in [*crawled.responses.values(), *extra]:
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (response.url, name)
        policy = _directives(response.headers["Content-Security-Policy"])
        assert policy["frame-ancestors"] == ["'none'"], response.url
        assert policy["object-src"] == ["'none'"] and policy["script-src-attr"] == ["'none'"]
        # Script elements are left to the page's own policy (see the deploy file): the header
        # neither allows inline scripts nor blocks the page's hashed theme scripts.
        assert "script-src" not in policy and "default-src" not in policy, response.url
        assert "'unsafe-inline'" not in " ".join(
            " ".join(v) for k, v in policy.items() if k.startswith("script")
        )
        assert response.headers.get("Server") == "nginx", "server_tokens off hides the version"


def test_every_page_forbids_inline_scripts_in_its_own_policy(crawled: Crawl) -> None:
    """What makes leaving script-src to the page sound: every HTML file served has its meta."""
    pages = [r for r in crawled.responses.values() if r.content_type == "text/html"]
    assert pages
    for response in pages:
        html = response.body.decode("utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta is not None, response.url
        script_src = _directives(meta[1])["script-src"]
        assert script_src[0] == "'self'" and "'unsafe-inline'" not in script_src, response.url
        assert all(source.startswith("'sha256-") for source in script_src[1:]), response.url


def test_caching_immutable_for_fingerprinted_assets_revalidated_for_the_rest(
    crawled: Crawl, server: NginxServer
) -> None:
    for url, response in crawled.responses.items():
        cache = response.headers["Cache-Control"]
        if FINGERPRINTED.search(urlsplit(url).path):
            assert cache == "public, max-age=31536000, immutable", url
        else:
            assert cache == "no-cache", url
    for path in ["search/catalogue.json", "search/shards/0.json"]:
        assert fetch(server.base + path).headers["Cache-Control"] == "no-cache"


def test_search_index_is_sent_compressed(site: Path, server: NginxServer) -> None:
    for path in ["search/catalogue.json", "search/shards/0.json"]:
        answer = fetch(server.base + path, {"Accept-Encoding": "gzip"})
        assert answer.status == 200 and answer.content_type == "application/json"
        assert answer.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in answer.headers["Vary"]
        assert gzip.decompress(answer.body) == (site / path).read_bytes()
        assert len(answer.body) < (site / path).stat().st_size


def test_a_prebuilt_gz_beside_a_shard_is_served_as_is(site: Path, server: NginxServer) -> None:
    """`gzip_static` in the search location: a shard compressed ahead of time is sent as it is."""
    shard = site / "search" / "shards" / "0.json"
    precompressed = shard.with_name("0.json.gz")
    precompressed.write_bytes(gzip.compress(shard.read_bytes(), 9, mtime=0))
    try:
        answer = fetch(server.base + "search/shards/0.json", {"Accept-Encoding": "gzip"})
        assert answer.body == precompressed.read_bytes()
        assert answer.headers["Content-Length"] == str(precompressed.stat().st_size)
    finally:
        precompressed.unlink()


def test_the_original_file_is_a_download(site: Path, crawled: Crawl) -> None:
    originals = [
        (url, r) for url, r in crawled.responses.items() if unquote(urlsplit(url).path).endswith(ORIGINAL)
    ]
    assert len(originals) == 1, "the page's download link was followed"
    url, response = originals[0]
    assert response.headers["Content-Disposition"] == "attachment"
    assert response.content_type == "application/pdf"
    assert response.body == ORIGINAL_BYTES
    # The site's own pictures and pages are shown, not downloaded.
    for other_url, other in crawled.responses.items():
        if other_url != url:
            assert "Content-Disposition" not in other.headers, other_url


def test_open_data_is_sent_with_its_types(site: Path, server: NginxServer) -> None:
    types = {".json": "application/json", ".csv": "text/csv", ".xml": "application/atom+xml"}
    exports = sorted(p for p in (site / "api").rglob("*") if p.suffix in types)
    assert {p.suffix for p in exports} == set(types), "the build writes JSON, CSV and Atom"
    for path in exports:
        answer = fetch(server.base + quote(path.relative_to(site).as_posix()))
        assert answer.status == 200 and answer.content_type == types[path.suffix], path
        assert answer.headers["Cache-Control"] == "no-cache"
        assert answer.headers.get_content_charset() == "utf-8"
        assert answer.body == path.read_bytes()


def test_missing_urls_get_the_sites_404_page(site: Path, server: NginxServer) -> None:
    not_found = (site / "404.html").read_bytes()
    for path in ["khong-co/", "van-ban/2099/khong-co/index.html", ".git/config", "van-ban/.an"]:
        answer = fetch(server.base + path)
        assert answer.status == 404, path
        assert answer.body == not_found, path
        assert answer.headers["Cache-Control"] == "no-cache"


@pytest.mark.browser
def test_reading_searching_and_following_relations_through_nginx(
    page: RecordedPage, server: NginxServer
) -> None:
    violations: list[str] = []

    def report(violation: str) -> None:
        violations.append(violation)

    page.expose_function("reportViolation", report)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));"
    )
    answer = page.goto(server.base)
    assert answer is not None and "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    page.wait_for_function("window.vankienSearch !== undefined")
    page.fill(".vk-box__input", "39-HD/BTGTU")
    results = page.locator(".vk-box__panel .vk-result__link")
    expect(results.first).to_contain_text("39-HD/BTGTU")
    results.first.click()
    expect(page.locator("h1").first).to_contain_text("39-HD/BTGTU")
    visited = [page.url]
    # Down the relations and back up: the schema's entries are the relation links.
    for _ in range(2):
        entry = page.locator(".vk-schema a.vk-entry").first
        name = entry.locator(".vk-entry__name").inner_text()
        entry.click()
        expect(page.locator("h1").first).to_contain_text(name.split(" của ")[0])
        visited.append(page.url)
    assert len(set(visited)) >= 2 and all(url.startswith(server.base) for url in visited)
    # The search page, through nginx: a query without diacritics finds the document.
    page.goto(server.base + "tra-cuu/?q=huong+dan+tuyen+truyen")
    expect(page.locator(".vk-search__results")).to_have_attribute("data-phase", "full")
    assert "39-HD/BTGTU" in page.locator(".vk-search__results .vk-result__symbol").all_inner_texts()
    assert violations == []
    assert page.outside(server.base) == []


@pytest.mark.browser
def test_the_two_policies_refuse_a_planted_script(browser: Any, server: NginxServer) -> None:
    """What the header and the page's meta refuse together: an inline script the page was not
    built with, and an inline event handler (refused by the header's script-src-attr as well)."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.add_init_script(
            "window.violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.violations.push(e.violatedDirective));"
        )
        page.goto(server.base)
        page.wait_for_function("window.vankienSearch !== undefined")
        page.evaluate(
            """() => {
                document.body.setAttribute('onclick', 'window.planted = 1');
                document.body.click();
                const script = document.createElement('script');
                script.textContent = 'window.planted = 2';
                document.head.appendChild(script);
            }"""
        )
        page.wait_for_function(
            "['script-src-attr', 'script-src-elem'].every(d => window.violations.includes(d))"
        )
        assert page.evaluate("window.planted") is None
    finally:
        context.close()


def _directives(policy: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed
