"""The document types of the archive, the codes their symbols carry and the other names they go by.

Party symbols put the type code before the slash ("39-HD/BTGTU", "08-QĐi/TW");
State symbols put it after ("123/QĐ-TTg", "30/2020/NĐ-CP"). One code can stand
for two types ("QĐ": Quyết định and, in older Party symbols, Quy định), so a
type is always taken from the word written before the number when there is one.

The Party's types and codes follow its rules on document types and their
presentation (Quy định 66-QĐ/TW of 2017, Hướng dẫn 36-HD/VPTW of 2018); a type
may be written under a longer name ("Chương trình hành động" is a Chương trình).
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
    aliases: tuple[str, ...] = ()
    """Other names documents of this type are given in headings and citations."""
    generic: bool = False
    """A document whose type its text does not show (written `type: chưa rõ`)."""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


DOC_TYPES: tuple[DocType, ...] = (
    DocType("Nghị quyết", ("NQ",)),
    DocType("Quyết định", ("QĐ",)),
    # "08-QĐi/TW" (2018), "QyĐ" in some provincial symbols, bare "QĐ" before 2018.
    DocType("Quy định", ("QĐi", "QyĐ", "QĐ")),
    DocType("Chỉ thị", ("CT",)),
    DocType("Kết luận", ("KL",)),
    DocType("Quy chế", ("QC", "QCh")),
    DocType("Hướng dẫn", ("HD",)),
    # "Kế hoạch hành động" (Chính phủ, provinces), "Kế hoạch liên tịch".
    DocType("Kế hoạch", ("KH",), aliases=("Kế hoạch hành động",)),
    # "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết ..." (Hà Tĩnh, Phú Yên, Bộ Chính trị's follow-ups).
    DocType("Chương trình", ("CTr",), aliases=("Chương trình hành động",)),
    DocType("Thông báo", ("TB",)),
    DocType("Thông tri", ("TT",)),
    DocType("Thông cáo", ("TC",)),
    DocType("Công văn", ("CV",)),
    DocType("Tờ trình", ("TTr",)),
    DocType("Đề án", ("ĐA",)),
    DocType("Phương án", ("PA",)),
    DocType("Báo cáo", ("BC",)),
    DocType("Biên bản", ("BB",)),
    # "ĐỊNH HƯỚNG TUYÊN TRUYỀN tháng 7 năm 2020" of a Ban Tuyên giáo (Bắc Kạn, 2020): no code.
    DocType("Định hướng"),
    DocType("Tuyên bố"),
    DocType("Lời kêu gọi"),
    DocType("Điều lệ"),
    DocType("Cương lĩnh"),
    # State documents, cited by Party documents and sometimes archived with them.
    DocType("Hiến pháp"),
    DocType("Luật"),
    DocType("Nghị định", ("NĐ",)),
    DocType("Thông tư", ("TT",)),
    DocType("Tin bài", news=True),
    DocType("Văn bản", generic=True),
)
GENERIC = DOC_TYPES[-1]

_BY_FOLDED_NAME = {fold(name): t for t in DOC_TYPES for name in t.names}
_BY_FOLDED_CODE: dict[str, tuple[DocType, ...]] = {}
for _type in DOC_TYPES:
    for _code in _type.codes:
        _BY_FOLDED_CODE[fold(_code)] = (*_BY_FOLDED_CODE.get(fold(_code), ()), _type)


def doc_type(name: str) -> DocType | None:
    """The type with this name or alias, written in any case, with or without diacritics."""
    return _BY_FOLDED_NAME.get(fold(" ".join(name.split())))


def types_for_code(code: str) -> tuple[DocType, ...]:
    """Every type a symbol code can stand for ("QĐ" -> Quyết định, Quy định)."""
    return _BY_FOLDED_CODE.get(fold(code), ())


def type_names() -> list[str]:
    return [t.name for t in DOC_TYPES]


def all_names() -> list[str]:
    """Every name and alias of a document type (news excluded), longest first: how texts name types."""
    return sorted(
        (name for t in DOC_TYPES if not (t.news or t.generic) for name in t.names), key=len, reverse=True
    )
