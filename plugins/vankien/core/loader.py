"""Load an archive folder: read every file once, validate everything in one pass.

Each problem is reported with the file and line and what to do; the caller
decides whether warnings fail (``vankien check --strict``, ``mkdocs build --strict``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from vankien.core.archive import Archive
from vankien.core.dates import format_date
from vankien.core.frontmatter import FrontMatterError, parse
from vankien.core.identity import derived_id, document_url, unique_id
from vankien.core.issuers import IssuerRegistry, load_registry
from vankien.core.model import Document
from vankien.core.problems import ProblemList
from vankien.core.schema import DocumentReader
from vankien.core.urls import DOCUMENTS

DOCUMENT_SUFFIX = ".md"


def document_files(root: Path) -> list[Path]:
    """Every document file, sorted; files and folders starting with "_" or "." are the editor's own."""
    return sorted(
        path
        for path in root.rglob(f"*{DOCUMENT_SUFFIX}")
        if path.is_file()
        and not any(part.startswith(("_", ".")) for part in path.relative_to(root).parts)
        and path.name.lower() != "readme.md"
    )


def load_archive(
    root: Path, *, today: dt.date | None = None, display_root: str | None = None, url_prefix: str = DOCUMENTS
) -> Archive:
    """Load the archive in `root`. Paths in problems start with `display_root` (default: the folder name)."""
    today = today or dt.date.today()
    shown_root = f"{root.name}/" if display_root is None else display_root
    problems = ProblemList()
    if not root.is_dir():
        problems.error(
            shown_root.rstrip("/") or str(root), 0, "no-archive", f"không tìm thấy thư mục văn bản `{root}`"
        )
        return Archive(root, problems=problems)
    registry = load_registry(root, problems, shown_root)
    documents: list[Document] = []
    for path in document_files(root):
        shown = shown_root + path.relative_to(root).as_posix()
        document = _load_file(path, shown, problems, registry, today)
        if document is not None:
            documents.append(document)
    _assign_identities(documents, problems, url_prefix)
    return Archive(root, documents, registry, problems)


def _load_file(
    path: Path, shown: str, problems: ProblemList, registry: IssuerRegistry, today: dt.date
) -> Document | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.error(
            shown,
            line,
            "not-utf8",
            "tệp không phải UTF-8 (có thể là TCVN3/VNI hoặc Windows-1258); hãy lưu lại với "
            "bảng mã UTF-8, hoặc dùng `vankien import` để chuyển đổi",
        )
        return None
    try:
        front_matter = parse(text)
    except FrontMatterError as exc:
        problems.error(shown, exc.line, "yaml", exc.message)
        return None
    return DocumentReader(shown, front_matter, problems, registry, today).read()


def _assign_identities(documents: list[Document], problems: ProblemList, url_prefix: str) -> None:
    """Give every document its id and URL; duplicates are errors on the later file."""
    by_identity: dict[object, Document] = {}
    by_url: dict[str, Document] = {}
    kept: list[Document] = []
    for document in documents:
        document.slug = (
            document.id
            or derived_id(document.symbol, document.type, document.issuer, document.date, document.title)
            or ""
        )
        if not document.slug:
            problems.error(
                document.path,
                1,
                "no-identity",
                "văn bản không có số ký hiệu và chưa rõ ngày ban hành nên không tự đặt được địa chỉ; "
                "thêm trường `id`, vd. `id: hd-thanh-uy-bac-kan-tuyen-truyen-xdd`",
            )
            continue
        identity = document.identity
        if identity is not None and identity in by_identity:
            first = by_identity[identity]
            problems.error(
                document.path,
                document.line_of("symbol"),
                "duplicate-identity",
                f"trùng văn bản với `{first.path}`: cùng số ký hiệu {identity[0]} và ngày ban hành "
                f"{format_date(identity[1])}; xóa bản trùng hoặc sửa số/ngày",
            )
            continue
        document.url = document_url(document, url_prefix)
        if document.url in by_url:
            first = by_url[document.url]
            problems.error(
                document.path,
                document.line_of("id") if "id" in document.lines else 1,
                "duplicate-url",
                f"trùng địa chỉ /{document.url} với `{first.path}`; thêm hoặc sửa trường `id` "
                "để phân biệt hai văn bản",
            )
            continue
        if identity is not None:
            by_identity[identity] = document
        by_url[document.url] = document
        kept.append(document)
    slug_count = Counter(d.slug for d in kept)
    by_id: dict[str, Document] = {}
    documents[:] = []
    for document in kept:
        document.id = unique_id(document, slug_count[document.slug] > 1)
        if document.id in by_id:
            problems.error(
                document.path,
                document.line_of("id"),
                "duplicate-id",
                f"mã định danh `{document.id}` đã dùng cho `{by_id[document.id].path}`; đặt `id` khác",
            )
            continue
        by_id[document.id] = document
        documents.append(document)
