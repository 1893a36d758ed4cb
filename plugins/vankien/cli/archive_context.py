"""What `vankien import` and `vankien new` know about the archive they write into."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vankien.core.archive import Archive
from vankien.core.issuers import Issuer, IssuerRegistry
from vankien.core.symbols import symbol_key
from vankien.graph.analysis import analyse_archive
from vankien.graph.resolve import Resolver
from vankien.importer import Imported
from vankien.refs.model import Reference


@dataclass
class ArchiveContext:
    """What the importer knows about the target archive."""

    root: Path
    archive: Archive
    resolver: Resolver
    registry: IssuerRegistry
    written: list[Path] = field(default_factory=list)
    previous: dict[Path, bytes | None] = field(default_factory=dict)
    """What each written path held before (None: nothing), to put back if the archive rejects it."""
    originals: dict[Path, Path] = field(default_factory=dict)
    """The original file copied beside each written document, taken back with it."""
    new_issuers: list[Issuer] = field(default_factory=list)
    """Bodies added to the registry by this run (`--add-issuers`)."""

    @classmethod
    def load(cls, root: Path) -> ArchiveContext:
        archive = analyse_archive(root, display_root="").archive if root.is_dir() else Archive(root)
        return cls(root, archive, Resolver(archive), archive.registry)

    def issuer_name(self, name: str) -> str | None:
        found = self.registry.lookup(name)
        return found.name if found else None

    def holds(self, reference: Reference) -> bool:
        return self.resolver.resolve(reference).resolved

    def same_identity(self, doc: Imported) -> str | None:
        if not doc.symbol:
            return None
        key = symbol_key(doc.symbol)
        for held in self.archive:
            if held.symbol is not None and held.symbol.key == key and held.date == doc.date:
                return held.path
        return None
