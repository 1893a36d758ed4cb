"""Problems found in the archive, reported as `path:line: lỗi: ...` for editors.

Three severities, the same everywhere (check, import, build, publish): an error is what readers
would see wrongly and fails every build; a warning is what the editor should fix before
publishing and fails `--strict`; a notice is information and never fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from vankien.core.text import printable


class Severity(Enum):
    ERROR = "lỗi"
    WARNING = "cảnh báo"
    NOTICE = "lưu ý"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    """Path as the editor knows it, relative to the folder that was checked."""
    line: int
    severity: Severity
    code: str
    """Stable machine-readable name of the rule, e.g. "unknown-type"."""
    message: str
    """What is wrong and what to do, in Vietnamese."""

    def format(self) -> str:
        """One line for a terminal or a log; control characters of values and names escaped."""
        return printable(f"{self.path}:{self.line}: {self.severity.value}: {self.message}")

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.name.lower(),
            "code": self.code,
            "message": self.message,
        }


class ProblemList(list[Problem]):
    """Problems collected in one pass, in the order files and lines were read."""

    def error(self, path: str, line: int, code: str, message: str) -> None:
        self.append(Problem(path, line, Severity.ERROR, code, message))

    def warning(self, path: str, line: int, code: str, message: str) -> None:
        self.append(Problem(path, line, Severity.WARNING, code, message))

    def notice(self, path: str, line: int, code: str, message: str) -> None:
        self.append(Problem(path, line, Severity.NOTICE, code, message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.NOTICE]

    def fails(self, *, strict: bool) -> bool:
        """Whether these problems fail a run: any error; with `strict`, any warning too."""
        return bool(self.errors) or (strict and bool(self.warnings))
