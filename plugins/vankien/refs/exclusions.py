"""Mentions that name no other document, dropped before context is resolved.

- The header's own number line: "Số: 138/KH-UBND", "Số 39-HD/BTGTU | Bắc Kạn, ngày …",
  "Nghị quyết số: 653/2019/UBTVQH14" (a legal-text site's header). It is the document's own
  number, not a citation (the header is seen in every imported page; the shared texts and
  the corpus annotate no such line).
- A short name the text defines in parentheses: "(viết tắt là Chỉ thị 45 của Bộ Chính trị)",
  "(sau đây gọi là Quy định 37)". It names the document just cited; as a citation of its own
  it would make a second document of one.

Each step costs O(len(text) + mentions).
"""

from __future__ import annotations

import re

from vankien.core.text import fold, loose
from vankien.refs import patterns
from vankien.refs.model import Mention

# What may stand between a line's start and its header number: marks and a type word.
_LINE_LEAD = re.compile(r"[\s*_|#>]*\Z")
# A legal-text site's attribute line: "Số hiệu:52-NQ/TW", "Số ký hiệu: 126-HD/BTGTW".
_ATTRIBUTE_LEAD = re.compile(r"[\s*_|#>]*(?i:số\s+(?:ký\s+)?hiệu)\s*:\s*\Z")
# A header's number line has, after the number, nothing but a table cell or the place and date.
_LINE_REST = re.compile(r"[ \t*_]*(?:\||\n|\Z|[^\W\d_][^\n,]{0,40},[ \t]*(?i:" + loose("ngày") + "))")
_OWN_NUMBER = re.compile(rf"(?:{patterns.TYPE_WORD}{patterns.GAP})?{patterns.NUMBER_MARKER}")
_DEFINITION_OPENING = re.compile(
    r"\((?i:sau\s+đây\s+)?(?i:(?:được\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là|gọi\s+chung\s+là|viết\s+tắt)\s*[:,]?\s*\Z"
)
DEFINITION_REACH = 40
"""How far before a mention its definition's opening "(sau đây viết tắt là" may start."""


def _is_own_number(text: str, mention: Mention) -> bool:
    if mention.date is not None or mention.issuer is not None or mention.symbol is None:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    lead = text[line_start : mention.start]
    if _ATTRIBUTE_LEAD.match(lead) is not None:
        return True
    if _LINE_LEAD.match(lead) is None:
        return False
    head = _OWN_NUMBER.match(text, mention.start)
    if head is None:
        return False
    # "Số 39-HD/BTGTU", "Nghị quyết số: 653/…" are header numbers; "Nghị quyết số 57-NQ/TW" alone
    # on a line is a title citing the document.
    typed = fold(head.group().split()[0]).rstrip(":") != "so"
    if typed and ":" not in head.group():
        return False
    return _LINE_REST.match(text, mention.end) is not None


def _is_definition(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - DEFINITION_REACH) : mention.start]
    return _DEFINITION_OPENING.search(before) is not None


def drop_non_references(text: str, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not (_is_own_number(text, m) or _is_definition(text, m))]
