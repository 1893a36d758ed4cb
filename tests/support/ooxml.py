"""A small writer of raw WordprocessingML (.docx) for test files, independent of the reader.

It writes what Word writes and the importer must read: list numbering in numbering.xml (levels,
formats, restarts by a start override), tables, text boxes as Word stores them (an
`mc:AlternateContent` whose Choice and Fallback both hold the text), footnotes, runs with bold,
italic, underline and a font name. Text is escaped here; the tests pass real texts.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)


def run(text: str, *, b: bool = False, i: bool = False, u: bool = False, font: str | None = None) -> str:
    props = "".join(
        [
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else "",
            "<w:b/>" if b else "",
            "<w:i/>" if i else "",
            '<w:u w:val="single"/>' if u else "",
        ]
    )
    parts = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in parts)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def footnote_ref(note_id: int) -> str:
    return (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def para(*runs: str, num: tuple[int, int] | None = None, center: bool = False) -> str:
    props = ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if center:
        props += '<w:jc w:val="center"/>'
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(runs)}</w:p>"


def table(rows: list[list[list[str]]], *, borders: bool = False) -> str:
    """Rows of cells of paragraphs (each already a `para`)."""
    grid = "".join("<w:gridCol/>" for _ in rows[0])
    border = (
        '<w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/>'
        '<w:insideV w:val="single"/></w:tblBorders>'
        if borders
        else ""
    )
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{''.join(cell) or '<w:p/>'}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{border}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def text_box(*paragraphs: str) -> str:
    """A run holding a text box the way Word 2010+ saves it: the DrawingML shape as the Choice and a
    VML copy of the same text as the Fallback for older readers."""
    content = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


@dataclass
class Lists:
    """numbering.xml: abstract lists (level formats) and list instances (with start overrides)."""

    abstract: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    instances: dict[int, tuple[int, dict[int, int]]] = field(default_factory=dict)

    def xml(self) -> str:
        out = [f"<w:numbering {NS}>"]
        for abstract_id, levels in self.abstract.items():
            out.append(f'<w:abstractNum w:abstractNumId="{abstract_id}">')
            for level, (fmt, text) in enumerate(levels):
                out.append(
                    f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{escape(text)}"/><w:suff w:val="space"/></w:lvl>'
                )
            out.append("</w:abstractNum>")
        for num_id, (abstract_id, overrides) in self.instances.items():
            out.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>')
            out.extend(
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                for level, start in overrides.items()
            )
            out.append("</w:num>")
        out.append("</w:numbering>")
        return "".join(out)


def package(body: list[str], *, lists: Lists | None = None, footnotes: dict[int, str] | None = None) -> bytes:
    """The .docx bytes: content types, relationships, the document and its parts."""
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
    document += "".join(body) + "<w:sectPr/></w:body></w:document>"
    rels = [
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
    ]
    types = [
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/>',
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.styles+xml"/>',
    ]
    parts = {
        "word/document.xml": document,
        "word/styles.xml": f"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault>'
        "</w:docDefaults></w:styles>",
    }
    if lists is not None:
        parts["word/numbering.xml"] = lists.xml()
        rels.append(
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/>'
        )
        types.append(
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.numbering+xml"/>'
        )
    if footnotes:
        notes = [
            f"<w:footnotes {NS}>",
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            "</w:r></w:p></w:footnote>",
        ]
        notes += [
            f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f"<w:footnoteRef/></w:r>{run(' ' + text)}</w:p></w:footnote>"
            for note_id, text in footnotes.items()
        ]
        notes.append("</w:footnotes>")
        parts["word/footnotes.xml"] = "".join(notes)
        rels.append(
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/footnotes" Target="footnotes.xml"/>'
        )
        types.append(
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footnotes+xml"/>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/>' + "".join(types) + "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">' + "".join(rels) + "</Relationships>",
        )
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return buffer.getvalue()
