"""One reader for every written form of a date, strict for front matter and lenient for texts.

Party documents write dates as "25/10/2021", "25-10-2021", "25.10.2021" or
"ngày 05 tháng 01 năm 2022"; front matter also takes ISO "2021-10-25". The regular
expression fragments below are the only place these forms are spelled out: the
reference grammar, the importer (place-and-date line, news publication lines) and
the front-matter schema all build on them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vankien.core.text import loose

FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR = 1900, 2100
"""Digits outside these years only look like a date ("12/10/0202" is a typing slip or a number)."""
PARTY_FOUNDED = 1930
"""No Party document is older: an earlier year in front matter is a typing mistake."""

_SEPARATOR = r"[ \t]{0,2}[/.-][ \t]{0,2}"
_WORD_GAP = r"\s{1,4}"


def numeric_date(prefix: str = "") -> str:
    """ "25/10/2021", "25-10-2021", "25.10.2021", "5 / 1 / 2022": groups <prefix>day, month, year."""
    return (
        rf"(?P<{prefix}day>\d{{1,2}}){_SEPARATOR}(?P<{prefix}month>\d{{1,2}}){_SEPARATOR}"
        rf"(?P<{prefix}year>\d{{4}})"
    )


def worded_date(prefix: str = "") -> str:
    """ "05 tháng 01 năm 2022", "5 Tháng 1 Năm 2022", "05 thang 01 nam 2022" (OCR): groups <prefix>day_w,
    month_w, year_w."""
    return (
        rf"(?P<{prefix}day_w>\d{{1,2}}){_WORD_GAP}(?i:{loose('tháng')}){_WORD_GAP}(?P<{prefix}month_w>\d{{1,2}})"
        rf"{_WORD_GAP}(?i:{loose('năm')}){_WORD_GAP}(?P<{prefix}year_w>\d{{4}})"
    )


def any_date(prefix: str = "") -> str:
    """Either written form of a date (no "ngày" before it: callers decide where it may stand)."""
    return f"(?:{numeric_date(prefix)}|{worded_date(prefix)})"


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31/02) or lies outside the plausible years."""
    if not FIRST_PLAUSIBLE_YEAR <= year <= LAST_PLAUSIBLE_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_of(match: re.Match[str], prefix: str = "") -> dt.date | None:
    """The date a match of `numeric_date`, `worded_date` or `any_date` (same prefix) wrote."""
    groups = match.groupdict()
    day = groups.get(f"{prefix}day") or groups.get(f"{prefix}day_w")
    month = groups.get(f"{prefix}month") or groups.get(f"{prefix}month_w")
    year = groups.get(f"{prefix}year") or groups.get(f"{prefix}year_w")
    if day is None or month is None or year is None:
        return None
    return make_date(int(year), int(month), int(day))


# --- front matter: one date, written on its own -------------------------------------------------

_STRICT_FORMS = (
    re.compile(rf"^{numeric_date()}$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
)


@dataclass(frozen=True)
class DateProblem:
    code: str
    """ "bad-date" (not a date form), "impossible-date" (31/02), "implausible-date" (before 1930)."""
    message: str
    """What is wrong and what to write instead, in Vietnamese."""


def read_strict(text: str) -> dt.date | DateProblem:
    """A date written alone, as editors write it in front matter: dd/mm/yyyy or yyyy-mm-dd."""
    text = text.strip()
    # ASCII digits only: "٢٦/٠٦/٢٠٢٣" (Arabic-Indic) is no date an editor typed on purpose.
    ascii_only = text.isascii()
    match = next((m for form in _STRICT_FORMS if (m := form.match(text))), None) if ascii_only else None
    if match is None:
        return DateProblem(
            "bad-date",
            f"ngày `{text}` không đúng dạng; viết dd/mm/yyyy (vd. 26/06/2023) hoặc yyyy-mm-dd, hoặc `chưa rõ`",
        )
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return DateProblem(
            "impossible-date", f"ngày {day:02d}/{month:02d}/{year} không tồn tại; kiểm tra lại ngày và tháng"
        )
    if date.year < PARTY_FOUNDED:
        return DateProblem(
            "implausible-date",
            f"năm ban hành {date.year} quá sớm (Đảng thành lập năm {PARTY_FOUNDED}); kiểm tra lại năm, "
            "vd. 2020 chứ không phải 0202",
        )
    return date


def days_between(earlier: dt.date | None, later: dt.date | None) -> int | None:
    if earlier is None or later is None:
        return None
    return (later - earlier).days


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy as Vietnamese documents write it; "chưa rõ" for an unknown date."""
    return value.strftime("%d/%m/%Y") if value else "chưa rõ"
