"""Where each name a document carries has its page: issuer, type, year, topic, hiệu lực, signer.

One source for the browse pages' URLs, used by the pages themselves (`web.plan`) and by every
card that links its values to them. Labels that fold to one URL keep their own pages (a suffix
from the label, `core.text.unique_slugs`); labels that differ only in case or spacing are one.
"""

from __future__ import annotations

from dataclasses import dataclass

from vankien.core.archive import Archive
from vankien.core.model import Document, Signer
from vankien.core.text import slugify, unique_slugs
from vankien.core.urls import BODIES, FALLBACK_SLUG, SIGNERS, STATUSES, TIMELINE, TOPICS, TYPES
from vankien.web.timeline import (
    BodyNode,
    body_tree,
    by_status,
    by_topic,
    by_type,
    group_by,
    newest_first,
    walk_bodies,
)

Groups = dict[str, tuple[str, list[Document]]]
"""slug -> (label as shown, its documents, newest first)."""


def merge_by_slug(groups: dict[str, list[Document]]) -> Groups:
    """One page per label. Labels that differ only in letter case or spacing ("Kinh tế", "kinh
    tế") are one group under the first spelling; labels that differ otherwise but fold to the
    same URL ("xây dựng Đảng", "xay dung dang") keep their own label and get distinct URLs."""
    same: dict[str, tuple[str, list[Document]]] = {}
    for name, documents in groups.items():
        key = " ".join(name.casefold().split())
        if key in same:
            first, earlier = same[key]
            same[key] = (first, newest_first({d.id: d for d in [*earlier, *documents]}.values()))
        else:
            same[key] = (name, documents)
    slugs = unique_slugs((name, slugify(name) or FALLBACK_SLUG) for name, _ in same.values())
    return {slugs[name]: (name, documents) for name, documents in same.values()}


def signer_key(signer: Signer | None) -> str | None:
    """A signer's page is keyed by name and title ("Cù Ngọc Cường, Bí thư"): one person may sign
    under two titles, and two people may share a name."""
    if signer is None or not signer.name:
        return None
    title = " ".join(signer.title.split()).capitalize() if signer.title else ""
    return f"{signer.name}, {title}" if title else signer.name


def by_signer(archive: Archive) -> dict[str, list[Document]]:
    return group_by(archive, lambda d: [key] if (key := signer_key(d.signer)) else [])


@dataclass
class BrowseLinks:
    """The URL of every browse page a card may link to."""

    types: Groups
    topics: Groups
    statuses: Groups
    signers: Groups
    body_roots: list[BodyNode]
    body_slugs: dict[str, str]

    @classmethod
    def of(cls, archive: Archive) -> BrowseLinks:
        roots = body_tree(archive)
        return cls(
            types=merge_by_slug(by_type(archive)),
            topics=merge_by_slug(by_topic(archive)),
            statuses=merge_by_slug(by_status(archive)),
            signers=merge_by_slug(by_signer(archive)),
            body_roots=roots,
            body_slugs=unique_slugs(
                (node.name, slugify(node.name) or FALLBACK_SLUG) for node, _ in walk_bodies(roots)
            ),
        )

    def __post_init__(self) -> None:
        # Each group's slug by its folded name, once per archive: every card looks up its type,
        # topics, status and signer, and a scan of thousands of signers per page adds up.
        self._slugs: dict[str, dict[str, str]] = {}
        for base, groups in (
            (TYPES, self.types),
            (TOPICS, self.topics),
            (STATUSES, self.statuses),
            (SIGNERS, self.signers),
        ):
            index = self._slugs[base] = {}
            for slug, (name, _) in groups.items():
                index.setdefault(_folded(name), slug)  # the first group of a name, as before

    def _find(self, base: str, label: str) -> str | None:
        slug = self._slugs[base].get(_folded(label))
        return f"{base}/{slug}/" if slug is not None else None

    def body(self, name: str) -> str | None:
        slug = self.body_slugs.get(name)
        return f"{BODIES}/{slug}/" if slug else None

    def type(self, name: str) -> str | None:
        return self._find(TYPES, name)

    def topic(self, label: str) -> str | None:
        return self._find(TOPICS, label)

    def status(self, status: str) -> str | None:
        return self._find(STATUSES, status)

    def signer(self, signer: Signer | None) -> str | None:
        key = signer_key(signer)
        return self._find(SIGNERS, key) if key else None

    @staticmethod
    def year(year: int) -> str:
        return f"{TIMELINE}/{year}/"


def _folded(label: str) -> str:
    return " ".join(label.casefold().split())
