"""Write an imported document into the archive: front matter in the schema's order, readable path.

The file goes to `<archive>/<year or chua-ro-ngay>/<id>.md`. An existing file is
never replaced without `force`; the write is atomic (a temporary file in the same
folder, then a rename), so an interrupted import never leaves half a document.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from vankien.core.doctypes import GENERIC, doc_type
from vankien.core.identity import derived_id, explicit_id_for, readable_id
from vankien.core.model import Citation
from vankien.core.schema import FIELDS, UNKNOWN
from vankien.core.symbols import parse_symbol
from vankien.core.urls import UNKNOWN_DATE_FOLDER
from vankien.importer.model import Imported

UNKNOWN_TITLE = "Chưa rõ trích yếu"


class WriteError(ValueError):
    """The file could not be written; message in Vietnamese."""


def document_id(doc: Imported) -> tuple[str, bool]:
    """(id, whether it must be written): a numbered document is named by its symbol, which the
    loader derives again at every build; every other document gets its id written once
    (`core.identity.explicit_id_for`), so correcting its issuer or title later never moves its page."""
    if doc.explicit_id:
        return doc.explicit_id, True
    kind = (doc_type(doc.type) if doc.type else None) or GENERIC
    explicit = explicit_id_for(doc.symbol, kind, doc.issuer, doc.date, doc.title or "")
    if explicit is not None:
        return explicit, True
    derived = derived_id(
        parse_symbol(doc.symbol) if doc.symbol else None, kind, doc.issuer, doc.date, doc.title or ""
    )
    return derived or readable_id(kind, doc.issuer, doc.title or ""), derived is None


def named_by_content(doc: Imported) -> bool:
    """Whether the document's id comes from what identifies it (number, or type, issuer, day and
    title): the same text imported again is then the same document and the same file, never a
    second one. News and texts lacking a day or an issuer get a readable name two texts may share."""
    kind = (doc_type(doc.type) if doc.type else None) or GENERIC
    if kind.news:
        return False
    symbol = parse_symbol(doc.symbol) if doc.symbol else None
    return derived_id(symbol, kind, doc.issuer, doc.date, doc.title or "") is not None


def relative_path(doc: Imported) -> Path:
    folder = str(doc.date.year) if doc.date else UNKNOWN_DATE_FOLDER
    return Path(folder) / f"{document_id(doc)[0]}.md"


def _citation(citation: Citation) -> str | dict[str, Any]:
    if not citation.external and not citation.note:
        return citation.text
    entry: dict[str, Any] = {"ref": citation.text}
    if citation.external:
        entry["external"] = True
    if citation.note:
        entry["note"] = citation.note
    return entry


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def front_matter(
    doc: Imported, *, source: str | None = None, note: str | None = None, original_file: str | None = None
) -> dict[str, Any]:
    """The front-matter fields in the order the schema lists them."""
    doc_id, explicit = document_id(doc)
    values: dict[str, Any] = {
        "id": doc_id if explicit else None,
        "symbol": doc.symbol,
        "type": doc.type or UNKNOWN,
        "issuer": doc.issuer or UNKNOWN,
        "date": doc.date.strftime("%d/%m/%Y") if doc.date else UNKNOWN,
        "title": _capitalise(doc.title) if doc.title else UNKNOWN_TITLE,
        "signer": {k: v for k, v in vars(doc.signer).items() if v} if doc.signer else None,
        "recipients": doc.recipients or None,
        "relations": {
            kind: [_citation(c) for c in citations]
            for kind, citations in (("basis", doc.basis), ("about", doc.about))
            if citations
        }
        or None,
        "source": doc.source if doc.kind == "news" else source,
        "place": doc.place,
        "author": doc.author,
        "time": doc.time,
        "note": note,
        "original_file": original_file,
    }
    if doc.kind == "news" and source:
        values["note"] = f"{note} {source}." if note else f"{source}."
    return {key: values[key] for key in FIELDS if values.get(key) not in (None, "", [], {})}


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, as editors write them by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def render(
    doc: Imported, *, source: str | None = None, note: str | None = None, original_file: str | None = None
) -> str:
    fields = front_matter(doc, source=source, note=note, original_file=original_file)
    head = yaml.dump(
        fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    body = doc.body.strip()
    return f"---\n{head}---\n" + (f"\n{body}\n" if body else "")


def write_document(path: Path, text: str, *, force: bool = False) -> None:
    """Write atomically; an existing file is an error unless `force`."""
    write_bytes(path, text.encode("utf-8"), force=force)


def write_bytes(path: Path, content: bytes, *, force: bool = False) -> None:
    """Write atomically (a temporary file in the same folder, then a rename); an existing file is
    an error unless `force`."""
    if path.exists() and not force:
        raise WriteError(f"đã có tệp {path}; dùng --force để ghi đè")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


ORIGINAL_KINDS = (".docx",)
"""Imported files kept beside the document as its original: the Word files the importer reads
(a .txt is a transcription, not an original)."""


def original_name(source: Path, target: Path) -> str | None:
    """The name the imported file gets beside the document (`39-hd-btgtu.docx`), None when the
    file is not kept as an original."""
    suffix = source.suffix.lower()
    return target.with_suffix(suffix).name if suffix in ORIGINAL_KINDS else None


REGISTRY_HEADER = """# Danh mục cơ quan ban hành — biên tập viên sửa trực tiếp tệp này.
# Mỗi cơ quan: name (tên đầy đủ, duy nhất), code (ký hiệu trong số văn bản, có thể trùng
# giữa nhiều cơ quan, vd. TW), parent (cơ quan cấp trên, ghi đúng tên trong danh mục),
# level (Trung ương, tỉnh, huyện, cơ sở), aliases (các cách viết khác gặp trong văn bản),
# from / until (ngày đầu và ngày cuối cơ quan hoạt động), successor (cơ quan kế thừa khi sáp nhập).
"""


def append_registry(path: Path, entries: str) -> None:
    """Add entries (YAML list items) at the end of `co-quan.yml`, atomically; create it if missing."""
    current = path.read_text(encoding="utf-8") if path.exists() else REGISTRY_HEADER
    text = current.rstrip("\n") + "\n\n" + entries
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
