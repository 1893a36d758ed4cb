"""From a raw file to an `Imported` document: read, find the document in the page, recognise its
parts, convert the body.

Pure: no file is written here and nothing from MkDocs is used. The caller passes what it
knows about the archive (issuer names, which references it holds). A text that has content
is never refused: what cannot be read stays None (written `chưa rõ`) and the notes say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from vankien.core.doctypes import all_names, doc_type
from vankien.core.issuers import is_local_body
from vankien.core.model import Citation
from vankien.core.symbols import SymbolError, has_horn, localise, parse_symbol
from vankien.core.text import fold
from vankien.importer.attributes import read_site_attributes
from vankien.importer.basis import basis_references, citation_text, type_from_symbol
from vankien.importer.docx import OLD_WORD, OLE2_MAGIC, DocxError, read_docx
from vankien.importer.encodings import Decoded, EncodingError, decode_bytes
from vankien.importer.header import find_place_date_in, find_symbol_in, read_header
from vankien.importer.heading import is_authority_line, read_heading_organ, read_title, title_without_heading
from vankien.importer.issuer import (
    choose_issuer,
    complete_state_body,
    promulgation,
    read_issuing_block,
    signature_organ,
)
from vankien.importer.layout import Layout, article_lines_before_body, locate
from vankien.importer.lines import Line, is_upper_line, read_lines, strip_markup
from vankien.importer.markdown import FOOTNOTES_MARK, PLACEHOLDERS, TAG_CLOSE, TAG_OPEN, to_markdown
from vankien.importer.model import Imported
from vankien.importer.news import NewsParts, about_citation, about_references, read_news
from vankien.importer.self_reference import (
    find_self_reference,
    longer_subject,
    merge,
    promulgated_reference,
    promulgated_subject,
)
from vankien.importer.signature import Block, find_recipients, find_signature
from vankien.refs import extract_references
from vankien.refs.model import Reference

IssuerResolver = Callable[[str], str | None]
"""Registry name for a body as the text writes it, or None."""
ArchiveLookup = Callable[[Reference], bool]
"""Whether the archive holds the document a reference means."""

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".docx")
NEWS_TYPE = "Tin bài"
CHROME_ONLY_SHARE = 0.7
"""A text more than this share of which is page chrome is reported as mostly chrome."""


class ImportFailure(ValueError):
    """A file that cannot be imported; the message (Vietnamese) says why and what to do."""


def read_source(path: Path) -> Decoded:
    """The text of a .txt or .docx file, decoded to NFC. Raises ImportFailure."""
    suffix = path.suffix.lower()
    old_word = f"tệp Word .doc cũ {path.name}: {OLD_WORD}"
    if suffix == ".doc":
        raise ImportFailure(old_word)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(f"không đọc được tệp ({exc.strerror or exc})") from exc
    if raw.startswith(OLE2_MAGIC):
        # A .doc renamed .docx or .txt: the same advice, not "binary file" or "not a zip".
        raise ImportFailure(old_word)
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
    """Recognise a document or a news article in `text`. Raises ImportFailure only for a text
    with no content at all."""
    notes: list[str] = []
    if encoding == "docx":
        # A Word file's footnotes follow its body (`docx.read_docx`): they end the Markdown body,
        # after the signature and the recipients the stages below look for at the end.
        text, _, footnotes = text.partition(FOOTNOTES_MARK)
        notes = [line for line in footnotes.split("\n") if line.strip()]
    else:
        # Only the Word reader may make markup; the same characters in any other source are no text.
        text = PLACEHOLDERS.sub("", text)
    doc = _import(text, encoding, resolve_issuer, in_archive)
    if notes:
        doc.body = doc.body.rstrip("\n") + "\n\n" + to_markdown(notes)
    return doc


def _import(text: str, encoding: str, resolve_issuer: IssuerResolver, in_archive: ArchiveLookup) -> Imported:
    lines = read_lines(text, legacy_capitals=encoding == "tcvn3")
    if not any(line.text for line in lines):
        raise ImportFailure("tệp không có nội dung chữ")
    news = read_news([line.text for line in lines])
    layout = locate(lines, news_signals=news is not None and news.signals)
    if layout.kind == "news" and news is not None:
        return _news(lines, layout, news, resolve_issuer, in_archive)
    return _document(text, lines, layout, resolve_issuer, in_archive)


# --- documents ---------------------------------------------------------------------------------------


def _without(lines: list[Line], blocks: list[Block]) -> list[Line]:
    dropped = {i for block in blocks for i in range(block.start, block.end)}
    return [line for i, line in enumerate(lines) if i not in dropped]


def _document(
    source: str, lines: list[Line], layout: Layout, resolve_issuer: IssuerResolver, in_archive: ArchiveLookup
) -> Imported:
    notes: list[str] = []
    heading = layout.heading
    header = read_header(lines[layout.start : layout.header_end])
    block = read_issuing_block(header.issuing)
    title: str | None = None
    if heading is not None:
        title_start = heading.index + 1
        if not (heading.organ or heading.rest or heading.citation):
            organ_below, title_start = read_heading_organ(lines, title_start)
            if organ_below is not None:
                heading = replace(heading, organ=organ_below)
        if heading.citation:
            body_start = title_start
        else:
            title, body_start = read_title(lines, title_start, heading.rest)
    else:
        body_start = layout.header_end
        title = title_without_heading(lines[layout.start : layout.header_end])
        if title is None and layout.header_end > layout.start:
            # The trích yếu in capitals right under a header that has no type heading.
            first = next((line.bare for line in lines[body_start : body_start + 3] if line.bare), "")
            if is_upper_line(first) and len(first.split()) >= 3:
                title, body_start = read_title(lines, body_start)
    # Some reposts put "Số …" and the place and date under the heading.
    if heading is not None and (header.symbol is None or header.date is None):
        for line in lines[heading.index + 1 : min(layout.end, body_start + 4)]:
            bare = line.bare
            if header.symbol is None and re.match(r"(?i:số)\b", bare) and (found := find_symbol_in(bare)):
                header.symbol = found[0]
            if (
                header.date is None
                and (place_date := find_place_date_in(bare)) is not None
                and place_date[2] == 0
            ):
                header.place, header.date = header.place or place_date[0], place_date[1]
                header.date_written = True
    for index in article_lines_before_body(lines, body_start, layout.end):
        layout.lead.append(index)
    chrome = layout.chrome
    body = [lines[i] for i in range(body_start, layout.end) if i not in chrome and i not in layout.lead]
    texts = [line.text for line in body]
    blocks: list[Block] = []
    signature = find_signature(texts)
    if signature is not None:
        blocks.append(signature[1])
    recipients = find_recipients(texts)
    if recipients is not None:
        blocks.append(recipients[1])
    body = _without(body, blocks)
    # "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" under a State document's title: its authority, no body text.
    opening = next((i for i, line in enumerate(body) if line.text), None)
    if opening is not None and is_authority_line(body[opening].bare):
        body = body[opening + 1 :]
    site = read_site_attributes([line.text for line in lines])
    type_name = heading.type if heading is not None else None
    if type_name is None and header.symbol:
        type_name = type_from_symbol(header.symbol)
    page_lines = [lines[i].text for i in layout.lead] + [
        lines[i].bare for i in range(0, layout.start) if i not in layout.lead and lines[i].text
    ]
    if heading is not None:
        page_lines.append(lines[heading.index].bare)
    elif layout.header_end == layout.start and body and _is_citation_title(body[0].bare):
        # No header: a citation-form title line opens the text ("Nghị Quyết số 22/NQ-TU ngày
        # 08/6/2022 ban hành bởi Tỉnh Ủy Kiên Giang về …", corpus 022). It names the document.
        page_lines.append(body[0].bare)
        body = body[1:]
    preamble = _preamble(body)
    promulgated = promulgation(preamble, tuple(all_names()))
    if type_name is None and promulgated is not None:
        type_name = promulgated.type
    self_ref = find_self_reference(page_lines, type_name, resolve_issuer)
    if promulgated is not None:
        own = promulgated_reference(promulgated.paragraph, promulgated.object_start, resolve_issuer)
        self_ref = merge([r for r in (self_ref, own) if r is not None])
        if own is None and title is None:
            title = promulgated_subject(promulgated.paragraph, promulgated.object_start, type_name)
    reference = self_ref.reference if self_ref else None
    type_name = type_name or (reference.type if reference else None) or site.type
    kept_text = "\n".join([*(lines[i].text for i in layout.lead), *(line.text for line in body)])
    written_issuer = choose_issuer(
        block,
        heading_organ=heading.organ if heading else None,
        promulgation=promulgated.issuer if promulgated else None,
        signature=signature_organ(signature[0].authority if signature else None),
        announced=(self_ref.organ if self_ref else None) or site.issuer,
        text=kept_text,
        symbol_code=_issuer_code(header.symbol),
    )
    if written_issuer is not None:
        written_issuer = complete_state_body(written_issuer, header.place, kept_text)
    issuer, known = _issuer(written_issuer, resolve_issuer)
    symbol = _symbol(header.symbol, issuer or written_issuer)
    symbol = symbol or (reference.symbol if reference else None) or site.symbol
    date = header.date or (self_ref.date if self_ref else None) or site.date
    title = (
        longer_subject(title, self_ref.subject if self_ref else None)
        if title
        else (self_ref.subject if self_ref else None)
    )
    headlines = _page_headlines(lines, layout)
    named = next((n for h in headlines if type_name and (n := _after_type_name(h, type_name))), None)
    if named is not None:
        # "Hướng dẫn Tuyên truyền kỷ niệm …": the page's title names the document by type and subject.
        title = longer_subject(title, named) if title else named
    elif title is None and heading is None and headlines and not is_upper_line(headlines[0]):
        # A portal post titled by the document's subject alone ("triển khai Cuộc thi …").
        title = headlines[0]
    doc = Imported(
        kind="document",
        type=type_name,
        title=title,
        symbol=symbol,
        date=date,
        place=header.place,
        issuer=issuer,
        issuer_known=known,
        signer=signature[0] if signature else None,
        recipients=recipients[0] if recipients else [],
        notes=notes,
        parent_body=block.committee if block.department else None,
    )
    if doc.symbol and doc.type:
        types = parse_symbol(doc.symbol).types()
        if types and doc.type not in {t.name for t in types}:
            notes.append(f"số ký hiệu {doc.symbol} không khớp loại {doc.type}; kiểm tra lại")
    if header.date_written and header.date is None:
        notes.append("dòng địa danh, ngày tháng có nhưng ngày không hợp lệ")
    text = "\n".join(line.text for line in body)
    doc.basis = [_relation(r, in_archive) for r in basis_references(text)]
    last = next((line.text for line in reversed(body) if line.text), "")
    if (
        last
        and not strip_markup(_TAGS.sub("", last)).endswith((".", "!", "?", "…", ":", ";", ")", "”", '"'))
        and signature is None
    ):
        notes.append("đoạn cuối không kết thúc bằng dấu câu và không có phần ký: văn bản có thể bị cắt")
    if layout.lead:
        lead = " ".join(lines[i].text for i in layout.lead)
        notes.append(f"văn bản được đăng lại trong một bài viết; đoạn dẫn của bài: “{_shorten(lead)}”")
    doc.body = to_markdown([line.text for line in body])
    doc.kept = _kept(lines, layout)
    doc.chrome_only = _chrome_share(source, doc.kept) > CHROME_ONLY_SHARE
    if doc.chrome_only:
        notes.append(
            "phần lớn tệp là phần trang web quanh văn bản (menu, liên kết, quảng cáo); nội dung văn bản ít"
        )
    return doc


HEADLINE_WORDS = (4, 60)
_TAGS = re.compile(f"{TAG_OPEN}[^{TAG_CLOSE}]*{TAG_CLOSE}")
"""The Word reader's own tags ("<u>…</u>" as placeholders): no text of the document."""


def _is_citation_title(text: str) -> bool:
    """A line that opens with a citation of a numbered document and ends without a full stop."""
    found = extract_references(text[:300])
    return bool(found) and found[0].start == 0 and bool(found[0].number) and not text.rstrip().endswith(".")


def _page_headlines(lines: list[Line], layout: Layout) -> list[str]:
    """The page's title lines above the document: lines before it that are no sentence."""
    found: list[str] = []
    for index in range(layout.start):
        bare = lines[index].bare
        if not bare or re.match(r"(?i:số)\b", bare):
            continue
        words = len(bare.split())
        if HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and not bare.endswith((".", ":", ";", ",")):
            found.append(bare)
    return found


def _after_type_name(headline: str, type_name: str) -> str | None:
    """ "Hướng dẫn Tuyên truyền kỷ niệm …" -> "Tuyên truyền kỷ niệm …" for a Hướng dẫn."""
    for name in sorted(
        (n for n in all_names() if (t := doc_type(n)) is not None and t.name == type_name),
        key=len,
        reverse=True,
    ):
        if fold(headline[: len(name)]) == fold(name) and headline[len(name) : len(name) + 1] == " ":
            rest = headline[len(name) :].strip()
            return None if re.match(r"(?i:số)\b|\d", rest) else rest
    return None


_PREAMBLE_PARAGRAPHS = 16


def _preamble(body: list[Line]) -> list[str]:
    """The opening paragraphs: the formula's and the main clause after them ("Ban Bí thư ban hành …").
    A formula goes on over its list lines ("Căn cứ" / "- Chỉ thị số 45-CT/TW …;") and over the
    lines a PDF copy broke it into."""
    paragraphs = _paragraphs(body)
    preamble: list[str] = []
    in_formula = False
    for paragraph in paragraphs[:_PREAMBLE_PARAGRAPHS]:
        preamble.append(paragraph)
        if _FORMULA_LINE.match(paragraph):
            in_formula = True
        elif not (in_formula and (_LIST_ITEM.match(paragraph) or preamble[-2].rstrip().endswith((";", ",")))):
            break
    return preamble


_FORMULA_LINE = re.compile(
    r"^[-–•+*\s]*(?:Căn cứ|CĂN CỨ|Thực hiện|Triển khai|Thi hành|Quán triệt|Xét|Theo đề nghị)\b"
)
_LIST_ITEM = re.compile(r"^\s*[-–•+*]\s")


def _paragraphs(body: list[Line]) -> list[str]:
    """Lines joined into paragraphs where a hard-wrapped copy broke them: a line that does not end
    a sentence goes on with the next one unless that opens a list item or a section."""
    paragraphs: list[str] = []
    joining = False
    for line in body:
        text = line.text.strip()
        if not text:
            joining = False
            continue
        if joining and paragraphs and not (_LIST_ITEM.match(text) or _SECTION_START.match(text)):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        else:
            paragraphs.append(text)
        joining = not text.endswith((".", ";", ":", "!", "?")) and len(text) > 50
    return paragraphs


_SECTION_START = re.compile(r"^(?:[IVX]+\s*[.\-–]|\d+(?:\.\d+)*\s*[.)]|Điều\s+\d|Phần\s)")


def _issuer_code(raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        return parse_symbol(raw).issuer_code
    except SymbolError:
        return None


def _symbol(raw: str | None, issuer: str | None) -> str | None:
    """The header's symbol, "TƯ" read as the issuer says (TU for a local committee)."""
    if raw is None:
        return None
    symbol = _valid(raw)
    if symbol is not None and has_horn(raw) and issuer and is_local_body(issuer):
        return localise(symbol)
    return symbol


def _valid(raw: str) -> str | None:
    try:
        return parse_symbol(raw.strip(" .,;")).text
    except SymbolError:
        return None


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _kept(lines: list[Line], layout: Layout) -> list[tuple[int, int]]:
    return [(line.start, line.end) for i, line in enumerate(lines) if i not in layout.chrome and line.text]


def _chrome_share(source: str, kept: list[tuple[int, int]]) -> float:
    total = len(source.strip()) or 1
    return 1 - sum(end - start for start, end in kept) / total


def _issuer(name: str | None, resolve_issuer: IssuerResolver) -> tuple[str | None, bool]:
    if not name:
        return None, False
    found = resolve_issuer(name)
    return (found, True) if found else (name, False)


def _relation(reference: Reference, in_archive: ArchiveLookup) -> Citation:
    held = in_archive(reference)
    return Citation(citation_text(reference), external=not held)


# --- news --------------------------------------------------------------------------------------------


def _news(
    lines: list[Line],
    layout: Layout,
    parts: NewsParts,
    resolve_issuer: IssuerResolver,
    in_archive: ArchiveLookup,
) -> Imported:
    texts = [line.text for line in lines]
    body = [line for i, line in enumerate(texts) if i not in parts.skip and i not in layout.chrome]
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
    kept = [(line.start, line.end) for i, line in enumerate(lines) if i not in layout.chrome and line.text]
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
        kept=kept,
    )
