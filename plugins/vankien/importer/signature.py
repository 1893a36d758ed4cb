"""The signature block (T/M, K/T, T/L …, the title, the name) and the "Nơi nhận" list at a document's end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vankien.core.model import Signer
from vankien.core.text import DASH, DASHES
from vankien.importer.lines import is_upper_line, strip_markup

# "T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN", "T/L BAN THƯỜNG VỤ".
_AUTHORITY = re.compile(r"^(?P<kind>T/M|TM|K/T|KT|T/L|TL|TUQ|Q)\.?\s+(?P<rest>\S.*)$")
_AUTHORITY_CANONICAL = {"TM": "T/M", "KT": "K/T", "TL": "T/L", "Q": "Q."}
# Titles that can stand without an authority line.
_SIGNER_TITLES = re.compile(
    r"^(?:PHÓ\s+)?(?:TỔNG\s+)?(?:BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CHỦ NHIỆM|CHỦ TỊCH|GIÁM ĐỐC|"
    r"TRƯỞNG PHÒNG|THƯỜNG TRỰC)\b"
)
_SIGNED_REMARK = re.compile(
    r"^\(?\s*(?:đã\s+ký|ký\s+tên.*|ký,?\s*đóng\s+dấu.*|đã\s+ký\s+và\s+đóng\s+dấu)\s*\)?$", re.I
)
_NAME = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){1,4}$")
SIGNATURE_WINDOW = 30


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    """Exclusive."""


def find_signature(lines: list[str]) -> tuple[Signer, Block] | None:
    first = max(0, len(lines) - SIGNATURE_WINDOW)
    for index in range(len(lines) - 1, first - 1, -1):
        bare = strip_markup(lines[index])
        authority = _AUTHORITY.match(bare)
        if authority and is_upper_line(authority["rest"]):
            kind = _AUTHORITY_CANONICAL.get(authority["kind"], authority["kind"])
            return _signer_after(lines, index + 1, index, f"{kind} {authority['rest'].strip()}")
    for index in range(len(lines) - 1, first - 1, -1):
        bare = strip_markup(lines[index])
        if _SIGNER_TITLES.match(bare) and is_upper_line(bare) and len(bare.split()) <= 6:
            found = _signer_after(lines, index, index, None)
            if found[0].name:
                return found
    return None


def _signer_after(lines: list[str], index: int, start: int, authority: str | None) -> tuple[Signer, Block]:
    title: str | None = None
    name: str | None = None
    while index < len(lines):
        bare = strip_markup(lines[index])
        index += 1
        if not bare or _SIGNED_REMARK.match(bare):
            continue
        if title is None and is_upper_line(bare):
            title = bare
            continue
        if _NAME.match(bare):
            name = " ".join(w.capitalize() for w in bare.split()) if is_upper_line(bare) else bare
        break
    return Signer(name=name, title=title, authority=authority), Block(start, index)


# --- Nơi nhận -----------------------------------------------------------------------------------

_RECIPIENTS_HEAD = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I)
_ITEM = re.compile(rf"^(?:{DASH}|[+•])\s*(?P<text>.+)$")


def find_recipients(lines: list[str]) -> tuple[list[str], Block] | None:
    for start, line in enumerate(lines):
        head = _RECIPIENTS_HEAD.match(strip_markup(line))
        if head is None:
            continue
        items: list[str] = []
        if head["rest"]:
            items.append(_clean_item(head["rest"]))
        index = start + 1
        end = index
        while index < len(lines):
            bare = strip_markup(lines[index])
            item = _ITEM.match(bare)
            if item:
                items.append(_clean_item(item["text"]))
            elif bare and (_AUTHORITY.match(bare) or not bare.endswith(":")):
                break
            index += 1
            if bare:
                end = index
        return [i for i in items if i], Block(start, end)
    return None


def _clean_item(text: str) -> str:
    return text.strip().lstrip("-" + DASHES + "+• ").rstrip(" ,.;").strip()
