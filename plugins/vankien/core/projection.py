"""What a site may publish: the archive projected to the documents its level allows.

Confidentiality is not an output option. The archive is loaded and validated in full (editors
see every problem), then projected here, once, to the documents a site of a given level may
publish; the graph, stubs, pages, search index and every other output are made from the
projection only. Ids and URLs are assigned again inside the projection, so a withheld document
leaves no suffix, gap or count behind: to every output it is a document the archive never held.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from vankien.core.archive import Archive
from vankien.core.confidentiality import may_publish
from vankien.core.loader import assign_identities
from vankien.core.problems import ProblemList


@dataclass(frozen=True)
class Projection:
    archive: Archive
    """The published documents only, with ids and URLs of their own."""
    withheld: tuple[str, ...]
    """Paths of the documents left out (for editors' checks, never for a site's output)."""
    problems: ProblemList
    """What assigning ids inside the projection found (it repeats, at most, what the full
    validation found among the published documents)."""


def project(archive: Archive, level: str, url_prefix: str) -> Projection:
    kept = [document for document in archive if may_publish(document.classification, level)]
    withheld = tuple(document.path for document in archive if not may_publish(document.classification, level))
    copies = [replace(document, id=document.explicit_id, url="", slug="") for document in kept]
    problems = ProblemList()
    assign_identities(copies, problems, url_prefix)
    projected = Archive(
        archive.root,
        copies,
        archive.registry,
        ProblemList(),
        files_read=archive.files_read,
        document_paths=frozenset(document.path for document in copies),
    )
    return Projection(projected, withheld, problems)
