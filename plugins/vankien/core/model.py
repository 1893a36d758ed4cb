"""The document model: what one archive file says about one document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from vankien.core import validity
from vankien.core.confidentiality import LEVELS, PUBLIC
from vankien.core.doctypes import DocType
from vankien.core.frontmatter import nearest_line
from vankien.core.symbols import Symbol


class RelationKind(Enum):
    """Relations stored on the newer document; the older one shows the inverse."""

    BASIS = "basis"
    REPLACES = "replaces"
    AMENDS = "amends"
    REPEALS = "repeals"
    CITES = "cites"
    ABOUT = "about"

    @property
    def label(self) -> str:
        """Heading on the document that holds the relation."""
        return _LABELS[self][0]

    @property
    def inverse_label(self) -> str:
        """Heading on the document the relation points at."""
        return _LABELS[self][1]


_LABELS = {
    RelationKind.BASIS: ("Căn cứ, thực hiện", "Văn bản triển khai"),
    RelationKind.REPLACES: ("Thay thế", "Bị thay thế bởi"),
    RelationKind.AMENDS: ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    RelationKind.REPEALS: ("Bãi bỏ", "Bị bãi bỏ bởi"),
    RelationKind.CITES: ("Dẫn chiếu", "Được dẫn chiếu bởi"),
    RelationKind.ABOUT: ("Đưa tin về", "Tin bài về văn bản này"),
}

STATUSES = validity.STATUSES
DEFAULT_STATUS = validity.UNKNOWN

CLASSIFICATIONS = LEVELS
DEFAULT_CLASSIFICATION = PUBLIC

UNKNOWN_ISSUER_LABEL = "chưa rõ cơ quan ban hành"

# Who signs for whom: T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh), TUQ (thừa ủy quyền), Q. (quyền).
AUTHORITY_PREFIXES = ("T/M", "K/T", "T/L", "TUQ", "Q.")


@dataclass(frozen=True)
class Signer:
    name: str | None = None
    title: str | None = None
    """Chức vụ: "BÍ THƯ", "PHÓ TRƯỞNG BAN"."""
    authority: str | None = None
    """Thẩm quyền ký: "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"."""


@dataclass(frozen=True)
class Citation:
    """One entry of a front-matter relation, kept as the editor wrote it."""

    text: str
    line: int = 0
    """Line of the citation in its file; 0 for a citation not yet written (the importer's)."""
    pinned_id: str | None = None
    """An editor's explicit choice of the archive document this citation means."""
    external: bool = False
    """Marked as a document the archive will not hold (no error when unresolved)."""
    note: str | None = None


@dataclass
class Document:
    id: str
    """Unique in the archive: the slug, or "<slug>-<year>" when a reused number shares the slug."""
    path: str
    """Path of the file relative to the archive folder, with forward slashes."""
    type: DocType
    issuer: str
    title: str
    date: dt.date | None
    """Issue date; None when the text does not state it (written `date: chưa rõ`)."""
    symbol: Symbol | None = None
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    relations: dict[RelationKind, tuple[Citation, ...]] = field(default_factory=dict)
    status: str = DEFAULT_STATUS
    """The hiệu lực shown: the editor's, else derived from the graph (`graph.validity`)."""
    status_reason: str | None = None
    """Why: "bị thay thế", "bị bãi bỏ", "hết thời hạn áp dụng", or the editor's words."""
    status_given: bool = False
    """The editor wrote `status` (else it is derived, and says so)."""
    status_since: dt.date | None = None
    """Since when the status holds, when known (the replacing document's effective date, say)."""
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None
    topics: tuple[str, ...] = ()
    classification: str = DEFAULT_CLASSIFICATION
    source: str | None = None
    term: str | None = None
    place: str | None = None
    author: str | None = None
    time: str | None = None
    note: str | None = None
    original_file: str | None = None
    """The original file kept beside the document (PDF, Word, a scan), relative to the document's
    folder; published for download with the document."""
    original_path: Path | None = None
    """Where that file is (checked by the loader: inside the document's folder, of an accepted kind)."""
    original_kind: str | None = None
    """What the file's bytes show it is ("PDF", "Word (DOCX)"), as the card names it."""
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)
    url: str = ""
    """Site-relative URL with a trailing slash: "van-ban/2023/39-hd-btgtu/"."""
    explicit_id: str = ""
    """The `id` the editor wrote ("" for none); `id` is the one assigned from it or derived."""
    slug: str = ""
    """Last part of the URL, from the symbol or the editor's `id`: "39-hd-btgtu"."""
    redirect_from: tuple[str, ...] = ()
    """Old site paths of this document (`redirect_from`), normalised ("van-ban/2023/cu/"): each
    gets a page that sends readers on, so an address once published keeps working."""

    @property
    def identity(self) -> tuple[str, dt.date | None] | None:
        """Symbol + issue date: numbers restart each committee term, so the symbol alone is not enough."""
        return (self.symbol.key, self.date) if self.symbol else None

    @property
    def issuer_label(self) -> str:
        """The issuer for readers; the editor wrote `issuer: chưa rõ` when the text does not name it."""
        return self.issuer or UNKNOWN_ISSUER_LABEL

    @property
    def name(self) -> str:
        """How readers call the document: "Hướng dẫn số 39-HD/BTGTU", "Hướng dẫn của Thành ủy Bắc Kạn"."""
        if self.symbol:
            return f"{self.type.name} số {self.symbol.text}"
        if self.type.news or not self.issuer:
            return (
                f"{self.type.name}: {self.title}"
                if len(self.title) <= 80
                else f"{self.type.name}: {self.title[:79]}…"
            )
        return f"{self.type.name} của {self.issuer}"

    def line_of(self, key: str) -> int:
        """Line of a front-matter key in the file (1, the opening `---`, when absent)."""
        return nearest_line(self.lines, key, 1)
