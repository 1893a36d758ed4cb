"""What the importer reads from one text: the facts it found and the clean body."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from vankien.core.model import Citation, Signer

Kind = Literal["document", "news"]


@dataclass
class Imported:
    kind: Kind
    type: str | None
    """Full type name ("Hướng dẫn"); "Tin bài" for news; None when the text does not show it."""
    title: str | None = None
    """Trích yếu as written (lower-case start kept), or the headline of a news article."""
    symbol: str | None = None
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    """Registry name when the registry knows the body, else the name as the text writes it."""
    issuer_known: bool = False
    """True when `issuer` is a name from the registry."""
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    basis: list[Citation] = field(default_factory=list)
    about: list[Citation] = field(default_factory=list)
    time: str | None = None
    source: str | None = None
    author: str | None = None
    body: str = ""
    """The body as Markdown."""
    notes: list[str] = field(default_factory=list)
    """What the importer noticed that the editor should check (Vietnamese)."""
    parent_body: str | None = None
    """The committee the issuing body belongs to, as the header names it ("Tỉnh ủy Bắc Kạn")."""
    kept: list[tuple[int, int]] = field(default_factory=list)
    """Spans of the source text read as the document or an article's lead (the rest is page chrome)."""
    chrome_only: bool = False
    """The text held little but page chrome."""
    explicit_id: str | None = None
    """An id chosen by the caller for a document with no identity of its own (two texts with neither
    number nor title must not share a file)."""
