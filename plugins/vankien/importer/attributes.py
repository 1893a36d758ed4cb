"""A legal-text site's attribute lines ("Số hiệu: 52-NQ/TW", "Cơ quan ban hành: Bộ Chính trị",
"Ngày ban hành: 27/09/2019", "Loại văn bản: Nghị quyết", "Người ký: …"), as luatvietnam,
thuvienphapluat and vbpl print them above or beside a text. They are the site's reading, so they
only fill what the document itself does not say."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from vankien.core.dates import date_of, numeric_date
from vankien.core.doctypes import doc_type
from vankien.core.symbols import SymbolError, parse_symbol
from vankien.importer.lines import strip_markup

_FIELD = re.compile(
    r"^(?P<field>Số\s+hiệu|Số\s+ký\s+hiệu|Ngày\s+ban\s+hành|Cơ\s+quan\s+ban\s+hành|Loại\s+văn\s+bản|Người\s+ký)"
    r"\s*:\s*(?P<value>\S.*)$",
    re.I,
)
_DATE = re.compile(numeric_date())
ATTRIBUTE_REACH = 60
"""How many lines from the top of a page attribute lines may stand."""


@dataclass
class SiteAttributes:
    symbol: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    type: str | None = None
    signer: str | None = None


def read_site_attributes(lines: list[str]) -> SiteAttributes:
    found = SiteAttributes()
    for line in lines[:ATTRIBUTE_REACH]:
        match = _FIELD.match(strip_markup(line))
        if match is None:
            continue
        field = " ".join(match["field"].lower().split())
        value = match["value"].strip()
        if value.lower().startswith(("đang cập nhật", "đã biết")):
            continue
        if field in ("số hiệu", "số ký hiệu") and found.symbol is None:
            with contextlib.suppress(SymbolError):
                found.symbol = parse_symbol(value.split()[0].strip(" .,;")).text
        elif field == "ngày ban hành" and found.date is None and (date := _DATE.search(value)):
            found.date = date_of(date)
        elif field == "cơ quan ban hành" and found.issuer is None:
            found.issuer = value.strip(" .")
        elif field == "loại văn bản" and found.type is None and (known := doc_type(value.strip(" ."))):
            found.type = known.name
        elif field == "người ký" and found.signer is None:
            found.signer = value.strip(" .")
    return found
