"""From a raw file to an `Imported` document: read, clean, recognise, convert the body.

Pure: no file is written here and nothing from MkDocs is used. The caller passes
what it knows about the archive (issuer names, which references it holds).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vankien.core.model import Citation
from vankien.core.symbols import parse_symbol
from vankien.importer.cleanup import clean_lines
from vankien.importer.docx import DocxError, read_docx
from vankien.importer.encodings import Decoded, EncodingError, decode_bytes
from vankien.importer.markdown import to_markdown
from vankien.importer.metadata import (
    Block,
    basis_references,
    citation_text,
    find_heading,
    find_place_date,
    find_recipients,
    find_signature,
    find_symbol,
    header_issuer,
    promulgation_issuer,
    read_title,
    type_from_symbol,
)
from vankien.importer.model import Imported
from vankien.importer.news import about_citation, about_references, read_news
from vankien.refs.model import Reference

IssuerResolver = Callable[[str], str | None]
"""Registry name for a body as the text writes it, or None."""
ArchiveLookup = Callable[[Reference], bool]
"""Whether the archive holds the document a reference means."""

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".docx")
NEWS_TYPE = "Tin bài"


class ImportFailure(ValueError):
    """A file that cannot be imported; the message (Vietnamese) says why and what to do."""


def read_source(path: Path) -> Decoded:
    """The text of a .txt or .docx file, decoded to NFC. Raises ImportFailure."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ImportFailure("tệp Word .doc cũ không đọc được; hãy mở bằng Word và lưu lại dạng .docx")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(f"không đọc được tệp ({exc.strerror or exc})") from exc
    try:
        if suffix == ".docx":
            return Decoded(read_docx(raw), "docx")
        if raw.startswith(b"PK\x03\x04"):
            raise ImportFailure("tệp là tệp nén (có thể là .docx bị đổi tên); hãy đặt lại đuôi .docx")
        return decode_bytes(raw)
    except (EncodingError, DocxError) as exc:
        raise ImportFailure(str(exc)) from exc


def _no_issuer(_: str) -> str | None:
    return None


def _nothing_held(_: Reference) -> bool:
    return False


def import_text(
    text: str,
    *,
    encoding: str = "utf-8",
    resolve_issuer: IssuerResolver = _no_issuer,
    in_archive: ArchiveLookup = _nothing_held,
) -> Imported:
    """Recognise a document or a news article in `text`. Raises ImportFailure when it is neither."""
    lines = clean_lines(text, legacy_capitals=encoding == "tcvn3")
    if not any(lines):
        raise ImportFailure("tệp không có nội dung chữ")
    heading = find_heading(lines)
    if heading is not None:
        return _document(lines, heading[0], heading[1], resolve_issuer, in_archive)
    symbol = find_symbol(lines[:15])
    if symbol is not None and type_from_symbol(symbol[0]) is not None:
        return _document(lines, None, type_from_symbol(symbol[0]) or "", resolve_issuer, in_archive)
    news = _news(lines, resolve_issuer, in_archive)
    if news is not None:
        return news
    raise ImportFailure(
        "không nhận ra tiêu đề: không có dòng tên loại văn bản (KẾ HOẠCH, HƯỚNG DẪN, NGHỊ QUYẾT, …) "
        "ở đầu văn bản, cũng không phải tin bài (tiêu đề, ngày đăng, tác giả); hãy thêm dòng tên loại "
        "hoặc dùng `vankien new` để tạo tệp rồi dán nội dung"
    )


def _issuer(name: str | None, resolve_issuer: IssuerResolver) -> tuple[str | None, bool]:
    if not name:
        return None, False
    found = resolve_issuer(name)
    return (found, True) if found else (name, False)


def _without(lines: list[str], blocks: list[Block]) -> list[str]:
    dropped = {i for block in blocks for i in range(block.start, block.end)}
    return [line for i, line in enumerate(lines) if i not in dropped]


def _document(
    lines: list[str],
    heading: int | None,
    type_name: str,
    resolve_issuer: IssuerResolver,
    in_archive: ArchiveLookup,
) -> Imported:
    notes: list[str] = []
    if heading is not None:
        title, body_start = read_title(lines, heading)
        header = lines[:heading]
        near_heading = lines[: body_start + 1]
    else:
        # A công văn: no type heading; its subject is the "V/v ..." line of the header.
        title, body_start = None, 0
        for index, line in enumerate(lines[:15]):
            if line.lower().startswith(("v/v", "về việc")):
                title = line.split(" ", 1)[1].strip() if " " in line else None
                body_start = index + 1
        header = lines[:body_start]
        near_heading = header
    symbol = find_symbol(near_heading)
    place_date = find_place_date(near_heading)
    body = lines[body_start:]
    blocks: list[Block] = []
    signature = find_signature(body)
    if signature is not None:
        blocks.append(signature[1])
    recipients = find_recipients(body)
    if recipients is not None:
        blocks.append(recipients[1])
    body = _without(body, blocks)
    opening = [line for line in body if line][:3]
    written_issuer = header_issuer(header) or promulgation_issuer(opening)
    issuer, known = _issuer(written_issuer, resolve_issuer)
    doc = Imported(
        kind="document",
        type=type_name,
        title=title,
        symbol=symbol[0] if symbol else None,
        date=place_date.date if place_date else None,
        place=place_date.place if place_date else None,
        issuer=issuer,
        issuer_known=known,
        signer=signature[0] if signature else None,
        recipients=recipients[0] if recipients else [],
        notes=notes,
    )
    if doc.symbol:
        types = parse_symbol(doc.symbol).types()
        if types and type_name not in {t.name for t in types}:
            notes.append(f"số ký hiệu {doc.symbol} không khớp loại {type_name}; kiểm tra lại")
    if place_date is not None and place_date.date is None:
        notes.append("dòng địa danh, ngày tháng có nhưng ngày không hợp lệ")
    markdown_lines = body
    text = "\n".join(markdown_lines)
    doc.basis = [_relation(r, in_archive) for r in basis_references(text)]
    last = next((line for line in reversed(body) if line.strip()), "")
    if (
        last
        and not last.rstrip("*_ ").endswith((".", "!", "?", "…", ":", ";", ")", "”", '"'))
        and signature is None
    ):
        notes.append("đoạn cuối không kết thúc bằng dấu câu và không có phần ký: văn bản có thể bị cắt")
    doc.body = to_markdown(markdown_lines)
    return doc


def _relation(reference: Reference, in_archive: ArchiveLookup) -> Citation:
    held = in_archive(reference)
    return Citation(citation_text(reference), external=not held)


def _news(lines: list[str], resolve_issuer: IssuerResolver, in_archive: ArchiveLookup) -> Imported | None:
    parts = read_news(lines)
    if parts is None:
        return None
    body = [line for i, line in enumerate(lines) if i not in parts.skip]
    notes: list[str] = []
    if parts.page_timestamp:
        notes.append(
            f"dòng thời gian đầu trang “{parts.page_timestamp}” là giờ hiển thị trang, không phải ngày đăng"
        )
    lead = "\n".join([line for line in body if line][:2])
    about: list[Citation] = []
    for reference in about_references(lead):
        held = in_archive(reference)
        unnumbered = not (reference.symbol or reference.number)
        about.append(
            Citation(
                about_citation(reference),
                external=not held,
                note="văn bản không số, chưa có trong kho" if unnumbered and not held else None,
            )
        )
    return Imported(
        kind="news",
        type=NEWS_TYPE,
        title=parts.headline,
        date=parts.published.date if parts.published else None,
        time=parts.published.time if parts.published else None,
        source=parts.source,
        author=parts.author,
        about=about,
        body=to_markdown(body, news=True),
        notes=notes,
    )
