"""The preview's problem banner and pages (issue 14, item 1), without a server."""

from __future__ import annotations

from vankien.core.problems import Problem, Severity
from vankien.core.urls import link_maker
from vankien.web.preview import (
    PreviewProblems,
    broken_page_url,
    pages_for_problems,
    render_banner,
    render_file_problems,
    with_banner,
)
from vankien.web.templates import package_templates

WARNING = Problem("directives/a.md", 4, Severity.WARNING, "unknown-issuer", "cơ quan `<b>X</b>` chưa có")
ERROR = Problem("directives/b.md", 6, Severity.ERROR, "yaml", "không đọc được YAML <script>alert(1)</script>")
NOTICE = Problem("directives/a.md", 9, Severity.NOTICE, "stale-external", "thông tin")
REGISTRY = Problem("directives/co-quan.yml", 3, Severity.ERROR, "registry", "thiếu tên")


def test_each_file_shows_where_its_page_is_or_was() -> None:
    pages = pages_for_problems(
        [WARNING, ERROR, NOTICE, REGISTRY],
        {"directives/a.md": "van-ban/2023/a/"},
        {"directives/b.md": "van-ban/2022/b/"},
        ["directives/a.md", "directives/b.md"],
        "van-ban",
    )
    # A loaded document: its page; one that no longer loads: its earlier address; the registry: none.
    assert pages == {"directives/a.md": "van-ban/2023/a/", "directives/b.md": "van-ban/2022/b/"}
    # Never seen before: an address of its own; one another document holds now: the same.
    fresh = pages_for_problems([ERROR], {}, {}, ["directives/b.md"], "van-ban")
    assert fresh == {"directives/b.md": broken_page_url("directives/b.md", "van-ban")}
    taken = pages_for_problems(
        [ERROR], {"directives/c.md": "van-ban/2022/b/"}, {"directives/b.md": "van-ban/2022/b/"}, [], "van-ban"
    )
    assert taken == {}  # b.md is no document file of this archive any more: nothing to show it on


def test_banner_counts_lists_links_and_escapes() -> None:
    preview = PreviewProblems((WARNING, ERROR, NOTICE), {"directives/a.md": "van-ban/2023/a/"}, 1, 0)
    html = render_banner(preview, link_maker("van-ban/2024/x/"), package_templates())
    assert "2 lỗi và 1 cảnh báo" in html  # one error shown, one of a withheld document counted
    assert "directives/a.md:4" in html and "directives/b.md:6" in html
    assert "thông tin" not in html  # notices stay in the terminal
    assert '<a href="../../2023/a/">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert "1 vấn đề ở các văn bản không xuất bản" in html
    page = render_file_problems(preview.of_file("directives/b.md"), package_templates())
    assert "directives/b.md:6" in page and "directives/a.md" not in page


def test_banner_goes_under_the_header_and_nothing_when_clean() -> None:
    page = '<html><body><header>h</header><div class="md-container" data-md-component="container"><main>m'
    assert with_banner(page, "<div>B</div>").index("<div>B</div>") > page.index("md-container")
    assert PreviewProblems((NOTICE,), {}).empty
