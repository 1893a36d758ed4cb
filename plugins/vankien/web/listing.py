"""What the listings' filters offer: the types, levels, issuing bodies and years of the documents shown.

The entries themselves are rendered by the `_browse.html` macros; `browse.js` filters them by the
`data-*` values these slugs give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vankien.core.issuers import LEVELS, IssuerRegistry
from vankien.core.model import Document
from vankien.core.text import collation_key

LEVEL_SLUGS = dict(zip(LEVELS, ("trung-uong", "tinh", "huyen", "co-so"), strict=True))
LEVEL_LABELS = dict(zip(LEVELS, ("Trung ương", "Tỉnh", "Huyện, thành phố", "Cơ sở"), strict=True))
OTHER_LEVEL_LABEL = "Khác"
"""Bodies missing from the registry: their level is unknown."""


@dataclass(frozen=True)
class FilterChoices:
    types: list[str]
    levels: list[str]
    issuers: list[tuple[str, list[str]]]
    """(level label, body names) groups, levels from Trung ương down, bodies in Vietnamese order."""
    years: list[int]


def filter_choices(documents: Sequence[Document], registry: IssuerRegistry) -> FilterChoices:
    by_level: dict[str, set[str]] = {}
    for document in documents:
        issuer = registry.lookup(document.issuer)
        level = issuer.level if issuer else ""
        by_level.setdefault(level, set()).add(issuer.name if issuer else document.issuer_label)
    issuers = [
        (LEVEL_LABELS.get(level, OTHER_LEVEL_LABEL), sorted(by_level[level], key=collation_key))
        for level in [*LEVELS, ""]
        if by_level.get(level)
    ]
    return FilterChoices(
        types=sorted({d.type.name for d in documents}, key=collation_key),
        levels=[level for level in LEVELS if level in by_level],
        issuers=issuers,
        years=sorted({d.date.year for d in documents if d.date}, reverse=True),
    )
