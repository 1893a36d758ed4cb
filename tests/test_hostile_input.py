"""Hostile and broken input: one case per class, each with its exact Vietnamese message or its
safe output. Cases that could take memory or time run in a child process with a memory ceiling
and a hang guard (`tests.support.guarded`); linearity is asserted by operation counts
(`tests.support.growth`).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import write_files
from tests.factories import REGISTRY
from tests.support.growth import growth
from tests.support.guarded import run_guarded
from vankien.cli import main
from vankien.graph.analysis import analyse_archive
from vankien.importer import ImportFailure, import_text
from vankien.importer.docx import read_docx

DOC = """\
---
symbol: 21-KL/TW
type: Kết luận
issuer: Bộ Chính trị
date: 25/10/2021
title: Đẩy mạnh xây dựng Đảng
---

Nội dung.
"""


def problems_of(root: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    write_files(root, {"co-quan.yml": REGISTRY, **files})
    return [
        (p.path, p.line, p.severity.value, p.message) for p in analyse_archive(root, display_root="").problems
    ]


# --- bodies are text, not code ----------------------------------------------------------------

SCRIPT_VECTORS = [
    ("<script>alert(1)</script>", "thẻ HTML `<script>`"),
    ('<img src="x" onerror="alert(2)">', "thẻ HTML `<img>`"),
    ('<iframe src="http://ngoai.example/"></iframe>', "thẻ HTML `<iframe>`"),
    ("<style>body{background:url(http://ngoai.example/a.png)}</style>", "thẻ HTML `<style>`"),
    ('<p onclick="alert(3)">bấm</p>', "thuộc tính `onclick` của thẻ `<p>`"),
    ('<a href="javascript:alert(4)">xem</a>', "liên kết `javascript:alert(4)`"),
    ("![ảnh](http://ngoai.example/anh.png)", "hình ảnh `http://ngoai.example/anh.png`"),
    ("[xem](javascript:alert(5))", "liên kết `javascript:alert(5`"),
    ('<svg onload="alert(6)"></svg>', "thẻ HTML `<svg>`"),
    ('<form action="http://ngoai.example/"><input name="a"></form>', "thẻ HTML `<form>`"),
    ('<meta http-equiv="refresh" content="0;url=http://ngoai.example/">', "thẻ HTML `<meta>`"),
    ('<object data="http://ngoai.example/x.swf"></object>', "thẻ HTML `<object>`"),
]


@pytest.mark.parametrize(("vector", "named"), SCRIPT_VECTORS, ids=[v[1] for v in SCRIPT_VECTORS])
def test_check_warns_about_markup_that_will_not_be_published(tmp_path: Path, vector: str, named: str) -> None:
    found = problems_of(tmp_path, {"a.md": DOC + f"\nĐoạn hai.\n\n{vector}\n"})
    assert (
        "a.md",
        13,
        "cảnh báo",
        f"{named} trong toàn văn sẽ bị loại bỏ khi xuất bản (trang chỉ giữ chữ, tiêu đề, danh sách, bảng "
        "và liên kết); xóa đi hoặc viết lại bằng Markdown",
    ) in found


def test_markup_documents_need_is_not_warned_about(tmp_path: Path) -> None:
    body = (
        '<table><tr><th colspan="2">Đầu</th></tr><tr><td rowspan="2">a</td><td>b</td></tr></table>\n\n'
        "H<sub>2</sub>O, m<sup>2</sup>, <u>gạch</u>, <em>nghiêng</em>, <strong>đậm</strong><br>\n\n"
        "[Cổng](https://dangcongsan.vn/), [thư](mailto:a@b.vn), [trang](../khac/)\n"
    )
    assert problems_of(tmp_path, {"a.md": DOC + body}) == []


def test_the_importer_writes_no_html_of_the_source() -> None:
    doc = import_text(
        "KẾ HOẠCH\ntuyên truyền\n\nThực hiện Kết luận số 21-KL/TW, Tỉnh ủy ban hành:\n"
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="http://x/">\n'
    )
    assert "<script" not in doc.body and "<img" not in doc.body and "<iframe" not in doc.body
    assert "&lt;script>alert(1)&lt;/script>" in doc.body


def _docx(xml: bytes, *, declared: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    raw = buffer.getvalue()
    if declared is not None:
        # Rewrite the sizes the headers claim (local header and central directory) to lie.
        raw = raw.replace(len(xml).to_bytes(4, "little"), declared.to_bytes(4, "little"))
    return raw


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def test_a_docx_with_script_text_is_imported_as_text() -> None:
    xml = (
        W
        + "<w:p><w:r><w:t>&lt;script&gt;alert(1)&lt;/script&gt; KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>".encode()
    )
    assert read_docx(_docx(xml)).startswith("<script>")
    doc = import_text(read_docx(_docx(xml)) + "\n\nThực hiện Chỉ thị số 05-CT/TW, Tỉnh ủy ban hành.\n")
    assert "<script" not in doc.body


# --- every document file is accounted for ----------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", ""), ("title", "'   '"), ("title", "~"), ("type", "")],
    ids=["empty title", "blank title", "null title", "empty type"],
)
def test_an_empty_required_value_is_an_error(tmp_path: Path, field: str, value: str) -> None:
    text = DOC.replace(
        f"{field}: " + ("Kết luận" if field == "type" else "Đẩy mạnh xây dựng Đảng"), f"{field}: {value}"
    )
    line = 3 if field == "type" else 6
    labels = {"title": "trích yếu", "type": "loại văn bản"}
    assert problems_of(tmp_path, {"a.md": text}) == [
        (
            "a.md",
            line,
            "lỗi",
            f"trường `{field}` ({labels[field]}) để trống; ghi giá trị, hoặc `chưa rõ` nếu văn bản không ghi",
        )
    ]


def test_files_that_are_not_documents_are_reported(tmp_path: Path) -> None:
    write_files(tmp_path, {"nam/b.MD": DOC, "nam/c.markdown": DOC, "nam/d.txt": "văn bản thô"})
    (tmp_path / "nam" / "goc.docx").write_bytes(b"PK")
    (tmp_path / "nam" / "co-nguon.docx").write_bytes(b"PK")
    found = problems_of(
        tmp_path, {"a.md": DOC.replace("title:", "source: Nhập từ tệp co-nguon.docx\ntitle:")}
    )
    assert found == [
        (
            "nam/b.MD",
            0,
            "cảnh báo",
            "tệp có đuôi `.MD` không được đọc: văn bản của kho phải có đuôi `.md` (chữ thường); đổi tên tệp",
        ),
        (
            "nam/c.markdown",
            0,
            "cảnh báo",
            "tệp có đuôi `.markdown` không được đọc: văn bản của kho phải có đuôi `.md` (chữ thường); đổi tên tệp",
        ),
        (
            "nam/d.txt",
            0,
            "cảnh báo",
            "tệp này không phải văn bản của kho (chỉ đọc tệp `.md` và `co-quan.yml`); nếu là văn bản thô, nhập bằng `vankien import`, nếu không thì chuyển ra ngoài thư mục kho",
        ),
        (
            "nam/goc.docx",
            0,
            "cảnh báo",
            "không văn bản nào ghi tệp này là bản gốc (trường `original_file`); nhập bằng `vankien import`, hoặc ghi tên tệp vào `original_file` của văn bản tương ứng",
        ),
    ]


def test_check_says_how_many_files_it_read_and_documents_it_publishes(tmp_path: Path) -> None:
    write_files(
        tmp_path / "directives",
        {
            "co-quan.yml": REGISTRY,
            "a.md": DOC,
            "b.md": DOC.replace("title: Đẩy mạnh xây dựng Đảng", "title:"),
            "c.txt": "x",
        },
    )
    result = CliRunner().invoke(main, ["check", str(tmp_path / "directives")])
    assert "Đã đọc 4 tệp, 1 văn bản sẽ được xuất bản: 1 lỗi, 1 cảnh báo, 0 lưu ý." in result.stderr


# --- YAML safe and strict ------------------------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)
ALIAS_MESSAGE = "không dùng neo và bí danh YAML (`&tên`, `*tên`) trong kho; viết đầy đủ giá trị ở mỗi chỗ"


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        (ALIAS_BOMB, 2, ALIAS_MESSAGE),
        ("a: &a [*a]\n", 2, ALIAS_MESSAGE),
        ("title: " + "[" * 40 + "]" * 40 + "\n", 2, "YAML lồng quá 16 cấp; kiểm tra thụt lề"),
        (
            "title: !!python/object:os.system x\n",
            2,
            "kiểu YAML `tag:yaml.org,2002:python/object:os.system` không được dùng ở đây",
        ),
        (
            "title: a: b\n",
            2,
            "không đọc được YAML: dấu hai chấm ở chỗ không được phép (giá trị có dấu `:` cần đặt trong ngoặc kép); kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng này",
        ),
    ],
    ids=["alias bomb", "recursive alias", "deep nesting", "explicit tag", "english error kind"],
)
def test_hostile_yaml_in_a_document(tmp_path: Path, front: str, line: int, message: str) -> None:
    outcome = run_guarded(
        f"""
        from pathlib import Path
        from vankien.graph.analysis import analyse_archive
        root = Path({str(tmp_path)!r})
        (root / "a.md").write_text("---\\n" + {front!r} + "---\\n", encoding="utf-8")
        result = [(p.line, p.message) for p in analyse_archive(root).problems]
        """
    )
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    assert [line, message] in outcome.result  # type: ignore[operator]
    assert outcome.peak_mb < 200


def test_an_alias_bomb_in_the_registry(tmp_path: Path) -> None:
    outcome = run_guarded(
        f"""
        from pathlib import Path
        from vankien.graph.analysis import analyse_archive
        root = Path({str(tmp_path)!r})
        (root / "co-quan.yml").write_text({ALIAS_BOMB!r}, encoding="utf-8")
        result = [p.format() for p in analyse_archive(root, display_root="").problems]
        """
    )
    assert outcome.result == [f"co-quan.yml:1: lỗi: {ALIAS_MESSAGE}"]
    assert outcome.peak_mb < 200


def test_yaml_1_1_values_are_read_as_written(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "co-quan.yml": REGISTRY,
            "a.md": DOC.replace("title: Đẩy mạnh xây dựng Đảng", "title: Yes").replace(
                "date: 25/10/2021", "date: 25/10/2021\nterm: 012\nplace: 0x1F\nnote: NO"
            ),
        },
    )
    document = next(iter(analyse_archive(tmp_path).archive))
    assert (document.title, document.term, document.place, document.note) == ("Yes", "012", "0x1F", "NO")


def test_external_must_be_a_boolean(tmp_path: Path) -> None:
    text = DOC.replace(
        "title:", "relations:\n  basis:\n    - ref: Chỉ thị số 05-CT/TW\n      external: yes\ntitle:"
    )
    assert ("a.md", 9, "lỗi", "`external` phải là `true` hoặc `false`, không phải `yes`") in problems_of(
        tmp_path, {"a.md": text}
    )


# --- the registry is validated like documents ---------------------------------------------------


def test_registry_errors_name_their_line(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "co-quan.yml": (
                "- name: A\n  level: tỉnh\n  parent: B\n- name: B\n  level: tỉnh\n  parent: A\n"
                "- name: C\n  level: tỉnh\n  aliases: 5\n- name: D\n  level: tỉnh\n  parent: E\n"
                "- name: A\n  level: tỉnh\n"
            )
        },
    )
    assert [p.format() for p in analyse_archive(tmp_path, display_root="").problems] == [
        "co-quan.yml:9: lỗi: `aliases` của `C` phải là danh sách tên, vd. `aliases: [BCH Trung ương, BCH TW]`",
        "co-quan.yml:13: lỗi: cơ quan `A` trùng tên hoặc tên gọi khác với `A` (dòng 1)",
        "co-quan.yml:1: lỗi: cơ quan cấp trên tạo thành vòng: A → B → A; sửa trường `parent`",
        "co-quan.yml:10: lỗi: cơ quan cấp trên `E` của `D` không có trong danh mục; thêm cơ quan đó hoặc sửa tên cho đúng",
    ]


# --- no silent changes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("date", "٢٥/١٠/٢٠٢١", "bad-date"),
        ("symbol", "1/..-..", "bad-symbol"),
        ("symbol", "'١٢-KL/TW'", "bad-symbol"),
    ],
    ids=["Arabic-Indic digits", "symbol without letters", "symbol with Arabic-Indic digits"],
)
def test_values_that_only_look_right_are_refused(tmp_path: Path, field: str, value: str, code: str) -> None:
    old = {"date": "date: 25/10/2021", "symbol": "symbol: 21-KL/TW"}[field]
    write_files(tmp_path, {"co-quan.yml": REGISTRY, "a.md": DOC.replace(old, f"{field}: {value}")})
    assert [p.code for p in analyse_archive(tmp_path).problems] == [code]


# --- archive confinement ----------------------------------------------------------------------


def test_symlinks_outside_are_refused_inside_read_once_loops_reported(tmp_path: Path) -> None:
    outside = tmp_path / "ngoai"
    write_files(outside, {"bi-mat.md": DOC.replace("21-KL/TW", "99-KL/TW")})
    root = tmp_path / "kho"
    write_files(root, {"co-quan.yml": REGISTRY, "a.md": DOC})
    (root / "ra-ngoai.md").symlink_to(outside / "bi-mat.md")
    (root / "thu-muc-ngoai").symlink_to(outside)
    (root / "ban-sao.md").symlink_to(root / "a.md")
    (root / "vong.md").symlink_to(root / "vong.md")
    analysis = analyse_archive(root, display_root="")
    assert [d.symbol.text for d in analysis.archive if d.symbol] == ["21-KL/TW"]
    assert sorted((p.path, p.code) for p in analysis.problems) == [
        ("ra-ngoai.md", "link-outside"),
        ("thu-muc-ngoai", "link-outside"),
        ("vong.md", "bad-link"),
    ]


# --- safe terminal output -------------------------------------------------------------------------


def test_control_characters_reach_no_terminal(tmp_path: Path) -> None:
    root = tmp_path / "directives"
    write_files(root, {"co-quan.yml": REGISTRY, "a\x1b[2Jb.md": DOC.replace("Bộ Chính trị", "Bộ \u202eĐỏ")})
    result = CliRunner().invoke(main, ["check", str(root)])
    assert "\x1b" not in result.output + result.stderr and "\u202e" not in result.output
    assert "a\\x1b[2Jb.md:4: cảnh báo: cơ quan `Bộ \\u202eĐỏ` chưa có trong danh mục" in result.output


def test_json_output_stays_valid_json(tmp_path: Path) -> None:
    root = tmp_path / "directives"
    write_files(
        root,
        {
            "co-quan.yml": REGISTRY,
            "a.md": "---\n" + ALIAS_BOMB + "---\n",
            "b.md": DOC.replace("Bộ Chính trị", "Bộ \u202eĐỏ"),
        },
    )
    result = CliRunner().invoke(main, ["check", str(root), "--format", "json"])
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"], report["documents"], report["files"]) == (1, 1, 1, 3)


# --- bounded time and memory ---------------------------------------------------------------------


def test_a_zip_whose_header_lies_is_refused_quickly_and_small() -> None:
    outcome = run_guarded(
        """
        import io, zipfile
        from vankien.importer.docx import DocxError, read_docx
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open("word/document.xml", "w") as member:
                member.write(b'<w:document xmlns:w="x"><w:body>')
                for _ in range(400):
                    member.write(b'<w:p><w:r><w:t>aaaa</w:t></w:r></w:p>' * 10_000)
        written = 33 + 400 * 10_000 * 37
        raw = buffer.getvalue().replace(written.to_bytes(4, "little"), (1000).to_bytes(4, "little"))
        try:
            read_docx(raw)
            result = "read"
        except DocxError as exc:
            result = str(exc)
        """
    )
    assert outcome.result in (
        "nội dung tệp .docx quá lớn (hơn 20 MB chữ) hoặc tệp nén bất thường; hãy mở bằng Word và lưu lại",
        "nội dung tệp .docx bị hỏng (XML không đọc được); hãy mở bằng Word và lưu lại",
    ), outcome.stderr[-2000:]
    assert outcome.peak_mb < 200


def test_a_docx_that_declares_a_huge_ratio_is_refused_at_the_zip_layer() -> None:
    xml = W + b"<w:p><w:r><w:t>" + b"a" * 5_000_000 + b"</w:t></w:r></w:p></w:body></w:document>"
    with pytest.raises(Exception, match="quá lớn"):
        read_docx(_docx(xml))


def test_a_doctype_in_a_docx_is_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + W + b"</w:body></w:document>"
    with pytest.raises(Exception, match="DOCTYPE"):
        read_docx(_docx(xml))


def _one_line(size: int) -> str:
    return ("Căn cứ Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị; " * (size // 60 + 1))[:size]


@pytest.mark.parametrize(
    ("make", "size"),
    [
        (_one_line, 20_000),
        (lambda size: "\n" * size + "Nội dung văn bản.", 20_000),
        (lambda size: ("Nội dung dòng thứ nhất của văn bản.\n" * (size // 36 + 1))[:size], 20_000),
    ],
    ids=["one paragraph of citations", "blank lines", "many short lines"],
)
def test_import_is_linear_in_the_size_of_the_text(make: object, size: int) -> None:
    measured = growth(make, import_text, size)  # type: ignore[arg-type]
    assert measured.operations < 6, measured.detail
    assert measured.cpu < 8, measured.detail


def test_the_sentence_around_each_citation_is_found_in_linear_time(tmp_path: Path) -> None:
    def archive(size: int) -> Path:
        root = tmp_path / str(size)
        write_files(root, {"co-quan.yml": REGISTRY, "a.md": DOC + "\n" + _one_line(size) + "\n"})
        return root

    measured = growth(archive, analyse_archive, 20_000)
    assert measured.operations < 6, measured.detail


def test_deeply_nested_lists_build_and_are_flattened(tmp_path: Path) -> None:
    outcome = run_guarded(
        f"""
        import markdown
        from pathlib import Path
        from vankien.core.markup import flatten_deep_nesting
        from vankien.graph.analysis import analyse_archive
        root = Path({str(tmp_path)!r})
        body = "- " * 496 + "mục\\n\\n" + ">" * 496 + " trích\\n"
        (root / "a.md").write_text({DOC!r} + body, encoding="utf-8")
        analysis = analyse_archive(root, display_root="")
        document = next(iter(analysis.archive))
        html = markdown.markdown(flatten_deep_nesting(document.body))
        result = [[p.line, p.message] for p in analysis.problems], html.count("<ul>"), html.count("<blockquote>")
        """
    )
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    problems, lists, quotes = outcome.result  # type: ignore[misc]
    assert problems == [
        [10, "danh sách hoặc trích dẫn lồng quá 8 cấp (2 dòng); các cấp sâu hơn được gộp lại khi xuất bản"]
    ]
    assert lists <= 8 and quotes <= 8


def test_a_chain_of_ten_thousand_documents_is_related_and_shown_bounded() -> None:
    outcome = run_guarded(
        """
        import datetime as dt, tempfile
        from pathlib import Path
        from vankien.graph.analysis import analyse_archive
        from vankien.graph.lineage import lineage
        from vankien.web.document_page import render_lineage
        root = Path(tempfile.mkdtemp())
        (root / "co-quan.yml").write_text("- name: Tỉnh ủy Bắc Kạn\\n  code: TU\\n  level: tỉnh\\n", encoding="utf-8")
        start = dt.date(1960, 1, 1)
        for i in range(10_000):
            day = start + dt.timedelta(days=i)
            basis = "" if i == 0 else f"relations:\\n  basis:\\n    - Kế hoạch số {i}-KH/TU ngày {day - dt.timedelta(days=1):%d/%m/%Y}\\n"
            (root / f"{i + 1}.md").write_text(f"---\\nsymbol: {i + 1}-KH/TU\\ntype: Kế hoạch\\nissuer: Tỉnh ủy Bắc Kạn\\ndate: {day:%d/%m/%Y}\\ntitle: Kế hoạch {i + 1}\\n{basis}---\\n", encoding="utf-8")
        analysis = analyse_archive(root)
        largest = max(len(render_lineage(lineage(analysis.graph, d), lambda url: url)) for d in analysis.archive)
        result = [len(analysis.problems.errors), largest]
        """,
        timeout=600,
    )
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    errors, largest = outcome.result  # type: ignore[misc]
    assert errors == 0 and largest < 2 * 1024 * 1024


def test_text_with_nothing_in_it_is_the_only_refusal() -> None:
    with pytest.raises(ImportFailure):
        import_text("\n" * 1000)


def test_file_names_are_never_read_outside_the_archive(tmp_path: Path) -> None:
    # A document cannot pull a file from elsewhere: `source` is text, never opened.
    write_files(
        tmp_path,
        {
            "co-quan.yml": REGISTRY,
            "a.md": DOC.replace("title:", f"source: {os.sep}etc{os.sep}passwd\ntitle:"),
        },
    )
    document = next(iter(analyse_archive(tmp_path).archive))
    assert "root:" not in document.body and document.source == "/etc/passwd"


@pytest.mark.build
def test_a_page_linked_from_outside_docs_stops_the_build(site_project: Path, tmp_path: Path) -> None:
    from vankien.adapters import staged_build as publish
    from vankien.adapters.staged_build import BuildFailed

    secret = tmp_path / "bi-mat.md"
    secret.write_text("# Bí mật\n", encoding="utf-8")
    (site_project / "docs" / "lo.md").symlink_to(secret)
    with pytest.raises(BuildFailed):
        publish.build_site(site_project / "mkdocs.yml", tmp_path / "site")
    assert not (tmp_path / "site" / "lo").exists()
