"""Load an archive folder: read every file once, validate everything in one pass.

Each problem is reported with the file and line and what to do; the caller
decides whether warnings fail (``vankien check --strict``, ``mkdocs build --strict``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from vankien.core import original_file
from vankien.core.archive import Archive
from vankien.core.confidentiality import PUBLIC, level_of
from vankien.core.dates import format_date
from vankien.core.frontmatter import FrontMatterError, parse
from vankien.core.identity import derived_id, document_url, unique_id
from vankien.core.issuers import REGISTRY_FILE, IssuerRegistry, load_registry
from vankien.core.model import Document
from vankien.core.problems import ProblemList
from vankien.core.redirects import check_collisions
from vankien.core.schema import DocumentReader
from vankien.core.urls import DOCUMENTS

DOCUMENT_SUFFIX = ".md"


ORIGINAL_SUFFIXES = (*original_file.SUFFIXES, ".odt", ".rtf")
"""Files an editor may keep beside a document as its original; some document's `original_file` or
`source` names them."""


@dataclass
class ArchiveFiles:
    """What a walk of the archive folder found."""

    documents: list[Path] = field(default_factory=list)
    others: list[Path] = field(default_factory=list)
    """Files that are neither documents nor the registry: reported, never silently skipped."""
    read: int = 0
    """Files looked at (documents, the registry and the others)."""


def _hidden(name: str) -> bool:
    return name.startswith(("_", "."))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def scan_archive(root: Path, problems: ProblemList, shown_root: str) -> ArchiveFiles:
    """Every file of the archive, symlinks confined: one pointing outside the folder is an error
    and is not read; one pointing inside is read once, through its target; a loop is reported.
    Files and folders starting with "_" or "." are the editor's own."""
    found = ArchiveFiles()
    real_root = root.resolve()
    seen: set[Path] = set()
    for folder, subfolders, names in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in list(subfolders):
            path = here / name
            if _hidden(name):
                subfolders.remove(name)
            elif path.is_symlink():
                subfolders.remove(name)
                _check_link(path, real_root, root, shown_root, problems)
        for name in sorted(names):
            path = here / name
            if _hidden(name):
                continue
            if path.is_symlink():
                target = _check_link(path, real_root, root, shown_root, problems)
                if target is None or not target.is_file():
                    continue
                real = target
            else:
                real = path.resolve()
            if real in seen:
                continue  # a link inside the archive to a file read already
            seen.add(real)
            found.read += 1
            if path.suffix == DOCUMENT_SUFFIX:
                if name.lower() != "readme.md":
                    found.documents.append(path)
            elif not (here == root and name == REGISTRY_FILE):
                found.others.append(path)
    found.documents.sort()
    found.others.sort()
    return found


def _check_link(
    path: Path, real_root: Path, root: Path, shown_root: str, problems: ProblemList
) -> Path | None:
    """The target of a link inside the archive, or None after reporting why it is not read."""
    shown = shown_root + path.relative_to(root).as_posix()
    try:
        target = path.resolve(strict=True)
    except (RuntimeError, OSError):
        looped = path.exists() is False and path.is_symlink()
        problems.error(
            shown,
            0,
            "bad-link",
            "liên kết (symlink) hỏng hoặc tự trỏ vòng; không đọc. Xóa liên kết hoặc thay bằng tệp thật"
            if looped
            else "liên kết (symlink) không đọc được; xóa liên kết hoặc thay bằng tệp thật",
        )
        return None
    if not _inside(target, real_root):
        problems.error(
            shown,
            0,
            "link-outside",
            "liên kết (symlink) trỏ ra ngoài thư mục kho; không đọc và không xuất bản. Chép văn bản vào kho "
            "nếu nó thuộc kho",
        )
        return None
    return target


def _with_original(document: Document, path: Path, problems: ProblemList) -> Document:
    """The document with its original file found and checked: inside the document's own folder
    (a link out of it is refused), of a kind its bytes show."""
    assert document.original_file is not None
    original = (path.parent / document.original_file).resolve()
    if not original.is_file() or not _inside(original, path.parent.resolve()):
        problems.error(
            document.path,
            document.line_of("original_file"),
            "missing-original",
            f"không tìm thấy tệp bản gốc `{document.original_file}` trong thư mục của văn bản; chép tệp vào "
            "cùng thư mục hoặc sửa tên",
        )
        return document
    kind = original_file.check_original(original)
    if isinstance(kind, str):
        problems.error(document.path, document.line_of("original_file"), "bad-original", kind)
        return document
    return replace(document, original_path=original, original_kind=kind.label)


def _report_other_files(
    others: list[Path], documents: list[Document], root: Path, shown_root: str, problems: ProblemList
) -> None:
    sources = " ".join(d.source or "" for d in documents)
    originals = {d.original_path for d in documents if d.original_path is not None}
    for path in others:
        shown = shown_root + path.relative_to(root).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".md", ".markdown", ".mdown"):
            problems.warning(
                shown,
                0,
                "not-a-document",
                f"tệp có đuôi `{path.suffix}` không được đọc: văn bản của kho phải có đuôi `.md` (chữ thường); "
                "đổi tên tệp",
            )
        elif suffix in ORIGINAL_SUFFIXES:
            if path.resolve() not in originals and path.name not in sources:
                problems.warning(
                    shown,
                    0,
                    "unnamed-original",
                    "không văn bản nào ghi tệp này là bản gốc (trường `original_file`); nhập bằng `vankien import`, "
                    "hoặc ghi tên tệp vào `original_file` của văn bản tương ứng",
                )
        else:
            problems.warning(
                shown,
                0,
                "not-a-document",
                "tệp này không phải văn bản của kho (chỉ đọc tệp `.md` và `co-quan.yml`); nếu là văn bản thô, "
                "nhập bằng `vankien import`, nếu không thì chuyển ra ngoài thư mục kho",
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
    files = scan_archive(root, problems, shown_root)
    documents: list[Document] = []
    levels: dict[str, str | None] = {}
    for path in files.documents:
        shown = shown_root + path.relative_to(root).as_posix()
        document = _load_file(path, shown, problems, registry, today, levels)
        if document is not None and document.original_file:
            document = _with_original(document, path, problems)
        if document is not None:
            documents.append(document)
    _report_other_files(files.others, documents, root, shown_root, problems)
    assign_identities(documents, problems, url_prefix)
    paths = frozenset(shown_root + path.relative_to(root).as_posix() for path in files.documents)
    return Archive(
        root,
        documents,
        registry,
        problems,
        files_read=files.read,
        document_paths=paths,
        declared_levels=levels,
    )


def _load_file(
    path: Path,
    shown: str,
    problems: ProblemList,
    registry: IssuerRegistry,
    today: dt.date,
    levels: dict[str, str | None],
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
    levels[shown] = None
    try:
        front_matter = parse(text)
    except FrontMatterError as exc:
        problems.error(shown, exc.line, "yaml", exc.message)
        return None
    declared = front_matter.data.get("classification")
    levels[shown] = PUBLIC if declared in (None, "") else level_of(str(declared))
    return DocumentReader(shown, front_matter, problems, registry, today).read()


def assign_identities(documents: list[Document], problems: ProblemList, url_prefix: str) -> None:
    """Give every document its id and URL; duplicates are errors on the later file. Run again on a
    projection of the archive, so that a withheld document leaves no trace in the ids and URLs of
    the published ones."""
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
    # Old addresses are checked against the URLs just assigned: in a projection, against the
    # published documents only.
    check_collisions(documents, problems)
