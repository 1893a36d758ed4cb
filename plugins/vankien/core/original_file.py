"""The original file kept beside a document (`original_file:`): what kind it is, by its bytes.

Readers download it from the document's page, so only the kinds officials receive documents in
are accepted — PDF, Word (DOCX, DOC), scans (JPEG, PNG, TIFF) — recognised by their first bytes,
never by their name: an HTML or SVG page renamed `.pdf` would run in the reader's browser from the
site's own address. The name's extension must agree with the bytes, since the web server picks
the content type from it. A size limit keeps one scan from swelling every copy of the site.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
"""The largest original published: a 30-page scan at 300 dpi fits."""


@dataclass(frozen=True)
class OriginalKind:
    label: str
    """How the card names it: "PDF", "Word (DOCX)", "ảnh PNG"."""
    suffixes: tuple[str, ...]


PDF = OriginalKind("PDF", (".pdf",))
DOCX = OriginalKind("Word (DOCX)", (".docx",))
DOC = OriginalKind("Word (DOC)", (".doc",))
JPEG = OriginalKind("ảnh JPEG", (".jpg", ".jpeg"))
PNG = OriginalKind("ảnh PNG", (".png",))
TIFF = OriginalKind("ảnh TIFF", (".tif", ".tiff"))
KINDS = (PDF, DOCX, DOC, JPEG, PNG, TIFF)
SUFFIXES = tuple(suffix for kind in KINDS for suffix in kind.suffixes)

_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def kind_of(head: bytes, path: Path) -> OriginalKind | None:
    """The kind the file's bytes show (`head`: its first bytes), None for anything else."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(_OLE2):
        return DOC
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"PK\x03\x04") and _is_word_package(path):
        return DOCX
    return None


def _is_word_package(path: Path) -> bool:
    """A ZIP holding `word/document.xml`: a .docx, not any archive renamed."""
    try:
        with zipfile.ZipFile(path) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def check_original(path: Path) -> OriginalKind | str:
    """The file's kind, or what is wrong with it, in Vietnamese, with what to do."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (
            f"tệp bản gốc `{path.name}` nặng {size / 1024 / 1024:.0f} MB, quá {MAX_BYTES // 1024 // 1024} MB; "
            "nén hoặc quét lại với độ phân giải thấp hơn"
        )
    with path.open("rb") as stream:
        head = stream.read(16)
    kind = kind_of(head, path)
    if kind is None:
        accepted = ", ".join(k.label for k in KINDS)
        return (
            f"tệp bản gốc `{path.name}` không phải tệp {accepted} (xét theo nội dung tệp, không theo tên); "
            "chỉ xuất bản bản gốc thuộc các loại này — lưu lại thành PDF nếu cần"
        )
    if path.suffix.lower() not in kind.suffixes:
        return (
            f"tệp bản gốc `{path.name}` là tệp {kind.label} nhưng có đuôi `{path.suffix}`; đổi đuôi thành "
            f"`{kind.suffixes[0]}` và sửa `original_file`"
        )
    return kind
