"""What `mkdocs serve` shows an editor while the archive has problems.

The preview never stops on a problem: it renders what loaded and says, on every page, what is
wrong and where (a banner listing each `file:line: lỗi/cảnh báo: …`), and on the page of the
document at fault, its own problems. A published build never contains any of this: the build
fails instead. Notices are information and stay in the terminal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vankien.core import urls
from vankien.core.problems import Problem, Severity
from vankien.core.text import printable, slugify
from vankien.web.templates import Templates

SHOWN = (Severity.ERROR, Severity.WARNING)
BROKEN_FOLDER = "dang-loi"
"""Under the documents' prefix: pages for documents that could not be read at all, at an address
of their own while they have no other (the preview only)."""

_CONTAINER = re.compile(r'<div class="md-container"[^>]*>')
_BODY = re.compile(r"<body[^>]*>", re.I)


@dataclass(frozen=True)
class PreviewProblems:
    """The problems of one preview build, and where each file's page is."""

    problems: tuple[Problem, ...]
    pages: Mapping[str, str]
    """File path as shown in problems -> URL of the page that shows its problems."""
    hidden_errors: int = 0
    hidden_warnings: int = 0

    @property
    def shown(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity in SHOWN)

    @functools.cached_property
    def _by_file(self) -> dict[str, tuple[Problem, ...]]:
        by_file: dict[str, list[Problem]] = {}
        for problem in self.shown:
            by_file.setdefault(problem.path, []).append(problem)
        return {path: tuple(problems) for path, problems in by_file.items()}

    def of_file(self, path: str) -> tuple[Problem, ...]:
        """The shown problems of one file (asked for every page: grouped once per build)."""
        return self._by_file.get(path, ())

    @property
    def empty(self) -> bool:
        return not self.shown and not self.hidden_errors and not self.hidden_warnings


def broken_page_url(path: str, prefix: str) -> str:
    """The preview's address for a document file that did not load and had no page before."""
    return f"{prefix}/{BROKEN_FOLDER}/{slugify(path.rsplit('/', 1)[-1].rsplit('.', 1)[0]) or 'van-ban'}/"


def pages_for_problems(
    problems: Iterable[Problem],
    document_urls: Mapping[str, str],
    earlier_urls: Mapping[str, str],
    document_paths: Iterable[str],
    prefix: str,
) -> dict[str, str]:
    """Where each file with a problem shows it: its document's page; for a document that did not
    load, the address it had in an earlier preview build (so the open browser tab shows why it
    broke), else an address of its own under `dang-loi/`. Other files (the registry) have none."""
    readable = set(document_paths)
    pages: dict[str, str] = {}
    taken = set(document_urls.values())
    for problem in problems:
        path = problem.path
        if path in pages or problem.severity not in SHOWN:
            continue
        if path in document_urls:
            pages[path] = document_urls[path]
        elif path in readable:
            url = earlier_urls.get(path) or broken_page_url(path, prefix)
            if url in taken:  # another document holds the address now
                url = broken_page_url(path, prefix)
            pages[path] = url
            taken.add(url)
    return pages


def _lines(problems: Iterable[Problem]) -> list[dict[str, str]]:
    return [
        {
            "where": printable(f"{p.path}:{p.line}"),
            "severity": p.severity.value,
            "kind": "error" if p.severity is Severity.ERROR else "warning",
            "message": printable(p.message),
            "path": p.path,
        }
        for p in problems
    ]


def render_banner(preview: PreviewProblems, url_for: urls.UrlFor, templates: Templates) -> str:
    """The banner every preview page carries while the archive has errors or warnings."""
    shown = preview.shown
    return templates.render(
        "preview_banner.html",
        lines=_lines(shown),
        pages=preview.pages,
        errors=sum(p.severity is Severity.ERROR for p in shown) + preview.hidden_errors,
        warnings=sum(p.severity is Severity.WARNING for p in shown) + preview.hidden_warnings,
        hidden=preview.hidden_errors + preview.hidden_warnings,
        url_for=url_for,
    )


def render_file_problems(problems: Iterable[Problem], templates: Templates) -> str:
    """The problems of one document, at the top of its page (or as the page, when it did not load)."""
    return templates.render("preview_problems.html", lines=_lines(problems))


def with_banner(html: str, banner: str) -> str:
    """The page with the banner right under the site's header (above navigation and content)."""
    anchor = _CONTAINER.search(html) or _BODY.search(html)
    if anchor is None:
        return banner + html
    return html[: anchor.end()] + banner + html[anchor.end() :]
