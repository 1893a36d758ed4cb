"""Độ mật: the levels a document may carry, and which of them a site may publish.

Levels rise thường < nội bộ < mật < tối mật < tuyệt mật. A site publishes only "thường" (and
documents that leave the field unset) unless its configuration names a higher level; an unknown
value is an error, never treated as public. What a site may publish is a projection of the
archive made once, in `vankien.core.projection`, before anything is rendered.
"""

from __future__ import annotations

from vankien.core.text import fold

LEVELS = ("thường", "nội bộ", "mật", "tối mật", "tuyệt mật")
PUBLIC = LEVELS[0]
_BY_FOLDED = {fold(level): level for level in LEVELS}


def level_of(value: str) -> str | None:
    """The level a value names, in any case and spacing, with or without diacritics; else None."""
    return _BY_FOLDED.get(" ".join(fold(value).split()))


def rank(level: str) -> int:
    return LEVELS.index(level)


def may_publish(classification: str, site_level: str) -> bool:
    """Whether a document of `classification` may appear on a site that publishes up to `site_level`."""
    found = level_of(classification)
    # Unknown values never reach a site (the loader reports them as errors).
    return found is not None and rank(found) <= rank(site_level)
