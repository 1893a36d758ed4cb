"""Documents cited but not in the archive: what the citations tell about each one.

Every unresolved reference is grouped with the others that mean the same document: one stub
per cited document. Same symbol and date; same type, number and issuer; same name. Then, when
nothing tells them apart, the shorter writings join the fuller one: an undated symbol its one
dated stub, "Chỉ thị số 05" and "Chỉ thị số 05 của Bộ Chính trị khóa XII" the one "05-CT/TW",
"Nghị quyết Đại hội XIII Đảng bộ Khối" the "Nghị quyết Đại hội Đảng bộ Khối các cơ quan Trung
ương lần thứ XIII". The stub page shows what the citations say (type, symbol, date, issuer,
subject), the forms it merged, and every citing document once with its sentences. Sorted by
how often they are cited, the stubs are the archivists' to-do list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vankien.core.issuers import is_local_body
from vankien.core.model import Document, RelationKind
from vankien.core.symbols import SymbolError, number_key, parse_symbol, symbol_key
from vankien.core.text import fold, slugify, unique_slugs
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
    forms: Counter[str] = field(default_factory=Counter)
    """How the citations write it: "Chỉ thị số 05", "05-CT/TW"."""
    merged_forms: list[str] = field(default_factory=list)
    """The names of the stubs that joined this one ("gộp từ …")."""
    candidates: list[Document] = field(default_factory=list)
    """Archived documents it may be ("có thể là"): same type, date and issuer, another number."""
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

    @property
    def citations_by_document(self) -> list[tuple[Document, list[StubCitation]]]:
        """Each citing document once, with every place it cites this one."""
        grouped: dict[str, tuple[Document, list[StubCitation]]] = {}
        for citation in self.citations:
            grouped.setdefault(citation.document.id, (citation.document, []))[1].append(citation)
        return list(grouped.values())

    def absorb(self, other: Stub) -> None:
        """`other` turned out to be this document, written differently."""
        self.issuers.update(other.issuers)
        self.subjects.update(other.subjects)
        self.terms.update(other.terms)
        self.forms.update(other.forms)
        self.citations.extend(other.citations)
        self.merged_forms.extend(f for f in (other.name, *other.merged_forms) if f not in self.merged_forms)
        self.number = self.number or other.number
        self.date = self.date or other.date
        other.merged_into = self

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
        stub.forms[" ".join(reference.surface.split())] += 1
        stub.citations.append(StubCitation(document, kind, sentence, line))
        return stub

    def stubs(self) -> list[Stub]:
        """Merged, slugged and sorted: most cited first, then by name."""
        self._merge_undated()
        self._merge_numbers()
        self._merge_congresses()
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
                dated[0].absorb(stub)
                del self._stubs[key]

    def _merge_numbers(self) -> None:
        """ "Chỉ thị số 05" (of the Bộ Chính trị, khóa XII, or no issuer) joins the one stub with a
        symbol of that type and number, else the one numbered stub that names an issuer."""
        symbols: dict[tuple[str, str], list[Stub]] = {}
        for stub in self._stubs.values():
            if stub.symbol:
                for doc_type in _symbol_types(stub.symbol, stub.type):
                    symbols.setdefault((doc_type, number_key(stub.number or "")), []).append(stub)
        numbered = [(k, s) for k, s in self._stubs.items() if k[0] == "number"]
        for key, stub in numbered:
            fitting = [t for t in symbols.get((stub.type, key[2]), []) if _compatible(stub, t)]
            if len(fitting) == 1:
                fitting[0].absorb(stub)
                del self._stubs[key]
        named: dict[tuple[str, str], list[Stub]] = {}
        for key, stub in self._stubs.items():
            if key[0] == "number" and key[3]:
                named.setdefault((key[1], key[2]), []).append(stub)
        for key, stub in list(self._stubs.items()):
            if key[0] != "number" or key[3]:
                continue
            fitting = [t for t in named.get((key[1], key[2]), []) if _compatible(stub, t)]
            if len(fitting) == 1:
                fitting[0].absorb(stub)
                del self._stubs[key]

    def _merge_congresses(self) -> None:
        """A congress's resolution written with a shorter name of its Đảng bộ joins the one fuller
        name of the same ordinal: "Khối" and "Khối các cơ quan Trung ương", both "lần thứ XIII"."""
        congresses = [(k, s) for k, s in self._stubs.items() if k[0] == "name" and "/" in k[2]]
        for key, stub in sorted(congresses, key=lambda pair: len(pair[0][2])):
            scope, ordinal = key[2].rsplit("/", 1)
            words = scope.split("-")
            fuller = [
                other
                for other_key, other in congresses
                if other_key != key
                and other.merged_into is None
                and other_key[1] == key[1]
                and other_key[2].rsplit("/", 1)[1] == ordinal
                and len(other_key[2]) > len(key[2])
                and other_key[2].rsplit("/", 1)[0].split("-")[: len(words)] == words
            ]
            if len(fuller) == 1 and ordinal != "?":
                fuller[0].absorb(stub)
                del self._stubs[key]


def _symbol_types(symbol: str, written_type: str) -> set[str]:
    try:
        types = {t.name for t in parse_symbol(symbol).types()}
    except SymbolError:
        types = set()
    return types | {written_type}


def _compatible(short: Stub, full: Stub) -> bool:
    """Whether nothing the shorter writing says contradicts the fuller stub."""
    if short.date and full.date and short.date != full.date:
        return False
    if (
        short.issuer
        and full.issuers
        and not any(issuer_key(short.issuer) == issuer_key(i) for i in full.issuers)
    ):
        return False
    if short.term and full.terms and short.term not in full.terms:
        return False
    # "Chỉ thị số 05 của Tỉnh ủy" is no "05-CT/TW": a local body never signs for the Centre.
    if short.issuer and full.symbol:
        try:
            code = parse_symbol(full.symbol).issuer_code
        except SymbolError:
            return True
        central_code = code.upper() in ("TW", "TƯ") or code.upper().endswith("TW")
        if central_code == is_local_body(short.issuer):
            return False
    return True


def _base_slug(stub: Stub) -> str:
    issuer = stub.key[3] if stub.key[0] == "number" else stub.key[2] if stub.key[0] == "name" else ""
    issuer = f"dai hoi {issuer}" if "/" in issuer else issuer
    base = slugify(stub.symbol or f"{stub.type} {stub.number or ''} {issuer}") or DOCUMENTS
    return f"{base}-{stub.date.isoformat()}" if stub.date else base


CANDIDATE_SUBJECT_OVERLAP = 0.5
"""Share of the shorter subject's words the other must hold for two subjects to agree."""


def offer_candidates(
    stubs: list[Stub], documents: Iterable[Document], issuer_name: Callable[[str], str | None]
) -> None:
    """ "Có thể là": archived documents that match a stub on its symbol but not its date, or on
    type, date and issuer (and on subject when both state one) but not on number, as "Hướng dẫn số 115-HD/BTGW, ngày 08/01/2020 của Ban
    Tuyên giáo Trung ương" for the archived 118-HD/BTGTW of that day (corpus 023 and 011). They are
    offered on the stub's page, never linked in its place."""
    by_day: dict[tuple[str, dt.date], list[Document]] = {}
    by_symbol: dict[str, list[Document]] = {}
    for document in documents:
        if document.date is not None:
            by_day.setdefault((document.type.name, document.date), []).append(document)
        if document.symbol is not None:
            by_symbol.setdefault(document.symbol.key, []).append(document)
    for stub in stubs:
        # Same symbol, another date: "Nghị quyết số 52-NQ/TW ngày 27/9/2013" for the archived one of
        # 27/9/2019 (a slip in the citing text, corpus 054); the wrong-date check warns as well.
        if stub.symbol is not None:
            stub.candidates.extend(
                d for d in by_symbol.get(symbol_key(stub.symbol), []) if d.date != stub.date
            )
        if stub.date is None or stub.issuer is None:
            continue
        issuer = issuer_name(stub.issuer) or stub.issuer
        for document in by_day.get((stub.type, stub.date), []):
            if fold(document.issuer) != fold(issuer):
                continue
            if stub.about and document.title and not _same_subject(stub.about, document.title):
                continue
            stub.candidates.append(document)


def _same_subject(first: str, second: str) -> bool:
    a, b = set(fold(first).split()), set(fold(second).split())
    shorter = min(len(a), len(b)) or 1
    return len(a & b) / shorter >= CANDIDATE_SUBJECT_OVERLAP
