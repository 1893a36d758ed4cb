"""Load, validate and relate the whole archive: what `vankien check` and the site build share.

Without a level, the whole archive (what `vankien check` shows editors). With a level (a site),
the archive is still loaded and validated in full, then projected to what the site may publish
(`vankien.core.projection`), and the graph is built from the projection: every output of the
site comes from it. Problems are then split: those about published documents, the registry and
other files are shown line by line; the rest concern withheld documents and are only counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from vankien.core import clock
from vankien.core.archive import Archive
from vankien.core.confidentiality import may_publish
from vankien.core.loader import load_archive
from vankien.core.problems import Problem, ProblemList
from vankien.core.projection import project
from vankien.core.urls import DOCUMENTS
from vankien.graph.build import build_graph
from vankien.graph.model import Graph
from vankien.graph.validity import derive_validity
from vankien.refs.model import Reference

# Problems that name another file: the projection assigns ids again and reports its own.
_IDENTITY_CODES = frozenset(
    {"duplicate-identity", "duplicate-url", "duplicate-id", "no-identity", "redirect-collision"}
)


@dataclass
class Analysis:
    """The archive with its relations resolved: what every page and `vankien check` are made from."""

    archive: Archive
    graph: Graph
    problems: ProblemList
    """What this run reports line by line."""
    withheld: tuple[str, ...] = ()
    """Documents a site of this level does not publish (paths; for editors' checks only)."""
    hidden: ProblemList = field(default_factory=ProblemList)
    """Problems of the full archive that concern withheld documents: counted, never named."""
    unloaded: tuple[str, ...] = ()
    """Document files that did not load and may be published: their level is one the site
    publishes, or unknown (the file could not be read that far). The preview names them."""

    @property
    def ok(self) -> bool:
        return not self.fails(strict=False)

    @property
    def reported(self) -> ProblemList:
        """Every problem of this run, file by file: those a site names and those of the documents
        it withholds (which a site's log only counts). What `vankien check`, `import` and `new`
        print, and what decides every verdict (`fails`)."""
        everything = [*self.problems, *self.hidden]
        order = {path: index for index, path in enumerate(dict.fromkeys(p.path for p in everything))}
        return ProblemList(sorted(everything, key=lambda p: order[p.path]))

    def fails(self, *, strict: bool) -> bool:
        """The one verdict: an error fails every run (check, import, new, build); a warning fails
        strict runs (`vankien check --strict`, `vankien build`, `mkdocs build --strict`), which a
        site build reports as one counted warning for withheld documents; a notice never fails."""
        return self.problems.fails(strict=strict) or self.hidden.fails(strict=strict)


def analyse_archive(
    root: Path,
    *,
    today: dt.date | None = None,
    display_root: str | None = None,
    url_prefix: str = DOCUMENTS,
    level: str | None = None,
) -> Analysis:
    today = today or clock.today()
    archive = load_archive(root, today=today, display_root=display_root, url_prefix=url_prefix)
    loaded = len(archive.problems)
    extracted: dict[str, list[Reference]] = {}
    graph = build_graph(archive, archive.problems, extracted)
    derive_validity(graph, today, archive.problems)
    loaded_paths = {document.path for document in archive}
    unloaded = [path for path in sorted(archive.document_paths) if path not in loaded_paths]
    if level is None:
        return Analysis(archive, graph, archive.problems, unloaded=tuple(unloaded))
    projection = project(archive, level, url_prefix)
    projected_problems = ProblemList(projection.problems)
    projected_graph = build_graph(projection.archive, projected_problems, extracted)
    # Statuses from the projection: a withheld replacing document changes no published status.
    derive_validity(projected_graph, today, projected_problems)
    published = {document.path for document in projection.archive}
    by_path = {document.path: document for document in archive}

    def shown_from_load(problem: Problem) -> bool:
        if problem.path in published:
            return problem.code not in _IDENTITY_CODES
        if problem.path in archive.document_paths:
            # A file that failed to load: shown when it declares a level the site publishes.
            declared = archive.declared_levels.get(problem.path)
            return declared is not None and may_publish(declared, level)
        return True  # the registry, other files

    def still_true(problem: Problem) -> bool:
        """A citation of a withheld document is, to the site, one of a document it does not hold."""
        if problem.code != "unresolved-relation" or problem.path not in by_path:
            return True
        link = graph.citation_link(by_path[problem.path], problem.line)
        return link is None or link.target is None

    shown = ProblemList(
        [p for p in archive.problems[:loaded] if shown_from_load(p)]
        + [p for p in projected_problems if still_true(p)]
    )
    # A problem of the full archive is hidden unless the site shows it (or, for a published
    # document, the projection's graph reports it again at the same line by the same rule).
    places = {(p.path, p.line, p.code) for p in shown}
    hidden = ProblemList(p for p in archive.problems if (p.path, p.line, p.code) not in places)
    unknown_or_published = tuple(
        path
        for path in unloaded
        if (declared := archive.declared_levels.get(path)) is None or may_publish(declared, level)
    )
    return Analysis(
        projection.archive, projected_graph, shown, projection.withheld, hidden, unknown_or_published
    )
