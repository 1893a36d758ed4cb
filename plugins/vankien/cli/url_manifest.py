"""`vankien check --manifest`: addresses that moved since the last built (or a released) site.

The comparison is the core's (`vankien.core.manifest.compare`); this module only finds the
manifest: the one given, else the one in the last site built beside the archive (`site/`, or the
current folder's), and nothing when no site was built yet (a fresh clone has none).
"""

from __future__ import annotations

from pathlib import Path

import click

from vankien.cli.options import display_root
from vankien.core.archive import Archive
from vankien.core.manifest import MANIFEST_PATH, ManifestError, compare, read_manifest
from vankien.core.problems import ProblemList

SITE_DIR = "site"

manifest_option = click.option(
    "--manifest",
    "manifest",
    metavar="TỆP",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Tệp địa chỉ của bản trang đã xuất bản ({MANIFEST_PATH} trong thư mục trang) để so: cảnh báo "
    "văn bản đổi địa chỉ mà không khai báo `redirect_from`. Mặc định: tệp trong site/ của lần dựng trước, "
    "nếu có.",
)


def default_manifest(archive_dir: Path) -> Path | None:
    """The manifest of the last site built from `archive_dir`, if there is one."""
    for folder in dict.fromkeys((archive_dir.resolve().parent, Path.cwd().resolve())):
        candidate = folder / SITE_DIR / MANIFEST_PATH
        if candidate.is_file():
            return candidate
    return None


def url_changes(archive: Archive, archive_dir: Path, manifest: Path | None) -> ProblemList:
    """Warnings about documents whose address changed without a redirect; an unreadable manifest
    the user named is an error."""
    path = manifest or default_manifest(archive_dir)
    if path is None:
        return ProblemList()
    shown = path.as_posix() if manifest is not None else _shown(path)
    try:
        found = read_manifest(path)
    except ManifestError as exc:
        problems = ProblemList()
        # Only the file the user named can fail the check: a stale site/ of an older version
        # is information.
        report = problems.error if manifest is not None else problems.notice
        report(
            shown,
            1,
            "bad-manifest",
            f"tệp địa chỉ {exc}; dựng lại trang (`vankien build`) hoặc chỉ đúng tệp bằng --manifest",
        )
        return problems
    return compare(archive, found, shown, display_root(archive_dir))


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
