"""Build the site without ever losing good output.

`mkdocs build` empties the site folder before the plugins even validate the
archive, so a failed build would leave the intranet server with nothing. Here
the site is built into a staging folder beside the target and swapped in by
renames only when the strict build succeeded.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


class BuildFailed(Exception):
    """The build stopped (an error, or a warning under --strict); the site was left as it was."""


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build into `site_dir`; on any failure `site_dir` is left exactly as it was.

    Raises BuildFailed when MkDocs aborts (what went wrong has been logged)."""
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    retired = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    config = load_config(config_file=str(config_file), site_dir=str(staging), strict=strict)
    try:
        build(config)
    except Abort as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
