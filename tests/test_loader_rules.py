"""Every validation rule, one row per bad file: expected rule, line and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, write_files
from vankien.core.loader import load_archive
from vankien.core.problems import Severity

GOOD = """\
---
symbol: 21-KL/TW
type: Kết luận
issuer: Ban Chấp hành Trung ương Đảng
date: 25/10/2021
title: Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị
---
Nội dung.
"""

REGISTRY = """\
- name: Ban Chấp hành Trung ương Đảng
  code: TW
  level: Trung ương
  aliases: [BCH Trung ương]
"""


def variant(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


# (id, file text, [(severity, rule, line, fragment of the message)])
CASES = [
    ("valid", GOOD, []),
    (
        "broken yaml",
        variant("title: Về", 'title: "Về'),
        [(Severity.ERROR, "yaml", 7, "không đọc được YAML")],
    ),
    (
        "missing title",
        variant("title: Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị\n", ""),
        [(Severity.ERROR, "missing-field", 1, "thiếu trường bắt buộc `title` (trích yếu)")],
    ),
    (
        "unknown type, nearest suggested",
        variant("type: Kết luận", "type: Kết luậnn"),
        [(Severity.ERROR, "unknown-type", 3, "có phải là `Kết luận`?")],
    ),
    (
        "impossible date",
        variant("25/10/2021", "31/02/2023"),
        [(Severity.ERROR, "impossible-date", 5, "31/02/2023")],
    ),
    (
        "impossible ISO date",
        variant("25/10/2021", "2023-02-29"),
        [(Severity.ERROR, "impossible-date", 5, "29/02/2023")],
    ),
    (
        "implausible year",
        variant("25/10/2021", "01/02/0202"),
        [(Severity.ERROR, "implausible-date", 5, "quá sớm")],
    ),
    (
        "explicit YAML tag",
        variant("title: Về", "title: !!python/object:os.system Về"),
        [(Severity.ERROR, "yaml", 6, "không được dùng")],
    ),
    ("future date", variant("25/10/2021", "01/01/2030"), [(Severity.ERROR, "future-date", 5, "ở tương lai")]),
    ("empty date", variant("25/10/2021", ""), [(Severity.ERROR, "missing-date", 5, "`chưa rõ`")]),
    (
        "malformed date",
        variant("25/10/2021", "tháng 10/2021"),
        [(Severity.ERROR, "bad-date", 5, "dd/mm/yyyy")],
    ),
    (
        "unknown field, nearest name suggested",
        variant("title:", "titel: x\ntitle:"),
        [(Severity.WARNING, "unknown-field", 6, "có phải ý bạn là `title`")],
    ),
    (
        "Vietnamese field name, English name suggested",
        variant("title:", "trích yếu: x\ntitle:"),
        [(Severity.WARNING, "unknown-field", 6, "`title` (trích yếu)")],
    ),
    (
        "symbol contradicts type",
        variant("symbol: 21-KL/TW", "symbol: 39-HD/BTGTU"),
        [(Severity.ERROR, "symbol-type-mismatch", 2, "mã loại HD (Hướng dẫn)")],
    ),
    (
        "malformed symbol",
        variant("symbol: 21-KL/TW", "symbol: KL 21"),
        [(Severity.ERROR, "bad-symbol", 2, "39-HD/BTGTU")],
    ),
    ("no front matter", "Chỉ có nội dung.\n", [(Severity.ERROR, "yaml", 1, "không có front matter")]),
    (
        "unclosed front matter",
        "---\ntype: Kết luận\n",
        [(Severity.ERROR, "yaml", 1, "không có dòng `---` đóng lại")],
    ),
    (
        "key written twice",
        variant("title:", "type: Kết luận\ntitle:"),
        [(Severity.ERROR, "yaml", 6, "trường `type` được khai báo hai lần")],
    ),
    (
        "unknown relation group",
        GOOD.replace("---\nNội", "relations:\n  basic:\n    - Chỉ thị số 05-CT/TW\n---\nNội"),
        [(Severity.ERROR, "unknown-relation", 8, "có phải là `basis`?")],
    ),
    (
        "citation that is not text",
        GOOD.replace("---\nNội", "relations:\n  basis:\n    - [1, 2]\n---\nNội"),
        [(Severity.ERROR, "bad-citation", 9, "Kết luận số 21-KL/TW")],
    ),
    (
        "unknown status",
        GOOD.replace("---\nNội", "status: hiệu lực\n---\nNội"),
        [(Severity.ERROR, "unknown-status", 7, "còn hiệu lực")],
    ),
    (
        "unknown classification",
        GOOD.replace("---\nNội", "classification: bí mật\n---\nNội"),
        [(Severity.ERROR, "unknown-classification", 7, "tối mật")],
    ),
    (
        "issuer missing from the registry",
        variant("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương Đảg"),
        [(Severity.WARNING, "unknown-issuer", 4, "có phải là `Ban Chấp hành Trung ương Đảng`?")],
    ),
    (
        "no symbol, no date, no id",
        variant("symbol: 21-KL/TW\n", "").replace("25/10/2021", "chưa rõ"),
        [(Severity.ERROR, "no-identity", 1, "thêm trường `id`")],
    ),
    (
        "id that is not a slug",
        variant("symbol: 21-KL/TW", "id: Kết luận 21"),
        [(Severity.ERROR, "bad-id", 2, "ket-luan-21")],
    ),
    (
        "authority without T/M, K/T, T/L",
        GOOD.replace("---\nNội", "signer:\n  name: A\n  authority: Bí thư\n---\nNội"),
        [(Severity.WARNING, "bad-authority", 9, "T/M")],
    ),
    (
        "unquoted time",
        GOOD.replace("---\nNội", "time: 25:61\n---\nNội"),
        [(Severity.ERROR, "bad-time", 7, "HH:MM")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_rule(tmp_path: Path, text: str, expected: list[tuple[Severity, str, int, str]]) -> None:
    write_files(tmp_path / "directives", {"co-quan.yml": REGISTRY, "2021/kl.md": text})
    result = load_archive(tmp_path / "directives", today=TODAY)
    found = [(p.severity, p.code, p.line) for p in result.problems]
    assert found == [(severity, code, line) for severity, code, line, _ in expected]
    for problem, (_, _, _, fragment) in zip(result.problems, expected, strict=True):
        assert fragment in problem.message
        assert problem.format().startswith(
            f"directives/2021/kl.md:{problem.line}: {problem.severity.value}: "
        )


def test_non_utf8_file_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    root = tmp_path / "directives"
    root.mkdir()
    # "Kết luận" in TCVN3 (ABC) bytes, as old provincial files are saved.
    (root / "x.md").write_bytes(GOOD.encode("utf-8").replace("Kết luận".encode(), b"K\xd5t lu\xb8n"))
    problems = load_archive(root, today=TODAY).problems
    assert [(p.code, p.line) for p in problems] == [("not-utf8", 3)]  # "Kết luận" on line 3
    assert "UTF-8" in problems[0].message


def test_duplicate_identity_is_reported_on_the_later_file(tmp_path: Path) -> None:
    write_files(tmp_path / "d", {"a.md": GOOD, "b.md": GOOD})
    problems = load_archive(tmp_path / "d", today=TODAY).problems
    assert [p.format() for p in problems] == [
        "d/b.md:2: lỗi: trùng văn bản với `d/a.md`: cùng số ký hiệu 21-KL/TW và ngày ban hành 25/10/2021; "
        "xóa bản trùng hoặc sửa số/ngày"
    ]


def test_a_reused_number_in_another_term_is_another_document(tmp_path: Path) -> None:
    # 101-QĐ/TW of 07/6/2012 and of 28/02/2023 are both cited in texts/002.
    older = (
        GOOD.replace("21-KL/TW", "101-QĐ/TW")
        .replace("Kết luận", "Quy định")
        .replace("25/10/2021", "07/06/2012")
    )
    newer = older.replace("07/06/2012", "28/02/2023")
    result = load_archive(write_files(tmp_path / "d", {"a.md": older, "b.md": newer}), today=TODAY)
    assert not result.problems
    assert sorted(d.url for d in result) == ["van-ban/2012/101-qd-tw/", "van-ban/2023/101-qd-tw/"]
    # Ids stay unique (the graph is keyed by them); URLs keep the plain slug under the year.
    assert sorted(d.id for d in result) == ["101-qd-tw-2012", "101-qd-tw-2023"]


def test_unknown_issuer_and_news_get_readable_ids(tmp_path: Path) -> None:
    files = {
        "a.md": variant("symbol: 21-KL/TW\n", "").replace("Ban Chấp hành Trung ương Đảng", "chưa rõ"),
        "b.md": "---\ntype: Tin bài\ndate: 15/09/2023\ntitle: Đẩy mạnh tuyên truyền về công tác xây dựng Đảng\n---\n",
    }
    result = load_archive(write_files(tmp_path / "d", files), today=TODAY)
    assert not result.problems
    assert sorted(d.url for d in result) == [
        "van-ban/2021/kl-ve-day-manh-xay-dung-chinh-25-10/",
        "van-ban/2023/tin-bai-day-manh-tuyen-truyen-ve-cong-15-09/",
    ]
    news = next(d for d in result if d.type.news)
    assert news.name == "Tin bài: Đẩy mạnh tuyên truyền về công tác xây dựng Đảng"
    assert news.issuer_label == "chưa rõ cơ quan ban hành"


def test_two_unnumbered_documents_with_the_same_id_collide(tmp_path: Path) -> None:
    text = variant("symbol: 21-KL/TW", "id: kl-mot")
    problems = load_archive(write_files(tmp_path / "d", {"a.md": text, "b.md": text}), today=TODAY).problems
    assert [(p.path, p.code, p.line) for p in problems] == [("d/b.md", "duplicate-url", 2)]


def test_every_problem_is_found_in_one_pass(tmp_path: Path) -> None:
    bad = variant("25/10/2021", "31/02/2023").replace("type: Kết luận", "type: Sắc lệnh")
    files = {"a.md": bad, "b.md": variant("title:", "titel: x\ntitle:"), "c.md": "không có front matter\n"}
    problems = load_archive(write_files(tmp_path / "d", files), today=TODAY).problems
    assert [(p.path, p.code) for p in problems] == [
        ("d/a.md", "unknown-type"),
        ("d/a.md", "impossible-date"),
        ("d/b.md", "unknown-field"),
        ("d/c.md", "yaml"),
    ]


def test_registry_problems_name_the_registry_line(tmp_path: Path) -> None:
    registry = (
        REGISTRY
        + "- name: Bộ Chính trị\n  parent: Trung ương X\n  level: Trung ương\n- name: Y\n  level: xã\n"
    )
    problems = load_archive(write_files(tmp_path / "d", {"co-quan.yml": registry}), today=TODAY).problems
    assert [(p.path, p.line, p.code) for p in problems] == [
        ("d/co-quan.yml", 9, "registry-level"),
        ("d/co-quan.yml", 5, "registry-parent"),
    ]


def test_editor_files_starting_with_underscore_are_not_documents(tmp_path: Path) -> None:
    result = load_archive(
        write_files(tmp_path / "d", {"_nhap.md": "nháp", "README.md": "# Ghi chú"}), today=TODAY
    )
    assert not result.problems and len(result) == 0
