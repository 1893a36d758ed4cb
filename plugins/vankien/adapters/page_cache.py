"""The pages' content cache between builds: `.cache/vankien/` beside mkdocs.yml.

A document page's content (the HTML MkDocs puts in `page.content`, with the table of contents
Python-Markdown's toc extension produced) is stored under its key (`graph.dependencies.page_key`),
which changes whenever anything the page shows changes; the salt (`build_salt`) holds what every
page depends on. A hit is reused as is; the build writes what it rendered and, at its end, keeps
only the entries it used.

Safe to delete at any time, never published: the folder is outside `docs_dir`, so MkDocs never
copies it. One file per entry, read only when its page is looked up (ten thousand entries are
hundreds of megabytes: never all in memory), holding JSON and text, never pickle, so a foreign or
tampered cache can mislead nothing but itself and can never run code. Anything unexpected (bad
JSON, another format or salt, an unreadable file, a folder where a file should be) is a notice, a
miss and a rewrite, never an error: the cache can only make a build faster, never make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vankien

FORMAT = "vankien-page-cache/1"
"""Changes whenever the files' layout or meaning changes: a cache of another format is ignored."""
FOLDER = Path(".cache") / "vankien"
"""Where the cache lives, relative to the folder of mkdocs.yml."""
MANIFEST = "manifest.json"
ENTRIES = "pages"

DISTRIBUTIONS = ("vankien", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "nh3")
"""Whose versions every page's content depends on (a missing one counts as its absence)."""

TocToken = dict[str, Any]
"""One heading as the toc extension lists it: level, id, name, html (optional), children."""


@dataclass(frozen=True)
class CachedPage:
    content: str
    """The page's content HTML, as MkDocs would hold it after rendering the Markdown."""
    toc: list[TocToken]
    """The toc extension's tokens for the page (JSON-serialisable)."""
    anchors: tuple[str, ...] = ()
    """The ids MkDocs found in the rendered Markdown (links to them are validated)."""
    own_links: tuple[tuple[str, str], ...] = ()
    """The page's links to its own anchors (anchor, link as written), validated at every build."""


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    written: int = 0


def default_root(config_file: Path) -> Path:
    """The cache folder of the site whose mkdocs.yml is `config_file`."""
    return config_file.resolve().parent / FOLDER


class PageCache:
    """Pages' content by key, for one build: `get`, `put`, then `finish` once."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = salt
        self.stats = CacheStats()
        self._notices: list[str] = []
        self._bad_entries = 0
        self._used: set[str] = set()
        self._writable = True
        # Until the manifest says this cache is ours, no entry in it is trusted.
        self._trusted = self._read_manifest()

    @property
    def notices(self) -> list[str]:
        """What was ignored and why, for the build's log at notice level (never a failure)."""
        found = list(self._notices)
        if self._bad_entries:
            found.append(
                f"Bộ nhớ đệm trang ({self.root}): bỏ qua {self._bad_entries} mục hỏng hoặc không đọc "
                "được; các trang đó được dựng lại."
            )
        return found

    def _notice(self, text: str) -> None:
        self._notices.append(f"Bộ nhớ đệm trang ({self.root}): {text}")

    def _read_manifest(self) -> bool:
        if not self.root.exists() and not self.root.is_symlink():
            return False  # a first build, or a cache deleted on purpose: nothing to say
        path = self.root / MANIFEST
        try:
            manifest = json.loads(path.read_bytes())
        except FileNotFoundError:
            self._notice("không có tệp mô tả, bỏ qua bộ nhớ đệm cũ và dựng lại toàn bộ.")
            return False
        except (OSError, ValueError) as error:
            self._notice(f"không đọc được tệp mô tả ({_reason(error)}), bỏ qua và dựng lại toàn bộ.")
            return False
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            self._notice("tạo bởi phiên bản khác của vankien, bỏ qua và dựng lại toàn bộ.")
            return False
        if manifest.get("salt") != self.salt:
            self._notice(
                "tạo với phiên bản phần mềm, cấu hình, giao diện hoặc độ mật khác, bỏ qua và dựng lại toàn bộ."
            )
            return False
        return True

    def _path(self, key: str) -> Path:
        return self.root / ENTRIES / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedPage | None:
        """The page stored under `key`, or None (a miss) when there is none to trust."""
        if not _valid_key(key):
            raise ValueError(f"not a page key: {key!r}")  # a caller's bug, not the cache's state
        self._used.add(key)
        page = self._load(key) if self._trusted else None
        if page is None:
            self.stats.misses += 1
        else:
            self.stats.hits += 1
        return page

    def _load(self, key: str) -> CachedPage | None:
        try:
            data = self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self._bad_entries += 1
            return None
        page = _page(data, key)
        if page is None:
            self._bad_entries += 1
        return page

    def put(self, key: str, value: CachedPage) -> None:
        """Store a page rendered in this build (atomically: a reader sees the old file or the new)."""
        if not _valid_key(key):
            raise ValueError(f"not a page key: {key!r}")
        self._used.add(key)
        if not self._writable:
            return
        try:
            data = _entry(key, value)
            self._prepare()
            path = self._path(key)
            _make_folder(self.root / ENTRIES)
            _make_folder(path.parent)
            _write_atomically(path, data)
        except (OSError, TypeError, ValueError) as error:
            self._writable = False
            self._notice(f"không ghi được ({_reason(error)}); bản dựng tiếp tục không dùng bộ nhớ đệm.")
            return
        self.stats.written += 1

    def _prepare(self) -> None:
        """Before the first write: an untrusted cache is emptied, so that nothing of it survives."""
        if self._trusted:
            return
        _remove(self.root)
        self.root.mkdir(parents=True, exist_ok=True)
        # Written first with this salt: entries written from now on are this build's.
        _write_atomically(self.root / MANIFEST, self._manifest())
        self._trusted = True

    def _manifest(self) -> bytes:
        return json.dumps({"format": FORMAT, "salt": self.salt}).encode("utf-8")

    def finish(self) -> None:
        """End of the build: store the salt, and remove every entry this build did not use."""
        if not self._writable:
            return
        try:
            self._prepare()
            _write_atomically(self.root / MANIFEST, self._manifest())
            self._prune()
        except OSError as error:
            self._writable = False
            self._notice(f"không ghi được ({_reason(error)}); bộ nhớ đệm sẽ được dựng lại lần sau.")

    def _prune(self) -> None:
        for item in os.scandir(self.root):
            if item.name not in (MANIFEST, ENTRIES):
                _remove(Path(item.path))  # leftovers of an interrupted write, anything foreign
        entries = self.root / ENTRIES
        if not entries.is_dir() or entries.is_symlink():
            _remove(entries)
            return
        for shard in os.scandir(entries):
            if not shard.is_dir(follow_symlinks=False) or len(shard.name) != 2:
                _remove(Path(shard.path))
                continue
            kept = 0
            for entry in os.scandir(shard.path):
                key = entry.name.removesuffix(".json")
                if entry.name.endswith(".json") and key in self._used and key[:2] == shard.name:
                    kept += 1
                else:
                    # Unused entries, leftovers of an interrupted write, anything foreign.
                    _remove(Path(entry.path))
            if not kept:
                with contextlib.suppress(OSError):
                    os.rmdir(shard.path)


def _entry(key: str, page: CachedPage) -> bytes:
    """An entry file: one line of JSON (format, key, toc, the content's length), then the content
    as UTF-8. The content stays out of the JSON because decoding it there costs three times more
    than reading the file (measured on 30 KB pages); it is still data, never code."""
    content = page.content.encode("utf-8")
    header = {
        "format": FORMAT,
        "key": key,
        "toc": page.toc,
        "anchors": list(page.anchors),
        "own_links": [list(pair) for pair in page.own_links],
        "length": len(content),
    }
    return json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n" + content


def _page(data: bytes, key: str) -> CachedPage | None:
    """The entry's page, or None when the file is not one this cache wrote under this key."""
    line, newline, content = data.partition(b"\n")
    try:
        header = json.loads(line)
        text = content.decode("utf-8")
    except ValueError:  # bad JSON, bad UTF-8
        return None
    if (
        not newline
        or not isinstance(header, dict)
        or header.get("format") != FORMAT
        or header.get("key") != key
    ):
        return None
    toc = header.get("toc")
    anchors = header.get("anchors", [])
    own_links = header.get("own_links", [])
    if not isinstance(own_links, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        for pair in own_links
    ):
        return None
    if (
        header.get("length") != len(content)
        or not isinstance(toc, list)
        or not all(_token(t) for t in toc)
        or not isinstance(anchors, list)
        or not all(isinstance(a, str) for a in anchors)
    ):
        return None
    return CachedPage(text, toc, tuple(anchors), tuple((a, b) for a, b in own_links))


def _token(token: object) -> bool:
    if not isinstance(token, dict):
        return False
    children = token.get("children", [])
    return (
        isinstance(token.get("level"), int)
        and isinstance(token.get("id"), str)
        and isinstance(token.get("name"), str)
        and isinstance(token.get("html", ""), str)
        and isinstance(children, list)
        and all(_token(child) for child in children)
    )


def _valid_key(key: str) -> bool:
    return len(key) == 64 and all(c in "0123456789abcdef" for c in key)


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or type(error).__name__


def _make_folder(folder: Path) -> None:
    """The folder, replacing a file (or anything but a folder) found in its place."""
    if folder.is_dir() and not folder.is_symlink():
        return
    _remove(folder)
    folder.mkdir(parents=True, exist_ok=True)


def _write_atomically(path: Path, data: bytes) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _remove(path: Path) -> None:
    """Remove a file, a link or a folder of the cache; a link is removed, never followed."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def build_salt(
    config_bytes: bytes,
    override_files: list[Path],
    level: str,
    *,
    data_files: Sequence[Path] = (),
) -> str:
    """What every page's content depends on: the versions of the software that renders it (and
    the package's own files, since a development checkout changes without a new version), the
    bytes of mkdocs.yml, of the theme's overrides (`custom_dir`), of `data_files` every page reads
    (the issuer registry: the card, the print heading and the overview show from it), and the
    confidentiality level. A sha256 hex digest."""
    sha = hashlib.sha256()

    def put(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            sha.update(len(data).to_bytes(8, "big"))
            sha.update(data)

    put(FORMAT, f"python {sys.version_info.major}.{sys.version_info.minor}")
    for name in DISTRIBUTIONS:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        put(name, version)
    put("package", package_digest())
    put("config", config_bytes)
    for label, paths in (("overrides", override_files), ("data", data_files)):
        put(label, str(len(paths)))
        for path in sorted(paths, key=lambda p: p.as_posix()):
            put(path.as_posix(), _bytes_or_marker(path))
    put("level", level)
    return sha.hexdigest()


def package_digest() -> str:
    """A digest of the vankien package's own files (code, templates, assets)."""
    package = Path(vankien.__file__).parent
    sha = hashlib.sha256()
    for path in sorted(_package_files(package)):
        relative = path.relative_to(package).as_posix().encode("utf-8")
        data = _bytes_or_marker(path)
        sha.update(len(relative).to_bytes(8, "big") + relative + len(data).to_bytes(8, "big") + data)
    return sha.hexdigest()


def _package_files(package: Path) -> Iterable[Path]:
    for folder, folders, files in os.walk(package):
        folders[:] = [f for f in folders if f != "__pycache__"]
        for name in files:
            if not name.endswith((".pyc", ".pyo")):
                yield Path(folder) / name


def _bytes_or_marker(path: Path) -> bytes:
    """A file's bytes; a missing or unreadable one is told apart from any content."""
    try:
        return b"file:" + path.read_bytes()
    except OSError as error:
        return f"unreadable:{type(error).__name__}".encode()
