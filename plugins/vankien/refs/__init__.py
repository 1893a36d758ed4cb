"""Find every document reference in Vietnamese text.

The pipeline is a chain of pure stages, each in its own module:
normalise (`offsets`) -> find candidate heads (`tokenize`) -> read dates, issuers,
lists (`parse`) -> governing phrases, roles, subjects (`context`) -> map offsets
back and resolve issuers (here). Every pattern lives in `patterns`.
"""

from __future__ import annotations

from collections.abc import Callable

from vankien.refs.context import resolve_context
from vankien.refs.model import Mention, Reference, Role
from vankien.refs.offsets import NormalizedText, normalize_with_offsets
from vankien.refs.parse import parse_mentions

IssuerResolver = Callable[[str], str | None]
"""Maps an issuer phrase as written ("BCH Trung ương") to a registry name, or None."""

__all__ = ["IssuerResolver", "Reference", "Role", "extract_references"]


def _to_reference(
    mention: Mention, normalized: NormalizedText, resolve_issuer: IssuerResolver | None
) -> Reference:
    start, end = normalized.original_span(mention.start, mention.end)
    issuer = mention.issuer
    if issuer is not None and resolve_issuer is not None:
        issuer = resolve_issuer(issuer) or issuer
    return Reference(
        surface=normalized.original[start:end],
        start=start,
        end=end,
        type=mention.type,
        number=mention.number,
        symbol=mention.symbol,
        date=mention.date,
        issuer=issuer,
        term=mention.term,
        role=mention.role,
        about=mention.about,
    )


def extract_references(text: str, *, resolve_issuer: IssuerResolver | None = None) -> list[Reference]:
    """Every reference to a document in `text`, in text order.

    Offsets index `text` as given, even when it is NFD or uses look-alike letters.
    `resolve_issuer` maps an issuer phrase as written to a registry name; without it,
    or when it returns None, `issuer` is the phrase as written (NFC, spacing tidied).
    """
    normalized = normalize_with_offsets(text)
    mentions = resolve_context(normalized.text, parse_mentions(normalized.text))
    return [_to_reference(mention, normalized, resolve_issuer) for mention in mentions]
