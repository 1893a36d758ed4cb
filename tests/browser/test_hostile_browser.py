"""Script vectors in document bodies and in imported files, built into a site and opened in
Chromium: no dialog opens, no handler runs, nothing is fetched from outside the site (the page
fixture fails the test on an outside request, a script error or a refused inline script)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.factories import REGISTRY
from tests.support.project import copy_project
from vankien.adapters.staged_build import build_site
from vankien.cli.importing import import_command

# Every vector sets window.__pwned (or opens a dialog) if it ever runs.
VECTORS = [
    "<script>window.__pwned = 'script'</script>",
    '<img src="x" onerror="window.__pwned = \'img\'">',
    '<svg onload="window.__pwned = \'svg\'"><circle r="4"/></svg>',
    "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\"></iframe>",
    '<a href="javascript:window.__pwned=\'link\'" id="bam">bấm vào đây</a>',
    "[bấm](javascript:window.__pwned='md-link')",
    '<p onmouseover="window.__pwned=\'hover\'" id="re-chuot">rê chuột</p>',
    "<details open ontoggle=\"window.__pwned='toggle'\"><summary>mở</summary></details>",
    "<body onload=\"window.__pwned='body'\">",
    "<object data=\"javascript:window.__pwned='object'\"></object>",
    "<embed src=\"javascript:window.__pwned='embed'\">",
    '<form action="javascript:window.__pwned=\'form\'"><button id="gui">gửi</button></form>',
    "<style>@import url(http://ngoai.example/a.css); body{background:url(http://ngoai.example/a.png)}</style>",
    '<link rel="stylesheet" href="http://ngoai.example/b.css">',
    '<meta http-equiv="refresh" content="0;url=http://ngoai.example/">',
    '<base href="http://ngoai.example/">',
    "![ảnh](http://ngoai.example/anh.png)",
    '<img src="http://ngoai.example/theo-doi.gif">',
    "Đoạn có thuộc tính {: onclick=\"window.__pwned='attr-list'\" }",
    '<div markdown="1" onclick="window.__pwned=\'md-in-html\'">**đậm**</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">",
    "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned='noscript'>\"></noscript>",
]


def _document(number: int, body: str) -> str:
    return (
        f"---\nsymbol: {number}-KL/TW\ntype: Kết luận\nissuer: Bộ Chính trị\ndate: 25/10/2021\n"
        f"title: Văn bản thử số {number}\n---\n\nĐoạn mở đầu.\n\n{body}\n\nĐoạn cuối.\n"
    )


def _docx(text: str) -> bytes:
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</w:t></w:r></w:p>"
        for line in text.splitlines()
    )
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"{paragraphs}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


RAW = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố {n}-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 25 tháng 10 năm 2021\n\n"
    "KẾT LUẬN CỦA BỘ CHÍNH TRỊ\nvề văn bản nhập số {n}\n\nBộ Chính trị kết luận như sau:\n\n{vectors}\n"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    archive = root / "archive"
    archive.mkdir()
    (archive / "co-quan.yml").write_text(REGISTRY, encoding="utf-8")
    for number, vector in enumerate(VECTORS, start=1):
        (archive / f"{number}.md").write_text(_document(number, vector), encoding="utf-8")
    sources = root / "sources"
    sources.mkdir()
    (sources / "nhap.txt").write_text(RAW.format(n=901, vectors="\n".join(VECTORS)), encoding="utf-8")
    (sources / "nhap.docx").write_bytes(_docx(RAW.format(n=902, vectors="\n".join(VECTORS))))
    project = copy_project(root / "project", archive)
    result = CliRunner().invoke(
        import_command,
        [str(sources / "nhap.txt"), str(sources / "nhap.docx"), "--out", str(project / "directives")],
    )
    # Written, with warnings about markup that will not be published: the editor must act (2).
    assert result.exit_code == 2, result.output
    # The bodies draw those warnings: build leniently.
    build_site(project / "mkdocs.yml", root / "site", strict=False)
    return root / "site"


def _pages(site: Path) -> list[str]:
    folder = site / "van-ban" / "2021"
    return sorted(p.parent.name for p in folder.glob("*/index.html"))


def test_every_hostile_page_was_built(hostile_site: Path) -> None:
    assert len(_pages(hostile_site)) == len(VECTORS) + 2


def test_no_vector_runs_and_nothing_leaves_the_site(
    hostile_site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    base = serve(hostile_site)
    for slug in _pages(hostile_site):
        page.goto(f"{base}van-ban/2021/{slug}/")
        for selector in ("#bam", "#re-chuot", "#gui"):
            if page.locator(selector).count():
                page.locator(selector).first.hover()
        assert page.evaluate("window.__pwned") is None, slug
        # In the article's markup (the escaped text of a vector is only text): no active element,
        # no handler, no script URL.
        found = page.evaluate(_ACTIVE_MARKUP)
        assert found == [], (slug, found)


_ACTIVE_MARKUP = """() => {
  const article = document.querySelector("article");
  const active = [...article.querySelectorAll(
    "script, iframe, img, svg:not(.vk-lineage__svg), object, embed, form, style, link, meta, base, math"
  )].map((e) => e.tagName);
  const handlers = [...article.querySelectorAll("*")].flatMap((e) =>
    [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => e.tagName + "." + a.name));
  const urls = [...article.querySelectorAll("[href], [src], [action], [data]")]
    .map((e) => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action") || e.getAttribute("data"))
    .filter((u) => /^\\s*(javascript|data|vbscript):/i.test(u) || /ngoai\\.example/.test(u));
  return [...active, ...handlers, ...urls];
}"""
