"""Read a news article: headline, publication date and time, source, author, and what it reports on.

Web pages put a page timestamp above the headline ("Thứ bảy, 13/04/2024, 22:10 [GMT+7]"),
the publication line under it or after the lead ("15/09/2023 16:22"), the source in
the lead ("(Chinhphu.vn) - ..."), and the author's name alone on the last line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vankien.core.dates import date_of, numeric_date
from vankien.core.text import DASH
from vankien.importer.chrome import is_furniture, is_tail_marker
from vankien.importer.lines import strip_markup
from vankien.refs import extract_references
from vankien.refs.model import Reference

# "15/09/2023 16:22", "Thứ năm, 09/11/2023 - 11:12'", "Thứ bảy, 13/04/2024, 22:10 [GMT+7]",
# "Cập nhật: 08:30, 05/01/2022", "Ngày đăng: 05/01/2022".
_TIME = r"(?P<H>\d{1,2})[:h](?P<M>\d{2})'?"
_DATE_TIME = re.compile(
    r"^(?:(?:Cập nhật|Đăng|Ngày đăng|Thời gian|Ngày)(?:\s+lúc)?\s*:?\s*)?"
    r"(?:(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)\s*,?\s*)?"
    rf"(?:{numeric_date()}(?:\s*(?:{DASH}|[,|])?\s*{_TIME})?|{_TIME.replace('H>', 'H2>').replace('M>', 'M2>')}\s*(?:{DASH}|[,|])?\s*"
    rf"{numeric_date('t_')})"
    r"\s*(?:\(?\[?GMT\s*\+\s*\d+\]?\)?)?\s*$",
    re.I,
)
_SOURCE_LEAD = re.compile(rf"^\((?P<source>[^()]{{2,40}})\)\s*{DASH}\s*")
_SOURCE_LINE = re.compile(r"^(?:Nguồn|Theo)\s*:?\s*(?P<source>[^.]{2,60})\.?$")
_AUTHOR_PREFIX = re.compile(r"^(?:Bài(?:\s+và\s+ảnh|,\s*ảnh)?|Tin(?:,\s*ảnh)?|Ảnh)\s*:\s*")
_NAME = re.compile(r"^[^\W\d_][^\W\d_.]*(?:\s+[^\W\d_][^\W\d_.]*){1,4}$")
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_LENGTH = 250
# "vừa ban hành Kế hoạch ...": the article reports on the document named after the verb.
_ISSUED = re.compile(r"(?:ban\s+hành|công\s+bố|ký\s+ban\s+hành)\s*$")


@dataclass(frozen=True)
class Published:
    date: dt.date
    time: str | None
    index: int


@dataclass
class NewsParts:
    headline: str
    headline_index: int
    published: Published | None = None
    page_timestamp: str | None = None
    source: str | None = None
    author: str | None = None
    author_index: int | None = None
    skip: set[int] = field(default_factory=set)
    """Lines that are metadata, not body."""

    @property
    def signals(self) -> bool:
        """Whether the page shows an article's publication line, source or author."""
        return bool(self.published or self.source or self.author)


def parse_date_time(line: str) -> tuple[dt.date, str | None] | None:
    match = _DATE_TIME.match(strip_markup(line))
    if match is None:
        return None
    date = date_of(match) or date_of(match, "t_")
    if date is None:
        return None
    hour, minute = (match["H"], match["M"]) if match["H"] else (match["H2"], match["M2"])
    time = f"{int(hour):02d}:{minute}" if hour and int(hour) < 24 and int(minute) < 60 else None
    return date, time


def find_headline(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:15]):
        bare = strip_markup(line)
        if (
            bare
            and parse_date_time(bare) is None
            and len(bare.split()) >= HEADLINE_MIN_WORDS
            and len(bare) <= HEADLINE_MAX_LENGTH
            and not bare.endswith((".", ";", ","))
            and not _SOURCE_LEAD.match(bare)
        ):
            return index
    return None


def _shortened(text: str, limit: int = HEADLINE_MAX_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def looks_like_name(line: str) -> bool:
    bare = strip_markup(line)
    return bool(_NAME.match(bare)) and all(w[:1].isupper() for w in bare.split()) and len(bare) <= 40


def read_news(lines: list[str]) -> NewsParts | None:
    """The parts the text would have as an article, or None when it shows no headline."""
    headline_index = find_headline(lines)
    if headline_index is None:
        # No line looks like a headline ("(LĐ online) - Ngày 25/9, …" opens the page): the first
        # line, shortened, names the article.
        headline_index = next((i for i, line in enumerate(lines) if strip_markup(line)), None)
        if headline_index is None:
            return None
    parts = NewsParts(_shortened(strip_markup(lines[headline_index])), headline_index)
    parts.skip.update(range(headline_index + 1))
    for index in range(headline_index):
        if parse_date_time(lines[index]) is not None:
            parts.page_timestamp = strip_markup(lines[index])
    non_empty = 0
    for index in range(headline_index + 1, len(lines)):
        if not lines[index]:
            continue
        non_empty += 1
        found = parse_date_time(lines[index])
        if found is not None:
            parts.published = Published(found[0], found[1], index)
            parts.skip.add(index)
            break
        if non_empty >= 6:
            break
    for index in range(headline_index + 1, min(len(lines), headline_index + 8)):
        lead = _SOURCE_LEAD.match(strip_markup(lines[index]))
        if lead:
            parts.source = lead["source"].strip()
            break
    # The author signs the last line of the article, above the page's "Top" and the like.
    end = next((i for i in range(headline_index + 1, len(lines)) if is_tail_marker(lines[i])), len(lines))
    last = max(
        (i for i, line in enumerate(lines[:end]) if line and not is_furniture(line, outside=True)), default=-1
    )
    if last > headline_index:
        line = strip_markup(lines[last])
        source = _SOURCE_LINE.match(line)
        if source and parts.source is None:
            parts.source = source["source"].strip()
            parts.skip.add(last)
        else:
            name = _AUTHOR_PREFIX.sub("", line)
            if looks_like_name(name):
                parts.author = name
                parts.author_index = last
                parts.skip.add(last)
    return parts


def about_references(lead: str) -> list[Reference]:
    """The documents a lead paragraph says were issued ("... vừa ban hành Kế hoạch ...")."""
    return [
        r for r in extract_references(lead) if _ISSUED.search(lead[max(0, r.start - 40) : r.start].rstrip())
    ]


def about_citation(reference: Reference) -> str:
    """A citation the reference grammar reads back: numbered ones as written, unnumbered ones in the
    sentence form the grammar knows ("Đảng ủy Văn phòng Chính phủ ban hành Kế hoạch ... ")."""
    surface = " ".join(reference.surface.split())
    if reference.symbol or reference.number:
        return (
            surface
            if not reference.issuer or reference.issuer in surface
            else f"{surface} của {reference.issuer}"
        )
    if reference.issuer:
        return f"{reference.issuer} ban hành {surface}."
    return surface
