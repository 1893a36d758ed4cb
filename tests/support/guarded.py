"""Run a hostile case in a child process with a memory ceiling and a hang guard.

The guard's timeout is far above the expected time: it catches a hang, it does not time the
case (linearity is asserted by `tests.support.growth`). The child reports its own peak memory.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MEMORY_CEILING = 1024 * 1024 * 1024
"""Address space of the child: a case that tries to take gigabytes fails instead of swapping."""
HANG_GUARD = 120
"""Seconds: a hang, not a slow run."""


@dataclass(frozen=True)
class Outcome:
    returncode: int
    result: object
    """What the child printed as JSON on its last line (None if it printed none)."""
    peak_mb: float
    stderr: str


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def run_guarded(code: str, *, timeout: float = HANG_GUARD) -> Outcome:
    """Run `code` (Python; it sets `result`) in a child and return what it reported."""
    program = (
        "import json, resource, sys\n"
        f"sys.path[:0] = [{str(REPO)!r}, {str(REPO / 'plugins')!r}]\n"
        "result = None\n" + textwrap.dedent(code) + "\nprint(json.dumps({'result': result, "
        "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit,
        check=False,
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    report = json.loads(last) if last.startswith("{") else {"result": None, "peak_mb": 0.0}
    return Outcome(done.returncode, report["result"], float(report["peak_mb"]), done.stderr)
