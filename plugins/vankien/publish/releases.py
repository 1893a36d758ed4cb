"""The release layout of a publishing target, and what is known about each release.

```
DIR/
  .publish.lock              held (flock) by the one publish or rollback running
  current -> releases/<id>/site   the web server's root; replaced by one rename
  releases/
    <id>/site/               the built site, byte for byte what `vankien build` writes
    <id>/release.json        id, created, commit, documents, site_url (outside the site, so the
                             site's files stay deterministic)
    <id>.partial/            a release being built (a stale one is removed at the next run)
```

Ids are UTC timestamps with microseconds ("20250314T101502.123456Z"): they sort in the order
releases were made, which is what "the previous release" and "keep the last N" mean.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vankien.publish import switch

CURRENT = "current"
RELEASES = "releases"
SITE = "site"
METADATA = "release.json"
LOCK = ".publish.lock"
PARTIAL = ".partial"
UNKNOWN = "không rõ"
_ID = re.compile(r"^\d{8}T\d{6}\.\d{6}Z$")


class Busy(Exception):
    """Another publish or rollback holds the target's lock."""


@dataclass(frozen=True)
class Release:
    id: str
    created: str
    commit: str
    documents: int | None
    site_url: str

    def to_json(self) -> str:
        data = {
            "id": self.id,
            "created": self.created,
            "commit": self.commit,
            "documents": self.documents,
            "site_url": self.site_url,
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def new_id(now: dt.datetime | None = None) -> str:
    moment = now or dt.datetime.now(dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%S.%fZ")


@dataclass(frozen=True)
class Target:
    root: Path

    @property
    def current(self) -> Path:
        return self.root / CURRENT

    @property
    def releases(self) -> Path:
        return self.root / RELEASES

    def release_dir(self, release_id: str) -> Path:
        return self.releases / release_id

    def partial_dir(self, release_id: str) -> Path:
        return self.releases / f"{release_id}{PARTIAL}"

    def link_target(self, release_id: str) -> str:
        """What `current` holds: relative, so the target folder can be moved or mounted elsewhere."""
        return f"{RELEASES}/{release_id}/{SITE}"

    def live(self) -> str | None:
        """The id of the live release, or None when nothing was published yet."""
        try:
            written = os.readlink(self.current)
        except OSError:
            return None
        parts = Path(written).parts
        if len(parts) == 3 and parts[0] == RELEASES and parts[2] == SITE and _ID.match(parts[1]):
            return parts[1]
        return None

    def live_site(self) -> Path | None:
        live = self.live()
        return self.release_dir(live) / SITE if live is not None else None

    def release_ids(self) -> list[str]:
        """Complete releases, oldest first."""
        if not self.releases.is_dir():
            return []
        return sorted(
            entry.name
            for entry in self.releases.iterdir()
            if _ID.match(entry.name) and (entry / SITE).is_dir() and not entry.is_symlink()
        )

    def read(self, release_id: str) -> Release:
        try:
            data: Any = json.loads((self.release_dir(release_id) / METADATA).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        documents = data.get("documents")
        return Release(
            release_id,
            str(data.get("created") or UNKNOWN),
            str(data.get("commit") or UNKNOWN),
            documents if isinstance(documents, int) else None,
            str(data.get("site_url") or ""),
        )

    def stale(self) -> list[Path]:
        """What a killed run left: partial releases, temporary symlinks beside `current`."""
        found = switch.stale_entries(self.current)
        if self.releases.is_dir():
            found += sorted(entry for entry in self.releases.iterdir() if entry.name.endswith(PARTIAL))
        return found

    def clean_stale(self) -> list[Path]:
        stale = self.stale()
        for entry in stale:
            if entry.is_symlink() or entry.is_file():
                entry.unlink(missing_ok=True)
            else:
                shutil.rmtree(entry)
        return stale

    def switch_to(self, release_id: str) -> None:
        switch.point(self.current, self.link_target(release_id))

    def prune(self, keep: int) -> list[str]:
        """Remove all but the newest `keep` releases; the live one is always kept."""
        live = self.live()
        ids = self.release_ids()
        kept = set(ids[-keep:]) if keep > 0 else set()
        if live is not None:
            kept.add(live)
        removed = [release_id for release_id in ids if release_id not in kept]
        for release_id in removed:
            # Renamed first so that a kill half-way through leaves a `.partial` the next run
            # removes, never a release that looks complete but lacks files.
            doomed = self.partial_dir(release_id)
            os.rename(self.release_dir(release_id), doomed)
            shutil.rmtree(doomed)
        return removed

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the target's lock, or raise Busy at once (never wait: CI jobs would pile up)."""
        fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise Busy(str(self.root / LOCK)) from exc
            yield
        finally:
            os.close(fd)


def file_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under `root`, by path relative to it."""
    hashes: dict[str, str] = {}
    if not root.is_dir():
        return hashes
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            with path.open("rb") as stream:
                hashes[path.relative_to(root).as_posix()] = hashlib.file_digest(stream, "sha256").hexdigest()
    return hashes


@dataclass(frozen=True)
class Changes:
    added: list[str]
    changed: list[str]
    removed: list[str]

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def compare_trees(old: dict[str, str], new: dict[str, str]) -> Changes:
    return Changes(
        sorted(set(new) - set(old)),
        sorted(path for path in set(new) & set(old) if new[path] != old[path]),
        sorted(set(old) - set(new)),
    )
