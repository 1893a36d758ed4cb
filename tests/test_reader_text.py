"""Readers see reader text only (issue 13, item 8), checked on the built sample site.

Officials read every page except those of the nav section "Dành cho biên tập viên": on those
pages there are no file names, `directives/`, shell commands, plugin names or benchmark figures,
and every UI string is Vietnamese — the 404 page, heading permalinks and pager labels included.
Each rule is one row of a table with its reason, and one positive control proves it can match.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import REPO
from vankien.adapters import staged_build as publish

pytestmark = pytest.mark.build

EDITOR_SECTION = "Dành cho biên tập viên"
EDITOR_PAGES = ("huong-dan-bien-tap/", "nhap-van-ban/", "du-lieu-mo/")
"""The editor guide: the only pages allowed to talk about files and commands."""
PERMALINK_TITLE = "Liên kết đến mục này"
SUB_PATH = "/van-kien/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site (mkdocs.yml, docs/, the sample archive) built strictly."""
    project = tmp_path_factory.mktemp("reader-text")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "directives", project / "directives")
    publish.build_site(project / "mkdocs.yml", project / "site")
    return project / "site"


# -- reading pages ------------------------------------------------------------------------------------


def page_url(site: Path, path: Path) -> str:
    """The site URL of an HTML file: `gioi-thieu/` for gioi-thieu/index.html, `404.html`."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def file_of(site: Path, url: str) -> Path:
    """The file a site URL (no leading slash) is served from."""
    path = site / url
    return path / "index.html" if url == "" or url.endswith("/") else path


class _Reader(HTMLParser):
    """What a reader sees of a page's body: its text and its tooltip/label attributes; the
    primary nav as (section labels, href) pairs; `<pre>` blocks with their class."""

    SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.in_body = False
        self.hidden = 0  # inside <script> or <style>
        self.labels: dict[str, str] = {}
        self.label_id: str | None = None
        self.label_text: list[str] = []
        self.navs: list[tuple[bool, str | None]] = []  # (primary, section label) per open <nav>
        self.nav_links: list[tuple[tuple[str, ...], str]] = []
        self.pre: list[tuple[str, list[str]]] = []
        self.in_pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "body":
            self.in_body = True
        if tag in ("script", "style"):
            self.hidden += 1
        if self.in_body:
            self.text.extend(attributes[a] for a in self.SHOWN_ATTRIBUTES if attributes.get(a))
        if tag == "label" and "id" in attributes:
            self.label_id, self.label_text = attributes["id"], []
        if tag == "nav":
            primary = "md-nav--primary" in attributes.get("class", "") or any(p for p, _ in self.navs)
            self.navs.append((primary, self.labels.get(attributes.get("aria-labelledby", ""))))
        if tag == "a" and self.navs and self.navs[-1][0] and "md-nav__link" in attributes.get("class", ""):
            sections = tuple(label for _, label in self.navs if label)
            self.nav_links.append((sections, attributes.get("href", "")))
        if tag == "pre":
            self.in_pre += 1
            self.pre.append((attributes.get("class", ""), []))
        if tag == "code" and self.in_pre and self.pre:
            self.pre[-1] = (self.pre[-1][0] + " " + attributes.get("class", ""), self.pre[-1][1])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1
        if tag == "label" and self.label_id is not None:
            self.labels[self.label_id] = " ".join("".join(self.label_text).split())
            self.label_id = None
        if tag == "nav" and self.navs:
            self.navs.pop()
        if tag == "pre":
            self.in_pre -= 1

    def handle_data(self, data: str) -> None:
        if self.label_id is not None:
            self.label_text.append(data)
        if self.in_pre and self.pre:
            self.pre[-1][1].append(data)
        if self.in_body and not self.hidden:
            self.text.append(data)


def read(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def shown_text(path: Path) -> str:
    return " ".join(" ".join(read(path).text).split())


def editor_section(site: Path) -> list[str]:
    """Site URLs the home page's primary nav lists under the editor section."""
    return [
        urljoin("/", href).lstrip("/")
        for sections, href in read(site / "index.html").nav_links
        if EDITOR_SECTION in sections
    ]


def reader_pages(site: Path) -> list[Path]:
    editor = set(editor_section(site))
    return [p for p in sorted(site.rglob("*.html")) if page_url(site, p) not in editor]


# -- the rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    reason: str
    example: str
    """A line the rule must catch: proves the pattern is alive."""


# One row a rule: name, pattern (on the text and tooltips a reader sees), reason, an example it must catch.
# fmt: off
TEXT_RULES = tuple(Rule(*row) for row in (
    ("archive-folder", r"directives/", "readers do not know where editors keep files", "trong `directives/2023/`"),
    ("markdown-file", r"\.md\b", "a source file name means nothing to a reader", "xem tệp kl-21.md"),
    ("mkdocs", r"(?i)mkdocs", "the site generator is an operator's concern", "dựng bằng MkDocs"),
    ("plugin-name", r"vankien/", "plugin names are internals", "plugin `vankien/search`"),
    ("cli-command", r"\bvankien (?:check|import|new|refs|build)\b", "commands are for editors", "chạy vankien check"),
    ("plugin-word", r"(?i)\bplugins?\b", "readers do not configure plugins", "Plugin tra cứu"),
    ("scripts-folder", r"scripts/", "benchmark and helper scripts are the developers'", "đo bằng scripts/bench.py"),
    ("make", r"\bmake\s", "build commands are for editors and operators", "chạy make serve"),
    ("pip", r"\bpip\s", "installing is for operators", "pip install"),
    ("virtualenv", r"\.venv", "an install path is an operator's concern", ".venv/bin/vankien"),
    ("code-file", r"\b[\w-]+\.(?:py|ya?ml|toml|sh|js|css|json)\b", "configuration and code files are not reader text", "sửa co-quan.yml"),
    ("benchmark", r"(?i)\bbench(?:mark)?", "benchmarks belong in docs-dev/", "bench_search"),
    ("measured", r"(?i)\b(?:đo được|số liệu đo|kho tổng hợp)\b", "measurements belong in docs-dev/", "| chỉ số | đo được |"),
    ("milliseconds", r"\b\d+(?:[,.]\d+)?\s?ms\b", "response times are benchmark figures", "kết quả đầu 70–138 ms"),
    ("machine", r"(?i)\b(?:máy \d+ nhân|RSS|gzip|chromium|lunr)\b", "test machines and tools are not reader text", "máy 2 nhân"),
))
# fmt: on

SHELL_BLOCK = Rule(
    "shell-block",
    r"(?m)language-(?:sh|bash|shell|console|zsh)\b|^\s*(?:\$ |\.venv/|make\b|pip\b|python3?\b|vankien\b|mkdocs\b|sudo\b|cd\b|git\b|npm\b)",
    "a shell command is an editor's or operator's, never a reader's",
    "language-sh .venv/bin/vankien check directives",
)

ENGLISH_UI = Rule(
    "english-ui",
    r"(?i)\b(?:permanent link|skip to content|back to top|table of contents|not found|previous|next page|"
    r"type to start searching|copy to clipboard|made with|search)\b",
    "the interface speaks Vietnamese (Material's English strings, English labels of our own)",
    "404 - Not found",
)


def offences(rule: Rule, pages: list[Path], site: Path, text_of: Callable[[Path], str]) -> list[str]:
    found = []
    for path in pages:
        match = re.search(rule.pattern, text_of(path))
        if match:
            found.append(f"{page_url(site, path) or '/'}: {match.group(0)!r}")
    return found


def pre_blocks(path: Path) -> str:
    return "\n".join(f"{css}\n{''.join(text)}" for css, text in read(path).pre)


@pytest.mark.parametrize("rule", [*TEXT_RULES, SHELL_BLOCK, ENGLISH_UI], ids=lambda r: r.name)
def test_each_rule_catches_its_example(rule: Rule) -> None:
    assert re.search(rule.pattern, rule.example), rule.reason


@pytest.mark.parametrize("rule", TEXT_RULES, ids=lambda r: r.name)
def test_reader_pages_hold_no_operator_text(site: Path, rule: Rule) -> None:
    assert offences(rule, reader_pages(site), site, shown_text) == [], rule.reason


def test_reader_pages_hold_no_shell_commands(site: Path) -> None:
    assert offences(SHELL_BLOCK, reader_pages(site), site, pre_blocks) == [], SHELL_BLOCK.reason


def test_every_page_speaks_vietnamese(site: Path) -> None:
    # Editor pages too: their interface is the same, only their content talks about files.
    pages = sorted(site.rglob("*.html"))
    assert offences(ENGLISH_UI, pages, site, shown_text) == [], ENGLISH_UI.reason


def test_the_audit_covers_every_kind_of_reader_page(site: Path) -> None:
    urls = {page_url(site, p) for p in reader_pages(site)}
    for expected in (
        "",
        "404.html",
        "gioi-thieu/",
        "tra-cuu/",
        "dong-thoi-gian/",
        "van-ban/",
        "van-ban/chua-luu-tru/",
    ):
        assert expected in urls
    assert sum(url.startswith("van-ban/20") for url in urls) >= 10  # the document pages
    assert not urls & set(EDITOR_PAGES)


# -- the editor section -------------------------------------------------------------------------------


def test_editor_pages_are_in_their_own_nav_section_and_say_so(site: Path) -> None:
    assert sorted(editor_section(site)) == sorted(EDITOR_PAGES)
    rules = {rule.name: rule for rule in TEXT_RULES}
    for url in EDITOR_PAGES:
        page = file_of(site, url).read_text("utf-8")
        article = page[page.index("<article") :]
        first = " ".join(
            html.unescape(re.sub(r"<[^>]+>", " ", article[article.index("</h1>") :][:600])).split()
        )
        assert first.startswith(EDITOR_SECTION), (url, first)
        # The editor guide does talk about files and commands: the rules are alive on these pages.
        text = shown_text(file_of(site, url))
        assert re.search(rules["archive-folder"].pattern, text) or re.search(
            rules["cli-command"].pattern, text
        )


# -- Vietnamese UI: permalinks, pager, 404 ------------------------------------------------------------


def test_heading_permalinks_carry_the_vietnamese_title(site: Path) -> None:
    titles: list[str] = []
    for path in sorted(site.rglob("*.html")):
        titles += re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', path.read_text("utf-8"))
    assert len(titles) >= 20
    assert set(titles) == {PERMALINK_TITLE}


def test_pager_of_a_paginated_listing_has_vietnamese_previous_and_next() -> None:
    from vankien.core.archive import Archive
    from vankien.core.loader import load_archive
    from vankien.core.urls import link_maker
    from vankien.web.catalogue import catalogue_pages, render_catalogue_page
    from vankien.web.paginate import PAGE_SIZE

    documents = load_archive(REPO / "directives").documents
    many = Archive(REPO, documents * (2 * PAGE_SIZE // len(documents) + 1))
    pages = catalogue_pages(many, "van-ban")
    assert len(pages) == 3
    steps = []
    for page in pages:
        rendered = render_catalogue_page(many, page, link_maker(page.url))
        nav = re.findall(r'<nav class="vk-pager"[^>]*>.*?</nav>', rendered)
        assert nav, page.url
        links = dict(re.findall(r'<a class="vk-pager__step" href="([^"]+)" rel="[a-z]+">([^<]+)</a>', nav[0]))
        steps.append(
            {text.strip(" ‹›"): urljoin("/" + page.url, href).lstrip("/") for href, text in links.items()}
        )
        assert "Previous" not in nav[0] and "Next" not in nav[0]
    assert steps == [
        {"Trang sau": "van-ban/trang-2/"},
        {"Trang trước": "van-ban/", "Trang sau": "van-ban/trang-3/"},
        {"Trang trước": "van-ban/trang-2/"},
    ]


def _links_404(site: Path) -> dict[str, tuple[str, str]]:
    """{link text: (href, data-vk-path)} of the 404 page's links and its search form."""
    page = (site / "404.html").read_text("utf-8")
    links = {
        " ".join(html.unescape(text).split()): (href, path)
        for href, path, text in re.findall(r'<a href="([^"]*)" data-vk-path="([^"]*)">([^<]*)</a>', page)
    }
    form = re.search(r'<form role="search" action="([^"]*)" data-vk-path="([^"]*)"', page)
    assert form is not None
    links["form"] = (form.group(1), form.group(2))
    return links


def test_404_page_is_vietnamese_and_its_links_resolve(site: Path) -> None:
    page = (site / "404.html").read_text("utf-8")
    assert '<html lang="vi">' in page
    assert "<h1>Không tìm thấy trang</h1>" in page and "Not found" not in page
    # Like every page: scripts from the site, or inline by the hash of the page's own script.
    assert "Content-Security-Policy" in page and "script-src 'self' 'sha256-" in page
    links = _links_404(site)
    expected = {
        "Về trang chủ": "",
        "Tra cứu văn bản": "tra-cuu/",
        "Danh mục văn bản": "van-ban/",
        "form": "tra-cuu/",
    }
    for text, target in expected.items():
        href, path = links[text]
        # Without site_url MkDocs roots the error page at "/"; the script rebases on `path`.
        assert href == "/" + target and path == target, text
        assert file_of(site, target).is_file(), text
