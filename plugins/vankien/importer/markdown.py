"""Turn the body lines of a text into clean Markdown.

Each non-empty line of a copied text is a paragraph, except where a PDF copy wrapped one (`unwrap`). Section headings become
Markdown headings ("I. MỤC ĐÍCH" -> "## I. MỤC ĐÍCH", a short "1. Mục đích" ->
"### 1. Mục đích"); long numbered paragraphs keep their own number (escaped, so
Markdown does not renumber them); bullets become "- " items; emphasis the text
already carries ("*sửa đổi, bổ sung*") is kept.
"""

from __future__ import annotations

import re

from vankien.core.text import DASH
from vankien.importer.lines import is_upper_line

_ROMAN = re.compile(rf"^(?P<num>[IVXL]{{1,5}})\s*(?:[./]|{DASH})\s+(?P<text>\S.*)$")
_ARABIC = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<text>\S.*)$")
_BULLET = re.compile(rf"^(?:{DASH}|[+•]|\*(?=\s))\s*(?P<text>\S.*)$")
_CAPTION = re.compile(rf"(?:\s{DASH}\s*Ảnh\s*:|^\(?Ảnh\s*:)")
HEADING_MAX_LENGTH = 120

# Markup the importer makes itself (a Word file's underline, footnote marks, HTML tables) crosses the
# line-based stages as placeholders no source text holds: `_no_markup` escapes every "<" of the
# source, and these become "<" and ">" only at the very end. Sources other than Word have them
# removed on reading (`pipeline.import_text`).
TAG_OPEN = "\ue000"
TAG_CLOSE = "\ue001"
FOOTNOTES_MARK = "\ue002"
"""A line of its own between a Word file's body and its footnotes."""
PLACEHOLDERS = re.compile(f"[{TAG_OPEN}{TAG_CLOSE}{FOOTNOTES_MARK}]")
# "| 1 | Quyết định số 924/QĐ-TTg … |" and the "| --- |" line under the first row: a table row.
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
# "**I. MỤC ĐÍCH, YÊU CẦU**": a Word paragraph emphasised as a whole, number included.
_WHOLE_EMPHASIS = re.compile(r"^(\*{1,3})([^*]+?)\1$")
SUBHEADING_MAX_WORDS = 12


def _ends_sentence(text: str) -> bool:
    return text.rstrip("*_ ").endswith((".", ";", ",", ":", "!", "?", "…"))


def _escape_start(text: str) -> str:
    """Keep a paragraph from turning into a heading, quote or list by accident."""
    if re.match(r"^(?:#|>|=+$|\d+[.)]\s)", text):
        return "\\" + text if not text[0].isdigit() else re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return text


WRAP_MIN_LENGTH = 60
"""A line at least this long that stops mid-sentence was wrapped by a PDF or a converter."""


def _starts_block(line: str) -> bool:
    return bool(
        _ROMAN.match(line)
        or _ARABIC.match(line)
        or _BULLET.match(line)
        or is_upper_line(line)
        or _TABLE_ROW.match(line)
        or line.startswith(TAG_OPEN)
    )


def _tables(lines: list[str]) -> list[str]:
    """A Markdown table's rows (a header row, then a "| --- |" rule) joined into one block."""
    blocks: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _TABLE_ROW.match(line) and index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1]):
            end = index + 2
            while end < len(lines) and _TABLE_ROW.match(lines[end]) and not _TABLE_RULE.match(lines[end]):
                end += 1
            blocks.append("\n".join(lines[index:end]))
            index = end
            continue
        blocks.append(line)
        index += 1
    return blocks


def _heading_text(line: str) -> str:
    """The line without the emphasis that wraps it whole: a heading shows bold by itself."""
    match = _WHOLE_EMPHASIS.match(line)
    return match[2].strip() if match else line


def unwrap(lines: list[str]) -> list[str]:
    """Lines a PDF copy broke a paragraph into, joined again: a long line that stops mid-sentence
    goes on with the line right under it ("… của Ban Thường vụ" / "Tỉnh ủy Bắc Kạn về …"), unless
    that one opens a section, a list item or a heading. A blank line always ends a paragraph."""
    joined: list[str] = []
    open_paragraph = False
    long_line = False
    for raw in lines:
        line = raw.strip()
        if not line:
            open_paragraph = False
            continue
        if _TABLE_ROW.match(line) or line.startswith(TAG_OPEN):
            # A table row or an HTML table: a block of its own, never joined to a paragraph.
            joined.append(line)
            open_paragraph = long_line = False
            continue
        # A narrow column ("Căn cứ Nghị quyết số 52-NQ/TW ngày" / "27/9/2013 của Bộ Chính trị …")
        # wraps short lines too: the next line then goes on in lower case or with a digit.
        goes_on = long_line or line[:1].islower() or line[:1].isdigit()
        if open_paragraph and joined and goes_on and not _starts_block(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        last = joined[-1]
        long_line = len(line) >= WRAP_MIN_LENGTH
        open_paragraph = not _ends_sentence(last) and not is_upper_line(last)
    return joined


_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _no_markup(line: str) -> str:
    """A text's "<script>", "<img …>" written as text: the importer writes no HTML of the source."""
    return _TAG_START.sub("&lt;", line)


def to_markdown(lines: list[str], *, news: bool = False) -> str:
    blocks: list[str] = []
    content = _tables([_no_markup(line) for line in unwrap(lines)])
    for position, written in enumerate(content):
        if "\n" in written or written.startswith(TAG_OPEN):
            blocks.append(written)
            continue
        line = _heading_text(written)
        roman = _ROMAN.match(line)
        if roman and len(line) <= HEADING_MAX_LENGTH and not _ends_sentence(line):
            blocks.append(f"## {roman['num']}. {roman['text'].strip()}")
            continue
        arabic = _ARABIC.match(line)
        if arabic:
            text = arabic["text"].strip()
            if (
                len(line) <= HEADING_MAX_LENGTH
                and len(text.split()) <= SUBHEADING_MAX_WORDS
                and not _ends_sentence(text)
            ):
                blocks.append(f"### {arabic['num']}. {text}")
            else:
                blocks.append(f"{arabic['num']}\\. {text}" if written == line else written)
            continue
        line = written
        bullet = _BULLET.match(line)
        if bullet:
            blocks.append(f"- {bullet['text'].strip()}")
            continue
        if news and _CAPTION.search(line):
            blocks.append(f"*{line.strip('*_ ')}*")
            continue
        if (
            news
            and position + 1 < len(content)
            and len(line.split()) <= SUBHEADING_MAX_WORDS
            and not _ends_sentence(line)
            and not is_upper_line(line)
            and line[:1].isupper()
        ):
            blocks.append(f"### {line}")
            continue
        blocks.append(_escape_start(line))
    markdown = "\n\n".join(blocks) + ("\n" if blocks else "")
    return markdown.replace(TAG_OPEN, "<").replace(TAG_CLOSE, ">").replace(FOOTNOTES_MARK, "")
