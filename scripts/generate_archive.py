"""Write a synthetic archive in the directives format, for tests and benchmarks.

    .venv/bin/python scripts/generate_archive.py --count 10000 --out /tmp/kho [--seed 1] [--force]

Refuses a count that is not a positive whole number, and an --out folder that already has
content unless --force is given (then files of the same name are overwritten, others kept).

The archive passes `vankien check --strict`; the logic lives in `tests.support.synthetic`
(`generate_archive(out, count, seed)`), importable without MkDocs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: tests.support

from tests.support.synthetic import generate_archive

__all__ = ["generate_archive", "main"]


class _Parser(argparse.ArgumentParser):
    # argparse's own "usage:/error:" lines are English; the refusals this script makes are not.
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: lỗi: {message}\n(xem: {self.prog} --help)\n")


def _count(text: str) -> int:
    try:
        value = int(text.strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"--count phải là số nguyên dương, không phải {text!r}") from None
    if value <= 0:
        raise ValueError(f"--count phải là số nguyên dương (lớn hơn 0), không phải {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog="generate_archive.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--count", default="1000", help="số văn bản (mặc định 1000)")
    parser.add_argument("--out", type=Path, required=True, help="thư mục ghi kho (tạo nếu chưa có)")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên; cùng hạt giống, cùng kho")
    parser.add_argument(
        "--force",
        action="store_true",
        help="ghi vào thư mục đã có nội dung: tệp trùng tên bị ghi đè, tệp khác giữ nguyên",
    )
    args = parser.parse_args(argv)
    try:
        count = _count(args.count)
    except ValueError as refusal:
        parser.error(str(refusal))
    out: Path = args.out
    if out.exists() and not out.is_dir():
        parser.error(f"--out {out} là một tệp, không phải thư mục")
    if out.is_dir() and any(out.iterdir()) and not args.force:
        # Writing into a real archive would mix synthetic documents with real ones.
        parser.error(
            f"thư mục {out} đã có nội dung; chọn thư mục trống hoặc chưa có, "
            "hoặc dùng --force để ghi vào (tệp trùng tên bị ghi đè, tệp khác giữ nguyên)"
        )
    started = time.perf_counter()
    generate_archive(out, count, args.seed)
    print(f"{count} văn bản -> {out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
