"""Score the importer against the hand-annotated corpus of real texts (tests/corpus/).

    .venv/bin/python scripts/score_import.py [--quiet]

Prints, for the documents, how many of the type, symbol, date, issuer and title the texts
state the importer read right; precision and recall of the references it keeps (numbered,
and all); precision and recall of the basis relations it writes; then every miss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.corpus_scoring import report, score_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args(argv)
    scores, _ = score_corpus()
    print(report(scores, details=not args.quiet))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
