"""Read a Word .docx file (a zip of WordprocessingML parts) into the text the importer reads.

What Word shows is kept, in document order: bold, italic and underline (`**`, `*`, `<u>`);
automatic numbering from `numbering.xml` written out as the numbers Word displays ("I.", "1.",
"a)"), so "I. MỤC ĐÍCH" stays a section heading; tables (the two-column header and signature
tables of Party documents as lines, the way the importer has always read them; other tables as
Markdown or, where a cell holds several paragraphs, HTML tables); text boxes once (Word writes each
twice, as `mc:Choice` and `mc:Fallback`); footnotes and endnotes; line breaks; runs typed in the
legacy `.VnTime`/`.VnTimeH` (TCVN3) and `VNI-Times` fonts, decoded by their font name.

Why no library: docx2python, mammoth and python-docx were compared on the test files
(docs-dev/word-import.md). None writes Word's displayed numbers for every format with their
restarts, none hands over each run's font name together with its formatting and text boxes, and
each parses the XML itself (lxml or minidom) where the checks below could not run first.

Safety, because a .docx is a zip anyone can send: sizes are checked at the zip layer before
anything is inflated (declared size, compression ratio, number of members); each part is then read
in chunks with a hard cap whatever its header says; a DOCTYPE or ENTITY declaration anywhere is
refused (Word never writes one, and it is how entity expansion and external entities start); the
body is parsed as a stream, one top-level paragraph or table at a time, with its nesting depth
bounded, so time and memory stay linear and bounded.

Markup the importer itself makes (underline, superscript, HTML tables) travels through the
line-based stages as private-use placeholders that no source text can hold (they are removed from
the text read), and becomes real tags only in the final Markdown (`markdown.TAG_OPEN`).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from vankien.core.text import fold
from vankien.importer.encodings import decode_tcvn3, decode_vni
from vankien.importer.markdown import FOOTNOTES_MARK, TAG_CLOSE, TAG_OPEN

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOCUMENT_XML = "word/document.xml"
NUMBERING_XML = "word/numbering.xml"
STYLES_XML = "word/styles.xml"
FOOTNOTES_XML = "word/footnotes.xml"
ENDNOTES_XML = "word/endnotes.xml"
MAX_XML_BYTES = 20 * 1024 * 1024
"""The largest part read: a 300-page decree's document.xml is under 5 MB."""
MAX_TOTAL_XML_BYTES = 40 * 1024 * 1024
"""All parts read together."""
MAX_RATIO = 200
"""A larger declared compression ratio is a zip bomb, not a document."""
MAX_MEMBERS = 5000
"""A Word file has a few dozen parts; thousands are a zip made to exhaust the reader."""
MAX_DEPTH = 256
"""Nesting deeper than this (tables in tables in text boxes…) is no document Word makes."""
CHUNK = 1 << 16


class DocxError(ValueError):
    """A file that is not a readable .docx; message in Vietnamese."""


_TOO_LARGE = "nội dung tệp .docx quá lớn (hơn 20 MB chữ) hoặc tệp nén bất thường; hãy mở bằng Word và lưu lại"
_BROKEN = "nội dung tệp .docx bị hỏng (XML không đọc được); hãy mở bằng Word và lưu lại"
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# Private-use characters: the glyphs of symbol fonts (Wingdings bullets) and our own placeholders.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


# --- the zip layer ---------------------------------------------------------------------------------


@dataclass
class _Budget:
    left: int = MAX_TOTAL_XML_BYTES


def _member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise DocxError(_TOO_LARGE)
    return info


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    """The member's bytes, stopping with an error past the caps whatever its header claims, and
    refusing a DOCTYPE or ENTITY declaration wherever it stands (also across two chunks)."""
    read = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            budget.left -= len(chunk)
            if read > MAX_XML_BYTES or budget.left < 0:
                raise DocxError(_TOO_LARGE)
            if _DECLARATION.search(tail + chunk):
                raise DocxError(
                    "tệp .docx chứa khai báo DOCTYPE/ENTITY (có thể tham chiếu tệp bên ngoài), Word "
                    "không bao giờ ghi như vậy; không đọc. Hãy mở bằng Word và lưu lại"
                )
            tail = chunk[-16:]
            yield chunk


def _parse_whole(archive: zipfile.ZipFile, name: str, budget: _Budget) -> ElementTree.Element | None:
    """A small part (numbering, styles, notes) as a tree; the caps make its size bounded."""
    info = _member(archive, name)
    if info is None:
        return None
    parser = ElementTree.XMLParser()
    for chunk in _chunks(archive, info, budget):
        parser.feed(chunk)
    root: ElementTree.Element = parser.close()
    return root


# --- numbering -------------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None
    """Restart after this (1-based) level; None: after any higher level."""


@dataclass
class _Numbering:
    """Word's list numbering, counted as Word counts it: per abstract list, a higher level resets the
    lower ones, a list instance with a start override restarts where it is first used."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = _level(lvl)
            numbering.abstract[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            abstract_id = _val(num.find(f"{_W}abstractNumId")) or ""
            overrides: dict[int, int] = {}
            for override in num.iter(f"{_W}lvlOverride"):
                level = _int(override.get(f"{_W}ilvl"), 0)
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    overrides[level] = _int(_val(start), 1)
                redefined = override.find(f"{_W}lvl")
                if redefined is not None:
                    key = f"{abstract_id}/{num.get(f'{_W}numId')}"
                    numbering.abstract.setdefault(key, {})[level] = _level(redefined)
            numbering.instances[num.get(f"{_W}numId", "")] = (abstract_id, overrides)
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The number Word shows for the next paragraph of list `num_id` at level `ilvl`."""
        if num_id in ("", "0") or num_id not in self.instances:
            return None
        abstract_id, overrides = self.instances[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(self.abstract.get(f"{abstract_id}/{num_id}", {}))
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for index, start in overrides.items():
                counters[index] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or restart > ilvl:
                del counters[deeper]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            shown = levels.get(index, _Level())
            value = counters.get(index, shown.start)
            return _format_number(value, shown.fmt if index != ilvl or shown.fmt != "bullet" else "decimal")

        text = re.sub(r"%([1-9])", number, level.text)
        return text.strip()


def _level(lvl: ElementTree.Element) -> _Level:
    restart = lvl.find(f"{_W}lvlRestart")
    return _Level(
        start=_int(_val(lvl.find(f"{_W}start")), 1),
        fmt=_val(lvl.find(f"{_W}numFmt")) or "decimal",
        text=_val(lvl.find(f"{_W}lvlText")) or "",
        suffix=_val(lvl.find(f"{_W}suff")) or "tab",
        restart=_int(_val(restart), 0) if restart is not None else None,
    )


_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")),
    *((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")),
)


def _roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _letters(value: int) -> str:
    # Word's letter numbering repeats the letter past z: a … z, aa … zz.
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _format_number(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _val(element: ElementTree.Element | None) -> str | None:
    return None if element is None else element.get(f"{_W}val")


def _int(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


# --- styles: numbering and fonts a paragraph or run takes from its style -------------------------


@dataclass
class _Styles:
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    fonts: dict[str, str] = field(default_factory=dict)
    default_font: str | None = None

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        defaults = root.find(f"{_W}docDefaults")
        if defaults is not None:
            styles.default_font = _font(defaults.find(f".//{_W}rFonts"))
        based: dict[str, str] = {}
        for style in root.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId", "")
            parent = _val(style.find(f"{_W}basedOn"))
            if parent:
                based[style_id] = parent
            num = style.find(f"{_W}pPr/{_W}numPr")
            if num is not None:
                styles.numbering[style_id] = (
                    _val(num.find(f"{_W}numId")) or "",
                    _int(_val(num.find(f"{_W}ilvl")), 0),
                )
            font = _font(style.find(f"{_W}rPr/{_W}rFonts"))
            if font:
                styles.fonts[style_id] = font
        # A style without its own font or list takes its parent's (bounded: no cycles followed).
        for style_id in list(based):
            chain, current = 0, style_id
            while current in based and chain < 20:
                current, chain = based[current], chain + 1
                if style_id not in styles.fonts and current in styles.fonts:
                    styles.fonts[style_id] = styles.fonts[current]
                if style_id not in styles.numbering and current in styles.numbering:
                    styles.numbering[style_id] = styles.numbering[current]
        return styles


def _font(fonts: ElementTree.Element | None) -> str | None:
    if fonts is None:
        return None
    return fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi") or fonts.get(f"{_W}cs")


# --- legacy fonts --------------------------------------------------------------------------------


def legacy_encoding(font: str | None) -> str | None:
    """ "tcvn3" for the ABC fonts (".VnTime", ".VnArialH"), "vni" for "VNI-Times" and its family."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def _font_bytes(text: str) -> bytes:
    """The bytes a legacy font's text was typed as: Word stored each byte as the Windows-1252
    character with that code (and the control range as itself)."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out += char.encode("latin-1", errors="replace")
    return bytes(out)


def decode_legacy_run(text: str, font: str | None) -> str:
    """A run's text as the reader saw it on screen in its legacy font; other fonts unchanged."""
    encoding = legacy_encoding(font)
    if encoding is None or text.isascii():
        return text
    raw = _font_bytes(text)
    decoded = decode_tcvn3(raw) if encoding == "tcvn3" else decode_vni(raw)
    if encoding == "tcvn3" and font and font.strip().lower().endswith("h"):
        # ".VnTimeH" is the capitals font: it shows the lower-case codes as capitals.
        decoded = decoded.upper()
    return unicodedata.normalize("NFC", decoded)


# --- paragraphs and runs -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    markup: bool = False
    """Text the importer made (a footnote mark), written as it is."""


def tag(name: str) -> str:
    """A tag of the importer's own, as the placeholder that becomes real markup at the end."""
    return f"{TAG_OPEN}{name}{TAG_CLOSE}"


def _on(element: ElementTree.Element | None) -> bool:
    if element is None:
        return False
    return (element.get(f"{_W}val") or "true").lower() not in ("0", "false", "off", "none")


@dataclass(frozen=True)
class _Block:
    text: str
    """As Markdown, with the formatting."""
    plain: str
    """The words alone: how header and signature tables are read."""


@dataclass
class _Reader:
    numbering: _Numbering
    styles: _Styles
    footnote_ids: dict[str, int] = field(default_factory=dict)
    """Footnote or endnote part and id -> the number shown, in order of first reference."""

    # --- blocks ---

    def blocks(self, element: ElementTree.Element, depth: int = 0) -> Iterator[_Block]:
        """The text blocks of a body-level element (paragraph, table, content control)."""
        if depth > MAX_DEPTH:
            raise DocxError(_BROKEN)
        tag_name = element.tag
        if tag_name == f"{_W}p":
            yield from self.paragraph(element, depth)
        elif tag_name == f"{_W}tbl":
            yield from self.table(element, depth)
        elif tag_name in (
            f"{_W}sdt",
            f"{_W}sdtContent",
            f"{_W}customXml",
            f"{_W}ins",
            f"{_MC}AlternateContent",
        ):
            for child in self._chosen(element):
                yield from self.blocks(child, depth + 1)

    def _chosen(self, element: ElementTree.Element) -> list[ElementTree.Element]:
        """The children to read: one branch of mc:AlternateContent (the first choice, or the
        fallback when there is no choice), the content of a content control."""
        if element.tag == f"{_MC}AlternateContent":
            branch = element.find(f"{_MC}Choice")
            if branch is None:
                branch = element.find(f"{_MC}Fallback")
            return list(branch) if branch is not None else []
        if element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            return list(content) if content is not None else []
        return list(element)

    def paragraph(self, p: ElementTree.Element, depth: int) -> Iterator[_Block]:
        """A paragraph as one block: its number, its runs with their formatting. Text boxes
        anchored in it come first, each of their paragraphs a block of its own."""
        boxes: list[_Block] = []
        pieces: list[_Piece] = []
        style = _val(p.find(f"{_W}pPr/{_W}pStyle"))
        font = self.styles.fonts.get(style or "", self.styles.default_font)
        self._runs(p, pieces, boxes, font, depth)
        yield from boxes
        label = self._label(p, style)
        text = _render(pieces)
        plain = "".join(piece.text for piece in pieces if not piece.markup)
        if not text.strip():
            return
        if label:
            wrapped = _whole_emphasis(text)
            text = f"{wrapped[0]}{label} {wrapped[1]}{wrapped[2]}" if wrapped else f"{label} {text}"
            plain = f"{label} {plain}"
        yield _Block(text, plain)

    def _label(self, p: ElementTree.Element, style: str | None) -> str | None:
        num = p.find(f"{_W}pPr/{_W}numPr")
        if num is not None:
            num_id = _val(num.find(f"{_W}numId")) or ""
            ilvl = _int(_val(num.find(f"{_W}ilvl")), 0)
        elif style and style in self.styles.numbering:
            num_id, ilvl = self.styles.numbering[style]
        else:
            return None
        return self.numbering.label(num_id, ilvl) or None

    def _runs(
        self,
        element: ElementTree.Element,
        pieces: list[_Piece],
        boxes: list[_Block],
        font: str | None,
        depth: int,
    ) -> None:
        if depth > MAX_DEPTH:
            raise DocxError(_BROKEN)
        for child in self._chosen(element) if element.tag == f"{_MC}AlternateContent" else list(element):
            name = child.tag
            if name == f"{_W}r":
                self._run(child, pieces, boxes, font, depth + 1)
            elif name in (f"{_W}del", f"{_W}pPr", f"{_W}rPr", f"{_W}moveFrom"):
                continue  # deleted revisions and properties are no text
            elif name == f"{_W}txbxContent":
                for block in child:
                    boxes.extend(self.blocks(block, depth + 1))
            else:
                # Hyperlinks, inserted revisions, fields, content controls, smart tags, text box
                # shapes (w:pict, w:drawing and what they hold): read what they contain.
                self._runs(child, pieces, boxes, font, depth + 1)

    def _run(
        self, r: ElementTree.Element, pieces: list[_Piece], boxes: list[_Block], font: str | None, depth: int
    ) -> None:
        props = r.find(f"{_W}rPr")
        bold = italic = underline = False
        if props is not None:
            bold = _on(props.find(f"{_W}b"))
            italic = _on(props.find(f"{_W}i"))
            underline = _on(props.find(f"{_W}u"))
            font = _font(props.find(f"{_W}rFonts")) or self.styles.fonts.get(
                _val(props.find(f"{_W}rStyle")) or "", font
            )
        text: list[str] = []

        def flush() -> None:
            if text:
                raw = _PRIVATE_USE.sub("", "".join(text))
                pieces.append(_Piece(decode_legacy_run(raw, font), bold, italic, underline))
                text.clear()

        for child in r:
            name = child.tag
            if name == f"{_W}t" and child.text:
                text.append(child.text)
            elif name == f"{_W}tab":
                text.append("\t")
            elif name in (f"{_W}br", f"{_W}cr"):
                text.append("\n")
            elif name == f"{_W}noBreakHyphen":
                text.append("-")
            elif name in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
                flush()
                kind = "footnote" if name == f"{_W}footnoteReference" else "endnote"
                key = f"{kind}:{child.get(f'{_W}id', '')}"
                number = self.footnote_ids.setdefault(key, len(self.footnote_ids) + 1)
                pieces.append(_Piece(f"{tag('sup')}{number}{tag('/sup')}", markup=True))
            elif name in (f"{_MC}AlternateContent", f"{_W}pict", f"{_W}drawing", f"{_W}object"):
                flush()
                self._runs(child, pieces, boxes, font, depth + 1)
        flush()

    # --- tables ---

    def table(self, tbl: ElementTree.Element, depth: int) -> Iterator[_Block]:
        rows = self._cells(tbl, depth)
        if _is_layout_table(rows):
            # Header and signature tables: their lines, cell by cell, as the importer has always
            # read them ("BAN TUYÊN GIÁO", "Số 30-HD/BTGTW", "T/M BAN THƯỜNG VỤ" …).
            for row in rows:
                for cell in row:
                    yield from (_Block(block.plain, block.plain) for block in cell if block.plain.strip())
            return
        width = max((len(row) for row in rows), default=0)
        if width == 0:
            return
        simple = all(
            len(cell) <= 1 and "\n" not in "".join(b.text for b in cell) for row in rows for cell in row
        )
        if simple:
            lines = []
            for index, row in enumerate(rows):
                cells = [_pipe_cell(cell[0].text if cell else "") for cell in row]
                cells += [""] * (width - len(cells))
                lines.append("| " + " | ".join(cells) + " |")
                if index == 0:
                    lines.append("|" + "|".join([" --- "] * width) + "|")
            table = "\n".join(lines)
            yield _Block(table, table)
            return
        # Cells with several paragraphs or a list: an HTML table, on one line so that the line-based
        # stages keep it whole.
        html = [tag("table"), tag("tbody")]
        for row in rows:
            html.append(tag("tr"))
            for cell in row:
                html.append(tag("td"))
                html.extend(f"{tag('p')}{_html_inline(block.text)}{tag('/p')}" for block in cell)
                html.append(tag("/td"))
            html.append(tag("/tr"))
        html += [tag("/tbody"), tag("/table")]
        yield _Block("".join(html), " ".join(b.plain for row in rows for cell in row for b in cell))

    def _cells(self, tbl: ElementTree.Element, depth: int) -> list[list[list[_Block]]]:
        """Rows of cells of paragraphs; a merged cell keeps its place (its text once), a nested
        table's cells become paragraphs of the cell that holds it."""
        rows: list[list[list[_Block]]] = []
        for tr in _children(tbl, f"{_W}tr"):
            row: list[list[_Block]] = []
            for tc in _children(tr, f"{_W}tc"):
                span = _int(_val(tc.find(f"{_W}tcPr/{_W}gridSpan")), 1)
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                paragraphs: list[_Block] = []
                if merge is None or _val(merge) == "restart":
                    for child in tc:
                        if child.tag == f"{_W}tcPr":
                            continue
                        paragraphs.extend(self.blocks(child, depth + 1))
                row.append(paragraphs)
                row.extend([] for _ in range(min(span, 64) - 1))
            rows.append(row)
        return rows


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    """Direct children named `name`, looking through content controls and inserted revisions."""
    for child in element:
        if child.tag == name:
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
            yield from _children(child, name)


# Words that only the header and the signature tables of a document hold.
_LAYOUT_WORDS = re.compile(
    r"dang cong san viet nam|cong hoa xa hoi chu nghia|doc lap - tu do|noi nhan"
    r"|(?:^|\s)so\s*:?\s*\d|ngay\s+\d{1,2}\s+thang|(?:^|\s)(?:t/m|k/t|t/l|tm\.|kt\.|tl\.)\s"
)
LAYOUT_MAX = (3, 2)
"""A header or signature table has at most this many rows and columns."""


def _is_layout_table(rows: list[list[list[_Block]]]) -> bool:
    if not rows or len(rows) > LAYOUT_MAX[0] or max(len(row) for row in rows) > LAYOUT_MAX[1]:
        return False
    text = fold("\n".join(block.plain for row in rows for cell in row for block in cell))
    return _LAYOUT_WORDS.search(text) is not None


def _pipe_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\t", " ").strip()


def _html_inline(text: str) -> str:
    """A cell paragraph for an HTML table: Markdown emphasis does not work inside HTML blocks."""
    text = text.replace("&", "&amp;").replace("\n", tag("br"))
    text = re.sub(
        r"\*\*\*(.+?)\*\*\*", lambda m: f"{tag('strong')}{tag('em')}{m[1]}{tag('/em')}{tag('/strong')}", text
    )
    text = re.sub(r"\*\*(.+?)\*\*", lambda m: f"{tag('strong')}{m[1]}{tag('/strong')}", text)
    return re.sub(r"\*(.+?)\*", lambda m: f"{tag('em')}{m[1]}{tag('/em')}", text)


_EMPHASIS = {(True, False): "**", (False, True): "*", (True, True): "***", (False, False): ""}


def _render(pieces: list[_Piece]) -> str:
    """Runs as Markdown: neighbouring runs with the same formatting merged, the marks put around
    the words and never around the spaces (Markdown ignores `** word**`)."""
    merged: list[_Piece] = []
    for piece in pieces:
        if merged and not piece.markup and not merged[-1].markup:
            last = merged[-1]
            same = (last.bold, last.italic, last.underline) == (piece.bold, piece.italic, piece.underline)
            if same or not piece.text.strip():
                merged[-1] = _Piece(last.text + piece.text, last.bold, last.italic, last.underline)
                continue
        merged.append(piece)
    out: list[str] = []
    for piece in merged:
        if piece.markup:
            out.append(piece.text)
            continue
        out.append("\n".join(_formatted(line, piece) for line in piece.text.split("\n")))
    return "".join(out)


def _formatted(text: str, piece: _Piece) -> str:
    core = text.strip(" \t")
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip(" \t"))]
    trail = text[len(text.rstrip(" \t")) :]
    mark = _EMPHASIS[(piece.bold, piece.italic)]
    core = f"{mark}{core}{mark}"
    if piece.underline:
        core = f"{tag('u')}{core}{tag('/u')}"
    return f"{lead}{core}{trail}"


_WHOLE = re.compile(r"^(\*{1,3})([^*\n]+?)(\1)$")


def _whole_emphasis(text: str) -> tuple[str, str, str] | None:
    """ "**MỤC ĐÍCH**" -> ("**", "MỤC ĐÍCH", "**"): a paragraph emphasised as a whole, whose number
    Word shows emphasised too."""
    match = _WHOLE.match(text)
    return (match[1], match[2], match[3]) if match else None


# --- the document ----------------------------------------------------------------------------------


def _body_blocks(chunks: Iterator[bytes], reader: _Reader) -> Iterator[_Block]:
    """The body's blocks, parsed as a stream: each top-level paragraph or table is read, then
    dropped, so memory holds one of them at a time."""
    parser: ElementTree.XMLPullParser[Any] = ElementTree.XMLPullParser(events=("start", "end"))
    depth = 0
    body: ElementTree.Element | None = None
    for chunk in chunks:
        parser.feed(chunk)
        events: Iterator[Any] = parser.read_events()
        for event, element in events:
            if not isinstance(element, ElementTree.Element):
                continue
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    raise DocxError(_BROKEN)
                if depth == 2 and element.tag == f"{_W}body":
                    body = element
                continue
            depth -= 1
            if depth == 2 and body is not None:
                yield from reader.blocks(element)
                body.remove(element)
            elif depth == 1 and element.tag != f"{_W}body":
                element.clear()
    parser.close()


def _notes(root: ElementTree.Element | None, kind: str, reader: _Reader) -> dict[str, str]:
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root.iter(f"{_W}{kind}"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        blocks = [block.text.strip() for child in note for block in reader.blocks(child)]
        notes[f"{kind}:{note.get(f'{_W}id', '')}"] = " ".join(b for b in blocks if b)
    return notes


def read_docx(raw: bytes) -> str:
    """The text of a .docx file's body, then its footnotes after `FOOTNOTES_MARK`. Raises DocxError
    when it is not one."""
    if not raw:
        raise DocxError("tệp rỗng")
    if raw.startswith(OLE2_MAGIC):
        raise DocxError(OLD_WORD)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocxError(
            "không phải tệp .docx hợp lệ (không phải tệp nén zip); nếu là tệp .doc cũ, hãy mở bằng Word "
            "và lưu lại dạng .docx"
        ) from exc
    with archive:
        if len(archive.infolist()) > MAX_MEMBERS:
            raise DocxError(_TOO_LARGE)
        info = _member(archive, DOCUMENT_XML)
        if info is None:
            raise DocxError(f"tệp .docx thiếu phần {DOCUMENT_XML}; hãy mở bằng Word và lưu lại")
        budget = _Budget()
        try:
            reader = _Reader(
                _Numbering.read(_parse_whole(archive, NUMBERING_XML, budget)),
                _Styles.read(_parse_whole(archive, STYLES_XML, budget)),
            )
            blocks = [b.text for b in _body_blocks(_chunks(archive, info, budget), reader) if b.text.strip()]
            notes = {
                **_notes(_parse_whole(archive, FOOTNOTES_XML, budget), "footnote", reader),
                **_notes(_parse_whole(archive, ENDNOTES_XML, budget), "endnote", reader),
            }
        except (
            ElementTree.ParseError,
            zipfile.BadZipFile,
            OSError,
            EOFError,
            RuntimeError,
            ValueError,
        ) as exc:
            if isinstance(exc, DocxError):
                raise
            raise DocxError(_BROKEN) from exc
    text = "\n\n".join(blocks)
    shown = [
        f"{tag('sup')}{number}{tag('/sup')} {notes[key]}"
        for key, number in sorted(reader.footnote_ids.items(), key=lambda item: item[1])
        if notes.get(key)
    ]
    if shown:
        text += f"\n\n{FOOTNOTES_MARK}\n\n" + "\n\n".join(shown)
    return text


OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
"""The first bytes of a Word 97-2003 .doc (an OLE2 compound file)."""
OLD_WORD = (
    "đây là tệp Word .doc cũ (Word 97-2003), không đọc được; hãy mở tệp bằng Word hoặc LibreOffice, "
    "chọn Lưu thành (Save As) kiểu Word Document (.docx) rồi nhập tệp .docx đó"
)
