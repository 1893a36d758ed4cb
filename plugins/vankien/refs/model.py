"""What the extractor returns: one `Reference` per mention of a document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Role = Literal["basis", "cites"]
""""basis" inside an opening "Căn cứ / Thực hiện / Triển khai / Thi hành ..." clause, else "cites"."""


@dataclass(frozen=True)
class Reference:
    """A mention of one document, with offsets into the caller's text (`text[start:end] == surface`)."""

    surface: str
    start: int
    end: int
    type: str
    """Full type name, from the word before the number or else from the symbol's code: "Kết luận"."""
    number: str | None
    """The number as written ("05", "01"); None for documents named without one."""
    symbol: str | None
    """The full symbol, normalised ("21-KL/TW", "08-QĐi/TW"), only when the text writes it."""
    date: dt.date | None
    issuer: str | None
    """Registry name when the resolver knows the phrase, else the phrase as written."""
    term: str | None
    """The committee term (khóa) when stated: "XII"."""
    role: Role
    about: str | None = None
    """The subject after "về ...", as written."""


@dataclass(frozen=True)
class Mention:
    """A reference found in the normalised text, before offsets are mapped back.

    Offsets index the normalised text; `issuer` is the phrase as written.
    """

    start: int
    end: int
    type: str
    number: str | None = None
    symbol: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    term: str | None = None
    about: str | None = None
    role: Role = "cites"
    list_id: int | None = None
    """Citations of one list ("217-QĐ/TW và 218-QĐ/TW ngày ...") share an id."""
    about_end: int | None = None
    """Where the subject ("về ...") ends: mentions inside it are named by this one's subject."""
