"""Relevance: for each query, the expected document must be in the top 3 (the hit rate is printed).

Run in Python on the same index files and the same scoring the browser uses
(`tests/browser/test_search_browser.py` proves the browser ranks identically).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.support.search_oracle import Searcher, searcher_in_memory
from tests.support.synthetic import generate_archive
from vankien.core.loader import load_archive
from vankien.search.index import Entry, build_index

SYNTHETIC_COUNT = 400

# (query, expected document url, why). Sample archive (directives/).
SAMPLE = [
    ("39-HD/BTGTU", "van-ban/2023/39-hd-btgtu/", "symbol as written"),
    ("39 hd btgtu", "van-ban/2023/39-hd-btgtu/", "symbol, spaces, lower case"),
    ("39/HD-BTGTU", "van-ban/2023/39-hd-btgtu/", "symbol written State-style"),
    ("Thành ủy Bắc Kạn", "van-ban/chua-ro-nam/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang/", "issuer"),
    (
        "thanh uy bac kan huong dan",
        "van-ban/chua-ro-nam/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang/",
        "issuer + type, unaccented",
    ),
    ("Búa liềm vàng", "van-ban/chua-ro-nam/kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024/", "topic"),
    (
        "ke hoach tuyen truyen 2024",
        "van-ban/chua-ro-nam/kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024/",
        "type + title, unaccented",
    ),
    (
        "Ban Tổ chức Tỉnh ủy",
        "van-ban/chua-ro-nam/kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024/",
        "issuer",
    ),
    ("Ban Tuyen giao", "van-ban/2023/39-hd-btgtu/", "issuer, unaccented"),
    (
        "tuyen truyenn ke hoach",
        "van-ban/chua-ro-nam/kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024/",
        "one-letter typo",
    ),
]

# Synthetic archive: the real Trung ương documents it always holds (tests.support.synthetic.REAL_DOCUMENTS).
SYNTHETIC = [
    ("21-KL/TW", "21-KL/TW 2021-10-25", "symbol as written"),
    ("21-kl/tw", "21-KL/TW 2021-10-25", "lower case"),
    ("21 KL TW", "21-KL/TW 2021-10-25", "spaces"),
    ("21/KL-TW", "21-KL/TW 2021-10-25", "State-style"),
    ("Kết luận 21-KL/TW", "21-KL/TW 2021-10-25", "type + symbol"),
    ("101-QĐ/TW", "101-QĐ/TW 2023-02-28", "repeated symbol: newest first"),
    ("101-QD/TW", "101-QĐ/TW 2012-06-07", "repeated symbol: the older one in the top 3 too"),
    ("08-QĐi/TW", "08-QĐi/TW 2018-10-25", "QĐi"),
    ("8 qdi tw", "08-QĐi/TW 2018-10-25", "no leading zero, spaces, unaccented"),
    ("21-NQ/TW", "21-NQ/TW 2022-06-16", "same number, other type"),
    ("những điều đảng viên không được làm", "37-QĐ/TW 2021-10-25", "title"),
    ("nhung dieu dang vien khong duoc lam", "37-QĐ/TW 2021-10-25", "title, unaccented"),
    ("nhung dieu dang vien khong duoc lamm", "37-QĐ/TW 2021-10-25", "title, one-letter typo"),
    ("bảo vệ cán bộ năng động sáng tạo", "14-KL/TW 2021-09-22", "title words"),
    ("bao ve can bo nang dong sang tao", "14-KL/TW 2021-09-22", "title words, unaccented"),
    ("nêu gương Ủy viên Bộ Chính trị", "08-QĐi/TW 2018-10-25", "title words"),
    ("Nghị quyết 35 bảo vệ nền tảng tư tưởng của Đảng", "35-NQ/TW 2018-10-22", "type, number, title"),
    ("nghi quyet 35 bao ve nen tang tu tuong", "35-NQ/TW 2018-10-22", "unaccented"),
    ("nghi quyet 35 bao ve nen tang tu tuongg", "35-NQ/TW 2018-10-22", "one-letter typo"),
    ("lãnh đạo cơ quan báo chí", "101-QĐ/TW 2023-02-28", "title"),
    ("lanh dao co quan bao chi", "101-QĐ/TW 2023-02-28", "title, unaccented"),
    ("trang thông tin điện tử cá nhân mạng xã hội", "85-QĐ/TW 2022-10-07", "title"),
    ("trang thong tin dien tu ca nhan", "85-QĐ/TW 2022-10-07", "title, unaccented"),
    ("kiểm tra giám sát kỷ luật của Đảng Quy định", "22-QĐ/TW 2021-07-28", "type + title"),
    ("cấp chiến lược ngang tầm nhiệm vụ", "26-NQ/TW 2018-05-19", "title"),
    ("phương thức lãnh đạo cầm quyền của Đảng đối với hệ thống chính trị", "28-NQ/TW 2022-11-17", "title"),
    ("Chỉ thị 05-CT/TW", "05-CT/TW 2016-05-15", "type + symbol"),
    ("Kết luận 01 của Bộ Chính trị", "01-KL/TW 2021-05-18", "type, short number, issuer"),
    ("tự diễn biến tự chuyển hóa", "21-KL/TW 2021-10-25", "title, quoted words"),
    ("tu dien bien tu chuyen hoa", "21-KL/TW 2021-10-25", "title, unaccented"),
    ("chỉnh đốn Đảng kết luận", "21-KL/TW 2021-10-25", "title + type"),
    ("chinh don dang ket luan", "21-KL/TW 2021-10-25", "title + type, unaccented"),
    ("xay dung to chuc co so dang chat luong dang vien", "21-NQ/TW 2022-06-16", "title"),
]


def _key(searcher: Searcher, number: int) -> str:
    doc = searcher.docs[number]
    return f"{doc[2]} {doc[3]}"


@pytest.fixture(scope="module")
def sample() -> Searcher:
    archive = load_archive(REPO / "directives")
    return searcher_in_memory(build_index([Entry.of(d) for d in archive]))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    root: Path = tmp_path_factory.mktemp("relevance")
    generate_archive(root, SYNTHETIC_COUNT, seed=1)
    archive = load_archive(root)
    return searcher_in_memory(build_index([Entry.of(d) for d in archive]))


def test_relevance(sample: Searcher, synthetic: Searcher, capsys: pytest.CaptureFixture[str]) -> None:
    misses = []
    total = 0
    for searcher, table, key in ((sample, SAMPLE, "url"), (synthetic, SYNTHETIC, "identity")):
        for query, expected, why in table:
            total += 1
            hits = searcher.search(query, limit=3)
            found = [h.url if key == "url" else _key(searcher, h.number) for h in hits]
            if expected not in found:
                misses.append(f"{query!r} ({why}): expected {expected}, got {found}")
    hit_rate = (total - len(misses)) / total
    with capsys.disabled():
        print(f"\nsearch relevance: {total - len(misses)}/{total} in the top 3 ({hit_rate:.0%})")
    assert total >= 30
    assert not misses, "\n".join(misses)


def test_symbol_ranks_the_document_first(synthetic: Searcher) -> None:
    for query in ("21-KL/TW", "21-kl/tw", "21 KL TW", "21/KL-TW"):
        assert _key(synthetic, synthetic.search(query, limit=1)[0].number) == "21-KL/TW 2021-10-25"
    both = [_key(synthetic, h.number) for h in synthetic.search("101-QĐ/TW", limit=2)]
    assert both == ["101-QĐ/TW 2023-02-28", "101-QĐ/TW 2012-06-07"]


def test_accented_and_unaccented_find_the_same_documents(synthetic: Searcher) -> None:
    accented = {h.number for h in synthetic.search("chỉnh đốn", limit=1000)}
    plain = {h.number for h in synthetic.search("chinh don", limit=1000)}
    assert accented and accented == plain


def test_exact_accents_rank_first() -> None:
    def entry(url: str, title: str) -> Entry:
        return Entry(url, "Quy định", "", "2020-01-01", "Ban Bí thư", title, "còn hiệu lực", (), "")

    searcher = searcher_in_memory(
        build_index([entry("a/", "Về thực hiện dân chủ ở cơ sở"), entry("b/", "Về dẫn chứng trong văn bản")])
    )
    assert [h.url for h in searcher.search("dân")] == ["a/", "b/"]
    assert [h.url for h in searcher.search("dẫn")] == ["b/", "a/"]
    assert {h.url for h in searcher.search("dan")} == {"a/", "b/"}
