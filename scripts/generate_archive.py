"""Write a synthetic archive in the directives format, for tests and benchmarks.

    .venv/bin/python scripts/generate_archive.py --count 10000 --out /tmp/kho [--seed 1]

The archive passes `vankien check --strict`; the logic lives in `tests.support.synthetic`
(`generate_archive(out, count, seed)`), importable without MkDocs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.synthetic import generate_archive

__all__ = ["generate_archive", "main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created if missing)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; same seed, same archive")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate_archive(args.out, args.count, args.seed)
    print(f"{args.count} văn bản -> {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
