"""Resolve a reference to the archive document it means.

Numbers restart each committee term, so a symbol is not enough: the date
decides; a citation without a date takes the latest document with that symbol
issued on or before the citing document. Abbreviated references ("Chỉ thị số
05", "Kết luận 21, ngày 25/10/2021") go through type + number + date + issuer.
Anything that leaves more than one candidate is ambiguous, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum

from vankien.core.archive import Archive
from vankien.core.doctypes import doc_type
from vankien.core.model import Document
from vankien.core.symbols import number_key, symbol_key
from vankien.refs.congress import issuer_key
from vankien.refs.model import Reference


class Outcome(Enum):
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True)
class Resolution:
    outcome: Outcome
    target: Document | None = None
    candidates: tuple[Document, ...] = ()
    """For AMBIGUOUS: every document it could be. For UNRESOLVED: same symbol, other dates."""

    @property
    def resolved(self) -> bool:
        return self.target is not None


UNRESOLVED = Resolution(Outcome.UNRESOLVED)


def _by_date(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda d: (d.date or dt.date.min, d.path))


@dataclass
class Resolver:
    archive: Archive
    _by_symbol: dict[str, list[Document]] = field(default_factory=dict, init=False)
    _by_type_number: dict[tuple[str, str], list[Document]] = field(default_factory=dict, init=False)
    _unnumbered: dict[str, list[Document]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        by_symbol: dict[str, list[Document]] = defaultdict(list)
        by_type_number: dict[tuple[str, str], list[Document]] = defaultdict(list)
        unnumbered: dict[str, list[Document]] = defaultdict(list)
        for document in self.archive:
            if document.symbol is not None:
                by_symbol[document.symbol.key].append(document)
                by_type_number[(document.type.name, number_key(document.symbol.number))].append(document)
            else:
                unnumbered[document.type.name].append(document)
        self._by_symbol = {k: _by_date(v) for k, v in by_symbol.items()}
        self._by_type_number = {k: _by_date(v) for k, v in by_type_number.items()}
        self._unnumbered = {k: _by_date(v) for k, v in unnumbered.items()}

    def issuer_name(self, phrase: str | None) -> str | None:
        """The registry name for an issuer phrase, or None when the registry does not know it."""
        if not phrase:
            return None
        found = self.archive.registry.lookup(phrase)
        return found.name if found else None

    def resolve(
        self, reference: Reference, citing: Document | None = None, pinned_id: str | None = None
    ) -> Resolution:
        if pinned_id:
            return self._pinned(pinned_id)
        if reference.symbol:
            return self._by_symbol_and_date(reference, citing)
        if reference.number:
            return self._by_type_and_number(reference, citing)
        return self._by_name(reference)

    def _pinned(self, pinned_id: str) -> Resolution:
        """By id; or by URL slug, which stays valid when a later term reuses the number (if unique)."""
        pinned = self.archive.get(pinned_id)
        if pinned is not None:
            return Resolution(Outcome.RESOLVED, pinned)
        same_slug = tuple(d for d in self.archive if d.slug == pinned_id)
        if len(same_slug) == 1:
            return Resolution(Outcome.RESOLVED, same_slug[0])
        return Resolution(Outcome.AMBIGUOUS, candidates=same_slug) if same_slug else UNRESOLVED

    def documents_with_symbol(self, symbol: str) -> list[Document]:
        return list(self._by_symbol.get(symbol_key(symbol), ()))

    # -- strategies ------------------------------------------------------------------------------

    def _by_symbol_and_date(self, reference: Reference, citing: Document | None) -> Resolution:
        assert reference.symbol is not None
        documents = self._by_symbol.get(symbol_key(reference.symbol), [])
        # "QĐ" is both Quyết định and Quy định: the type in words narrows when it can.
        same_type = [d for d in documents if d.type.name == reference.type]
        documents = same_type or documents
        if reference.date is not None:
            exact = [d for d in documents if d.date == reference.date]
            if len(exact) == 1:
                return Resolution(Outcome.RESOLVED, exact[0])
            if len(exact) > 1:
                return Resolution(Outcome.AMBIGUOUS, candidates=tuple(exact))
            return Resolution(Outcome.UNRESOLVED, candidates=tuple(documents))
        return self._latest_before(documents, citing)

    def _by_type_and_number(self, reference: Reference, citing: Document | None) -> Resolution:
        assert reference.number is not None
        documents = self._by_type_number.get((reference.type, number_key(reference.number)), [])
        if reference.date is not None:
            documents = [d for d in documents if d.date == reference.date]
        issuer = self.issuer_name(reference.issuer)
        if issuer is not None:
            documents = [d for d in documents if d.issuer == issuer]
        if len(documents) == 1:
            return Resolution(Outcome.RESOLVED, documents[0])
        if not documents:
            return UNRESOLVED
        if reference.date is None and citing is not None and citing.date is not None:
            return self._latest_before(documents, citing)
        return Resolution(Outcome.AMBIGUOUS, candidates=tuple(documents))

    def _by_name(self, reference: Reference) -> Resolution:
        """Unnumbered documents unique by name: "Điều lệ Đảng", "Nghị quyết Đại hội XIII của Đảng"."""
        documents = self._unnumbered.get(reference.type, [])
        if reference.issuer:
            wanted = issuer_key(self.issuer_name(reference.issuer) or reference.issuer)
            documents = [d for d in documents if issuer_key(d.issuer) == wanted]
        elif doc_type(reference.type) is None or reference.type not in _UNIQUE_BY_TYPE:
            return UNRESOLVED
        if len(documents) == 1:
            return Resolution(Outcome.RESOLVED, documents[0])
        if len(documents) > 1:
            return Resolution(Outcome.AMBIGUOUS, candidates=tuple(documents))
        return UNRESOLVED

    @staticmethod
    def _latest_before(documents: list[Document], citing: Document | None) -> Resolution:
        if not documents:
            return UNRESOLVED
        if citing is None or citing.date is None:
            if len(documents) == 1:
                return Resolution(Outcome.RESOLVED, documents[0])
            return Resolution(Outcome.AMBIGUOUS, candidates=tuple(documents))
        limit = citing.date
        eligible = [d for d in documents if d.date is not None and d.date <= limit]
        if eligible:
            return Resolution(Outcome.RESOLVED, eligible[-1])
        # Documents of unknown date may still be the one meant; never guess between several.
        undated = [d for d in documents if d.date is None]
        if len(undated) == 1:
            return Resolution(Outcome.RESOLVED, undated[0])
        if undated:
            return Resolution(Outcome.AMBIGUOUS, candidates=tuple(undated))
        return Resolution(Outcome.UNRESOLVED, candidates=tuple(documents))


# Types of which the Party has one document at a time, cited by name alone.
_UNIQUE_BY_TYPE = frozenset({"Điều lệ", "Cương lĩnh"})
