"""The loaded archive: every document, the issuer registry, and look-ups over them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vankien.issuers import IssuerRegistry
from vankien.model import Document


@dataclass
class Archive:
    root: Path
    documents: list[Document] = field(default_factory=list)
    registry: IssuerRegistry = field(default_factory=IssuerRegistry)

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.documents}

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def get(self, document_id: str) -> Document | None:
        return self._by_id.get(document_id)

    def newest_first(self) -> list[Document]:
        """Date order, newest first; documents of unknown date last, by path."""
        dated = sorted((d for d in self.documents if d.date), key=lambda d: (d.date, d.path), reverse=True)
        undated = sorted((d for d in self.documents if d.date is None), key=lambda d: d.path)
        return dated + undated
