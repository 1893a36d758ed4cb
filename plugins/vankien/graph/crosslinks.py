"""Which mention in a body links where: the cross-link policy, from the resolutions of the graph.

The graph resolved every reference of a body once, with the whole body as context (the
"của ..." a sentence gives, the earlier full citation an abbreviation stands for). When a
page renders, a text node holds only part of that context, so a mention found in it is
matched to the graph's mentions: with its issuer first, then without it when that leaves
one answer. Archived targets link to their page; cited documents the archive does not hold
link to their stub with a marker; ambiguous mentions and mentions of the document itself
stay plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vankien.core.model import Document
from vankien.graph.model import BodyLink, Graph
from vankien.graph.resolve import Outcome
from vankien.refs.model import Reference

ANCHOR_LENGTH = 4
"""How much of a reference's beginning marks a text node worth searching ("kết ", "quy ", "21-k")."""
MISSING_TITLE = "chưa có trong kho"


@dataclass(frozen=True)
class LinkTarget:
    href: str
    title: str
    resolved: bool
    """False: the document is not archived; `href` points at its stub page."""


Linker = Callable[[Reference], "LinkTarget | None"]
LinkFor = Callable[[str], str]
"""Maps a site-relative URL (a document's, a stub's) to the href written in the page."""


def _key(reference: Reference) -> tuple[object, ...]:
    return (reference.type, reference.number, reference.symbol, reference.date)


def _target(link: BodyLink, document: Document, prefix: str, link_for: LinkFor) -> LinkTarget | None:
    target = link.resolution.target
    if target is not None and target is not document:
        return LinkTarget(link_for(target.url), f"{target.name}: {target.title}", True)
    if link.stub is not None:
        stub = link.stub.final()
        return LinkTarget(link_for(stub.url(prefix)), f"{stub.name}: {MISSING_TITLE}", False)
    return None


def body_linker(document: Document, graph: Graph, prefix: str, link_for: LinkFor) -> Linker:
    """Links for the mentions of one body, from the resolutions the graph computed for it."""
    exact: dict[tuple[object, ...], LinkTarget | None] = {}
    loose: dict[tuple[object, ...], list[LinkTarget | None]] = {}
    for link in graph.body_links.get(document.id, []):
        found = _target(link, document, prefix, link_for)
        # An ambiguous mention is an answer (plain text, never a guess); a mention of the document
        # itself says nothing about how other mentions link.
        if found is None and link.resolution.outcome is not Outcome.AMBIGUOUS:
            continue
        exact.setdefault((*_key(link.reference), link.reference.issuer), found)
        choices = loose.setdefault(_key(link.reference), [])
        if found not in choices:
            choices.append(found)

    def linker(reference: Reference) -> LinkTarget | None:
        key = _key(reference)
        if (*key, reference.issuer) in exact:
            return exact[(*key, reference.issuer)]
        choices = loose.get(key, [])
        return choices[0] if len(choices) == 1 else None

    return linker


def anchors(document: Document, graph: Graph) -> frozenset[str]:
    """Lower-case beginnings of the references in the body: a text node holding none has nothing to link."""
    return frozenset(
        link.reference.surface[:ANCHOR_LENGTH].lower() for link in graph.body_links.get(document.id, [])
    )
