"""The document types of the archive and the codes their symbols carry.

Party symbols put the type code before the slash ("39-HD/BTGTU", "08-QĐi/TW");
State symbols put it after ("123/QĐ-TTg", "30/2020/NĐ-CP"). One code can stand
for two types ("QĐ": Quyết định and, in older Party symbols, Quy định), so a
type is always taken from the word written before the number when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass

from vankien.core.text import fold


@dataclass(frozen=True)
class DocType:
    name: str
    """Full Vietnamese name, as shown to readers: "Kết luận"."""
    codes: tuple[str, ...] = ()
    """Codes this type is written with inside a symbol, canonical first."""
    news: bool = False
    """A news article about documents rather than a document itself."""


DOC_TYPES: tuple[DocType, ...] = (
    DocType("Nghị quyết", ("NQ",)),
    DocType("Quyết định", ("QĐ",)),
    # "08-QĐi/TW" (2018), "QyĐ" in some provincial symbols, bare "QĐ" before 2018.
    DocType("Quy định", ("QĐi", "QyĐ", "QĐ")),
    DocType("Chỉ thị", ("CT",)),
    DocType("Kết luận", ("KL",)),
    DocType("Quy chế", ("QC", "QCh")),
    DocType("Hướng dẫn", ("HD",)),
    DocType("Kế hoạch", ("KH",)),
    DocType("Chương trình", ("CTr",)),
    DocType("Thông báo", ("TB",)),
    DocType("Thông tri", ("TT",)),
    DocType("Công văn", ("CV",)),
    DocType("Tờ trình", ("TTr",)),
    DocType("Đề án", ("ĐA",)),
    DocType("Báo cáo", ("BC",)),
    DocType("Điều lệ"),
    DocType("Cương lĩnh"),
    # State documents, cited by Party documents and sometimes archived with them.
    DocType("Hiến pháp"),
    DocType("Luật"),
    DocType("Nghị định", ("NĐ",)),
    DocType("Thông tư", ("TT",)),
    DocType("Tin bài", news=True),
)

_BY_FOLDED_NAME = {fold(t.name): t for t in DOC_TYPES}
_BY_FOLDED_CODE: dict[str, tuple[DocType, ...]] = {}
for _type in DOC_TYPES:
    for _code in _type.codes:
        _BY_FOLDED_CODE[fold(_code)] = (*_BY_FOLDED_CODE.get(fold(_code), ()), _type)


def doc_type(name: str) -> DocType | None:
    """The type with this name, written in any case, with or without diacritics."""
    return _BY_FOLDED_NAME.get(fold(name.strip()))


def types_for_code(code: str) -> tuple[DocType, ...]:
    """Every type a symbol code can stand for ("QĐ" -> Quyết định, Quy định)."""
    return _BY_FOLDED_CODE.get(fold(code), ())


def type_names() -> list[str]:
    return [t.name for t in DOC_TYPES]
