"""The loaded archive: every document, the issuer registry, the problems found, and look-ups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vankien.core.issuers import IssuerRegistry
from vankien.core.model import Document
from vankien.core.problems import ProblemList


@dataclass
class Archive:
    root: Path
    documents: list[Document] = field(default_factory=list)
    registry: IssuerRegistry = field(default_factory=IssuerRegistry)
    problems: ProblemList = field(default_factory=ProblemList)
    """Everything found wrong while reading (and, once related, relating) the archive."""
    files_read: int = 0
    """Files of the folder looked at: documents, the registry's and every other file."""
    document_paths: frozenset[str] = frozenset()
    """Every document file read (as problems name them), loaded or not."""
    declared_levels: dict[str, str | None] = field(default_factory=dict)
    """The độ mật each document file declares, also when the file failed to load ("thường" when
    unset; None when its front matter cannot be read or names no known level)."""

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.documents}

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def get(self, document_id: str) -> Document | None:
        return self._by_id.get(document_id)

    @property
    def ok(self) -> bool:
        """No error: warnings fail only strict builds."""
        return not self.problems.errors
