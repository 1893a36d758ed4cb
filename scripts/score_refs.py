"""Score the reference extractor against hand-annotated references.

    .venv/bin/python scripts/score_refs.py [--references PATH] [--texts DIR]

The texts default to ../shared/texts next to the repository (override with the
environment variable VANKIEN_SHARED_TEXTS); the annotations to references.json in
that folder, in the format its README describes. Each text goes through the same
code as `vankien refs`; the scoring is `tests/support/reference_scoring.py`. Scores are
printed for numbered references and for all references, per file and overall, followed
by every miss and false positive. The exit status is 1 when numbered precision or recall
is below 0.95.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.environment import shared_texts_dir
from tests.support.reference_scoring import report, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=Path, default=None, help="folder of the annotated texts")
    parser.add_argument("--references", type=Path, default=None, help="annotations (references.json)")
    args = parser.parse_args(argv)
    texts_dir: Path = args.texts or shared_texts_dir()
    references_path: Path = args.references or texts_dir / "references.json"
    scores = score(references_path, texts_dir)
    print(report(scores))
    return 0 if scores.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
