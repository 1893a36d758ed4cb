"""Ready registry entries for issuing bodies an imported text names and `co-quan.yml` lacks.

An entry has the name (as the importer wrote it: the registry's pattern, "Ban Tuyên giáo Tỉnh ủy
Bắc Kạn"), the code of the document's own symbol when the body signs it ("BTGTU"), the parent
body the name shows ("Tỉnh ủy Bắc Kạn" for its Ban; "Ban Chấp hành Trung ương Đảng" for a
provincial committee or a central organ) and the level its name shows (`level_from_name`).
A parent the registry lacks is proposed first, so that the entries can be written as they are.
"""

from __future__ import annotations

import re

import yaml

from vankien.core.issuers import CENTRAL_CITIES, Issuer, IssuerRegistry, level_from_name
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.core.text import fold
from vankien.importer.model import Imported

CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương Đảng"
GUESSED_LEVEL = "tỉnh"
"""The level written when a name shows none; the report says to check it."""

# "Ban Tuyên giáo Tỉnh ủy Bắc Kạn" -> "Tỉnh ủy Bắc Kạn"; "Ban Thường vụ Huyện ủy Ba Bể" -> "Huyện ủy Ba Bể".
_UNDER_COMMITTEE = re.compile(
    r"^(?:Ban\s+\S+(?:\s+(?:giáo|chức|vận|tế|chính|ngoại|vụ|hành))?(?:\s+và\s+Dân\s+vận)?|Văn\s+phòng|"
    r"Ủy\s+ban\s+Kiểm\s+tra|Thường\s+trực)\s+(?P<committee>(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+ủy\b.*)$"
)
_LOCAL_COMMITTEE = re.compile(r"^(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy\s+(?P<place>.+)$")
_CENTRAL_ORGAN = re.compile(r"Trung ương|^Bộ Chính trị|^Ban Bí thư|^Văn phòng Trung ương Đảng")
_COMMITTEE_CODES = {"tinh": "TU", "huyen": "HU", "quan": "QU", "thi": "TXU"}


def propose_issuers(doc: Imported, registry: IssuerRegistry) -> list[Issuer]:
    """Entries to add so that `doc.issuer` and its parents are in the registry (parents first)."""
    if not doc.issuer or registry.lookup(doc.issuer) is not None:
        return []
    proposals: list[Issuer] = []
    name: str | None = doc.issuer
    code = _own_code(doc.symbol)
    seen: set[str] = set()
    while name and registry.lookup(name) is None and fold(name) not in seen:
        seen.add(fold(name))
        parent = _parent(name, doc.parent_body if name == doc.issuer else None)
        proposals.append(
            Issuer(name=name, level=level_from_name(name) or GUESSED_LEVEL, code=code, parent=parent)
        )
        name, code = parent, _committee_code(parent) if parent else None
    return list(reversed(proposals))


def level_guessed(issuer: Issuer) -> bool:
    return level_from_name(issuer.name) is None


def registry_entries(issuers: list[Issuer]) -> str:
    """The entries as `co-quan.yml` writes them: one YAML list item each, a blank line between."""
    blocks: list[str] = []
    for issuer in issuers:
        entry: dict[str, str] = {"name": issuer.name}
        if issuer.code:
            entry["code"] = issuer.code
        if issuer.parent:
            entry["parent"] = issuer.parent
        entry["level"] = issuer.level
        blocks.append(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000).rstrip())
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _parent(name: str, written_parent: str | None) -> str | None:
    under = _UNDER_COMMITTEE.match(name)
    if under is not None:
        return under["committee"]
    if written_parent and fold(written_parent) != fold(name):
        return written_parent
    if name == CENTRAL_COMMITTEE:
        return None
    if _CENTRAL_ORGAN.search(name):
        return CENTRAL_COMMITTEE
    local = _LOCAL_COMMITTEE.match(name)
    if local is not None and (
        name.startswith("Tỉnh") or any(fold(city) == fold(local["place"]) for city in CENTRAL_CITIES)
    ):
        return CENTRAL_COMMITTEE  # a provincial committee answers to the Central Committee
    if re.match(r"^Ban Chấp hành Đảng bộ tỉnh\b", name):
        return CENTRAL_COMMITTEE
    return None


def _own_code(symbol: str | None) -> str | None:
    if not symbol:
        return None
    try:
        parsed = parse_symbol(symbol)
    except SymbolError:
        return None
    # A State symbol's issuer part: "115/KH-UBND" -> UBND.
    return parsed.issuer_code or None


def _committee_code(name: str) -> str | None:
    local = _LOCAL_COMMITTEE.match(name)
    if local is None:
        return "TW" if name == CENTRAL_COMMITTEE else None
    kind = fold(name.split()[0])
    if kind == "thanh":
        return "TU" if any(fold(c) == fold(local["place"]) for c in CENTRAL_CITIES) else "HU"
    return _COMMITTEE_CODES.get(kind)
