"""Stable ids and readable URLs for documents.

A numbered document is named by its symbol ("39-HD/BTGTU" -> "39-hd-btgtu") under
the year of issue, so `101-QĐ/TW` of 2012 and of 2023 get different URLs. An
unnumbered one is named by type, issuer and day unless the editor gives an `id`.
"""

from __future__ import annotations

from vankien.model import Document
from vankien.text import slugify

URL_PREFIX = "van-ban"
UNKNOWN_YEAR = "chua-ro-nam"


def derived_id(document: Document) -> str | None:
    """The id the document gets when the editor gives none; None when nothing identifies it."""
    if document.symbol is not None:
        return slugify(document.symbol.text)
    if document.date is None:
        return None
    code = document.type.codes[0] if document.type.codes else document.type.name
    return f"{slugify(code)}-{slugify(document.issuer)}-{document.date:%d-%m}"


def document_url(document: Document, prefix: str = URL_PREFIX) -> str:
    year = str(document.date.year) if document.date else UNKNOWN_YEAR
    return f"{prefix}/{year}/{document.id}/"
