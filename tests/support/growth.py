"""How the cost of a function grows with its input: operation counts and CPU time, not wall time.

A linear function given an input four times larger does about four times the work; a
quadratic one sixteen times. Two measures, both robust on a busy machine:

- operations: every Python and C function call made while it runs (a deterministic count,
  the same on every run and every machine);
- CPU time of this process (`time.process_time`: time other processes take is not counted),
  the smallest of several runs of each size, sizes interleaved so that a burst of load
  touches both alike. This catches work done inside C (a regular expression backtracking)
  that no call count sees.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

TIMER_FLOOR = 0.005
"""Seconds below which CPU time is timer noise: small runs are measured as at least this."""


def operations(function: Callable[[], object]) -> int:
    """How many function calls (Python and C) `function()` makes."""
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


def cpu_seconds(functions: list[Callable[[], object]], repeats: int = 3) -> list[float]:
    """The smallest CPU time of each function over `repeats` interleaved rounds."""
    best = [float("inf")] * len(functions)
    for _ in range(repeats):
        for index, function in enumerate(functions):
            started = time.process_time()
            function()
            best[index] = min(best[index], time.process_time() - started)
    return best


@dataclass(frozen=True)
class Growth:
    operations: float
    """Ratio of the operation counts, large input over small."""
    cpu: float
    """Ratio of the CPU times, large input over small (the small one floored at TIMER_FLOOR)."""
    detail: str


def growth(make: Callable[[int], Any], run: Callable[[Any], object], size: int, factor: int = 4) -> Growth:
    """How much more `run(make(size * factor))` costs than `run(make(size))`.

    Operations are counted on inputs `factor` times smaller (counting slows the run down, and a
    count needs no large input to be exact); CPU time is measured at the sizes given.
    """
    count_size = max(1, size // factor)
    small_ops = operations(lambda: run(make(count_size)))
    large_ops = operations(lambda: run(make(count_size * factor)))
    small, large = make(size), make(size * factor)
    small_cpu, large_cpu = cpu_seconds([lambda: run(small), lambda: run(large)])
    return Growth(
        large_ops / max(small_ops, 1),
        large_cpu / max(small_cpu, TIMER_FLOOR),
        f"{small_ops} → {large_ops} calls, {small_cpu:.3f} → {large_cpu:.3f} s CPU",
    )
