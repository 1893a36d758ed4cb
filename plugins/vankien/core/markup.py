"""What markup a document's body may carry on a published page, and where its source breaks it.

A body is text, not code: after Markdown rendering and cross-linking, only what documents need
survives (paragraphs, headings, lists, quotes, tables with spans, emphasis, sub/superscript,
links to http(s), mailto or pages of the site); scripts, event handlers, styles, frames, forms
and images are removed (`vankien.web.sanitize` applies this allow-list). `vankien check` uses
the same lists to warn, with the line, about raw HTML or images in a body that will not be
published. One source for the rule: both read the constants here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr", "th", "td"}
    | {"em", "strong", "u", "sub", "sup", "a"}
    | HEADINGS
    # What the site's own rendering of a body adds: the cross-link of a cited document not yet
    # archived (a span with its marker link).
    | {"span"}
)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "aria-label"}),
    "th": frozenset({"colspan", "rowspan"}),
    "td": frozenset({"colspan", "rowspan"}),
    **{heading: frozenset({"id"}) for heading in HEADINGS},
}
ALLOWED_CLASSES: dict[str, frozenset[str]] = {
    # Cross-links to archived documents and stubs, the theme's heading permalinks.
    "a": frozenset({"vk-ref", "vk-ref__stub", "headerlink"}),
    "span": frozenset({"vk-ref", "vk-ref--missing"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
REMOVED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript"})
"""Tags whose content goes too (a script's code is no text of the document)."""

MAX_NESTING = 8
"""Lists and quotes nested deeper than this are flattened: no document needs more, and a deep
nest (hundreds of "- " or ">" levels) exhausts the Markdown renderer."""


@dataclass(frozen=True)
class MarkupProblem:
    line: int
    message: str


class _TagFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos()[0], tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos()[0], tag, attrs))


_CODE = re.compile(r"`+[^`\n]*`+")
# Markdown images and links: ![alt](src), [text](target).
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_MD_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _allowed_url(url: str) -> bool:
    scheme = _SCHEME.match(url.strip())
    return scheme is None or scheme[1].lower() in URL_SCHEMES


def removed_markup(body: str) -> list[MarkupProblem]:
    """What of the body's raw HTML and Markdown will not be published, line by line (1-based)."""
    problems: list[MarkupProblem] = []
    text = _CODE.sub(lambda m: " " * len(m.group()), body)
    if "<" in text:
        finder = _TagFinder()
        finder.feed(text)
        finder.close()
        for line, tag, attrs in finder.found:
            if tag not in ALLOWED_TAGS:
                problems.append(MarkupProblem(line, f"thẻ HTML `<{tag}>`"))
                continue
            allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset())
            for name, value in attrs:
                if name == "class" and tag in ALLOWED_CLASSES:
                    continue
                if name not in allowed:
                    problems.append(MarkupProblem(line, f"thuộc tính `{name}` của thẻ `<{tag}>`"))
                elif name == "href" and value is not None and not _allowed_url(value):
                    problems.append(MarkupProblem(line, f"liên kết `{value[:40]}`"))
    for number, line_text in enumerate(text.split("\n"), start=1):
        for image in _MD_IMAGE.finditer(line_text):
            problems.append(MarkupProblem(number, f"hình ảnh `{image[1][:60]}`"))
        for link in _MD_LINK.finditer(line_text):
            if not _allowed_url(link[1]):
                problems.append(MarkupProblem(number, f"liên kết `{link[1][:40]}`"))
    return sorted(problems, key=lambda p: p.line)


_MARK = re.compile(r"[ \t]*(?:(?P<quote>>)|(?P<item>[-+*]|\d{1,9}[.)])(?=[ \t]|$))")


def _leading_marks(line: str) -> tuple[list[str], int]:
    """The quote marks and list markers that open a line, and where its text starts."""
    marks: list[str] = []
    position = 0
    while (mark := _MARK.match(line, position)) is not None and mark.end() > position:
        marks.append(mark["quote"] or mark["item"])
        position = mark.end()
    return marks, position


def nesting_depth(line: str) -> int:
    """How many list markers and quote marks open the line ("> > - - text" and ">>-- text" are 4)."""
    return len(_leading_marks(line)[0])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def flatten_deep_nesting(body: str) -> str:
    """The body with list and quote nesting cut to MAX_NESTING levels (and indentation deeper than
    that pulled back), so that rendering stays shallow whatever the source."""
    lines = body.split("\n")
    changed = False
    for index, line in enumerate(lines):
        marks, text_start = _leading_marks(line)
        if len(marks) <= MAX_NESTING and _indent(line) <= 4 * MAX_NESTING:
            continue
        indent = " " * min(_indent(line), 4 * MAX_NESTING)
        kept = " ".join(marks[:MAX_NESTING])
        rest = line[text_start:].lstrip(" \t")
        lines[index] = indent + (f"{kept} " if kept else "") + rest
        changed = True
    return "\n".join(lines) if changed else body


def too_deep(body: str) -> list[int]:
    """Lines (1-based) nested deeper than MAX_NESTING."""
    return [
        number
        for number, line in enumerate(body.split("\n"), start=1)
        if nesting_depth(line) > MAX_NESTING or _indent(line) > 4 * MAX_NESTING
    ]
