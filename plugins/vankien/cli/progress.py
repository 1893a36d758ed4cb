"""Progress of long runs on standard error: count, current file and time left.

Shown only when standard error is a terminal (or when forced with `--progress`), never with
`--quiet` or `--format json` unless forced, and always on standard error, so what tools read on
standard output is never touched. One line, redrawn in place, cleared before any report line.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from vankien.core.text import printable


def wanted(forced: bool | None, *, quiet: bool = False, json_output: bool = False) -> bool:
    """Whether to show progress: as forced, else only on a terminal in a human-readable run."""
    if forced is not None:
        return forced
    return not quiet and not json_output and sys.stderr.isatty()


def duration(seconds: float) -> str:
    """ "5 giây", "2 phút 10 giây", "1 giờ 3 phút"."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} giờ {minutes} phút"
    if minutes:
        return f"{minutes} phút {secs} giây"
    return f"{secs} giây"


class Progress:
    """`[12/300] tệp-đang-xử-lý.docx · còn khoảng 1 phút 20 giây`, redrawn on one line."""

    def __init__(self, total: int | None, *, enabled: bool, verb: str, stream: TextIO | None = None) -> None:
        self.total = total
        self.enabled = enabled
        self.verb = verb
        self.stream = stream
        self.done = 0
        self.started = time.monotonic()
        self._shown = False

    def _write(self, text: str) -> None:
        stream = self.stream or sys.stderr
        stream.write(text)
        stream.flush()

    def line(self, current: str) -> str:
        """The progress line before working on `current` (shown or not: tests read it)."""
        count = f"{self.done + 1}/{self.total}" if self.total else f"{self.done + 1}"
        text = f"{self.verb} [{count}] {printable(current)}"
        if self.total and self.done:
            elapsed = time.monotonic() - self.started
            left = elapsed / self.done * (self.total - self.done)
            text += f" · còn khoảng {duration(left)}"
        return text

    def start(self, current: str) -> None:
        """Say what is being worked on now."""
        if not self.enabled:
            return
        text = self.line(current)
        width = shutil.get_terminal_size((100, 20)).columns - 1
        if len(text) > width and (self.stream or sys.stderr).isatty():
            text = text[: max(width - 1, 0)] + "…"
        if (self.stream or sys.stderr).isatty():
            self._write(f"\r\x1b[K{text}")
            self._shown = True
        else:  # forced into a log: one line per step, no terminal codes
            self._write(text + "\n")

    def advance(self) -> None:
        self.done += 1

    def clear(self) -> None:
        """Take the line away (before a report line, and at the end)."""
        if self.enabled and self._shown:
            self._write("\r\x1b[K")
            self._shown = False
