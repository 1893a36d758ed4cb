"""Old addresses of documents (`redirect_from`): what an editor may write, and where they collide.

An address once published is in readers' bookmarks and in other sites' links. When an editor
changes what a URL is made of (a corrected date moves `/van-ban/<year>/…`), the document lists
its old site paths and the build leaves a page at each that sends readers on. A path is the
site-relative part of the old URL only: no scheme or host (the site may be served from any
host and sub-path) and no `..` (a redirect page is never written outside the site).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vankien.core.model import Document
from vankien.core.problems import ProblemList

FIELD = "redirect_from"
PAGE_SUFFIX = ".html"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SEGMENT = re.compile(r"^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$")


@dataclass(frozen=True)
class BadPath:
    """Why a written path cannot be an old address, in Vietnamese (the end of a sentence)."""

    reason: str


def normalise(written: str) -> str | BadPath:
    """The site path of an old address as the site's URLs are written ("van-ban/2023/cu/" for a
    folder, "trang/cu.html" for a page file), or why it cannot be one.

    "/van-ban/2023/cu", "van-ban/2023/cu/" and "./van-ban/2023/cu/" are the same address."""
    text = written.strip()
    if not text:
        return BadPath("để trống")
    if text.startswith("//") or _SCHEME.match(text) or "://" in text:
        return BadPath(
            "phải là đường dẫn trong trang (vd. `/van-ban/2023/hd-cu/`), không ghi `http://`, "
            "tên máy hay tên miền"
        )
    if any(char in text for char in "\\?#%") or any(char.isspace() for char in text):
        return BadPath("chỉ ghi đường dẫn, không có dấu `\\`, `?`, `#`, `%` hay khoảng trắng")
    folder = text.endswith("/")
    segments = [part for part in text.strip("/").split("/")]
    if segments and segments[0] == ".":
        segments = segments[1:]
    if any(part == ".." for part in segments):
        return BadPath("không được có `..`: địa chỉ cũ phải nằm trong trang")
    if not segments or any(not part or part == "." for part in segments):
        return BadPath("không phải một địa chỉ trang (vd. `/van-ban/2023/hd-cu/`)")
    if not all(_SEGMENT.match(part) for part in segments):
        return BadPath(
            "chỉ gồm chữ cái không dấu, chữ số và các dấu `-`, `_`, `.` giữa các dấu `/`, "
            "như địa chỉ trang vẫn viết"
        )
    last = segments[-1]
    if not folder and "." in last:
        if not last.endswith(PAGE_SUFFIX):
            return BadPath(f"phải là địa chỉ một trang: kết thúc bằng `/` hoặc `{PAGE_SUFFIX}`")
        return "/".join(segments)
    return "/".join(segments) + "/"


def output_path(path: str) -> str:
    """The file of the site that answers `path`: a folder's index.html, or the page file itself."""
    return f"{path}index.html" if path.endswith("/") else path


@dataclass(frozen=True)
class Collision:
    document: Document
    index: int
    """Position of the path in the document's `redirect_from`."""
    path: str
    other: Document
    """The document whose current URL, or whose old address, it is (may be `document` itself)."""
    current: bool
    """Whether `path` is `other`'s current URL (else one of its old addresses)."""


def redirect_targets(documents: list[Document]) -> tuple[dict[str, Document], list[Collision]]:
    """Each old address with the document it sends readers to, and the addresses that cannot be
    (an old address must not be a document's current URL: its redirect page would replace that
    document's page; nor another old address: readers can be sent to one document only).
    The first file to list an address keeps it. The site writes only the first dict, so a preview
    that goes on despite errors never writes a redirect over a page."""
    current = {document.url: document for document in documents}
    claimed: dict[str, Document] = {}
    collisions: list[Collision] = []
    for document in documents:
        for index, path in enumerate(document.redirect_from):
            owner = current.get(path)
            if owner is not None:
                collisions.append(Collision(document, index, path, owner, True))
            elif path in claimed:
                collisions.append(Collision(document, index, path, claimed[path], False))
            else:
                claimed[path] = document
    return claimed, collisions


def check_collisions(documents: list[Document], problems: ProblemList) -> None:
    """Report every old address that collides, on the file and line that lists it."""
    for collision in redirect_targets(documents)[1]:
        document, path, other = collision.document, collision.path, collision.other
        if collision.current and other is document:
            message = f"địa chỉ cũ /{path} chính là địa chỉ hiện tại của văn bản này; xóa dòng này"
        elif collision.current:
            message = (
                f"địa chỉ cũ /{path} đang là địa chỉ của văn bản `{other.path}`; không chuyển hướng được "
                "địa chỉ một văn bản đang dùng — xóa dòng này"
            )
        else:
            where = "ở dòng khác của tệp này" if other is document else f"trong `{other.path}`"
            message = (
                f"địa chỉ cũ /{path} đã được khai báo {where}; một địa chỉ cũ chỉ chuyển đến một "
                "văn bản — giữ một dòng"
            )
        line = document.line_of(f"{FIELD}.{collision.index}")
        problems.error(document.path, line, "redirect-collision", message)
