"""Read the paragraphs of a Word .docx file (a zip holding word/document.xml), without dependencies.

Paragraphs come out in document order, table cells included (Party documents put
the header and the signature in two-column tables), one line each, with blank
lines between paragraphs as in a text copied from a portal.

A .docx is a zip, so a small file can claim or hold a huge XML: the sizes are checked at the
zip layer before anything is read (declared size, compression ratio), the XML is then read in
chunks with a hard cap whatever the header says, and parsed as a stream (each paragraph
cleared once read), so time and memory stay linear and bounded. A DOCTYPE (entity tricks) is
refused: Word never writes one.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_XML = "word/document.xml"
MAX_XML_BYTES = 20 * 1024 * 1024
"""The largest document.xml read: a 300-page decree is under 5 MB."""
MAX_RATIO = 200
"""A larger declared compression ratio is a zip bomb, not a document."""
CHUNK = 1 << 16


class DocxError(ValueError):
    """A file that is not a readable .docx; message in Vietnamese."""


_TOO_LARGE = "nội dung tệp .docx quá lớn (hơn 20 MB chữ) hoặc tệp nén bất thường; hãy mở bằng Word và lưu lại"


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, stopping with an error past MAX_XML_BYTES whatever its header claims."""
    read = 0
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            if read > MAX_XML_BYTES:
                raise DocxError(_TOO_LARGE)
            yield chunk


def _paragraphs(chunks: Iterator[bytes]) -> Iterator[str]:
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(events=("end",))
    parts: list[str] = []
    seen_start = False
    for chunk in chunks:
        if not seen_start:
            seen_start = True
            if b"<!DOCTYPE" in chunk[:4096].upper():
                raise DocxError("tệp .docx chứa khai báo DOCTYPE, Word không bao giờ ghi như vậy; không đọc")
        parser.feed(chunk)
        events: Iterator[Any] = parser.read_events()
        for event in events:
            element = event[1]
            if not isinstance(element, ElementTree.Element):
                continue
            tag = element.tag
            if tag == f"{_W}t" and element.text:
                parts.append(element.text)
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}p":
                yield "".join(parts)
                parts.clear()
                element.clear()
    parser.close()


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
        if info.file_size > MAX_XML_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocxError(_TOO_LARGE)
        try:
            paragraphs = [p for p in _paragraphs(_chunks(archive, info)) if p.strip()]
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise DocxError(
                "nội dung tệp .docx bị hỏng (XML không đọc được); hãy mở bằng Word và lưu lại"
            ) from exc
    return "\n\n".join(paragraphs)
