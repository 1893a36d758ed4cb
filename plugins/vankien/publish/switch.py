"""Replacing what a path points at in one rename, so that a kill at any moment leaves either the
old or the new target in place, never nothing.

A symlink is created under a temporary name beside the final one and renamed over it: rename(2)
replaces a symlink atomically. A real directory cannot be replaced by a rename (rename over a
non-empty directory fails), so the one-time move from a directory to a symlink exchanges the two
with renameat2(RENAME_EXCHANGE) where the kernel offers it; elsewhere it falls back to two
renames, and `recover_symlink` restores a path a kill left missing between them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from pathlib import Path

TEMP_MARK = ".tmp-"
"""Temporary symlinks are named `<name>.tmp-<pid>`; stale ones are removed at the next run."""
RETIRED_MARK = ".retired-"
"""A directory moved aside by the fallback exchange, `<name>.retired-<pid>`."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def temp_name(link: Path) -> Path:
    return link.with_name(f"{link.name}{TEMP_MARK}{os.getpid()}")


def point(link: Path, target: str) -> None:
    """Make `link` a symlink to `target` (relative to the link's folder) with one rename."""
    temporary = temp_name(link)
    _remove(temporary)
    os.symlink(target, temporary)
    if link.is_dir() and not link.is_symlink():
        _replace_directory(temporary, link)
        return
    os.replace(temporary, link)
    _fsync_dir(link.parent)


def stale_entries(link: Path) -> list[Path]:
    """Temporary symlinks and retired folders a killed run left beside `link`."""
    folder = link.parent
    if not folder.is_dir():
        return []
    prefixes = (f"{link.name}{TEMP_MARK}", f"{link.name}{RETIRED_MARK}")
    return sorted(entry for entry in folder.iterdir() if entry.name.startswith(prefixes))


def recover_symlink(link: Path) -> bool:
    """Put back a directory the two-rename fallback moved aside when a kill left `link` missing.
    True when something was restored."""
    if link.exists() or link.is_symlink():
        return False
    for retired in stale_entries(link):
        if retired.name.startswith(f"{link.name}{RETIRED_MARK}") and retired.is_dir():
            os.rename(retired, link)
            return True
    return False


def remove_stale(link: Path) -> list[Path]:
    """Remove what `stale_entries` finds (after `recover_symlink`); returns what was removed."""
    removed = stale_entries(link)
    for entry in removed:
        _remove(entry)
    return removed


def _replace_directory(temporary: Path, directory: Path) -> None:
    retired = directory.with_name(f"{directory.name}{RETIRED_MARK}{os.getpid()}")
    if _exchange(temporary, directory):
        # `temporary` now names the old directory.
        temporary.rename(retired)
    else:
        directory.rename(retired)
        os.replace(temporary, directory)
    _fsync_dir(directory.parent)
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False when the system cannot."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    # The rename is atomic at once; the fsync makes it survive a power cut too.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
