"""The sanitizer keeps what documents need, removes the rest; the page's policy hashes only the
theme's own inline scripts."""

from __future__ import annotations

import markdown

from tests.test_golden import check, pretty
from vankien.web.csp import policy, with_policy
from vankien.web.sanitize import sanitize_body

ALLOWED = """\
## I. MỤC ĐÍCH, YÊU CẦU

Đoạn có *nhấn mạnh*, **đậm**, <u>gạch chân</u>, H<sub>2</sub>O, m<sup>2</sup>,<br>xuống dòng.

1. Mục thứ nhất
    - mục con
2. Mục thứ hai

> Trích dẫn nguyên văn.

| Cột | Cột |
|-----|-----|
| a   | b   |

<table><tr><th colspan="2">Gộp hai cột</th></tr><tr><td rowspan="2">Gộp hai dòng</td><td>c</td></tr><tr><td>d</td></tr></table>

[Cổng thông tin](https://dangcongsan.vn/), [thư](mailto:vanphong@example.vn), [trang khác](../khac/), [mục](#muc).
"""


def _render(text: str) -> str:
    return sanitize_body(markdown.markdown(text, extensions=["tables", "md_in_html", "attr_list"]))


def test_markup_documents_need_survives() -> None:
    check("sanitize/allowed.html", pretty(_render(ALLOWED)))


def test_what_documents_do_not_need_goes() -> None:
    html = _render(
        '<script>alert(1)</script><img src=x onerror=alert(2)>\n\n<p style="color:red" onclick="x">chữ</p>\n\n'
        '[xem](javascript:alert(3)) ![ảnh](http://ngoai/anh.png)\n\nĐoạn {: onclick="alert(4)" }\n'
    )
    assert html == '\n<p></p>\n<p>chữ</p>\n\n<p><a>xem</a> </p>\n<p>Đoạn {: onclick="alert(4)" }</p>', html


def test_only_links_to_other_sites_get_rel() -> None:
    html = sanitize_body(
        '<a href="https://x.vn/">a</a><a href="../b/">b</a><a class="vk-ref" href="/c/">c</a>'
    )
    assert html == (
        '<a href="https://x.vn/" rel="noopener noreferrer">a</a><a href="../b/">b</a>'
        '<a class="vk-ref" href="/c/">c</a>'
    )


def test_the_policy_hashes_the_theme_scripts_only() -> None:
    theme = "<html><head></head><body><script>var theme = 1;</script>{}</body></html>"
    content = "<article><script>window.x = 1</script></article>"
    page = with_policy(theme.format(content), content)
    assert page.count("script-src") == 1
    assert "'unsafe-inline'" not in page.split("script-src", 1)[1].split(";", 1)[0]
    assert policy(theme.format("")) in page
    assert policy(theme.format(content)) != policy(theme.format(""))
