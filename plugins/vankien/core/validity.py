"""Hiệu lực: the statuses a document can be in, and why.

Statuses, as vbpl.vn reads them: còn hiệu lực, hết hiệu lực toàn bộ, hết hiệu lực một phần,
chưa có hiệu lực, chưa xác định. "Bị thay thế" and "bị bãi bỏ" are reasons a document is no
longer in force (`status_reason`), not statuses; "được sửa đổi, bổ sung" is a note. Older archives
wrote the reasons as statuses: those values are still read, as the status and reason they mean.
"""

from __future__ import annotations

from vankien.core.text import fold

IN_FORCE = "còn hiệu lực"
EXPIRED = "hết hiệu lực toàn bộ"
PARTLY_EXPIRED = "hết hiệu lực một phần"
NOT_YET = "chưa có hiệu lực"
UNKNOWN = "chưa xác định"
STATUSES = (IN_FORCE, EXPIRED, PARTLY_EXPIRED, NOT_YET, UNKNOWN)

REPLACED = "bị thay thế"
REPEALED = "bị bãi bỏ"
LAPSED = "hết thời hạn áp dụng"

# Value as written (folded) -> (status, reason or None).
_READ = {fold(status): (status, None) for status in STATUSES} | {
    fold("hết hiệu lực"): (EXPIRED, None),
    fold(REPLACED): (EXPIRED, REPLACED),
    fold(REPEALED): (EXPIRED, REPEALED),
}


def read_status(value: str) -> tuple[str, str | None] | None:
    """The status (and the reason an older archive wrote as a status) a value names, or None."""
    return _READ.get(" ".join(fold(value).split()))


def accepted_values() -> str:
    return ", ".join(STATUSES)
