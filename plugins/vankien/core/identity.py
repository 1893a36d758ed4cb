"""Stable ids and readable URLs for documents.

A numbered document is named by its symbol ("39-HD/BTGTU" -> "39-hd-btgtu") under
the year of issue, so `101-QĐ/TW` of 2012 and of 2023 get different URLs. An
unnumbered one is named by type, issuer and day unless the editor gives an `id`.
"""

from __future__ import annotations

from vankien.core.model import Document
from vankien.core.text import slugify

URL_PREFIX = "van-ban"
UNKNOWN_YEAR = "chua-ro-nam"


def derived_id(document: Document) -> str | None:
    """The id the document gets when the editor gives none; None when nothing identifies it."""
    if document.symbol is not None:
        return slugify(document.symbol.text)
    if document.date is None:
        return None
    code = document.type.codes[0] if document.type.codes else document.type.name
    # News and documents of unknown issuer are told apart by their title instead.
    who = (
        slugify(document.issuer)
        if document.issuer and not document.type.news
        else _words(slugify(document.title), 6)
    )
    return f"{slugify(code)}-{who}-{document.date:%d-%m}"


def _words(slug: str, count: int) -> str:
    return "-".join(slug.split("-")[:count])


def document_url(document: Document, prefix: str = URL_PREFIX) -> str:
    """Year and slug: a number reused in another term gets another URL, and no URL ever moves."""
    year = str(document.date.year) if document.date else UNKNOWN_YEAR
    return f"{prefix}/{year}/{document.slug}/"


def unique_id(document: Document, shared: bool) -> str:
    """The slug, or, when other documents share it (a reused number), the slug and the year."""
    if not shared or document.lines.get("id"):
        return document.slug
    return f"{document.slug}-{document.date.year if document.date else UNKNOWN_YEAR}"
