"""Documents by time, body, type, topic and status: the pure data behind the browse pages."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vankien.core.archive import Archive
from vankien.core.issuers import Issuer, IssuerRegistry
from vankien.core.model import STATUSES, Document
from vankien.core.text import collation_key


def newest_first(documents: Iterable[Document]) -> list[Document]:
    """Date order, newest first, ties by symbol then path; unknown dates last."""
    docs = list(documents)
    dated = sorted(
        (d for d in docs if d.date),
        key=lambda d: (d.date, d.symbol.number.zfill(8) if d.symbol else "", d.path),
        reverse=True,
    )
    undated = sorted((d for d in docs if d.date is None), key=lambda d: collation_key(d.title))
    return dated + undated


@dataclass(frozen=True)
class MonthGroup:
    month: int | None
    documents: list[Document]


@dataclass(frozen=True)
class YearGroup:
    year: int | None
    months: list[MonthGroup]

    @property
    def count(self) -> int:
        return sum(len(m.documents) for m in self.months)


def group_by_year_and_month(documents: Iterable[Document]) -> list[YearGroup]:
    """Newest year first, newest month first inside it; undated documents in a last group."""
    years: dict[int | None, dict[int | None, list[Document]]] = defaultdict(lambda: defaultdict(list))
    for document in newest_first(documents):
        year = document.date.year if document.date else None
        month = document.date.month if document.date else None
        years[year][month].append(document)
    return [
        YearGroup(year, [MonthGroup(month, docs) for month, docs in months.items()])
        for year, months in years.items()
    ]


def counts_by_year(documents: Iterable[Document]) -> list[tuple[int, int]]:
    """(year, count) for every year from the first to the last, empty years included."""
    counter = Counter(d.date.year for d in documents if d.date)
    if not counter:
        return []
    return [(year, counter.get(year, 0)) for year in range(min(counter), max(counter) + 1)]


def counts_by_month(documents: Iterable[Document], year: int) -> list[tuple[int, int]]:
    counter = Counter(d.date.month for d in documents if d.date and d.date.year == year)
    return [(month, counter.get(month, 0)) for month in range(1, 13)]


def group_by(
    documents: Iterable[Document], key: Callable[[Document], Iterable[str]]
) -> dict[str, list[Document]]:
    """Documents under each of their keys (a document can have several topics), keys in Vietnamese order."""
    groups: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        for value in key(document):
            groups[value].append(document)
    return {k: newest_first(groups[k]) for k in sorted(groups, key=collation_key)}


def by_type(archive: Archive) -> dict[str, list[Document]]:
    return group_by(archive, lambda d: [d.type.name])


def by_topic(archive: Archive) -> dict[str, list[Document]]:
    return group_by(archive, lambda d: d.topics)


def by_status(archive: Archive) -> dict[str, list[Document]]:
    """In the order of the schema's statuses (còn hiệu lực first), not alphabetically."""
    groups = group_by(archive, lambda d: [d.status])
    return {status: groups[status] for status in STATUSES if status in groups}


@dataclass
class BodyNode:
    """An issuing body in the registry tree, with its own documents and those of the bodies below it."""

    name: str
    issuer: Issuer | None
    documents: list[Document] = field(default_factory=list)
    children: list[BodyNode] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.documents) + sum(c.total for c in self.children)

    @property
    def level(self) -> str | None:
        return self.issuer.level if self.issuer else None


def body_tree(archive: Archive) -> list[BodyNode]:
    """Bodies following the registry's parents, each level in Vietnamese order (Đ after D).

    Bodies with no document anywhere below them are left out; issuers missing from the
    registry become roots of their own.
    """
    registry: IssuerRegistry = archive.registry
    nodes: dict[str, BodyNode] = {i.name: BodyNode(i.name, i) for i in registry.issuers}
    for document in archive:
        known = registry.lookup(document.issuer)
        name = known.name if known else document.issuer_label
        nodes.setdefault(name, BodyNode(name, None)).documents.append(document)
    roots: list[BodyNode] = []
    for node in nodes.values():
        parent_name = node.issuer.parent if node.issuer else None
        parent = registry.lookup(parent_name) if parent_name else None
        if parent is not None and parent.name in nodes and parent.name != node.name:
            nodes[parent.name].children.append(node)
        else:
            roots.append(node)

    def tidy(items: list[BodyNode]) -> list[BodyNode]:
        kept = [n for n in items if n.total]
        for node in kept:
            node.documents = newest_first(node.documents)
            node.children = tidy(node.children)
        return sorted(kept, key=lambda n: collation_key(n.name))

    return tidy(roots)


def walk_bodies(roots: list[BodyNode]) -> Iterable[tuple[BodyNode, int]]:
    """Every body with its depth, parents before children."""
    stack = [(node, 0) for node in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        yield node, depth
        stack.extend((child, depth + 1) for child in reversed(node.children))
