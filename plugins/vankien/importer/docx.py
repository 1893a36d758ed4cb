"""Read the paragraphs of a Word .docx file (a zip holding word/document.xml), without dependencies.

Paragraphs come out in document order, table cells included (Party documents put
the header and the signature in two-column tables), one line each, with blank
lines between paragraphs as in a text copied from a portal.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_XML = "word/document.xml"
MAX_XML_BYTES = 50 * 1024 * 1024


class DocxError(ValueError):
    """A file that is not a readable .docx; message in Vietnamese."""


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def read_docx(raw: bytes) -> str:
    """The text of a .docx file's body. Raises DocxError when it is not one."""
    if not raw:
        raise DocxError("tệp rỗng")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        raise DocxError(
            "không phải tệp .docx hợp lệ (không phải tệp nén zip); nếu là tệp .doc cũ, hãy mở bằng Word "
            "và lưu lại dạng .docx"
        ) from exc
    with archive:
        try:
            info = archive.getinfo(DOCUMENT_XML)
        except KeyError as exc:
            raise DocxError(f"tệp .docx thiếu phần {DOCUMENT_XML}") from exc
        if info.file_size > MAX_XML_BYTES:
            raise DocxError("tệp .docx quá lớn")
        try:
            root = ElementTree.fromstring(archive.read(info))
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
            raise DocxError(f"không đọc được nội dung tệp .docx ({exc})") from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise DocxError("tệp .docx không có phần thân văn bản")
    paragraphs = [_paragraph_text(p) for p in body.iter(f"{_W}p")]
    return "\n\n".join(p for p in paragraphs if p.strip())
