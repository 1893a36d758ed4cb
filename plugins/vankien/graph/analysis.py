"""Load, validate and relate the whole archive: what `vankien check` and the site build share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from vankien.core.archive import Archive
from vankien.graph.build import Graph, build_graph
from vankien.core.loader import load_archive
from vankien.core.problems import ProblemList


@dataclass
class Analysis:
    archive: Archive
    graph: Graph
    problems: ProblemList

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def analyse_archive(
    root: Path, *, today: dt.date | None = None, display_root: str | None = None, url_prefix: str = "van-ban"
) -> Analysis:
    loaded = load_archive(root, today=today, display_root=display_root, url_prefix=url_prefix)
    graph = build_graph(loaded.archive, loaded.problems)
    return Analysis(loaded.archive, graph, loaded.problems)
