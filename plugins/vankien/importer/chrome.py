"""Page chrome: what a web page puts around a document, recognised so that it never enters the
body and is never taken for metadata.

Seen on Party and provincial portals, legal-text sites and newspapers: menus and buttons
("In bài này", "Gửi bài này", "Chia sẻ"), breadcrumbs, visitor counters, posting date lines
("Thứ năm - 09/01/2020 09:32"), image captions, keyword lists, and, after the document,
related-article lists and comments.
"""

from __future__ import annotations

import re

from vankien.core.text import DASH, fold

# Lines that are page furniture wherever they stand (folded, so "In bài này" = "in bai nay").
_FURNITURE = frozenset(
    fold(line)
    for line in (
        "Top",
        "Lên đầu trang",
        "Về đầu trang",
        "In bài",
        "In bài này",
        "In trang",
        "Gửi bài",
        "Gửi bài này",
        "Gửi email",
        "Gửi cho bạn bè",
        "Chia sẻ",
        "Chia sẻ bài viết",
        "Share",
        "Tweet",
        "Like",
        "Facebook",
        "Zalo",
        "Twitter",
        "Email",
        "Print",
        "Quay lại",
        "Trở về",
        "Trở lại",
        "Bản in",
        "Lưu bài",
        "Lưu",
        "Theo dõi",
        "Đăng nhập",
        "Đăng ký",
        "Đăng xuất",
        "Open navigation",
        "Menu",
        "Trang chủ",
        "Tìm kiếm",
        "Xem thêm",
        "Xem tiếp",
        "Tải về",
        "Tải văn bản",
        "Tải file",
        "Văn bản gốc",
        "Mục lục",
        "Nghe đọc bài viết",
        "Nghe bài viết",
        "Cỡ chữ",
        "Đang tải văn bản...",
        "Đang tải văn bản",
        "Hình minh họa trên Internet",
        "Ảnh minh họa",
    )
)
# The tabs of a legal-text site's page: chrome around a document, a heading inside one.
_SITE_TABS = frozenset(
    fold(line) for line in ("Nội dung", "Tóm tắt", "Thuộc tính", "Lược đồ", "Toàn văn", "Văn bản tiếng Anh")
)

# After the document: the rest of the web page is comments, teasers and links.
_TAIL = frozenset(
    fold(line)
    for line in (
        "Có thể bạn quan tâm",
        "Bình luận",
        "Viết bình luận",
        "Ý kiến bạn đọc",
        "Gửi bình luận",
        "Gửi ý kiến",
        "Phản hồi",
        "Thông tin người gửi phản hồi",
        "Tin liên quan",
        "Bài liên quan",
        "Bài viết liên quan",
        "Các tin khác",
        "Các bài khác",
        "Các bài viết khác",
        "Bài viết khác",
        "Tin khác",
        "Tin cùng chuyên mục",
        "Tin cùng loại",
        "Tin mới nhất",
        "Tin mới",
        "Tin đã đưa",
        "Mới nhất",
        "Đọc nhiều nhất",
        "Xem nhiều nhất",
        "Liên kết website",
        "Từ khóa",
        "Văn bản liên quan",
        "Văn bản cùng lĩnh vực",
        "Văn bản mới",
        "Các văn bản khác",
    )
)

_WEEKDAY = r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)"
_CHROME_PATTERNS = (
    # Visitor counters: "Lượt xem: 1.234", "Đang truy cập: 12", "Tổng lượt truy cập 1234567".
    re.compile(
        r"^(?:Lượt\s+(?:xem|truy\s+cập|đọc)|Số\s+lượt|Đang\s+(?:truy\s+cập|online|trực\s+tuyến)|"
        r"Tổng\s+(?:số\s+)?lượt|Hôm\s+(?:nay|qua)|Trong\s+(?:tuần|tháng)|Tất\s+cả|Truy\s+cập)\b.{0,30}$",
        re.I,
    ),
    # Breadcrumbs: "Trang chủ > Tin tức > Xây dựng Đảng", "Trang chủ / Văn bản".
    re.compile(r"^(?:Trang\s+chủ|Home)\s*(?:[>»/|›]|$)", re.I),
    # Posting dates and times of the page: "Thứ năm - 09/01/2020 09:32", "Cập nhật: 08:30, 05/01/2022".
    re.compile(
        rf"^(?:{_WEEKDAY}\s*(?:,|{DASH})?\s*\d{{1,2}}/\d{{1,2}}/\d{{4}}"
        rf"|(?:Ngày\s+(?:đăng|cập\s+nhật)|Cập\s+nhật|Đăng\s+(?:lúc|ngày)|Thời\s+gian\s+đăng)\s*:?\s*\S.{{0,40}})"
        r"(?:.{0,30})$",
        re.I,
    ),
    # Keyword and tag lists.
    re.compile(r"^(?:Từ\s+kho[áa]|Tags?)\s*:", re.I),
    # Image credits and captions: "Ảnh: Thu Hằng", "(Ảnh minh họa)".
    re.compile(r"^\(?\s*Ảnh(?:\s+minh\s+họa)?\s*[:)]", re.I),
    # A legal-text site's search box: "Từ khoá: Số Hiệu, Tiêu đề hoặc Nội dung ngắn gọn ...".
    re.compile(r"Số\s+Hiệu,\s+Tiêu\s+đề", re.I),
)


_LIST_WORDS = frozenset(fold(word) for word in ("Lưu", "Lưu VT", "Lưu VP", "Lưu văn phòng"))


def is_furniture(line: str, *, outside: bool = False) -> bool:
    """A line that is page chrome; `outside` the document, also a site's tab labels ("Nội dung:")."""
    bare = line.strip(" *_#>-•|")
    if not bare:
        return False
    if re.match(r"^\s*[-+•]\s+\S", line) and fold(bare).rstrip(":. ") in _LIST_WORDS:
        return False  # "- Lưu." closes a list of recipients; "Lưu" alone is a page's save button
    folded = fold(bare).rstrip(":. ")
    if folded in _FURNITURE or (outside and folded in _SITE_TABS):
        return True
    return any(pattern.search(bare) for pattern in _CHROME_PATTERNS)


def is_tail_marker(line: str) -> bool:
    """A line after which the rest of the page is teasers, links and comments."""
    folded = fold(line.strip(" *_#>-•|:"))
    return folded in _TAIL
