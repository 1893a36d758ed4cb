"""The extractor against the hand-annotated shared texts (../shared/texts/references.json)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.support import reference_scoring
from tests.support.environment import shared_texts

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "score_refs.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_refs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_numbered_references_score_at_least_095() -> None:
    texts = shared_texts()
    scores = reference_scoring.score(texts / "references.json", texts)
    print(reference_scoring.report(scores))
    numbered = scores.numbered
    assert numbered.precision >= reference_scoring.THRESHOLD, reference_scoring.report(scores)
    assert numbered.recall >= reference_scoring.THRESHOLD, reference_scoring.report(scores)


def test_unnumbered_references_are_mostly_found() -> None:
    texts = shared_texts()
    scores = reference_scoring.score(texts / "references.json", texts)
    assert scores.all.precision >= reference_scoring.THRESHOLD, reference_scoring.report(scores)
    assert scores.all.recall >= 0.9, reference_scoring.report(scores)


def test_script_exit_status_follows_the_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    texts = shared_texts()
    assert load_script().main(["--texts", str(texts)]) == 0
    assert "overall" in capsys.readouterr().out


def test_a_wrong_annotation_counts_as_a_miss_and_a_false_positive(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Căn cứ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Bí thư.", encoding="utf-8"
    )
    annotation = {
        "surface": "Kết luận số 21-KL/TW, ngày 25/10/2021",
        "start": 7,
        "end": 44,
        "type": "Kết luận",
        "number": "21",
        "symbol": "21-KL/TW",
        "date": "2021-10-26",  # off by one day
    }
    references = tmp_path / "references.json"
    references.write_text(json.dumps({"a.txt": {"refs": [annotation]}}), encoding="utf-8")
    scores = reference_scoring.score(references, tmp_path)
    numbered = scores.numbered
    assert (numbered.true_positives, numbered.false_positives, numbered.false_negatives) == (0, 1, 1)
    assert load_script().main(["--texts", str(tmp_path)]) == 1
