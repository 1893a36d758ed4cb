"""The importer against the hand-annotated corpus of real texts (`tests/corpus/`).

For every text: the importer's type, symbol, date, issuer and title against the annotation's
(`chưa rõ` for a field the text states counts as wrong); the references the archive would
record (the grammar over the text the importer kept, page chrome left out) against the
annotated ones; the basis relations against the annotated basis references.

Comparisons forgive only what does not change the fact: case, diacritics and spacing of names
and titles, a leading "về"/"V/v" of a title, "TƯ" read as TU or TW, a type written under its
longer name ("Chương trình hành động" is a Chương trình).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.reference_scoring import Counts, FileScores, predict, score_file
from vankien.core.doctypes import doc_type
from vankien.core.symbols import symbol_key
from vankien.core.text import fold
from vankien.importer import Imported, import_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXTS = CORPUS / "texts"
FIELDS = ("type", "symbol", "date", "issuer", "title")
THRESHOLD = 0.9


def annotations() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "references.json").read_text(encoding="utf-8"))
    return data


def cascades() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((CORPUS / "cascades.json").read_text(encoding="utf-8"))
    return data


def text_of(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def _type(value: str | None) -> str | None:
    found = doc_type(value) if value else None
    return found.name if found else value


def _symbol(value: str | None) -> str | None:
    if not value:
        return None
    return fold(symbol_key(value)).replace(" ", "")


def _name(value: str | None) -> str | None:
    return " ".join(fold(value).replace(",", " ").split()) if value else None


_TITLE_PREFIX = re.compile(r"^(?:ve viec|v/v|ve)\s+")


def _title(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(re.sub(r"[\"“”'‘’*()]", " ", fold(value)).split()).strip(" .,;:")
    return _TITLE_PREFIX.sub("", text)


def _same_symbol(expected: str, got: str | None) -> bool:
    if got is None:
        return False
    if _symbol(expected) == _symbol(got):
        return True
    # "445-KL/TƯ": the horn is TU for a local committee, TW at the centre; either reading is it.
    horn = re.sub(r"(?i)tư$", "", expected.strip())
    return horn != expected.strip() and _symbol(got) in (_symbol(horn + "TU"), _symbol(horn + "TW"))


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "type": lambda want, got: _type(want) == _type(got),
    "symbol": lambda want, got: _same_symbol(want, got),
    "date": lambda want, got: got is not None and want == got.isoformat(),
    "issuer": lambda want, got: _name(want) == _name(got),
    "title": lambda want, got: _title(want) == _title(got),
}


def imported_value(doc: Imported, key: str) -> Any:
    return getattr(doc, key)


@dataclass
class FieldScore:
    right: int = 0
    stated: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.stated if self.stated else 1.0


@dataclass
class CorpusScores:
    fields: dict[str, FieldScore] = field(default_factory=lambda: {key: FieldScore() for key in FIELDS})
    references: list[FileScores] = field(default_factory=list)
    kinds_wrong: list[str] = field(default_factory=list)
    basis: Counts = field(default_factory=Counts)
    basis_misses: list[str] = field(default_factory=list)

    @property
    def numbered(self) -> Counts:
        return sum((f.numbered for f in self.references), Counts())

    @property
    def all(self) -> Counts:
        return sum((f.all for f in self.references), Counts())


def _kept(reference: dict[str, Any], kept: list[tuple[int, int]]) -> bool:
    """Whether the importer kept the reference: a citation may run over kept lines ("Nghị quyết số" /
    "50/NQ-CP ngày …"), so spans that only a line break separates count as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(kept):
        if merged and start - merged[-1][1] <= 2:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return any(start <= reference["start"] and reference["end"] <= end for start, end in merged)


def score_corpus(
    resolve_issuer: Callable[[str], str | None] | None = None,
) -> tuple[CorpusScores, dict[str, Imported]]:
    """Import every text of the corpus and score it; returns the scores and what was imported."""
    scores = CorpusScores()
    imported: dict[str, Imported] = {}
    for name, entry in sorted(annotations().items()):
        text = text_of(name)
        doc = import_text(text, resolve_issuer=resolve_issuer or (lambda _: None))
        imported[name] = doc
        expected = entry["self"]
        if expected["kind"] != doc.kind:
            scores.kinds_wrong.append(f"{name}: {doc.kind}, expected {expected['kind']}")
        if expected["kind"] == "document":
            for key in FIELDS:
                want = expected.get(key)
                if want in (None, ""):
                    continue
                score = scores.fields[key]
                score.stated += 1
                got = imported_value(doc, key) if doc.kind == "document" else None
                if COMPARE[key](want, got):
                    score.right += 1
                else:
                    shown = got.isoformat() if isinstance(got, dt.date) else got
                    score.wrong.append(f"{name}: got {shown!r}, expected {want!r}")
        predicted = [p for p in predict(text) if _kept(p, doc.kept)]
        scores.references.append(score_file(name, predicted, entry["refs"]))
        _score_basis(scores, name, entry, doc)
    return scores, imported


def _score_basis(scores: CorpusScores, name: str, entry: dict[str, Any], doc: Imported) -> None:
    """The annotated basis of a document against the basis the importer wrote (by symbol, else type+number)."""
    if entry["self"]["kind"] != "document" or doc.kind != "document":
        return
    # A basis mentioned earlier in the text (in the title, say) is still a basis: keys, not first mentions.
    wanted = {_basis_key(r) for r in entry["refs"] if r["role"] == "basis"}
    wanted.discard(None)
    got = {_basis_key(r) for r in (_reference_of(c.text) for c in doc.basis) if r is not None}
    got.discard(None)
    true = wanted & got
    scores.basis += Counts(len(true), len(got - wanted), len(wanted - got))
    for key in sorted(wanted - got, key=str):
        scores.basis_misses.append(f"{name}: basis not written: {key}")
    for key in sorted(got - wanted, key=str):
        scores.basis_misses.append(f"{name}: basis written but not annotated: {key}")


def _reference_of(citation: str) -> dict[str, Any] | None:
    found = predict(citation)
    return found[0] if found else None


def _basis_key(reference: dict[str, Any]) -> tuple[str, ...] | None:
    if reference.get("symbol"):
        return ("symbol", _symbol(reference["symbol"]) or "")
    if reference.get("number"):
        return ("number", _type(reference["type"]) or "", reference["number"].lstrip("0"))
    return ("name", _type(reference["type"]) or "", _name(reference.get("issuer")) or "")


def report(scores: CorpusScores, *, details: bool = True) -> str:
    lines = [
        f"{key:<7} {score.right}/{score.stated} = {score.share:.0%}" for key, score in scores.fields.items()
    ]
    lines.append(f"references, numbered {scores.numbered.summary()}")
    lines.append(f"references, all      {scores.all.summary()}")
    lines.append(f"basis relations      {scores.basis.summary()}")
    lines.append(f"kind wrong: {len(scores.kinds_wrong)}")
    if details:
        for key, score in scores.fields.items():
            lines += [f"  {key} wrong: {wrong}" for wrong in score.wrong]
        lines += [f"  {kind}" for kind in scores.kinds_wrong]
        lines += [f"  {miss}" for miss in scores.basis_misses]
        for file_scores in scores.references:
            for label, records in (
                ("miss", file_scores.misses),
                ("false positive", file_scores.false_positives),
            ):
                for record in records:
                    lines.append(
                        f"  reference {label} in {file_scores.name}: {record['surface']!r} "
                        f"{record['type']} {record['number']} {record['symbol']} {record['date']}"
                    )
    return "\n".join(lines)
