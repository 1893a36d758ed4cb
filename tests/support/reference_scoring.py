"""Scores of the reference extractor against hand-annotated references, for tests and the script.

A predicted mention is a true positive when its span overlaps a not yet matched annotation
and type, number, symbol and date agree. Scores are kept for numbered references and for
all references, per file and overall, with every miss and false positive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vankien.core.doctypes import doc_type
from vankien.core.symbols import SymbolError, has_horn, parse_symbol
from vankien.refs import extract_references
from vankien.refs.jsonl import reference_to_json

THRESHOLD = 0.95

Record = dict[str, Any]
"""One reference as JSON: a prediction (`reference_to_json`) or an annotation."""


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        annotated = self.true_positives + self.false_negatives
        return self.true_positives / annotated if annotated else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    def summary(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.true_positives} fp={self.false_positives} fn={self.false_negatives})"
        )


@dataclass
class FileScores:
    name: str
    numbered: Counts = field(default_factory=Counts)
    all: Counts = field(default_factory=Counts)
    misses: list[Record] = field(default_factory=list)
    false_positives: list[Record] = field(default_factory=list)


@dataclass
class Scores:
    files: list[FileScores]

    @property
    def numbered(self) -> Counts:
        return sum((f.numbered for f in self.files), Counts())

    @property
    def all(self) -> Counts:
        return sum((f.all for f in self.files), Counts())

    @property
    def passed(self) -> bool:
        return self.numbered.precision >= THRESHOLD and self.numbered.recall >= THRESHOLD


def _canonical_symbol(symbol: str | None) -> str | None:
    if symbol is None:
        return None
    try:
        return parse_symbol(symbol).text
    except SymbolError:
        return symbol


def _canonical_type(name: str) -> str:
    """ "Chương trình hành động" is a Chương trình: a type's alias names the same type."""
    found = doc_type(name)
    return found.name if found else name


def _same_symbol(predicted: str | None, annotated: str | None) -> bool:
    if _canonical_symbol(predicted) == _canonical_symbol(annotated):
        return True
    # "13-NQ/TƯ": the horn reads TU beside a local committee, TW at the centre; either is right.
    if predicted is None or annotated is None or not has_horn(annotated):
        return False
    return _canonical_symbol(predicted) in {
        _canonical_symbol(annotated.replace(horn, code)) for horn in ("TƯ", "Tư") for code in ("TU", "TW")
    }


def _agree(predicted: Record, annotated: Record) -> bool:
    return (
        _canonical_type(predicted["type"]) == _canonical_type(annotated["type"])
        and predicted["number"] == annotated["number"]
        and _same_symbol(predicted["symbol"], annotated["symbol"])
        and predicted["date"] == annotated["date"]
    )


def _overlap(a: Record, b: Record) -> int:
    return int(min(a["end"], b["end"]) - max(a["start"], b["start"]))


def score_file(name: str, predicted: list[Record], annotated: list[Record]) -> FileScores:
    """Match predictions to annotations one to one, largest overlap first."""
    pairs = sorted(
        (
            (-_overlap(p, a), abs(p["start"] - a["start"]) + abs(p["end"] - a["end"]), i, j)
            for i, p in enumerate(predicted)
            for j, a in enumerate(annotated)
            if _overlap(p, a) > 0 and _agree(p, a)
        )
    )
    matched_predictions: set[int] = set()
    matched_annotations: set[int] = set()
    for _, _, i, j in pairs:
        if i not in matched_predictions and j not in matched_annotations:
            matched_predictions.add(i)
            matched_annotations.add(j)
    scores = FileScores(name)
    for j, annotation in enumerate(annotated):
        numbered = annotation["number"] is not None
        if j in matched_annotations:
            scores.all.true_positives += 1
            scores.numbered.true_positives += numbered
        else:
            scores.all.false_negatives += 1
            scores.numbered.false_negatives += numbered
            scores.misses.append(annotation)
    for i, prediction in enumerate(predicted):
        if i not in matched_predictions:
            scores.all.false_positives += 1
            scores.numbered.false_positives += prediction["number"] is not None
            scores.false_positives.append(prediction)
    return scores


def predict(text: str) -> list[Record]:
    """What `vankien refs` prints for the text."""
    return [reference_to_json(ref) for ref in extract_references(text)]


def score(references_path: Path, texts_dir: Path) -> Scores:
    annotations = json.loads(references_path.read_text(encoding="utf-8"))
    files = []
    for name in sorted(annotations):
        text = (texts_dir / name).read_text(encoding="utf-8")
        files.append(score_file(name, predict(text), annotations[name]["refs"]))
    return Scores(files)


def _describe(record: Record) -> str:
    fields = ", ".join(f"{key}={record[key]!r}" for key in ("type", "number", "symbol", "date"))
    return f"  [{record['start']}:{record['end']}] {record['surface']!r} {fields}"


def report(scores: Scores) -> str:
    width = max(len(f.name) for f in scores.files) if scores.files else 7
    lines = []
    for file_scores in [*scores.files, FileScores("overall", scores.numbered, scores.all)]:
        lines.append(
            f"{file_scores.name:<{width}}  numbered {file_scores.numbered.summary()}"
            f"  |  all {file_scores.all.summary()}"
        )
    for file_scores in scores.files:
        for label, records in (("miss", file_scores.misses), ("false positive", file_scores.false_positives)):
            for record in records:
                lines.append(f"{label} in {file_scores.name}:\n{_describe(record)}")
    return "\n".join(lines)
