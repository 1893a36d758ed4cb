"""Documents cited but not in the archive: what the citations tell about each one.

Every unresolved reference is grouped with the others that mean the same
document (same symbol and date; same type, number and issuer; or same name),
so the stub page can show type, symbol, date, issuer and subject, and every
citing document with the sentence it appears in. Sorted by how often they are
cited, the stubs are the archivists' to-do list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from vankien.core.model import Document, RelationKind
from vankien.core.symbols import number_key, symbol_key
from vankien.core.text import slugify, unique_slugs
from vankien.core.urls import DOCUMENTS, STUBS
from vankien.refs.congress import issuer_key
from vankien.refs.model import Reference


@dataclass(frozen=True)
class StubCitation:
    document: Document
    kind: RelationKind
    sentence: str
    line: int


@dataclass
class Stub:
    key: tuple[str, ...]
    type: str
    symbol: str | None = None
    number: str | None = None
    date: dt.date | None = None
    issuers: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)
    citations: list[StubCitation] = field(default_factory=list)
    slug: str = ""
    merged_into: Stub | None = None
    """Set when this stub turned out to be another one (an undated mention of a dated symbol)."""

    def final(self) -> Stub:
        stub = self
        while stub.merged_into is not None:
            stub = stub.merged_into
        return stub

    @property
    def issuer(self) -> str | None:
        return self.issuers.most_common(1)[0][0] if self.issuers else None

    @property
    def about(self) -> str | None:
        """The longest subject the citations give ("về ..."): shorter ones are usually cut off."""
        return max(self.subjects, key=len) if self.subjects else None

    @property
    def term(self) -> str | None:
        return self.terms.most_common(1)[0][0] if self.terms else None

    @property
    def name(self) -> str:
        if self.symbol:
            return f"{self.type} số {self.symbol}"
        if self.number:
            return f"{self.type} số {self.number}"
        return f"{self.type} {self.issuer}" if self.issuer else self.type

    @property
    def citing_documents(self) -> list[Document]:
        seen: dict[str, Document] = {}
        for citation in self.citations:
            seen.setdefault(citation.document.id, citation.document)
        return list(seen.values())

    def url(self, prefix: str) -> str:
        return f"{prefix}/{STUBS}/{self.slug}/"


def _stub_key(reference: Reference) -> tuple[str, ...]:
    if reference.symbol:
        return ("symbol", symbol_key(reference.symbol), reference.date.isoformat() if reference.date else "")
    issuer = issuer_key(reference.issuer)
    date = reference.date.isoformat() if reference.date else ""
    if reference.number:
        return ("number", reference.type, number_key(reference.number), issuer, date)
    return ("name", reference.type, issuer)


class StubCollector:
    def __init__(self) -> None:
        self._stubs: dict[tuple[str, ...], Stub] = {}

    def add(
        self, reference: Reference, document: Document, kind: RelationKind, sentence: str, line: int
    ) -> Stub:
        key = _stub_key(reference)
        stub = self._stubs.get(key)
        if stub is None:
            stub = Stub(key, reference.type, reference.symbol, reference.number, reference.date)
            self._stubs[key] = stub
        if reference.issuer:
            stub.issuers[reference.issuer] += 1
        if reference.about:
            stub.subjects[reference.about] += 1
        if reference.term:
            stub.terms[reference.term] += 1
        stub.citations.append(StubCitation(document, kind, sentence, line))
        return stub

    def stubs(self) -> list[Stub]:
        """Merged, slugged and sorted: most cited first, then by name."""
        self._merge_undated()
        stubs = list(self._stubs.values())
        # From the key, not from the most common wording: the URL must not move when wording varies.
        slugs = unique_slugs((stub.key, _base_slug(stub)) for stub in sorted(stubs, key=lambda s: s.key))
        for stub in stubs:
            stub.slug = slugs[stub.key]
        return sorted(stubs, key=lambda s: (-len(s.citations), s.name, s.slug))

    def _merge_undated(self) -> None:
        """ "Chỉ thị số 05-CT/TW" without a date joins the one dated stub of that symbol, if unique."""
        dated_by_symbol: dict[str, list[Stub]] = {}
        for key, stub in self._stubs.items():
            if key[0] == "symbol" and key[2]:
                dated_by_symbol.setdefault(key[1], []).append(stub)
        for key, stub in list(self._stubs.items()):
            if key[0] != "symbol" or key[2]:
                continue
            dated = dated_by_symbol.get(key[1], [])
            if len(dated) == 1:
                target = dated[0]
                target.issuers.update(stub.issuers)
                target.subjects.update(stub.subjects)
                target.terms.update(stub.terms)
                target.citations.extend(stub.citations)
                stub.merged_into = target
                del self._stubs[key]


def _base_slug(stub: Stub) -> str:
    issuer = stub.key[3] if stub.key[0] == "number" else stub.key[2] if stub.key[0] == "name" else ""
    issuer = f"dai hoi {issuer}" if "/" in issuer else issuer
    base = slugify(stub.symbol or f"{stub.type} {stub.number or ''} {issuer}") or DOCUMENTS
    return f"{base}-{stub.date.isoformat()}" if stub.date else base
