"""A synthetic archive for tests and benchmarks: many levels, many documents, realistic text.

`generate_archive(out, count, seed)` writes `count` documents in the directives format
(plus `co-quan.yml`) that pass `vankien check --strict`:

- a registry of bodies at every level (Trung ương → tỉnh → huyện → cơ sở) with parents and codes;
- documents of the Party types, numbered per issuer, type code and committee term, so the
  same symbol comes back in another term with another date (`101-QĐ/TW` of 2012 and 2023);
- a handful of real Trung ương documents (Kết luận 21-KL/TW, Quy định 101-QĐ/TW of 2012 and
  2023, ...) with their real dates and titles, so searches can be checked by name;
- bodies of 2–10 KB (some longer) built from phrase banks with the usual sections; every
  lower-level document opens with "Căn cứ <type> số <symbol>, ngày dd/mm/yyyy của <issuer>
  về <title>" citing earlier documents of the bodies above it (and the same citations under
  `relations: basis:`), cites other documents in its body, some of them not in the archive;
- popular Trung ương documents gather hundreds of descendants; some documents replace
  earlier ones (their status becomes "bị thay thế").

Deterministic for a seed; no MkDocs here.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from vankien.core.text import slugify

START = dt.date(2005, 1, 1)
END = dt.date(2025, 12, 31)

# Committee terms: numbering restarts at each congress.
_TW_TERMS = (
    dt.date(2001, 4, 22),
    dt.date(2006, 4, 25),
    dt.date(2011, 1, 19),
    dt.date(2016, 1, 28),
    dt.date(2021, 2, 1),
)
_LOCAL_TERMS = (
    dt.date(2000, 10, 1),
    dt.date(2005, 10, 1),
    dt.date(2010, 10, 1),
    dt.date(2015, 10, 1),
    dt.date(2020, 10, 1),
)


@dataclass(frozen=True)
class Body:
    name: str
    short: str
    """How documents name the body after "của": usually the full name."""
    code: str
    level: str
    parent: str | None
    place: str
    kind: str
    """"cap-uy" (the committee itself), "ban" (a department), "ubkt" (inspection committee), "dang-uy"."""


@dataclass
class Doc:
    index: int
    body: Body
    type_name: str
    code: str
    date: dt.date
    topic: str
    title: str
    symbol: str = ""
    id: str | None = None
    status: str = "còn hiệu lực"
    basis: list[Doc] = field(default_factory=list)
    replaces: Doc | None = None
    weight: float = 1.0
    real: bool = False

    def citation(self) -> str:
        return f"{self.type_name} số {self.symbol}, ngày {self.date:%d/%m/%Y} của {self.body.name}"


# -- registry ------------------------------------------------------------------------------------

_PROVINCES = (
    "Bắc Kạn", "Thái Nguyên", "Nghệ An", "Quảng Nam", "Đắk Lắk", "Cần Thơ", "Lạng Sơn", "Hà Tĩnh",
    "Bình Định", "Sóc Trăng", "Yên Bái", "Phú Thọ",
)  # fmt: skip
_DISTRICT_WORDS = (
    "Bạch Thông", "Chợ Mới", "Na Rì", "Ngân Sơn", "Đồng Hỷ", "Phú Lương", "Đại Từ", "Võ Nhai", "Quỳnh Lưu",
    "Diễn Châu", "Yên Thành", "Thanh Chương", "Duy Xuyên", "Thăng Bình", "Núi Thành", "Điện Bàn",
    "Krông Pắc", "Ea Kar", "Cư M'gar", "Buôn Đôn", "Ninh Kiều", "Cái Răng", "Ô Môn", "Phong Điền",
    "Cao Lộc", "Văn Lãng", "Tràng Định", "Bắc Sơn", "Can Lộc", "Thạch Hà", "Hương Khê", "Kỳ Anh",
    "Tuy Phước", "An Nhơn", "Phù Cát", "Hoài Nhơn", "Mỹ Tú", "Kế Sách", "Long Phú", "Trần Đề",
    "Văn Chấn", "Lục Yên", "Trấn Yên", "Mù Cang Chải", "Thanh Sơn", "Lâm Thao", "Đoan Hùng", "Hạ Hòa",
)  # fmt: skip
_COMMUNE_WORDS = (
    "Quang Thuận", "Cẩm Giàng", "Vũ Muộn", "Đôn Phong", "Hòa Bình", "Tân Lập", "Xuân Phương", "Thanh Vân",
    "Kim Lư", "Lương Hạ", "Hợp Thành", "Yên Đĩnh", "Minh Tiến", "Phú Đô", "Tân Cương", "Quyết Thắng",
    "Đồng Tâm", "Nghĩa Trung", "Sơn Thành", "Hưng Đạo", "Bình Minh", "Tam Hiệp", "An Phú", "Long Hòa",
)  # fmt: skip

_TW_BODIES = (
    ("Ban Chấp hành Trung ương Đảng", "TW", "cap-uy", None),
    ("Bộ Chính trị", "TW", "cap-uy", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Bí thư", "TW", "cap-uy", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Tổ chức Trung ương", "BTCTW", "ban", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Tuyên giáo Trung ương", "BTGTW", "ban", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Dân vận Trung ương", "BDVTW", "ban", "Ban Chấp hành Trung ương Đảng"),
    ("Ủy ban Kiểm tra Trung ương", "UBKTTW", "ubkt", "Ban Chấp hành Trung ương Đảng"),
    ("Ban Nội chính Trung ương", "BNCTW", "ban", "Ban Chấp hành Trung ương Đảng"),
)


def build_registry(rng: random.Random, provinces: int, districts: int, communes: int) -> list[Body]:
    bodies = [Body(n, n, code, "Trung ương", parent, "Hà Nội", kind) for n, code, kind, parent in _TW_BODIES]
    district_words = list(_DISTRICT_WORDS)
    commune_words = list(_COMMUNE_WORDS)
    for p in range(provinces):
        province = _PROVINCES[p % len(_PROVINCES)] + (
            "" if p < len(_PROVINCES) else f" {p // len(_PROVINCES) + 1}"
        )
        tu = f"Tỉnh ủy {province}"
        bodies.append(Body(tu, tu, "TU", "tỉnh", "Ban Chấp hành Trung ương Đảng", province, "cap-uy"))
        for prefix, code, kind in (
            ("Ban Tuyên giáo", "BTGTU", "ban"),
            ("Ban Tổ chức", "BTCTU", "ban"),
            ("Ban Dân vận", "BDVTU", "ban"),
            ("Ủy ban Kiểm tra", "UBKTTU", "ubkt"),
        ):
            name = f"{prefix} Tỉnh ủy {province}"
            bodies.append(Body(name, name, code, "tỉnh", tu, province, kind))
        for d in range(districts):
            word = district_words[(p * districts + d) % len(district_words)]
            serial = (p * districts + d) // len(district_words)
            district = word + (f" {serial + 1}" if serial else "")
            hu = f"Huyện ủy {district}"
            bodies.append(Body(hu, hu, "HU", "huyện", tu, district, "cap-uy"))
            for prefix, code, kind in (("Ban Tuyên giáo", "BTGHU", "ban"), ("Ban Tổ chức", "BTCHU", "ban")):
                name = f"{prefix} Huyện ủy {district}"
                bodies.append(Body(name, name, code, "huyện", hu, district, kind))
            for c in range(communes):
                cword = commune_words[(p * districts * communes + d * communes + c) % len(commune_words)]
                name = f"Đảng ủy xã {cword} huyện {district}"
                bodies.append(Body(name, name, "ĐU", "cơ sở", hu, cword, "dang-uy"))
    rng.shuffle(district_words)  # keeps the stream position independent of the sizes above
    return bodies


def registry_yaml(bodies: list[Body]) -> str:
    lines = ["# Danh mục cơ quan ban hành (kho tổng hợp, sinh tự động để kiểm thử).", ""]
    for body in bodies:
        lines.append(f"- name: {_q(body.name)}")
        lines.append(f"  code: {_q(body.code)}")
        if body.parent:
            lines.append(f"  parent: {_q(body.parent)}")
        lines.append(f"  level: {_q(body.level)}")
        lines.append("")
    return "\n".join(lines)


# -- types, topics, titles -----------------------------------------------------------------------

# type name, code; which kinds of body issue it, with weights.
_TYPES: dict[str, tuple[tuple[str, str, int], ...]] = {
    "cap-uy": (
        ("Nghị quyết", "NQ", 6), ("Chỉ thị", "CT", 5), ("Kết luận", "KL", 5), ("Quy định", "QĐ", 4),
        ("Quyết định", "QĐ", 5), ("Kế hoạch", "KH", 8), ("Thông báo", "TB", 4), ("Chương trình", "CTr", 3),
        ("Công văn", "CV", 6), ("Báo cáo", "BC", 3), ("Đề án", "ĐA", 1), ("Quy chế", "QC", 1),
        ("Thông tri", "TT", 1), ("Hướng dẫn", "HD", 2),
    ),
    "ban": (("Hướng dẫn", "HD", 8), ("Kế hoạch", "KH", 5), ("Công văn", "CV", 6), ("Báo cáo", "BC", 2), ("Thông báo", "TB", 1)),
    "ubkt": (("Hướng dẫn", "HD", 5), ("Kế hoạch", "KH", 4), ("Thông báo", "TB", 3), ("Quyết định", "QĐ", 3), ("Báo cáo", "BC", 2)),
    "dang-uy": (("Nghị quyết", "NQ", 5), ("Kế hoạch", "KH", 8), ("Công văn", "CV", 4), ("Báo cáo", "BC", 3), ("Chương trình", "CTr", 2), ("Quyết định", "QĐ", 2)),
}  # fmt: skip

TOPICS: dict[str, tuple[str, ...]] = {
    "xây dựng Đảng": (
        "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
        "tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên",
        "nâng cao chất lượng sinh hoạt chi bộ",
        "đổi mới phương thức lãnh đạo, cầm quyền của Đảng",
    ),
    "tuyên truyền": (
        "đẩy mạnh công tác tuyên truyền về công tác xây dựng Đảng",
        "tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử",
        "bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
        "tuyên truyền Giải Búa liềm vàng",
    ),
    "công tác cán bộ": (
        "công tác quy hoạch cán bộ lãnh đạo, quản lý",
        "luân chuyển, điều động cán bộ",
        "khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung",
        "đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên hằng năm",
    ),
    "kiểm tra, giám sát": (
        "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
        "chương trình kiểm tra, giám sát của Ủy ban Kiểm tra",
        "kiểm soát quyền lực, phòng, chống tham nhũng, tiêu cực trong công tác cán bộ",
    ),
    "phòng, chống tham nhũng": (
        "tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
        "thực hành tiết kiệm, chống lãng phí",
    ),
    "học tập và làm theo Bác": (
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "trách nhiệm nêu gương của cán bộ, đảng viên",
    ),
    "dân vận": (
        "tăng cường và đổi mới công tác dân vận của Đảng trong tình hình mới",
        "thực hiện Quy chế dân chủ ở cơ sở",
        "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    ),
    "kinh tế - xã hội": (
        "phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh",
        "xây dựng nông thôn mới gắn với đô thị văn minh",
        "chuyển đổi số trong các cơ quan đảng",
        "giảm nghèo bền vững",
    ),
    "quốc phòng, an ninh": (
        "tăng cường quốc phòng, an ninh, xây dựng khu vực phòng thủ vững chắc",
        "bảo đảm an ninh, trật tự an toàn xã hội",
    ),
    "đại hội đảng bộ": (
        "tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc của Đảng",
        "chuẩn bị nhân sự cấp ủy nhiệm kỳ mới",
    ),
    "văn hóa, giáo dục": (
        "xây dựng và phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước",
        "đổi mới căn bản, toàn diện giáo dục và đào tạo",
    ),
}
_TITLE_LEADS = {
    "Nghị quyết": ("về", "về tiếp tục"),
    "Chỉ thị": ("về tăng cường sự lãnh đạo của Đảng đối với", "về"),
    "Kết luận": ("về tiếp tục thực hiện", "về"),
    "Quy định": ("về", "về thực hiện"),
    "Quyết định": ("ban hành Quy chế về", "về"),
    "Kế hoạch": ("triển khai", "thực hiện", "tổ chức"),
    "Hướng dẫn": ("thực hiện", "về", "triển khai"),
    "Công văn": ("về việc", "V/v"),
    "Thông báo": ("kết luận về", "về"),
    "Chương trình": ("hành động thực hiện", "công tác về"),
    "Báo cáo": ("kết quả", "sơ kết", "tổng kết"),
    "Đề án": ("về",),
    "Quy chế": ("làm việc về", "phối hợp về"),
    "Thông tri": ("về",),
}
_VERB_OF_TYPE = {
    "Kế hoạch": "xây dựng kế hoạch",
    "Hướng dẫn": "hướng dẫn",
    "Công văn": "đề nghị",
    "Nghị quyết": "quyết nghị",
    "Chỉ thị": "chỉ thị",
    "Chương trình": "xây dựng chương trình hành động",
    "Báo cáo": "báo cáo",
    "Thông báo": "thông báo",
    "Quyết định": "quyết định",
}

# Real Trung ương documents, with their real dates and titles (cited everywhere).
REAL_DOCUMENTS = (
    ("Kết luận", "KL", "21-KL/TW", dt.date(2021, 10, 25), "Ban Chấp hành Trung ương Đảng", "xây dựng Đảng",
     "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện \"tự diễn biến\", \"tự chuyển hóa\""),
    ("Nghị quyết", "NQ", "21-NQ/TW", dt.date(2022, 6, 16), "Ban Chấp hành Trung ương Đảng", "xây dựng Đảng",
     "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới"),
    ("Nghị quyết", "NQ", "28-NQ/TW", dt.date(2022, 11, 17), "Ban Chấp hành Trung ương Đảng", "xây dựng Đảng",
     "Về tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới"),
    ("Quy định", "QĐ", "101-QĐ/TW", dt.date(2012, 6, 7), "Ban Bí thư", "học tập và làm theo Bác",
     "Về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp"),
    ("Quy định", "QĐ", "101-QĐ/TW", dt.date(2023, 2, 28), "Ban Bí thư", "tuyên truyền",
     "Về trách nhiệm, quyền hạn và việc bổ nhiệm, miễn nhiệm, khen thưởng, kỷ luật lãnh đạo cơ quan báo chí"),
    ("Quy định", "QĐ", "08-QĐi/TW", dt.date(2018, 10, 25), "Ban Chấp hành Trung ương Đảng", "học tập và làm theo Bác",
     "Về trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương"),
    ("Quy định", "QĐ", "37-QĐ/TW", dt.date(2021, 10, 25), "Ban Chấp hành Trung ương Đảng", "xây dựng Đảng",
     "Về những điều đảng viên không được làm"),
    ("Quy định", "QĐ", "22-QĐ/TW", dt.date(2021, 7, 28), "Ban Chấp hành Trung ương Đảng", "kiểm tra, giám sát",
     "Về công tác kiểm tra, giám sát và kỷ luật của Đảng"),
    ("Kết luận", "KL", "14-KL/TW", dt.date(2021, 9, 22), "Bộ Chính trị", "công tác cán bộ",
     "Về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung"),
    ("Kết luận", "KL", "01-KL/TW", dt.date(2021, 5, 18), "Bộ Chính trị", "học tập và làm theo Bác",
     "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Chỉ thị", "CT", "05-CT/TW", dt.date(2016, 5, 15), "Bộ Chính trị", "học tập và làm theo Bác",
     "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("Quy định", "QĐ", "85-QĐ/TW", dt.date(2022, 10, 7), "Ban Bí thư", "tuyên truyền",
     "Về việc cán bộ, đảng viên thiết lập và sử dụng trang thông tin điện tử cá nhân trên Internet, mạng xã hội"),
    ("Nghị quyết", "NQ", "35-NQ/TW", dt.date(2018, 10, 22), "Bộ Chính trị", "tuyên truyền",
     "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới"),
    ("Nghị quyết", "NQ", "26-NQ/TW", dt.date(2018, 5, 19), "Ban Chấp hành Trung ương Đảng", "công tác cán bộ",
     "Về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ"),
)  # fmt: skip

# Cited in bodies, never in the archive: State documents and Party documents of other bodies.
EXTERNAL_CITATIONS = (
    "Luật Phòng, chống tham nhũng số 36/2018/QH14, ngày 20/11/2018 của Quốc hội",
    "Nghị định số 30/2020/NĐ-CP, ngày 05/3/2020 của Chính phủ về công tác văn thư",
    "Quyết định số 1390/QĐ-TTg, ngày 29/10/2021 của Thủ tướng Chính phủ",
    "Hướng dẫn số 1203-HD/BTGTW, ngày 15/02/2014 của Ban Tuyên giáo Trung ương",
    "Công văn số 6485-CV/BTCTW, ngày 12/7/2019 của Ban Tổ chức Trung ương",
    "Hướng dẫn số 1098-HD/BTCTW, ngày 03/4/2013 của Ban Tổ chức Trung ương",
    "Quyết định số 1846/QĐ-TTg, ngày 09/11/2020 của Thủ tướng Chính phủ",
    "Thông tư số 01/2011/TT-BNV, ngày 19/01/2011 của Bộ Nội vụ",
)

# -- body phrase banks ---------------------------------------------------------------------------

_PURPOSES = (
    "Tạo sự thống nhất cao về nhận thức và hành động trong Đảng, sự đồng thuận xã hội về vai trò, vị trí của {topic}; phát huy vai trò, trách nhiệm của các cấp ủy, tổ chức đảng, cơ quan, đơn vị, cán bộ, đảng viên và Nhân dân.",
    "Quán triệt sâu sắc và tổ chức thực hiện nghiêm túc, có hiệu quả chủ trương của Đảng về {topic}, tạo chuyển biến rõ nét trong lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng các cấp.",
    "Củng cố, tăng cường niềm tin của cán bộ, đảng viên và Nhân dân đối với Đảng, Nhà nước và chế độ xã hội chủ nghĩa; cổ vũ, động viên toàn Đảng bộ chung sức, đồng lòng thực hiện thắng lợi nhiệm vụ chính trị của địa phương.",
    "Xác định rõ mục tiêu, nhiệm vụ, giải pháp và phân công trách nhiệm cụ thể cho từng cơ quan, đơn vị trong việc triển khai {topic} phù hợp với điều kiện thực tiễn của địa phương.",
)
_REQUIREMENTS = (
    "Việc triển khai phải bảo đảm nghiêm túc, thiết thực, hiệu quả, tránh hình thức; gắn với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị và kỷ niệm các ngày lễ lớn, sự kiện lịch sử.",
    "Công tác tuyên truyền phải linh hoạt, sáng tạo, bám sát thực tiễn; nội dung có trọng tâm, trọng điểm, hình thức phong phú, phù hợp với từng đối tượng.",
    "Các cấp ủy, tổ chức đảng phải xác định đây là nhiệm vụ thường xuyên, lâu dài; người đứng đầu trực tiếp lãnh đạo, chỉ đạo và chịu trách nhiệm về kết quả thực hiện.",
    "Định kỳ sơ kết, tổng kết, đánh giá kết quả, rút kinh nghiệm; kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích tiêu biểu, xuất sắc.",
)
_TASKS = (
    "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, tổ chức đảng đối với {topic}; đưa nội dung này vào chương trình công tác toàn khóa và hằng năm của cấp ủy.",
    "Đổi mới nội dung, hình thức sinh hoạt chi bộ, nâng cao chất lượng sinh hoạt chuyên đề; chú trọng giáo dục chính trị, tư tưởng, đạo đức, lối sống cho cán bộ, đảng viên.",
    "Nắm chắc và dự báo sát tình hình tư tưởng, dư luận xã hội, nhất là những vấn đề cán bộ, đảng viên và Nhân dân quan tâm; kịp thời định hướng thông tin, giải quyết dứt điểm những vấn đề phát sinh tại cơ sở.",
    "Đẩy mạnh cải cách hành chính trong Đảng, ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động của các cơ quan đảng, bảo đảm thông suốt, hiệu quả.",
    "Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; giữ gìn đoàn kết nội bộ; siết chặt kỷ luật, kỷ cương trong Đảng.",
    "Biểu dương, nhân rộng mô hình hay, cách làm hiệu quả, gương cán bộ, đảng viên và Nhân dân tiêu biểu; lan tỏa những nhân tố mới, điển hình tiên tiến trong {topic}.",
    "Kiện toàn tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; rà soát, sắp xếp đội ngũ cán bộ bảo đảm đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ.",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, chấn chỉnh những hạn chế, thiếu sót; xử lý nghiêm tổ chức, cá nhân vi phạm.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong giám sát, phản biện xã hội, vận động Nhân dân tham gia xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh.",
    "Bố trí nguồn lực phù hợp, bảo đảm kinh phí cho việc triển khai thực hiện; lồng ghép với các chương trình, đề án đang thực hiện trên địa bàn.",
)
_FORMS = (
    "Trên trang/cổng thông tin điện tử, mạng xã hội với nội dung và các hình thức phù hợp như video, clip, bài viết, biểu ngữ, tin nhắn.",
    "Qua hệ thống loa phát thanh cơ sở, đội thông tin lưu động, báo cáo viên, tuyên truyền viên cơ sở.",
    "Các phương tiện cổ động trực quan: khẩu hiệu, băng rôn, panô, áp phích, triển lãm văn hóa - văn nghệ.",
    "Thông qua sinh hoạt chi bộ, hội nghị báo cáo viên định kỳ, tọa đàm, hội thảo khoa học.",
    "Tổ chức cuộc thi tìm hiểu, sáng tác, quảng bá các tác phẩm văn học - nghệ thuật về {topic}.",
)
_ASSIGNMENTS = (
    (
        "Ban Tuyên giáo",
        "Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, định hướng công tác tuyên truyền; theo dõi, đôn đốc, kiểm tra việc thực hiện và định kỳ báo cáo cấp ủy.",
    ),
    (
        "Ban Tổ chức",
        "Tham mưu cấp ủy kiện toàn tổ chức, bố trí cán bộ; hướng dẫn đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên gắn với kết quả thực hiện.",
    ),
    (
        "Ủy ban Kiểm tra",
        "Đưa nội dung thực hiện vào chương trình kiểm tra, giám sát hằng năm; kịp thời phát hiện, xử lý vi phạm.",
    ),
    (
        "Ban Dân vận",
        "Hướng dẫn Mặt trận Tổ quốc và các đoàn thể tuyên truyền, vận động đoàn viên, hội viên và Nhân dân hưởng ứng, tham gia.",
    ),
    (
        "Văn phòng",
        "Tham mưu theo dõi, đôn đốc việc thực hiện; tổng hợp tình hình, kết quả, báo cáo Thường trực cấp ủy theo quy định.",
    ),
    (
        "Các chi, đảng bộ trực thuộc",
        "Căn cứ nội dung này, xây dựng kế hoạch cụ thể, tổ chức thực hiện nghiêm túc, có hiệu quả; định kỳ 6 tháng, hằng năm báo cáo kết quả về cấp ủy cấp trên.",
    ),
)
_SIGNER_NAMES = (
    "Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Quang Minh", "Phạm Đức Thắng", "Hoàng Thị Hà", "Vũ Ngọc Sơn",
    "Đặng Văn Bình", "Bùi Thị Hương", "Đỗ Minh Tuấn", "Ngô Xuân Trường", "Dương Thị Thu", "Lý Văn Cường",
    "Cù Ngọc Cường", "Hà Văn Khoa", "Mai Thị Ngọc", "Đinh Công Thành",
)  # fmt: skip


def _q(text: str) -> str:
    """A YAML scalar that is always read back as this exact string."""
    return json.dumps(text, ensure_ascii=False)


def _term_start(body: Body, day: dt.date) -> dt.date:
    terms = _TW_TERMS if body.level == "Trung ương" else _LOCAL_TERMS
    return max(t for t in terms if t <= day)


class _Generator:
    def __init__(self, count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = count
        provinces = max(2, min(12, count // 800 + 2))
        districts = 4 if count >= 2000 else 3
        communes = 3 if count >= 2000 else 2
        self.bodies = build_registry(self.rng, provinces, districts, communes)
        self.by_name = {b.name: b for b in self.bodies}
        self.children: dict[str, list[Body]] = defaultdict(list)
        for body in self.bodies:
            if body.parent:
                self.children[body.parent].append(body)
        self.docs: list[Doc] = []
        self.by_body: dict[str, list[Doc]] = defaultdict(list)

    def ancestors(self, body: Body) -> list[Body]:
        """Bodies above: the parent committee's departments count as above a lower committee."""
        result: list[Body] = []
        current = body
        while current.parent:
            parent = self.by_name[current.parent]
            result.append(parent)
            # The parent committee's departments guide the lower level too.
            result.extend(
                b for b in self.children[parent.name] if b.level == parent.level and b.kind != "cap-uy"
            )
            current = parent
        if body.level == "Trung ương" and body.kind != "cap-uy":
            result.extend(self.by_name[n] for n, *_ in _TW_BODIES[:3])
        return [b for b in result if b is not body]

    def plan(self) -> None:
        rng = self.rng
        real = [r for r in REAL_DOCUMENTS][: max(0, min(len(REAL_DOCUMENTS), self.count // 10))]
        level_share = {"Trung ương": 0.05, "tỉnh": 0.3, "huyện": 0.4, "cơ sở": 0.25}
        by_level: dict[str, list[Body]] = defaultdict(list)
        for body in self.bodies:
            by_level[body.level].append(body)
        levels = list(level_share)
        level_weights = list(accumulate(level_share[lv] for lv in levels))
        span = (END - START).days
        planned: list[Doc] = []
        for type_name, code, symbol, day, issuer, topic, title in real:
            doc = Doc(0, self.by_name[issuer], type_name, code, day, topic, title, symbol=symbol, real=True)
            doc.weight = 60.0
            planned.append(doc)
        topic_names = list(TOPICS)
        for _ in range(self.count - len(real)):
            level = rng.choices(levels, cum_weights=level_weights)[0]
            body = rng.choice(by_level[level])
            type_name, code, _w = rng.choices(_TYPES[body.kind], weights=[t[2] for t in _TYPES[body.kind]])[0]
            day = START + dt.timedelta(days=rng.randrange(span))
            topic = rng.choice(topic_names)
            doc = Doc(0, body, type_name, code, day, topic, self._title(type_name, topic))
            # A few documents everyone cites: Pareto weights.
            doc.weight = rng.paretovariate(1.3) * (
                4.0 if type_name in ("Nghị quyết", "Chỉ thị", "Kết luận") else 1.0
            )
            planned.append(doc)
        planned.sort(key=lambda d: (d.date, d.body.name, d.type_name, d.title))
        for index, doc in enumerate(planned):
            doc.index = index
        self.docs = planned

    def _title(self, type_name: str, topic: str) -> str:
        lead = self.rng.choice(_TITLE_LEADS.get(type_name, ("về",)))
        subject = self.rng.choice(TOPICS[topic])
        suffix = ""
        if type_name in ("Kế hoạch", "Chương trình", "Báo cáo") and self.rng.random() < 0.5:
            suffix = self.rng.choice((" năm {y}", " giai đoạn {y}-{z}", " 6 tháng đầu năm {y}"))
        text = f"{lead} {subject}{suffix}"
        return text[0].upper() + text[1:]

    def number(self) -> None:
        """Symbols: numbers restart per issuer scope, type code and term."""
        counters: dict[tuple[str, str, dt.date], int] = defaultdict(int)
        reserved: dict[tuple[str, str, dt.date], set[int]] = defaultdict(set)
        taken_identity: set[tuple[str, dt.date]] = set()
        taken_url: set[str] = set()
        for doc in self.docs:
            if doc.real:
                term = _term_start(doc.body, doc.date)
                code = doc.symbol.split("-")[1].split("/")[0]
                reserved[("TW", code, term)].add(int(doc.symbol.split("-")[0]))
        for doc in self.docs:
            body = doc.body
            if not doc.real:
                code = doc.code
                if doc.type_name == "Quy định" and body.level == "Trung ương" and doc.date.year >= 2018:
                    code = "QĐi"
                scope = "TW" if body.code == "TW" else body.name
                term = _term_start(body, doc.date)
                key = (scope, code, term)
                counters[key] += 1
                while counters[key] in reserved[("TW", code, term)] and scope == "TW":
                    counters[key] += 1
                number = counters[key]
                if code == "CV":
                    number = number * 3 + self.rng.randrange(3)  # công văn are many; numbers run high
                    counters[key] = number
                doc.symbol = f"{number:02d}-{code}/{body.code}"
                # Title placeholders that need the date.
                doc.title = doc.title.format(y=doc.date.year, z=doc.date.year + 4)
            while (doc.symbol, doc.date) in taken_identity:
                doc.date += dt.timedelta(days=1)
            taken_identity.add((doc.symbol, doc.date))
            # Ids are unique in the whole archive: a repeated symbol gets its year, then its place.
            slug = slugify(doc.symbol)
            for candidate in (slug, f"{slug}-{doc.date.year}", f"{slug}-{slugify(body.place)}-{doc.index}"):
                if candidate not in taken_url:
                    break
            if candidate != slug:
                doc.id = candidate
            taken_url.add(candidate)

    def relate(self) -> None:
        rng = self.rng
        pools: dict[str, list[Doc]] = defaultdict(list)
        for doc in self.docs:
            above = self.ancestors(doc.body)
            candidates: list[Doc] = []
            for body in above:
                candidates.extend(pools[body.name][-300:])
            candidates = [c for c in candidates if c.date <= doc.date]
            if (
                candidates
                and not doc.real
                and rng.random() < (0.9 if doc.body.level != "Trung ương" else 0.5)
            ):
                wanted = 1 + (rng.random() < 0.45) + (rng.random() < 0.15)
                weights = [c.weight * (3.0 if c.body.name == doc.body.parent else 1.0) for c in candidates]
                chosen: list[Doc] = []
                for _ in range(wanted * 2):
                    pick = rng.choices(candidates, weights=weights)[0]
                    if pick not in chosen:
                        chosen.append(pick)
                    if len(chosen) == wanted:
                        break
                doc.basis = chosen
                if chosen and rng.random() < 0.5:
                    doc.topic = chosen[0].topic
            same = pools[doc.body.name]
            if not doc.real and rng.random() < 0.04:
                earlier = [
                    d for d in same[-60:] if d.type_name == doc.type_name and d.status == "còn hiệu lực"
                ]
                if earlier:
                    old = rng.choice(earlier)
                    doc.replaces = old
                    old.status = "bị thay thế"
            same.append(doc)
        for doc in self.docs:
            if doc.status == "còn hiệu lực":
                doc.status = rng.choices(
                    ("còn hiệu lực", "hết hiệu lực", "chưa xác định", "hết hiệu lực một phần"),
                    weights=(70, 15, 12, 3),
                )[0]

    # -- writing -------------------------------------------------------------------------------

    def body_text(self, doc: Doc) -> str:
        rng = self.rng
        topic = rng.choice(TOPICS[doc.topic])
        parts: list[str] = []
        if doc.basis:
            cited = "; ".join(f"{b.citation()} {b.title[0].lower()}{b.title[1:]}" for b in doc.basis)
            verb = _VERB_OF_TYPE.get(doc.type_name, "triển khai thực hiện")
            parts.append(f"Căn cứ {cited}, {doc.body.name} {verb} như sau:")
        else:
            parts.append(
                f"Để triển khai có hiệu quả công tác {topic}, {doc.body.name} {_VERB_OF_TYPE.get(doc.type_name, 'ban hành văn bản')} như sau:"
            )
        target = int(rng.lognormvariate(8.4, 0.45))  # bytes: median ~4.4 KB
        if rng.random() < 0.05:
            target *= 4
        target = max(1800, min(target, 60000))
        size = len(parts[0]) * 1.3
        sections = (
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG, NHIỆM VỤ TRỌNG TÂM",
            "III. HÌNH THỨC, GIẢI PHÁP",
            "IV. TỔ CHỨC THỰC HIỆN",
        )
        recent = [
            d
            for d in self.docs[max(0, doc.index - 400) : doc.index]
            if d.body.level in ("Trung ương", "tỉnh")
        ]
        for s_index, heading in enumerate(sections):
            parts.append(f"## {heading}")
            if s_index == 0:
                parts.append("### 1. Mục đích")
                parts.extend(f"- {p.format(topic=topic)}" for p in rng.sample(_PURPOSES, 2))
                parts.append("### 2. Yêu cầu")
                parts.extend(f"- {p}" for p in rng.sample(_REQUIREMENTS, 2))
                continue
            if s_index == 3:
                for n, (who, what) in enumerate(rng.sample(_ASSIGNMENTS, 3), 1):
                    parts.append(f"### {n}. {who}")
                    parts.append(what)
                continue
            bank = _TASKS if s_index == 1 else _FORMS
            n = 1
            while size < target * (0.45 if s_index == 1 else 0.8) or n <= 2:
                sentence = rng.choice(bank).format(topic=rng.choice(TOPICS[rng.choice(list(TOPICS))]))
                if s_index == 1 and rng.random() < 0.25:
                    if recent and rng.random() < 0.7:
                        other = rng.choice(recent)
                        sentence += f" Tiếp tục quán triệt tinh thần {other.citation()} {other.title[0].lower()}{other.title[1:]}."
                    else:
                        sentence += f" Bám sát tinh thần {rng.choice(EXTERNAL_CITATIONS)}."
                parts.append(f"{n}. {sentence}")
                size += len(sentence.encode()) + 4
                n += 1
                if n > 400:
                    break
            size += 300
        parts.append(
            f"Nhận được văn bản này, đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc; quá trình thực hiện có vướng mắc, báo cáo về {doc.body.name} để xem xét, giải quyết."
        )
        return "\n\n".join(parts) + "\n"

    def front_matter(self, doc: Doc) -> str:
        rng = self.rng
        lines = ["---"]
        if doc.id:
            lines.append(f"id: {doc.id}")
        lines += [
            f"symbol: {_q(doc.symbol)}",
            f"type: {_q(doc.type_name)}",
            f"issuer: {_q(doc.body.name)}",
            f"date: {doc.date:%d/%m/%Y}",
            f"title: {_q(doc.title)}",
        ]
        authority = "T/M BAN THƯỜNG VỤ" if doc.body.kind in ("cap-uy", "dang-uy") else "K/T TRƯỞNG BAN"
        title = "BÍ THƯ" if doc.body.kind in ("cap-uy", "dang-uy") else "PHÓ TRƯỞNG BAN"
        lines.append(
            f"signer: {{name: {_q(rng.choice(_SIGNER_NAMES))}, title: {_q(title)}, authority: {_q(authority)}}}"
        )
        if doc.basis or doc.replaces:
            lines.append("relations:")
            if doc.basis:
                lines.append("  basis:")
                lines.extend(f"    - {_q(b.citation())}" for b in doc.basis)
            if doc.replaces:
                lines.append("  replaces:")
                lines.append(f"    - {_q(doc.replaces.citation())}")
        lines.append(f"status: {_q(doc.status)}")
        topics = [doc.topic]
        if rng.random() < 0.3:
            extra = rng.choice(list(TOPICS))
            if extra != doc.topic:
                topics.append(extra)
        lines.append(f"topics: [{', '.join(_q(t) for t in topics)}]")
        lines.append(f"place: {_q(doc.body.place)}")
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def files(self) -> Iterator[tuple[str, str]]:
        for doc in self.docs:
            name = doc.id or slugify(doc.symbol)
            yield f"{doc.date.year}/{name}.md", self.front_matter(doc) + self.body_text(doc)


def generate_archive(out: Path, count: int, seed: int = 1) -> None:
    """Write a synthetic archive of `count` documents (and its `co-quan.yml`) into `out`."""
    if count < 1:
        raise ValueError("count must be at least 1")
    generator = _Generator(count, seed)
    generator.plan()
    generator.number()
    generator.relate()
    out.mkdir(parents=True, exist_ok=True)
    (out / "co-quan.yml").write_text(registry_yaml(generator.bodies), encoding="utf-8")
    made: set[Path] = set()
    for relative, text in generator.files():
        path = out / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
