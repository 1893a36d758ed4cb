from __future__ import annotations

import datetime as dt
import os
import shutil
import textwrap
from pathlib import Path

import pytest

# Material prints a banner about MkDocs 2 on import; the archive pins MkDocs 1.x.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Write `{relative path: text}` below root, dedenting each text."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    """A copy of the repository's site (mkdocs.yml, docs/, directives/) to build or break."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "directives", project / "directives")
    return project
