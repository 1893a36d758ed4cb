"""The cross-link policy, Markdown in and HTML out, without a site build (as mkdocs-autorefs tests
its references): which mention of a body links to which page, wherever Markdown puts the text.

Every body below is the body of "Kế hoạch số 07-KH/TU" of Tỉnh ủy Bắc Kạn, in an archive that
holds the documents of `tests.test_graph.BASE` (both 101-QĐ/TW, 21-KL/TW, 05-CT/TW, 37-HD/BTGTW).
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from tests.factories import analyse_files, doc
from tests.test_graph import BASE
from vankien.adapters.markdown_crosslinks import CrossLinkExtension
from vankien.graph.crosslinks import anchors, body_linker

KL21 = (
    '<a class="vk-ref" href="/van-ban/2021/21-kl-tw/" title="Kết luận số 21-KL/TW: Xây dựng, chỉnh đốn Đảng">'
)
HD37 = '<a class="vk-ref" href="/van-ban/2022/37-hd-btgtw/" title="Hướng dẫn số 37-HD/BTGTW: Hướng dẫn 37">'

# (what it shows, the body in Markdown, the HTML expected, the citing document's date)
CASES = [
    (
        "a paragraph: the whole citation, issuer included, is the link",
        "Căn cứ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về xây dựng Đảng.",
        f"<p>Căn cứ {KL21}Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng</a> "
        "về xây dựng Đảng.</p>",
        "01/09/2023",
    ),
    (
        "a table cell",
        "| Văn bản | Ghi chú |\n|---|---|\n| Kết luận số 21-KL/TW, ngày 25/10/2021 | căn cứ |",
        "<table><thead><tr><th>Văn bản</th><th>Ghi chú</th></tr></thead><tbody><tr>"
        f"<td>{KL21}Kết luận số 21-KL/TW, ngày 25/10/2021</a></td><td>căn cứ</td></tr></tbody></table>",
        "01/09/2023",
    ),
    (
        "list items; the dated 101-QĐ/TW is the 2023 one",
        "- Chỉ thị số 05-CT/TW của Bộ Chính trị;\n- Quy định số 101-QĐ/TW, ngày 28/02/2023.",
        '<ul><li><a class="vk-ref" href="/van-ban/2016/05-ct-tw/" title="Chỉ thị số 05-CT/TW: Học tập và làm theo'
        ' Bác">Chỉ thị số 05-CT/TW của Bộ Chính trị</a>;</li><li><a class="vk-ref" href="/van-ban/2023/101-qd-tw/"'
        ' title="Quy định số 101-QĐ/TW: Lãnh đạo cơ quan báo chí">Quy định số 101-QĐ/TW, ngày 28/02/2023</a>.'
        "</li></ul>",
        "01/09/2023",
    ),
    (
        "a heading",
        "## Thực hiện Kết luận số 21-KL/TW",
        f"<h2>Thực hiện {KL21}Kết luận số 21-KL/TW</a></h2>",
        "01/09/2023",
    ),
    (
        "split by emphasis: the symbol alone, inside the emphasis, still links",
        "Thực hiện Kết luận số **21-KL/TW**, ngày 25/10/2021.",
        f"<p>Thực hiện Kết luận số <strong>{KL21}21-KL/TW</a></strong>, ngày 25/10/2021.</p>",
        "01/09/2023",
    ),
    (
        "a line break inside the citation (converted texts wrap lines)",
        "theo Kết luận số 21-KL/TW,\nngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.",
        f"<p>theo {KL21}Kết luận số 21-KL/TW,\nngày 25/10/2021 của Ban Chấp hành Trung ương Đảng</a>.</p>",
        "01/09/2023",
    ),
    (
        "the document itself stays plain text",
        "Kế hoạch số 07-KH/TU này thay cho các kế hoạch trước.",
        "<p>Kế hoạch số 07-KH/TU này thay cho các kế hoạch trước.</p>",
        "01/09/2023",
    ),
    (
        "ambiguous (two 101-QĐ/TW, an undated citing document): plain text, never a guess",
        "Thực hiện Quy định số 101-QĐ/TW về trách nhiệm nêu gương.",
        "<p>Thực hiện Quy định số 101-QĐ/TW về trách nhiệm nêu gương.</p>",
        "chưa rõ",
    ),
    (
        "not archived: plain words and a marker to the stub page",
        "Căn cứ Nghị quyết số 28-NQ/TW, ngày 25/10/2013 của Bộ Chính trị.",
        '<p>Căn cứ <span class="vk-ref vk-ref--missing">Nghị quyết số 28-NQ/TW, ngày 25/10/2013 của Bộ Chính trị'
        '<a aria-label="Nghị quyết số 28-NQ/TW: chưa có trong kho" class="vk-ref__stub" '
        'href="/van-ban/chua-luu-tru/28-nq-tw-2013-10-25/" title="Nghị quyết số 28-NQ/TW: chưa có trong kho">°</a>'
        "</span>.</p>",
        "01/09/2023",
    ),
    (
        "texts/001's short form: a text node without the issuer links like the full mention",
        "Hướng dẫn 37, ngày 11/01/2022 của Ban Tuyên giáo Trung ương.\n\n| Hướng dẫn 37, ngày 11/01/2022 |\n|---|\n| x |",
        f"<p>{HD37}Hướng dẫn 37, ngày 11/01/2022 của Ban Tuyên giáo Trung ương</a>.</p>"
        f"<table><thead><tr><th>{HD37}Hướng dẫn 37, ngày 11/01/2022</a></th></tr></thead>"
        "<tbody><tr><td>x</td></tr></tbody></table>",
        "01/09/2023",
    ),
    (
        "never inside code",
        "Viết `Kết luận số 21-KL/TW` như sau.",
        "<p>Viết <code>Kết luận số 21-KL/TW</code> như sau.</p>",
        "01/09/2023",
    ),
    (
        "never inside an existing link",
        "Xem [Kết luận số 21-KL/TW](https://example.org/kl21).",
        '<p>Xem <a href="https://example.org/kl21">Kết luận số 21-KL/TW</a>.</p>',
        "01/09/2023",
    ),
]


def render(tmp_path: Path, body: str, date: str) -> str:
    files = {
        **BASE,
        "kh07.md": doc("07-KH/TU", "Kế hoạch", "Tỉnh ủy Bắc Kạn", date, "Kế hoạch 07", body=body),
    }
    analysis = analyse_files(tmp_path / "d", files)
    document = next(d for d in analysis.archive if d.path.endswith("kh07.md"))
    extension = CrossLinkExtension()
    extension.anchors = anchors(document, analysis.graph)
    extension.linker = body_linker(document, analysis.graph, "van-ban", lambda url: "/" + url)
    html = markdown.markdown(body, extensions=["tables", extension])
    return html.replace(">\n<", "><")


@pytest.mark.parametrize(("body", "expected", "date"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mentions_link_where_the_graph_resolved_them(
    tmp_path: Path, body: str, expected: str, date: str
) -> None:
    assert render(tmp_path, body, date) == expected
