"""The issuing body, named as the text states it and as the registry spells it.

At the centre the header "BAN CHẤP HÀNH TRUNG ƯƠNG" is shared by the Central Committee, the
Bộ Chính trị and the Ban Bí thư, so the organ is the one the type heading ("KẾT LUẬN CỦA BỘ
CHÍNH TRỊ"), the promulgation sentence ("Ban Bí thư ban hành Quy chế …") or the signature
("T/M BAN BÍ THƯ") names; a Ban or Văn phòng on the header's second line is that Ban of the
Centre ("BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO" is Ban Tuyên giáo Trung ương).
Locally the organ the heading or the promulgation sentence names comes first ("CHỈ THỊ CỦA BAN
THƯỜNG VỤ TỈNH ỦY" is Ban Thường vụ Tỉnh ủy + the place); otherwise the header's issuing block:
the committee ("THÀNH ỦY BẮC KẠN", even when signed T/M BAN THƯỜNG VỤ) or its Ban or Văn
phòng ("TỈNH ỦY BẮC KẠN / BAN TUYÊN GIÁO" is Ban Tuyên giáo Tỉnh ủy Bắc Kạn).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vankien.core.doctypes import doc_type as find_doc_type
from vankien.core.issuers import CENTRAL_CITIES, department_from_code
from vankien.core.text import fold

IssuerResolver = Callable[[str], str | None]
"""Registry name for a body as the text writes it, or None."""

# Phrases whose capitalisation is fixed, in the form the registry and the texts write them.
_FIXED_CASE = (
    "Ban Chấp hành Trung ương",
    "Ban Chấp hành Đảng bộ",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Thường vụ",
    "Thường trực",
    "Ủy ban Kiểm tra",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Thường vụ Quốc hội",
    "Văn phòng Chính phủ",
    "Khối các cơ quan Trung ương",
    "Ban Chỉ đạo",
    "Ban cán sự đảng",
    "Đảng đoàn",
    "Trung ương",
    "Chính phủ",
    "Quốc hội",
)
_LOCAL_COMMITTEE = re.compile(r"\b(Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+(ủy|uỷ|bộ|đoàn)\b", re.I)
_PLACE_TYPES = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường")


def title_case_body(name: str) -> str:
    """ "BAN TUYÊN GIÁO TỈNH ỦY BẮC KẠN" -> "Ban Tuyên giáo Tỉnh ủy Bắc Kạn" (the editor reviews it)."""
    words = name.lower().replace("uỷ", "ủy").split()
    if not words:
        return name
    result = [words[0].capitalize()]
    after_committee = False
    after_place_type = False
    for index, word in enumerate(words[1:], start=1):
        previous = words[index - 1]
        if after_committee or after_place_type or previous == "ban":
            result.append(word.capitalize())
        else:
            result.append(word)
        if word in ("ủy", "uỷ") and previous in ("tỉnh", "thành", "huyện", "quận", "thị", "đảng"):
            after_committee = True
        # "Ủy ban nhân dân tỉnh Hải Dương", "Đảng bộ xã Hà Vị": the place's name after its kind.
        after_place_type = (
            after_place_type
            or word in ("tỉnh", "huyện", "quận", "xã", "phường")
            or (word in ("phố", "xã", "trấn") and previous in ("thành", "thị"))
        )
    text = " ".join(result)
    text = _LOCAL_COMMITTEE.sub(lambda m: f"{m[1].capitalize()} {m[2].lower()}", text)
    for phrase in _FIXED_CASE:
        text = re.sub(re.escape(phrase), phrase, text, flags=re.I)
    # "BÀ RỊA-VŨNG TÀU": both parts of a hyphenated place are names, written "Bà Rịa - Vũng Tàu".
    text = re.sub(r"(?<=\w)-(\w)", lambda m: f" - {m[1].upper()}", text)
    return text.replace("Uỷ", "Ủy").replace("uỷ", "ủy")


# --- the header's issuing block --------------------------------------------------------------------

_CENTRAL = re.compile(r"^ban chap hanh trung uong(?: dang)?$")
CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương Đảng"
"""The Central Committee as the registry names it (the header prints "BAN CHẤP HÀNH TRUNG ƯƠNG")."""
_CENTRAL_ORGANS = {"bo chinh tri": "Bộ Chính trị", "ban bi thu": "Ban Bí thư"}
# Committees that head a local Party organisation, with their place: "TỈNH ỦY BẮC KẠN".
_COMMITTEE = re.compile(r"^(?P<kind>tinh|thanh|huyen|quan|thi) uy(?: (?P<place>.+))?$")
# A committee named by what it leads: "ĐẢNG ỦY CHÍNH PHỦ", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY XÃ HÀ VỊ".
_PARTY_COMMITTEE = re.compile(r"^dang uy (?P<name>.+)$")
_PARTY_ORGANISATION = re.compile(
    r"^dang bo (?P<kind>tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran) (?P<place>.+)$"
)
# A department of a committee: "BAN TUYÊN GIÁO", "VĂN PHÒNG", "ỦY BAN KIỂM TRA", "BAN THƯỜNG VỤ".
_DEPARTMENT = re.compile(
    r"^(?:ban (?:tuyen giao(?: va dan van)?|to chuc|dan van|noi chinh|kinh te|doi ngoai|thuong vu|"
    r"chi dao .+|bao ve .+)|van phong|uy ban kiem tra|thuong truc)$"
)
# A State body and, on the next line, its place: "ỦY BAN NHÂN DÂN" / "TỈNH TIỀN GIANG".
_STATE_BODY = re.compile(r"^(?:uy ban nhan dan|hoi dong nhan dan)$")
_PLACE_LINE = re.compile(r"^(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran) \S")
_CENTRAL_DEPARTMENT_NAMES = {
    "van phong": "Văn phòng Trung ương Đảng",
    "uy ban kiem tra": "Ủy ban Kiểm tra Trung ương",
}


@dataclass(frozen=True)
class IssuingBlock:
    name: str | None
    """The body the block names, in its usual case: "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"."""
    central: bool
    """The block is the Centre's ("BAN CHẤP HÀNH TRUNG ƯƠNG" or an organ of it)."""
    department: bool
    """The block names a Ban or Văn phòng under its committee (that Ban issued the document)."""
    place: str | None
    """The committee's place, for organs named without it ("Ban Thường vụ Tỉnh ủy" + "Bắc Kạn")."""
    committee: str | None
    """The committee the block names or sits under: "Tỉnh ủy Bắc Kạn", "Ban Chấp hành Trung ương"."""


def read_issuing_block(lines: list[str]) -> IssuingBlock:
    """Name the body a header's issuing block (capitals, top to bottom) stands for."""
    lines = _joined_state_places(lines)
    central = False
    committee: str | None = None
    committee_kind: str | None = None
    place: str | None = None
    department: str | None = None
    other: str | None = None
    for line in lines:
        folded = " ".join(fold(line).replace(",", " ").split())
        if _CENTRAL.match(folded):
            central, committee = True, CENTRAL_COMMITTEE
        elif folded in _CENTRAL_ORGANS:
            central, committee = True, _CENTRAL_ORGANS[folded]
        elif (organisation := _PARTY_ORGANISATION.match(folded)) is not None:
            place = place or _cased_tail(line, len(organisation["kind"].split()) + 2)
            committee_kind = committee_kind or organisation["kind"]
        elif (match := _COMMITTEE.match(folded)) is not None:
            committee = title_case_body(line)
            committee_kind = match["kind"]
            if match["place"]:
                place = _cased_tail(line, 2)
        elif _PARTY_COMMITTEE.match(folded) is not None:
            committee = title_case_body(line)
        elif _DEPARTMENT.match(folded):
            department = folded
            other = title_case_body(line)
        elif other is None:
            other = title_case_body(line)
    if department is not None and other is not None:
        if central:
            name = _CENTRAL_DEPARTMENT_NAMES.get(department) or f"{other} Trung ương"
        elif committee is not None:
            name = f"{other} {_with_place(committee, place)}"
        else:
            name = other
        return IssuingBlock(name, central, True, place, committee)
    if committee is not None:
        name = committee if central else _with_place(committee, place)
        return IssuingBlock(name, central, False, place, name)
    if other is not None:
        return IssuingBlock(other, False, False, place, other)
    return IssuingBlock(None, False, False, place, None)


def _joined_state_places(lines: list[str]) -> list[str]:
    """ "ỦY BAN NHÂN DÂN" / "TỈNH TIỀN GIANG" and "ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI" are one name each."""
    joined: list[str] = []
    for line in lines:
        folded = " ".join(fold(line).split())
        previous = " ".join(fold(joined[-1]).split()) if joined else ""
        if (_PLACE_LINE.match(folded) and _STATE_BODY.match(previous)) or (
            folded == "quoc hoi" and previous == "uy ban thuong vu"
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _cased_tail(line: str, skip: int) -> str:
    """The place at the end of a capitals line, in its usual case: "ĐẢNG BỘ TỈNH BẮC KẠN" -> "Bắc Kạn"."""
    words = line.split()[skip:]
    return " ".join(word.capitalize() for word in words)


def _with_place(committee: str, place: str | None) -> str:
    if not place or fold(place) in fold(committee):
        return committee
    return f"{committee} {place}"


# --- organs named in the text -------------------------------------------------------------------------

_COMMITTEE_WORD = re.compile(
    r"\b(?:tỉnh|thành|huyện|quận|thị)\s+ủy$|\bđảng\s+bộ\s+(?:tỉnh|thành\s+phố|huyện|quận|xã|phường)$", re.I
)


def complete_organ(organ: str, block: IssuingBlock, text: str = "") -> str:
    """An organ the text names, with the place the header gives when the text leaves it out:
    "Ban Thường vụ Tỉnh ủy" + "Yên Bái"; "Ban Chấp hành Đảng bộ tỉnh" + "Hà Tĩnh"; without a
    header, the place the text names with that kind ("Ủy ban nhân dân tỉnh" + "tỉnh Vĩnh Phúc")."""
    name = title_case_body(organ) if organ.isupper() else " ".join(organ.split()).replace("Uỷ", "Ủy")
    place = block.place
    if place is None and text:
        if (kind := _BARE_PLACE_KIND.search(name)) is not None:
            place = _text_place(kind[1], text)
        elif (committee := _COMMITTEE_KIND.search(name)) is not None:
            place = _text_place(_COMMITTEE_PLACE_KINDS[committee[1].lower()], text)
    if place and (_COMMITTEE_WORD.search(name) or _BARE_PLACE_KIND.search(name)) and not block.central:
        # "Ban Chỉ đạo 35 cấp huyện" of Bá Thước is the Ban Chỉ đạo 35 huyện Bá Thước.
        return re.sub(r"\bcấp\s+(?=\w+$)", "", name) + f" {place}"
    return name


# "Ủy ban nhân dân tỉnh", "Ban Chấp hành Đảng bộ huyện": an organ named by its kind of place only.
_BARE_PLACE_KIND = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)$", re.I)
# "Ban Thường vụ Tỉnh ủy" of the text's "tỉnh Phú Yên".
_COMMITTEE_KIND = re.compile(r"\b(Tỉnh|Huyện|Quận|Thị|Thành)\s+ủy$", re.I)
_COMMITTEE_PLACE_KINDS = {
    "tỉnh": "tỉnh",
    "huyện": "huyện",
    "quận": "quận",
    "thị": "thị xã",
    "thành": "thành phố",
}
_CAPITALISED = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]\w*"


def _text_place(kind: str, text: str) -> str | None:
    """The place the text most often names after `kind`: "tỉnh" + "… tỉnh Vĩnh Phúc 70 năm qua" -> "Vĩnh Phúc"."""
    name = rf"({_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,3}})"
    names = re.findall(rf"\b{kind}[ \t]+{name}", text)
    committee = next((c for c, k in _COMMITTEE_PLACE_KINDS.items() if k == kind), None)
    if committee is not None:
        # "… của Ban Thường vụ Tỉnh ủy Bắc Kạn về …": the committee's own place.
        names += re.findall(rf"\b{committee.capitalize()}\s+(?:ủy|uỷ)[ \t]+{name}", text)
    return max(set(names), key=names.count) if names else None


_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "BTV": "Ban Thường vụ"}


def same_body(organ: str, name: str) -> bool:
    """Whether `organ` as a sentence names it ("UBND Thành phố", "Ủy ban nhân dân tỉnh") is the body
    `name` ("Ủy ban nhân dân thành phố Hà Nội")."""
    expanded = re.sub(r"\b(UBND|HĐND|BTV)\b", lambda m: _ABBREVIATIONS[m[1]], organ)
    short = " ".join(fold(expanded).split())
    full = " ".join(fold(name).split())
    short = re.sub(r"\s+(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)$", "", short)
    return full == short or full.startswith(short + " ")


def is_central_organ(name: str) -> bool:
    folded = fold(name)
    return folded in _CENTRAL_ORGANS or "trung uong" in folded


_PLACE_KINDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")


def complete_state_body(name: str, place: str | None, text: str) -> str:
    """A State body the header names without its place ("ỦY BAN NHÂN DÂN" alone in a legal-text
    site's table), completed with the place of the place-and-date line and the kind of place the
    text gives it ("… trên địa bàn thành phố Hà Nội"): "Ủy ban nhân dân thành phố Hà Nội"."""
    if not place or fold(name) not in ("uy ban nhan dan", "hoi dong nhan dan"):
        return name
    kinds = re.findall(rf"\b({'|'.join(_PLACE_KINDS)})\s+{re.escape(place)}\b", text, flags=re.I)
    if kinds:
        kind = max(set(k.lower() for k in kinds), key=[k.lower() for k in kinds].count)
    elif fold(place) in {fold(city) for city in CENTRAL_CITIES}:
        kind = "thành phố"
    else:
        return name
    return f"{name} {kind} {place}"


# --- the promulgation sentence ------------------------------------------------------------------------

_VERBS = (
    r"ban\s+hành|hướng\s+dẫn|xây\s+dựng|đề\s+ra|triển\s+khai|yêu\s+cầu|thông\s+báo|chỉ\s+thị|"
    r"kết\s+luận|quyết\s+định|quy\s+định|chỉ\s+đạo|quyết\s+nghị|có\s+ý\s+kiến|đề\s+nghị"
)
_VERB = re.compile(rf"\s+(?:(?:vừa|đã|mới)\s+)?(?P<verb>{_VERBS})\b")
# Where a body's name may start: the paragraph's start or after a clause's punctuation, before a
# word that opens a body's name ("…, Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội xây dựng …"
# keeps its inner comma because "Cao đẳng" opens no name).
_BODY_START = re.compile(
    r"(?:^|(?<=[,;:.)])\s+)(?=(?:Ban|Bộ\s+Chính\s+trị|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Hội\s+đồng|"
    r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng|Chi)\s+(?:ủy|uỷ)|Đảng\s+đoàn|"
    r"Đảng\s+bộ|Chi\s+bộ|Thường\s+trực|Văn\s+phòng|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|"
    r"Hội\s+nghị|Sở|Phòng)\b)"
)
_ISSUER_WORDS = re.compile(
    r"(?:(?i:ủy|uỷ)|Ban|Bộ Chính trị|Thường trực|Văn phòng|Đảng bộ|Chi bộ|Đảng đoàn|Ban cán sự|Chính phủ|"
    r"Hội nghị|UBND|HĐND|Hội đồng|Quốc hội|Thủ tướng|Sở|Phòng)\b"
)
ISSUER_MAX_WORDS = 14
# A joint issuer: "Bộ Chính trị, Ban Bí thư có ý kiến như sau".
_JOINT = re.compile(r"^(?P<first>Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)\s*(?:,|và)\s*$")


@dataclass(frozen=True)
class Promulgation:
    """The sentence by which a body issues the text: "…, Ban Bí thư ban hành Quy chế …"."""

    issuer: str
    type: str | None
    """The type the verb or its object names ("hướng dẫn", "ban hành Kế hoạch …"), or None."""
    paragraph: str
    object_start: int
    """Where the verb's object starts in `paragraph` ("Kế hoạch số 25-KH/HU …")."""


def promulgation_issuer(paragraphs: list[str]) -> str | None:
    """The body in the sentence that issues the text: "..., Thành ủy Bắc Kạn hướng dẫn ...",
    "...; Ban Tổ chức Tỉnh ủy ban hành Kế hoạch ...", "Ban Bí thư ban hành Quy chế ..."."""
    found = promulgation(paragraphs)
    return found.issuer if found else None


# What the promulgation verb says the document is: "Ban Tuyên giáo Trung ương hướng dẫn … như sau".
_VERB_TYPES = {
    "huong dan": "Hướng dẫn",
    "ket luan": "Kết luận",
    "chi thi": "Chỉ thị",
    "quy dinh": "Quy định",
    "quyet dinh": "Quyết định",
    "quyet nghi": "Nghị quyết",
    "thong bao": "Thông báo",
    "co y kien": "Kết luận",
}


def _issuer_before(paragraph: str, end: int) -> str | None:
    before = paragraph[:end]
    starts = [m.end() for m in _BODY_START.finditer(before)]
    if not starts:
        return None
    issuer = before[starts[-1] :].strip()
    if not (
        _ISSUER_WORDS.search(issuer)
        and len(issuer.split()) <= ISSUER_MAX_WORDS
        # "Ban Chỉ đạo 35" has a number; a date or a symbol is no part of a name.
        and not re.search(r"\d{4}|\d[/-]", issuer)
    ):
        return None
    if len(starts) > 1 and (joint := _JOINT.match(before[starts[-2] : starts[-1]].strip() + " ")):
        return f"{joint['first']}, {issuer}"
    return issuer


def promulgation(paragraphs: list[str], type_names: tuple[str, ...] = ()) -> Promulgation | None:
    """The promulgation sentence among the opening paragraphs; `type_names` are the document
    types whose name after the verb gives the document's type ("xây dựng Kế hoạch …")."""
    for paragraph in paragraphs:
        for verb in _VERB.finditer(paragraph):
            issuer = _issuer_before(paragraph, verb.start())
            if issuer is None:
                continue
            after = paragraph[verb.end() :].lstrip()
            object_start = len(paragraph) - len(after)
            folded_verb = " ".join(fold(verb["verb"]).split())
            doc_type = _VERB_TYPES.get(folded_verb)
            for name in sorted(type_names, key=len, reverse=True):
                if fold(after[: len(name)]) == fold(name) and not after[len(name) : len(name) + 1].isalpha():
                    known = find_doc_type(name)
                    doc_type = known.name if known else name
                    break
            return Promulgation(issuer, doc_type, paragraph, object_start)
    return None


# --- the signature -----------------------------------------------------------------------------------

_AUTHORITY_ORGAN = re.compile(r"^(?:T/M|TM\.?)\s+(?P<organ>.+)$")


def signature_organ(authority: str | None) -> str | None:
    """ "T/M BAN BÍ THƯ" -> "Ban Bí thư"; K/T and T/L sign for a person, not an organ."""
    if not authority:
        return None
    match = _AUTHORITY_ORGAN.match(authority)
    return title_case_body(match["organ"]) if match else None


# --- choosing --------------------------------------------------------------------------------------

_PLACEHOLDER_ORGANS = {"ban thuong vu", "ban chap hanh", "thuong truc"}


def choose_issuer(
    block: IssuingBlock,
    *,
    heading_organ: str | None,
    promulgation: str | None,
    signature: str | None,
    announced: str | None,
    text: str = "",
    symbol_code: str | None = None,
) -> str | None:
    """The issuing body by the rules of this module's docstring; None when nothing names one.
    `symbol_code` is the issuer code of the document's own symbol ("BTGTW")."""
    central = block.central or any(is_central_organ(o) for o in (heading_organ, promulgation) if o)
    named = [organ for organ in (heading_organ, promulgation) if organ]
    coded = department_from_code(symbol_code) if symbol_code else None
    if central:
        if block.department and block.name:
            return block.name
        # "BAN CHẤP HÀNH TRUNG ƯƠNG" over "Số 30-HD/BTGTW" with the Ban's line lost: the code names it.
        if coded is not None and coded[1] == "Trung ương" and not named:
            return coded[0]
        # The organ the text names, its signature, or how the page introduces it ("Quy định số
        # 97-QĐ/TW của Bộ Chính trị"), before the shared header "BAN CHẤP HÀNH TRUNG ƯƠNG".
        for organ in (*named, signature, announced):
            if organ and fold(organ) not in _PLACEHOLDER_ORGANS and is_central_organ(organ):
                return complete_organ(organ, block, text)
        return block.name or CENTRAL_COMMITTEE
    for organ in named:
        if block.name and same_body(organ, block.name):
            # "UBND Thành phố ban hành …" under "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI": the header's full name.
            return block.name
        return complete_organ(organ, block, text)
    if block.name:
        if coded is not None and not block.department and block.committee and coded[1] != "Trung ương":
            # "TỈNH ỦY BẮC KẠN" over "Số 39-HD/BTGTU": the Ban the code names, of that committee.
            return f"{coded[0]} {block.name}"
        return block.name
    if announced:
        return complete_organ(announced, block, text)
    return None
