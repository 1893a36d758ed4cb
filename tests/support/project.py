"""A project folder like the repository's: its mkdocs.yml and docs/, with an archive of choice.

Tests, benchmarks and profiles all build such copies; this is the one way they are made.
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

from tests.support.synthetic import generate_archive

REPO = Path(__file__).resolve().parents[2]


def copy_project(
    target: Path, directives: Path | None = None, *, synthetic: int | None = None, seed: int = 1
) -> Path:
    """mkdocs.yml and docs/ of the repository in `target`, with the sample archive, the given
    `directives` folder, or a synthetic archive of `synthetic` documents."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "docs", target / "docs")
    if synthetic is not None:
        generate_archive(target / "directives", synthetic, seed=seed)
    else:
        shutil.copytree(directives or REPO / "directives", target / "directives")
    return target


def free_port() -> int:
    """A loopback port nothing listens on now (servers started by tests and scripts)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
