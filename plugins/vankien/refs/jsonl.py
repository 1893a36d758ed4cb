"""References as JSON objects, one per line: the `vankien refs` output format.

The first keys and their order are fixed (surface, start, end, type, number,
symbol, date, issuer, role), the same fields `texts/references.json` annotates;
optional keys (term, about) follow.
"""

from __future__ import annotations

from typing import Any

from vankien.refs.model import Reference


def reference_to_json(ref: Reference) -> dict[str, Any]:
    return {
        "surface": ref.surface,
        "start": ref.start,
        "end": ref.end,
        "type": ref.type,
        "number": ref.number,
        "symbol": ref.symbol,
        "date": ref.date.isoformat() if ref.date is not None else None,
        "issuer": ref.issuer,
        "role": ref.role,
        "term": ref.term,
        "about": ref.about,
    }
