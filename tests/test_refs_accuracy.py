"""The extractor against the hand-annotated shared texts (../shared/texts/references.json)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "score_refs.py"


def load_score_refs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_refs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


score_refs = load_score_refs()


def shared_texts_or_skip() -> Path:
    texts = Path(score_refs.default_texts_dir())
    if not texts.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared texts are missing in CI: {texts} (set VANKIEN_SHARED_TEXTS)")
        pytest.skip(f"shared texts not found at {texts}; set VANKIEN_SHARED_TEXTS to run this test")
    return texts


def test_numbered_references_score_at_least_095() -> None:
    texts = shared_texts_or_skip()
    scores = score_refs.score(texts / "references.json", texts)
    print(score_refs.report(scores))
    numbered = scores.numbered
    assert numbered.precision >= score_refs.THRESHOLD, score_refs.report(scores)
    assert numbered.recall >= score_refs.THRESHOLD, score_refs.report(scores)


def test_unnumbered_references_are_mostly_found() -> None:
    texts = shared_texts_or_skip()
    scores = score_refs.score(texts / "references.json", texts)
    assert scores.all.precision >= score_refs.THRESHOLD, score_refs.report(scores)
    assert scores.all.recall >= 0.9, score_refs.report(scores)


def test_script_exit_status_follows_the_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    texts = shared_texts_or_skip()
    assert score_refs.main(["--texts", str(texts)]) == 0
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
    scores = score_refs.score(references, tmp_path)
    numbered = scores.numbered
    assert (numbered.true_positives, numbered.false_positives, numbered.false_negatives) == (0, 1, 1)
    assert score_refs.main(["--texts", str(tmp_path)]) == 1
