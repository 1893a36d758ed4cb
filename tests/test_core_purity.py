"""The core imports nothing from MkDocs: only `vankien.adapters` may."""

from __future__ import annotations

import ast
from pathlib import Path

import vankien

PACKAGE = Path(vankien.__file__).parent
ADAPTERS = PACKAGE / "mkdocs_plugins"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_do_not_import_mkdocs() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if ADAPTERS not in p.parents]
    assert len(core) > 10
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(p) if m.split(".")[0] in {"mkdocs", "material"}
        )
        for p in core
    }
    assert {k: v for k, v in offenders.items() if v and k != "cli.py"} == {}


def test_cli_imports_mkdocs_only_inside_the_build_command() -> None:
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    top_level = {
        node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
    }
    assert not {m for m in top_level if m and m.startswith("mkdocs")}
