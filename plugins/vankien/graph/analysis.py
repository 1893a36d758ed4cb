"""Load, validate and relate the whole archive: what `vankien check` and the site build share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from vankien.core.archive import Archive
from vankien.core.loader import load_archive
from vankien.core.problems import ProblemList
from vankien.core.urls import DOCUMENTS
from vankien.graph.build import build_graph
from vankien.graph.model import Graph


@dataclass
class Analysis:
    """The archive with its relations resolved: what every page and `vankien check` are made from."""

    archive: Archive
    graph: Graph

    @property
    def problems(self) -> ProblemList:
        return self.archive.problems

    @property
    def ok(self) -> bool:
        return self.archive.ok


def analyse_archive(
    root: Path, *, today: dt.date | None = None, display_root: str | None = None, url_prefix: str = DOCUMENTS
) -> Analysis:
    archive = load_archive(root, today=today, display_root=display_root, url_prefix=url_prefix)
    return Analysis(archive, build_graph(archive, archive.problems))
