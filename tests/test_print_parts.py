"""The paper form of a document page (hidden on screen, printed by print.css): its head and its end,
line by line, on the forms real documents take, each row saying where the form was seen.

Rows come from the sample archive (`directives/`, the front matter copied as it is there) and from
the import corpus (`tests/corpus/texts/NNN_*.txt`, the fields as `tests/corpus/references.json`
annotates them); the registry entries are copied from `directives/co-quan.yml`.
"""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import TODAY, write_files
from vankien.core.model import Document
from vankien.core.urls import link_maker
from vankien.graph.analysis import Analysis, analyse_archive
from vankien.web.document_page import PageContext, render_document_page

REGISTRY = """\
- name: Ban Chấp hành Trung ương Đảng
  code: TW
  level: Trung ương
  aliases: [Ban Chấp hành Trung ương, BCH Trung ương, BCH TW, Trung ương Đảng]
- name: Ban Bí thư
  code: TW
  parent: Ban Chấp hành Trung ương Đảng
  level: Trung ương
- name: Ban Tuyên giáo Trung ương
  code: BTGTW
  parent: Ban Chấp hành Trung ương Đảng
  level: Trung ương
- name: Văn phòng Trung ương Đảng
  code: VPTW
  parent: Ban Chấp hành Trung ương Đảng
  level: Trung ương
- name: Tỉnh ủy Bắc Kạn
  code: TU
  parent: Ban Chấp hành Trung ương Đảng
  level: tỉnh
- name: Ban Tuyên giáo Tỉnh ủy Bắc Kạn
  code: BTGTU
  parent: Tỉnh ủy Bắc Kạn
  level: tỉnh
- name: Thành ủy Bắc Kạn
  parent: Tỉnh ủy Bắc Kạn
  level: huyện
- name: Ban Tổ chức Tỉnh ủy
  code: BTCTU
  level: tỉnh
- name: Ủy ban nhân dân tỉnh Bắc Ninh
  level: tỉnh
- name: Cổng Thông tin điện tử Chính phủ
  level: Trung ương
  aliases: [Chinhphu.vn]
"""

THANH_UY_TITLE = "Đẩy mạnh tuyên truyền về công tác xây dựng Đảng và hệ thống chính trị"
RECIPIENTS = [
    "Ban Tuyên giáo Tỉnh ủy (b/c)",
    "T.Tr Thành ủy, HĐND, UBND thành phố",
    "Các chi, đảng bộ trực thuộc Thành ủy",
    "MTTQ và các đoàn thể tp",
    "Lưu Văn phòng Thành ủy",
]

# (where seen, file name, front matter, the head's lines, the end's lines or None for no end)
ROWS: list[tuple[str, str, str, list[str], list[str] | None]] = [
    (
        "directives/chua-ro-ngay/hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.md: a district-level "
        "committee under its Tỉnh ủy, no number, no date; T/M signature and five recipients",
        "hd-thanh-uy.md",
        f"""\
        id: hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang
        type: Hướng dẫn
        issuer: Thành ủy Bắc Kạn
        date: chưa rõ
        title: {THANH_UY_TITLE}
        signer:
          name: Cù Ngọc Cường
          title: BÍ THƯ
          authority: T/M BAN THƯỜNG VỤ
        recipients:
          - Ban Tuyên giáo Tỉnh ủy (b/c)
          - T.Tr Thành ủy, HĐND, UBND thành phố
          - Các chi, đảng bộ trực thuộc Thành ủy
          - MTTQ và các đoàn thể tp
          - Lưu Văn phòng Thành ủy
        """,
        [
            # A committee heads its own documents; the line above a district committee is not in
            # the registry (nor in the text), so it is left out rather than guessed.
            "THÀNH ỦY BẮC KẠN",
            "*",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "HƯỚNG DẪN",
            THANH_UY_TITLE,
        ],
        ["Nơi nhận:", *RECIPIENTS, "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Cù Ngọc Cường"],
    ),
    (
        "directives/2023/39-hd-btgtu.md: a Ban of the Tỉnh ủy, with number and date, no place, no "
        "signature or recipients (the archive has only the citation)",
        "39-hd-btgtu.md",
        f"""\
        symbol: 39-HD/BTGTU
        type: Hướng dẫn
        issuer: Ban Tuyên giáo Tỉnh ủy Bắc Kạn
        date: 26/06/2023
        title: {THANH_UY_TITLE}
        """,
        [
            # A Ban under its committee, by its short name (as corpus 009's Văn phòng).
            "TỈNH ỦY BẮC KẠN",
            "BAN TUYÊN GIÁO",
            "*",
            "Số 39-HD/BTGTU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Ngày 26 tháng 6 năm 2023",
            "HƯỚNG DẪN",
            THANH_UY_TITLE,
        ],
        None,
    ),
    (
        "directives/2018/08-qdi-tw.md: the Ban Chấp hành Trung ương, which the registry puts under no body",
        "08-qdi-tw.md",
        """\
        symbol: 08-QĐi/TW
        type: Quy định
        issuer: Ban Chấp hành Trung ương Đảng
        date: 25/10/2018
        title: Trách nhiệm nêu gương của cán bộ, đảng viên
        """,
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "*",
            "Số 08-QĐi/TW",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Ngày 25 tháng 10 năm 2018",
            "QUY ĐỊNH",
            "Trách nhiệm nêu gương của cán bộ, đảng viên",
        ],
        None,
    ),
    (
        "directives/2012/101-qd-tw.md: a day below 10, written with its zero as the forms write it",
        "101-qd-tw.md",
        """\
        symbol: 101-QĐ/TW
        type: Quy định
        issuer: Ban Bí thư
        date: 07/06/2012
        title: Trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp
        """,
        [
            # The Ban Bí thư's documents are headed by the committee alone (corpus 003, 010).
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "*",
            "Số 101-QĐ/TW",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Ngày 07 tháng 6 năm 2012",
            "QUY ĐỊNH",
            "Trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp",
        ],
        None,
    ),
    (
        "directives/2022/21-nq-tw.md: the citation does not name the issuer (`issuer: chưa rõ`)",
        "21-nq-tw.md",
        """\
        symbol: 21-NQ/TW
        type: Nghị quyết
        issuer: chưa rõ
        date: 16/06/2022
        title: Tăng cường củng cố, xây dựng tổ chức cơ sở Đảng
        """,
        [
            "Số 21-NQ/TW",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Ngày 16 tháng 6 năm 2022",
            "NGHỊ QUYẾT",
            "Tăng cường củng cố, xây dựng tổ chức cơ sở Đảng",
        ],
        None,
    ),
    (
        "directives/chua-ro-ngay/kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024.md: a body the "
        "registry knows without its parent (the text names no province); no number, date, signature",
        "kh-ban-to-chuc.md",
        """\
        id: kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024
        type: Kế hoạch
        issuer: Ban Tổ chức Tỉnh ủy
        date: chưa rõ
        title: Tuyên truyền về công tác xây dựng Đảng, hệ thống chính trị năm 2024
        """,
        [
            "BAN TỔ CHỨC TỈNH ỦY",
            "*",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "KẾ HOẠCH",
            "Tuyên truyền về công tác xây dựng Đảng, hệ thống chính trị năm 2024",
        ],
        None,
    ),
    (
        "corpus 009 (2430-CV/VPTW): a Công văn, its trích yếu under Số and no type heading; "
        "place and a month below 3 ('Hà Nội, ngày 07 tháng 02 năm 2012')",
        "2430-cv-vptw.md",
        """\
        symbol: 2430-CV/VPTW
        type: Công văn
        issuer: Văn phòng Trung ương Đảng
        date: 07/02/2012
        place: Hà Nội
        title: Về một số vấn đề liên quan đến đi công tác ở cơ sở
        """,
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "VĂN PHÒNG",
            "*",
            "Số 2430-CV/VPTW",
            "Về một số vấn đề liên quan đến đi công tác ở cơ sở",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Hà Nội, ngày 07 tháng 02 năm 2012",
        ],
        None,
    ),
    (
        "corpus 014 (126-HD/BTGTW): the signer's name only (the page gives no title or authority), "
        "no recipients",
        "126-hd-btgtw.md",
        """\
        symbol: 126-HD/BTGTW
        type: Hướng dẫn
        issuer: Ban Tuyên giáo Trung ương
        date: 19/12/2023
        place: Hà Nội
        title: Tuyên truyền kỷ niệm các ngày lễ lớn và sự kiện lịch sử quan trọng trong năm 2024
        signer:
          name: Phan Xuân Thủy
        """,
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG",
            "BAN TUYÊN GIÁO",
            "*",
            "Số 126-HD/BTGTW",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Hà Nội, ngày 19 tháng 12 năm 2023",
            "HƯỚNG DẪN",
            "Tuyên truyền kỷ niệm các ngày lễ lớn và sự kiện lịch sử quan trọng trong năm 2024",
        ],
        ["Phan Xuân Thủy"],
    ),
    (
        "corpus 050 (344/KH-UBND, thuvienphapluat): a State plan: the State's name and motto where a "
        'Party document has the Party\'s, no star, "Số:"',
        "344-kh-ubnd.md",
        """\
        symbol: 344/KH-UBND
        type: Kế hoạch
        issuer: Ủy ban nhân dân tỉnh Bắc Ninh
        date: 30/05/2025
        place: Bắc Ninh
        title: Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
        """,
        [
            "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
            "Số: 344/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Bắc Ninh, ngày 30 tháng 5 năm 2025",
            "KẾ HOẠCH",
            "Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        ],
        None,
    ),
    (
        "directives/2023/tin-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he.md: a news item, "
        "printed as an article: headline, source, date and time, the author last",
        "tin-chinhphu.md",
        f"""\
        id: tin-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he
        type: Tin bài
        issuer: Cổng Thông tin điện tử Chính phủ
        date: 15/09/2023
        title: {THANH_UY_TITLE}
        source: Chinhphu.vn
        author: Hoàng Giang
        time: '16:22'
        """,
        [THANH_UY_TITLE, "Cổng Thông tin điện tử Chính phủ · 15/09/2023 16:22"],
        ["Hoàng Giang"],
    ),
    (
        "directives/chua-ro-ngay/tin-dang-uy-khoi-cac-co-quan-trung-uong-day-manh-xay-dung.md: a news "
        "item with neither source nor date",
        "tin-dang-uy-khoi.md",
        """\
        id: tin-dang-uy-khoi-cac-co-quan-trung-uong-day-manh-xay-dung
        type: Tin bài
        issuer: chưa rõ
        date: chưa rõ
        title: 'Đảng ủy Khối các cơ quan Trung ương: Đẩy mạnh xây dựng, chỉnh đốn Đảng'
        author: Thu Hằng
        """,
        ["Đảng ủy Khối các cơ quan Trung ương: Đẩy mạnh xây dựng, chỉnh đốn Đảng"],
        ["Thu Hằng"],
    ),
]


class PrintBlocks(HTMLParser):
    """The lines (paragraphs and list items) of the print-only head and end of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: dict[str, list[str]] = {}
        self.order: list[str] = []
        self._block: str | None = None
        self._depth = 0
        self._line: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._block is None and "vk-print" in classes:
            self._block = "head" if "vk-print-head" in classes else "foot"
            assert self._block not in self.blocks, f"two print {self._block}s"
            self.blocks[self._block] = []
            self._depth = 0
        if self._block is None:
            return
        if tag == "div":
            self._depth += 1
        if tag in ("p", "li"):
            self._line = []

    def handle_endtag(self, tag: str) -> None:
        if self._block is None:
            return
        if tag in ("p", "li") and self._line is not None:
            self.blocks[self._block].append("".join(self._line))
            self._line = None
        if tag == "div":
            self._depth -= 1
            if self._depth == 0:
                self.order.append(self._block)
                self._block = None

    def handle_data(self, data: str) -> None:
        if self._line is not None:
            self._line.append(data)


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    root = tmp_path_factory.mktemp("print-forms")
    files = {"co-quan.yml": REGISTRY}
    for _, name, front_matter, _, _ in ROWS:
        files[name] = f"---\n{textwrap.dedent(front_matter)}---\nNội dung văn bản.\n"
    return analyse_archive(write_files(root, files), today=TODAY)


def _document(analysis: Analysis, name: str) -> Document:
    found = [d for d in analysis.archive if Path(d.path).name == name]
    assert found, f"{name} did not load: {[p.format() for p in analysis.problems]}"
    return found[0]


def _page(analysis: Analysis, document: Document) -> str:
    context = PageContext.of(analysis.graph, "van-ban")
    return render_document_page(document, "<p>Nội dung văn bản.</p>", context, link_maker(document.url))


@pytest.mark.parametrize(
    ("name", "head", "foot"),
    [pytest.param(name, head, foot, id=name) for _, name, _, head, foot in ROWS],
)
def test_the_paper_form_of_each_real_form(
    analysis: Analysis, name: str, head: list[str], foot: list[str] | None
) -> None:
    parsed = PrintBlocks()
    parsed.feed(_page(analysis, _document(analysis, name)))
    assert parsed.blocks.get("head") == head
    assert parsed.blocks.get("foot") == foot
    # What the front matter does not know is left out, never printed as unknown.
    printed = " ".join(parsed.blocks.get("head", []) + parsed.blocks.get("foot", []))
    assert "chưa rõ" not in printed and "None" not in printed


def test_the_head_comes_first_and_the_end_right_after_the_full_text(analysis: Analysis) -> None:
    page = _page(analysis, _document(analysis, "hd-thanh-uy.md"))
    head = page.index('<div class="vk-print vk-print-head">')
    bar = page.index('<nav class="vk-jump"')
    fulltext = page.index('<section class="vk-fulltext"')
    end = page.index('<div class="vk-print vk-print-foot">')
    assert head == 0 < bar < page.index('id="thuoc-tinh"') < fulltext < end < page.index('id="luoc-do"')
    assert page[:end].endswith("<p>Nội dung văn bản.</p></section>")


def test_the_print_button_is_a_real_button_hidden_until_its_script_runs(analysis: Analysis) -> None:
    page = _page(analysis, _document(analysis, "39-hd-btgtu.md"))
    bar = page[page.index('<nav class="vk-jump"') :]
    bar = bar[: bar.index("</nav>")]
    assert '<button type="button" class="vk-print-button" hidden>In văn bản</button>' in bar
    assert "onclick" not in page


def test_the_rows_say_where_they_were_seen() -> None:
    corpus = Path(__file__).parent / "corpus" / "texts"
    repo = Path(__file__).resolve().parents[1]
    for where, *_ in ROWS:
        source = where.split(":")[0].split(" (")[0]
        if source.startswith("corpus "):
            assert list(corpus.glob(f"{source.split()[1]}_*.txt")), where
        else:
            assert (repo / source).exists(), where
