"""Build the site without ever losing good output.

`mkdocs build` empties the site folder before the plugins even validate the archive, so a failed
build would leave the intranet server with nothing. Here the site is built into a fresh folder
beside the target, `.<site>-releases/<id>.partial-<pid>/`, and only a strict build that succeeded
goes live: the folder is renamed to `.<site>-releases/<id>` and `site` becomes a symlink to it,
replaced with one rename (`vankien.publish.switch`). A kill at any moment leaves either the old
or the new site at `site/`, never none; what a killed build left behind is removed by the next.
Readers of `site/...` paths see a folder as before. The first build over a `site/` that is a real
folder exchanges the two in one step (renameat2) where Linux offers it.

`vankien publish` builds its releases with `build_release` (straight into the release folder on
the target's filesystem) and switches them with the same function.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from vankien.publish import switch
from vankien.publish.releases import new_id

RELEASES_SUFFIX = "-releases"
PARTIAL_MARK = ".partial-"


class BuildFailed(Exception):
    """The build stopped (an error, or a warning under --strict); the site was left as it was."""


def releases_dir(site_dir: Path) -> Path:
    """Where the builds behind the `site_dir` symlink live: `.site-releases` beside `site`."""
    return site_dir.with_name(f".{site_dir.name}{RELEASES_SUFFIX}")


def build_release(
    config_file: Path, out_dir: Path, *, strict: bool = True, site_url: str | None = None
) -> None:
    """Build into `out_dir` (which must not hold a live site: MkDocs empties it first); `site_url`
    overrides mkdocs.yml's. Raises BuildFailed when MkDocs aborts (what went wrong was logged)."""
    overrides = {"site_url": site_url} if site_url is not None else {}
    config = load_config(config_file=str(config_file), site_dir=str(out_dir), strict=strict, **overrides)
    try:
        build(config)
    except Abort as exc:
        raise BuildFailed(str(exc)) from exc


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build into `site_dir`; on any failure `site_dir` is left exactly as it was.

    Raises BuildFailed when MkDocs aborts (what went wrong has been logged)."""
    # Not resolve(): once built, `site_dir` is a symlink, and it is the link that is replaced.
    site_dir = Path(os.path.abspath(site_dir))
    releases = releases_dir(site_dir)
    _clean(site_dir, releases, keep=None)
    release_id = new_id()
    staging = releases / f"{release_id}{PARTIAL_MARK}{os.getpid()}"
    releases.mkdir(parents=True, exist_ok=True)
    try:
        build_release(config_file, staging, strict=strict)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_if_empty(releases)
        raise
    staging.rename(releases / release_id)
    switch.point(site_dir, f"{releases.name}/{release_id}")
    _clean(site_dir, releases, keep=release_id)


def _clean(site_dir: Path, releases: Path, keep: str | None) -> None:
    """Remove what earlier (or killed) builds left: temporary symlinks, retired folders, partial
    builds of processes no longer running and, once a build is live, every other release."""
    switch.recover_symlink(site_dir)
    switch.remove_stale(site_dir)
    if not releases.is_dir():
        return
    live = os.readlink(site_dir) if site_dir.is_symlink() else None
    for entry in releases.iterdir():
        if PARTIAL_MARK in entry.name:
            if _running(entry.name.rsplit(PARTIAL_MARK, 1)[1]):
                continue
        elif keep is None or entry.name == keep or live == f"{releases.name}/{entry.name}":
            continue
        shutil.rmtree(entry, ignore_errors=True)


def _running(pid_text: str) -> bool:
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()
