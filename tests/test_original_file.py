"""The original file beside a document: accepted by its bytes, refused when it could run in a
reader's browser, confined to the document's folder, published for download, kept by the importer."""

from __future__ import annotations

import io
import os
import re
import shutil
import urllib.parse
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO, write_files
from tests.factories import REGISTRY
from tests.support.environment import shared_texts
from vankien.adapters.staged_build import build_site
from vankien.cli.importing import import_command
from vankien.core.original_file import MAX_BYTES, check_original
from vankien.graph.analysis import analyse_archive


def _word_package(text: str = "Văn bản") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
            + "</w:body></w:document>",
        )
    return buffer.getvalue()


def _zip_of(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(name, "x")
    return buffer.getvalue()


# (file name, first bytes, expected label or the words of the refusal, where the form comes from)
CASES = [
    (
        "kl-21.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "PDF",
        "ISO 32000 header; portal downloads of Party documents",
    ),
    ("kl-21.docx", _word_package(), "Word (DOCX)", "ECMA-376 package; the Word files editors import"),
    ("kl-21.doc", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(8), "Word (DOC)", "MS-CFB header; Word 97-2003"),
    ("quet.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "ảnh JPEG", "JFIF; phone photos of signed pages"),
    ("quet.jpeg", b"\xff\xd8\xff\xe1\x00\x10Exif\x00", "ảnh JPEG", "Exif JPEG from a phone camera"),
    ("quet.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ảnh PNG", "PNG signature; screenshots"),
    ("quet.tif", b"II*\x00\x08\x00\x00\x00", "ảnh TIFF", "TIFF little-endian; office scanners"),
    ("quet.tiff", b"MM\x00*\x00\x00\x00\x08", "ảnh TIFF", "TIFF big-endian"),
    # Refused: what would run in the reader's browser, or is not what its name says.
    ("trang.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "không phải tệp", "an HTML page renamed"),
    (
        "hinh.png",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
        "không phải tệp",
        "SVG with script",
    ),
    ("nen.docx", _zip_of("payload.html"), "không phải tệp", "a ZIP that is no Word file"),
    ("kl-21.docx", b"%PDF-1.4\n", "là tệp PDF nhưng có đuôi `.docx`", "a PDF saved with the wrong name"),
    ("rong.pdf", b"", "không phải tệp", "an empty file"),
]


@pytest.mark.parametrize(("name", "head", "expected", "seen"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_kind_is_read_from_the_bytes(
    tmp_path: Path, name: str, head: bytes, expected: str, seen: str
) -> None:
    path = tmp_path / name
    path.write_bytes(head + bytes(64))
    result = check_original(path)
    if isinstance(result, str):
        assert expected in result and name in result, seen
    else:
        assert result.label == expected, seen


def test_an_original_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "quet.pdf"
    with path.open("wb") as stream:
        stream.write(b"%PDF-1.7\n")
        stream.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    result = check_original(path)
    assert isinstance(result, str) and "quá 50 MB" in result


DOC = """\
---
symbol: 21-KL/TW
type: Kết luận
issuer: Ban Chấp hành Trung ương Đảng
date: 25/10/2021
title: Đẩy mạnh xây dựng, chỉnh đốn Đảng
original_file: {name}
---
Toàn văn.
"""


@pytest.mark.parametrize(
    ("name", "setup", "code"),
    [
        ("../ngoai.pdf", None, "bad-original"),  # written to climb out
        ("/etc/passwd.pdf", None, "bad-original"),
        ("trang.html", None, "bad-original"),  # a kind never accepted, by name
        ("khong-co.pdf", None, "missing-original"),
        ("lien-ket.pdf", "symlink-out", "missing-original"),  # a link out of the document's folder
        ("gia.pdf", "html", "bad-original"),
    ],
)
def test_an_original_must_be_a_real_file_in_the_documents_folder(
    tmp_path: Path, name: str, setup: str | None, code: str
) -> None:
    root = tmp_path / "kho"
    write_files(root, {"co-quan.yml": REGISTRY, "2021/kl.md": DOC.format(name=name)})
    # A PDF elsewhere in the archive, outside the document's folder.
    (root / "khac").mkdir()
    (root / "khac" / "that.pdf").write_bytes(b"%PDF-1.7\n")
    if setup == "symlink-out":
        os.symlink(root / "khac" / "that.pdf", root / "2021" / name)
    elif setup == "html":
        (root / "2021" / name).write_bytes(b"<html><script>alert(1)</script></html>")
    analysis = analyse_archive(root)
    errors = [(p.path, p.line, p.code) for p in analysis.problems.errors]
    assert errors == [("kho/2021/kl.md", 7, code)], analysis.problems


def test_the_original_is_published_beside_the_page_as_a_download(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    write_files(
        project / "directives", {"co-quan.yml": REGISTRY, "2021/kl.md": DOC.format(name="Kết luận 21.pdf")}
    )
    content = b"%PDF-1.7\n" + bytes(300 * 1024)
    (project / "directives" / "2021" / "Kết luận 21.pdf").write_bytes(content)
    site = project / "site"
    build_site(project / "mkdocs.yml", site)
    page = next(site.glob("van-ban/2021/*/index.html"))
    assert (page.parent / "Kết luận 21.pdf").read_bytes() == content
    html = page.read_text(encoding="utf-8")
    link = re.search(
        r'<a class="vk-original" href="([^"]+)" download>Tải văn bản gốc</a> <span[^>]*>\(([^)]+)\)', html
    )
    assert link is not None and link.group(2) == "PDF, 300 KB"
    assert (page.parent / urllib.parse.unquote(link.group(1))).read_bytes() == content


def test_import_of_a_word_file_keeps_it_as_the_original(tmp_path: Path) -> None:
    archive = tmp_path / "directives"
    write_files(archive, {"co-quan.yml": (REPO / "directives" / "co-quan.yml").read_text(encoding="utf-8")})
    source_text = sorted(shared_texts().glob("*.txt"))[0].read_text(encoding="utf-8")
    source = tmp_path / "van-ban-tai-ve.docx"
    source.write_bytes(_word_package(source_text))
    result = CliRunner().invoke(import_command, [str(source), "--out", str(archive)])
    assert result.exit_code == 0, result.stderr
    written = [p for p in archive.rglob("*.md")]
    assert len(written) == 1
    front = written[0].read_text(encoding="utf-8")
    kept = written[0].with_suffix(".docx")
    assert f"original_file: {kept.name}" in front
    assert kept.read_bytes() == source.read_bytes()
    assert "(bản gốc: " in result.stdout
    analysis = analyse_archive(archive)
    assert analysis.ok and next(iter(analysis.archive)).original_kind == "Word (DOCX)"
