"""How a page names the document it carries: a title line in citation form ("Kế hoạch số 52-KH/TU,
ngày 12/5/2023 của Ban Thường vụ Tỉnh ủy về …"), an article's announcement ("Ngày 08-01-2020,
Ban Tuyên giáo Trung ương ban hành Hướng dẫn số 118-HD/BTGTW về …"), a legal-text site's
"… ban hành bởi Tỉnh ủy Kiên Giang về …", or the document's own promulgation sentence ("Ban
Thường vụ Quận ủy ban hành kế hoạch số 108-KH/QU ngày 02/5/2019 về …").

What several of these say about the same document is merged: a page title gives the number,
the lead the issuer and the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from vankien.core.dates import make_date
from vankien.core.doctypes import all_names, doc_type
from vankien.core.text import fold
from vankien.importer.lines import strip_markup
from vankien.refs import extract_references
from vankien.refs.model import Reference
from vankien.refs.names import NameSpan, read_body_name, read_body_name_before

IssuerResolver = Callable[[str], str | None]

# "… ban hành", "trân trọng giới thiệu toàn văn", "Phòng Văn hóa và Thông tin đăng tải".
ANNOUNCED = re.compile(
    r"(?:ban\s+hành|ký\s+ban\s+hành|công\s+bố|trích\s+đăng|giới\s+thiệu|đăng\s+tải)"
    r"(?:\s+(?:toàn\s+văn|nguyên\s+văn|nội\s+dung)(?:\s+của)?)?\s*$",
    re.I,
)
_ANNOUNCED_DATE = re.compile(r"(?i:ngày)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
# "Nghị Quyết số 22/NQ-TU ngày 08/6/2022 ban hành bởi Tỉnh Ủy Kiên Giang về …" (a legal-text site).
_ISSUED_BY = re.compile(r"\s*,?\s*(?:do|ban\s+hành\s+bởi|được\s+ban\s+hành\s+bởi)\s+", re.I)
# "KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ …": issued by both.
_JOINT_AFTER = re.compile(r"\s*(?:,|va)\s*(ban bi thu|bo chinh tri)\b")
_CENTRAL_NAMES = {"ban bi thu": "Ban Bí thư", "bo chinh tri": "Bộ Chính trị"}
# 'về việc "Đẩy mạnh công tác tuyên truyền …"': a subject in quotation marks.
_QUOTED_SUBJECT = re.compile(
    r"^\s*(?:của\s+[^,;“\"]{3,80}?\s+)?(?i:về)\s+(?:việc\s+)?[\"“](?P<subject>[^\"”]{3,400})[\"”]"
)
# What ends an unquoted subject in a sentence: ", nội dung cụ thể như sau", " như sau:", ". ".
_SUBJECT_END = re.compile(r"(?:,?\s+(?:nội dung\s+)?(?:cụ thể\s+)?như sau|,\s*nội dung|\.\s|\.$|:\s|:$)")


@dataclass(frozen=True)
class SelfReference:
    reference: Reference
    organ: str | None
    """The body the page says issued it."""
    subject: str | None
    """The document's subject as the page writes it."""
    date: dt.date | None


def find_self_reference(
    candidates: list[str], doc_type_name: str | None, resolve_issuer: IssuerResolver
) -> SelfReference | None:
    """The document itself as the page's title lines and lead name it (see the module's docstring)."""
    found: list[SelfReference] = []
    for text in candidates:
        for reference in extract_references(text, resolve_issuer=resolve_issuer):
            if doc_type_name is not None and reference.type != doc_type_name:
                continue
            before = text[: reference.start]
            announced = ANNOUNCED.search(before) is not None
            title_line = not before.strip(' #*_"“')
            named = reference.symbol or reference.number or reference.about
            read = _read(text, reference, announced)
            # A page title naming the document by its type and subject: "Hướng dẫn Tuyên truyền kỷ niệm …".
            if not ((announced or title_line) and (named or announced or read.subject)):
                continue
            found.append(read)
            break
    return merge(found)


def promulgated_reference(
    paragraph: str, object_start: int, resolve_issuer: IssuerResolver
) -> SelfReference | None:
    """The document as its own promulgation sentence names it: "… ban hành Công văn số 25-CV/BCĐ
    ngày 27/02/2023 về …" (a portal's summary keeps this sentence when it drops the header)."""
    for reference in extract_references(paragraph, resolve_issuer=resolve_issuer):
        if reference.start < object_start:
            continue
        if reference.start - object_start > 2:
            break
        return _read(paragraph, reference, announced=False)
    return None


def promulgated_subject(paragraph: str, object_start: int, type_name: str | None) -> str | None:
    """The subject of an unnumbered promulgation: "Ban Tuyên giáo Quận ủy ban hành Hướng dẫn công
    tác tuyên truyền … năm 2019." gives "công tác tuyên truyền … năm 2019"."""
    rest = paragraph[object_start:]
    names = [
        n
        for n in all_names()
        if type_name is None or ((found := doc_type(n)) is not None and found.name == type_name)
    ]
    for name in sorted(names, key=len, reverse=True):
        if fold(rest[: len(name)]) == fold(name) and not rest[len(name) : len(name) + 1].isalnum():
            subject = rest[len(name) :]
            end = _SUBJECT_END.search(subject)
            subject = _without_definitions((subject[: end.start()] if end else subject).strip(" .,"))
            if re.match(r"(?i:số)\b", subject):
                return None
            return re.sub(r"^(?i:về\s+(?:việc\s+)?)", "", subject) or None
    return None


def merge(found: list[SelfReference]) -> SelfReference | None:
    if not found:
        return None
    result = found[0]
    for other in found[1:]:
        if not _same_document(result.reference, other.reference):
            continue
        reference = replace(
            result.reference,
            symbol=result.reference.symbol or other.reference.symbol,
            number=result.reference.number or other.reference.number,
            date=result.reference.date or other.reference.date,
            about=result.reference.about or other.reference.about,
            issuer=result.reference.issuer or other.reference.issuer,
        )
        result = SelfReference(
            reference,
            result.organ or other.organ,
            longer_subject(result.subject, other.subject),
            result.date or other.date,
        )
    return result


def longer_subject(first: str | None, second: str | None) -> str | None:
    """Of two writings of one subject, the one that goes further ("… Võ Văn Kiệt" and "… Võ Văn
    Kiệt (23/11/1922 - 23/11/2022)"); else the first."""
    if not first or not second:
        return first or second
    a, b = fold(first).strip(' ."“”'), fold(second).strip(' ."“”')
    return second if len(b) > len(a) and b.startswith(a) else first


def _read(text: str, reference: Reference, announced: bool) -> SelfReference:
    organ = reference.issuer or (_announcer(text[: reference.start]) if announced else None)
    subject = _subject(text, reference)
    if organ is None and (issued_by := _issued_by(text, reference)) is not None:
        organ = issued_by.text
        after = re.match(r"\s+(?i:về)\s+(?P<about>.+)$", text[issued_by.end :])
        if after and not subject:
            subject = after["about"].strip(" .")
    joint = _JOINT_AFTER.match(fold(text[reference.end : reference.end + 30]))
    if organ is not None and joint is not None and fold(organ) != joint[1]:
        organ = f"{_CENTRAL_NAMES.get(fold(organ), organ)}, {_CENTRAL_NAMES[joint[1]]}"
        after = re.match(r"\s+(?i:v[eềềêế]|vè)\s+(?P<about>.+)$", text[reference.end + joint.end() :])
        if after and not subject:
            subject = after["about"].strip(" .")
    date = reference.date or (_announced_date(text[: reference.start]) if announced else None)
    return SelfReference(reference, organ, subject, date)


def _subject(text: str, reference: Reference) -> str | None:
    quoted = _QUOTED_SUBJECT.match(text[reference.end :])
    if quoted is not None:
        return quoted["subject"].strip(" .")
    if reference.about:
        # The grammar's subject stops at a citation inside it ("thực hiện Nghị quyết số 57-NQ/TW");
        # the page's goes on to the end of the sentence.
        position = text.find(reference.about, reference.start)
        about = text[position:] if position >= 0 else reference.about
        about = re.sub(r"^việc\s+", "", about)
        end = _SUBJECT_END.search(about)
        return _without_definitions((about[: end.start()] if end else about).strip(" .")) or None
    if reference.symbol or reference.number:
        return None
    # "ban hành Hướng dẫn công tác tuyên truyền, kỷ niệm …": the words after the type's name.
    rest = text[reference.start :]
    for name in (f"{reference.type} hành động", reference.type):
        if fold(rest[: len(name)]) == fold(name):
            subject = rest[len(name) :]
            end = _SUBJECT_END.search(subject)
            return (subject[: end.start()] if end else subject).strip(" .") or None
    return None


# "(sau đây viết tắt là Đại hội XIII của Đảng)", "(sau đây gọi là Nghị quyết)": a short name the
# text defines, no part of the subject.
_DEFINITION = re.compile(r"\s*\((?i:sau\s+đây\s+)?(?i:gọi|viết)(?:\s+tắt)?\s+(?i:là)\b[^()]*\)")


def _without_definitions(text: str) -> str:
    """The subject without a definition in parentheses, emphasis marks or a closing period."""
    return strip_markup(_DEFINITION.sub("", text)).strip(" .*_")


def _same_document(a: Reference, b: Reference) -> bool:
    if a.type != b.type:
        return False
    if a.symbol and b.symbol:
        return a.symbol == b.symbol
    if a.number and b.number:
        return a.number == b.number
    return True


def _issued_by(text: str, reference: Reference) -> NameSpan | None:
    after = _ISSUED_BY.match(text, reference.end)
    return read_body_name(text, after.end()) if after is not None else None


def _announcer(before: str) -> str | None:
    """The body before "ban hành" in an announcement: "…, Ban Tuyên giáo Trung ương ban hành"."""
    verb = ANNOUNCED.search(before)
    if verb is None:
        return None
    end = len(before[: verb.start()].rstrip())
    for drop in ("đã", "vừa", "mới"):
        if before[:end].endswith(drop):
            end = len(before[: end - len(drop)].rstrip())
    name = read_body_name_before(before, end)
    return name.text if name else None


def _announced_date(before: str) -> dt.date | None:
    """ "Ngày 08-01-2020, Ban … ban hành Hướng dẫn số 118 …": the day the announcement gives."""
    match = _ANNOUNCED_DATE.search(before)
    if match is None:
        return None
    return make_date(int(match[3]), int(match[2]), int(match[1]))
