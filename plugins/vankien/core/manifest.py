"""The URL manifest: which address each published document has, written by every build.

The publishing step keeps the manifest of each release (`manifest/urls.json` in the built site).
`vankien check` compares the archive with it and warns about a document whose address changed
with no `redirect_from` entry for the old one: readers' bookmarks and other sites' links would
end on the 404 page. The manifest holds the published projection only (a withheld document is
to the site one the archive never held), and it is deterministic — sorted keys, no time stamp —
so two builds of the same archive write the same bytes and a release's diff shows moved pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vankien.core.archive import Archive
from vankien.core.confidentiality import level_of
from vankien.core.model import Document
from vankien.core.problems import ProblemList
from vankien.core.projection import project
from vankien.core.redirects import FIELD, redirect_targets

MANIFEST_PATH = "manifest/urls.json"
"""Where a build writes the manifest, relative to the site folder."""
FORMAT = "vankien-urls/1"


class ManifestError(ValueError):
    """The manifest cannot be read; message in Vietnamese."""


@dataclass(frozen=True)
class Entry:
    url: str
    """Site-relative URL, as the site writes it ("van-ban/2023/39-hd-btgtu/")."""
    path: str
    """The document's file, relative to the archive folder: finds the document again when its
    id changed too (a corrected symbol changes both)."""


@dataclass(frozen=True)
class UrlManifest:
    level: str
    """The highest độ mật the site published: a later check projects the archive the same way."""
    url_prefix: str
    documents: dict[str, Entry]
    """Document id -> where it was published."""
    redirects: dict[str, str]
    """Old address -> the URL its redirect page sends readers to."""


def build_manifest(published: Archive, level: str, url_prefix: str, shown_root: str = "") -> UrlManifest:
    """The manifest of a site made from `published` (the projection the site was built from);
    `shown_root` is what the archive's paths start with (the folder as the build named it)."""
    targets = redirect_targets(list(published))[0]
    return UrlManifest(
        level,
        url_prefix,
        {document.id: Entry(document.url, document.path.removeprefix(shown_root)) for document in published},
        {old: document.url for old, document in targets.items()},
    )


def dumps(manifest: UrlManifest) -> str:
    data = {
        "format": FORMAT,
        "level": manifest.level,
        "url_prefix": manifest.url_prefix,
        "documents": {
            doc_id: {"url": entry.url, "path": entry.path} for doc_id, entry in manifest.documents.items()
        },
        "redirects": manifest.redirects,
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def loads(text: str) -> UrlManifest:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"không đọc được (JSON lỗi ở dòng {exc.lineno})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ManifestError(f"không phải tệp địa chỉ của trang (cần `format: {FORMAT}`)")
    try:
        documents = {
            str(doc_id): Entry(_text(entry["url"]), _text(entry["path"]))
            for doc_id, entry in _mapping(data["documents"]).items()
        }
        redirects = {_text(old): _text(new) for old, new in _mapping(data.get("redirects", {})).items()}
        level = level_of(_text(data["level"]))
        if level is None:
            raise TypeError("level")
        return UrlManifest(level, _text(data["url_prefix"]), documents, redirects)
    except (KeyError, TypeError) as exc:
        raise ManifestError(f"thiếu hoặc sai trường {exc}") from exc


def read_manifest(path: Path) -> UrlManifest:
    try:
        return loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"không đọc được tệp: {exc}") from exc


def compare(
    archive: Archive, manifest: UrlManifest, shown_manifest: str, shown_root: str = ""
) -> ProblemList:
    """Warnings for published documents whose address moved since `manifest` with no redirect.

    `archive` is the full archive as loaded (as `vankien check` sees it); it is projected the way
    the manifest's site was, so a document is compared with the address that site gave it.
    Documents are found by id, else by file (`shown_root`: what the archive's paths start with):
    a corrected symbol changes the id too."""
    problems = ProblemList()
    current = project(archive, manifest.level, manifest.url_prefix).archive
    by_id = {document.id: document for document in current}
    by_path = {document.path.removeprefix(shown_root): document for document in current}
    by_url = {document.url: document for document in current}
    for doc_id, entry in sorted(manifest.documents.items()):
        document = by_id.get(doc_id) or by_path.get(entry.path)
        if document is None or document.url == entry.url or entry.url in document.redirect_from:
            continue
        old, new = entry.url, document.url
        owner = by_url.get(old)
        if owner is not None:
            message = (
                f"địa chỉ của văn bản đã đổi từ /{old} (trong {shown_manifest}) thành /{new}, và địa chỉ "
                f"cũ nay là của văn bản `{owner.path}`: người đọc theo liên kết cũ sẽ gặp văn bản khác — "
                "kiểm tra lại trường vừa sửa, hoặc đặt `id` để giữ địa chỉ cũ"
            )
        else:
            message = (
                f"địa chỉ của văn bản đã đổi từ /{old} (trong {shown_manifest}) thành /{new}; địa chỉ cũ "
                f"sẽ báo không tìm thấy trang — thêm `{FIELD}: [/{old}]` để địa chỉ cũ chuyển đến địa chỉ mới"
            )
        problems.warning(document.path, _line(document, old, new), "url-changed", message)
    return problems


def _line(document: Document, old: str, new: str) -> int:
    """Where the editor acts: the `redirect_from` list if there is one, else the field that moved
    the page (the year comes from the date; the last segment from the id or the symbol)."""
    if FIELD in document.lines:
        return document.line_of(FIELD)
    old_parts, new_parts = old.strip("/").split("/"), new.strip("/").split("/")
    if old_parts[:-1] != new_parts[:-1]:
        return document.line_of("date")
    for key in ("id", "symbol", "issuer"):
        if key in document.lines:
            return document.line_of(key)
    return 1


def _mapping(value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise TypeError("documents/redirects")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(repr(value))
    return value
