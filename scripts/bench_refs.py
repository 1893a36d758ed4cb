"""Time the reference extractor over an archive, and check that its output never changes.

    .venv/bin/python scripts/bench_refs.py /tmp/kho-refs [--texts DIR] [--repeat 3]
    .venv/bin/python scripts/bench_refs.py /tmp/kho-refs --record /tmp/refs-before.json
    .venv/bin/python scripts/bench_refs.py /tmp/kho-refs --compare /tmp/refs-before.json

Times `extract_references` over every document body of the archive folder (the text
after the front matter), as the archive build calls it, and prints documents/s, ms per
document and total seconds (the best of `--repeat` runs). Front-matter citations and
the shared texts (`--texts`, default ../shared/texts/00*.txt) are not timed but are part
of the recorded output: `--record FILE` writes every reference as `reference_to_json`,
`--compare FILE` fails (exit status 1) on the first input whose references differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

# The package is installed in the project's virtualenv; a bare checkout finds it here.
if str(REPO / "plugins") not in sys.path:
    sys.path.append(str(REPO / "plugins"))

from vankien.core import frontmatter  # noqa: E402
from vankien.refs import extract_references  # noqa: E402
from vankien.refs.jsonl import reference_to_json  # noqa: E402

Outputs = dict[str, list[dict[str, Any]]]
"""Input key ("body:2019/x.md", "ref:2019/x.md:3", "text:000_x.txt", "nfd:000_x.txt") -> its references."""


def _citations(data: Any) -> list[str]:
    """Every citation string of the front matter's `relations`, in order."""
    relations = data.get("relations") if isinstance(data, dict) else None
    found: list[str] = []
    if not isinstance(relations, dict):
        return found
    for entries in relations.values():
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, str):
                found.append(entry)
            elif isinstance(entry, dict) and isinstance(entry.get("ref"), str):
                found.append(entry["ref"])
    return found


def load_inputs(archive: Path, texts: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """(bodies to time, other inputs to check) keyed as in `Outputs`."""
    bodies: dict[str, str] = {}
    others: dict[str, str] = {}
    for path in sorted(archive.rglob("*.md")):
        parts = frontmatter.split(path.read_text(encoding="utf-8"))
        if parts is None:
            continue
        source, _, body, _ = parts
        name = path.relative_to(archive).as_posix()
        bodies[f"body:{name}"] = body
        data, _ = frontmatter.load_yaml(source)
        for index, citation in enumerate(_citations(data)):
            others[f"ref:{name}:{index}"] = citation
    if texts is not None:
        for path in sorted(texts.glob("00*.txt")):
            text = path.read_text(encoding="utf-8")
            others[f"text:{path.name}"] = text
            # Decomposed input takes the offset-mapping path of normalisation; check it too.
            others[f"nfd:{path.name}"] = unicodedata.normalize("NFD", text)
    return bodies, others


def outputs_of(inputs: dict[str, str]) -> Outputs:
    return {key: [reference_to_json(ref) for ref in extract_references(text)] for key, text in inputs.items()}


def time_bodies(bodies: list[str], repeat: int) -> float:
    """Best wall-clock seconds of `repeat` passes over every body."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for body in bodies:
            extract_references(body)
        best = min(best, time.perf_counter() - started)
    return best


def compare(expected: Outputs, actual: Outputs) -> list[str]:
    """Differences, one line each; empty when the outputs are identical."""
    problems = [f"{key}: missing from the run" for key in expected if key not in actual]
    problems += [f"{key}: not in the recording" for key in actual if key not in expected]
    for key, refs in expected.items():
        if key in actual and actual[key] != refs:
            got = actual[key]
            first = next((i for i, (a, b) in enumerate(zip(refs, got, strict=False)) if a != b), None)
            if first is None:
                problems.append(f"{key}: {len(refs)} references recorded, {len(got)} now")
            else:
                problems.append(f"{key}: reference {first} was {refs[first]}, now {got[first]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archive", type=Path, help="archive folder (as written by generate_archive.py)")
    parser.add_argument(
        "--texts", type=Path, default=REPO.parent / "shared" / "texts", help="folder of 00*.txt texts"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is printed")
    parser.add_argument("--record", type=Path, help="write every input's references to this JSON file")
    parser.add_argument("--compare", type=Path, help="fail unless every input's references equal this file's")
    args = parser.parse_args(argv)

    texts = args.texts if args.texts.is_dir() else None
    bodies, others = load_inputs(args.archive, texts)
    if not bodies:
        print(f"no documents under {args.archive}", file=sys.stderr)
        return 2
    seconds = time_bodies(list(bodies.values()), max(1, args.repeat))
    count = len(bodies)
    size = sum(len(body) for body in bodies.values()) / count
    print(
        f"{count} bodies (mean {size / 1000:.1f} K chars): {count / seconds:.0f} documents/s, "
        f"{1000 * seconds / count:.3f} ms/document, {seconds:.2f} s total"
    )

    if args.record is None and args.compare is None:
        return 0
    outputs = outputs_of({**bodies, **others})
    if args.record is not None:
        args.record.write_text(json.dumps(outputs, ensure_ascii=False, indent=0), encoding="utf-8")
        total = sum(len(refs) for refs in outputs.values())
        print(f"recorded {total} references of {len(outputs)} inputs -> {args.record}")
    if args.compare is not None:
        expected: Outputs = json.loads(args.compare.read_text(encoding="utf-8"))
        problems = compare(expected, outputs)
        if problems:
            print(f"{len(problems)} inputs differ from {args.compare}:", file=sys.stderr)
            for problem in problems[:20]:
                print(f"  {problem}", file=sys.stderr)
            return 1
        total = sum(len(refs) for refs in outputs.values())
        print(f"identical: {total} references of {len(outputs)} inputs match {args.compare}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
