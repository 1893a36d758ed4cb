"""Stable ids and readable URLs for documents: the one rule the loader and the importer share.

A numbered document is named by its symbol ("39-HD/BTGTU" -> "39-hd-btgtu") under
the year of issue, so `101-QĐ/TW` of 2012 and of 2023 get different URLs. An
unnumbered one is named by type, issuer and day unless the editor gives an `id`.
"""

from __future__ import annotations

import datetime as dt

from vankien.core.doctypes import DocType
from vankien.core.model import Document
from vankien.core.symbols import Symbol
from vankien.core.text import slugify
from vankien.core.urls import DOCUMENTS, UNKNOWN_YEAR

ID_MAX_LENGTH = 60
"""Ids the importer writes stay readable in a URL and a file name."""
NEWS_ID_PREFIX = "tin-"
UNKNOWN_ISSUER_SLUG = "chua-ro-co-quan"


def derived_id(
    symbol: Symbol | None, doc_type: DocType, issuer: str | None, date: dt.date | None, title: str
) -> str | None:
    """The id a document gets when the editor gives none; None when nothing identifies it."""
    if symbol is not None:
        return slugify(symbol.text)
    if date is None:
        return None
    # News and documents of unknown issuer are told apart by their title instead.
    who = slugify(issuer) if issuer and not doc_type.news else _words(slugify(title), 6)
    return f"{_type_slug(doc_type)}-{who}-{date:%d-%m}"


def readable_id(doc_type: DocType, issuer: str | None, title: str) -> str:
    """An explicit id for a document nothing else identifies: news by headline, others by type,
    issuer and title ("hd-thanh-uy-bac-kan-day-manh-tuyen-truyen-...")."""
    if doc_type.news:
        return NEWS_ID_PREFIX + _cut(slugify(title) or "tin-bai", ID_MAX_LENGTH - len(NEWS_ID_PREFIX))
    who = slugify(issuer or "") or UNKNOWN_ISSUER_SLUG
    return _cut(f"{_type_slug(doc_type)}-{who}-{slugify(title)}".strip("-"), ID_MAX_LENGTH)


def explicit_id_for(
    symbol: Symbol | str | None, doc_type: DocType, issuer: str | None, date: dt.date | None, title: str
) -> str | None:
    """The `id` a tool writes into a new document's front matter (import, scaffold); None when the
    document has a symbol, which names it for good.

    Without a symbol the URL would otherwise be derived from type, issuer and day at every build,
    so correcting the issuer would move the page. Written once, from the same rule the loader
    derives with (`derived_id`; `readable_id` for news and for what lacks a date or an issuer),
    the id keeps today's address and no later correction changes it. A news article is named by
    its headline even when it quotes a number."""
    if symbol and not doc_type.news:
        return None
    if not doc_type.news and date is not None and issuer:
        derived = derived_id(None, doc_type, issuer, date, title)
        if derived is not None:
            return derived
    return readable_id(doc_type, issuer, title)


def document_url(document: Document, prefix: str = DOCUMENTS) -> str:
    """Year and slug: a number reused in another term gets another URL, and no URL ever moves."""
    year = str(document.date.year) if document.date else UNKNOWN_YEAR
    return f"{prefix}/{year}/{document.slug}/"


def unique_id(document: Document, shared: bool) -> str:
    """The slug, or, when other documents share it (a reused number), the slug and the year."""
    if not shared or document.lines.get("id"):
        return document.slug
    return f"{document.slug}-{document.date.year if document.date else UNKNOWN_YEAR}"


def _type_slug(doc_type: DocType) -> str:
    return slugify(doc_type.codes[0] if doc_type.codes else doc_type.name)


def _words(slug: str, count: int) -> str:
    return "-".join(slug.split("-")[:count])


def _cut(slug: str, limit: int) -> str:
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]
