"""The pages' content cache: round trip, pruning, the salt, and every way a cache can be wrong
(each a notice, a miss, and a cache rebuilt by the next build, never an error)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO
from vankien.adapters.page_cache import (
    ENTRIES,
    FORMAT,
    MANIFEST,
    CachedPage,
    PageCache,
    build_salt,
    default_root,
)

SALT = "a" * 64
TOC = [
    {
        "level": 2,
        "id": "toan-van",
        "name": "Toàn văn",
        "html": "Toàn văn",
        "children": [{"level": 3, "id": "dieu-1", "name": "Điều 1", "children": []}],
    }
]


def key(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def page(text: str) -> CachedPage:
    return CachedPage(f"<p>{text}</p>", TOC)


def build(root: Path, pages: dict[str, str], salt: str = SALT) -> PageCache:
    """One build: every page asked for, the missing ones rendered and stored, then finished."""
    cache = PageCache(root, salt)
    for name, text in pages.items():
        if cache.get(key(name)) is None:
            cache.put(key(name), page(text))
    cache.finish()
    return cache


def entry(root: Path, name: str) -> Path:
    k = key(name)
    return root / ENTRIES / k[:2] / f"{k}.json"


def test_round_trip(tmp_path: Path) -> None:
    root = tmp_path / ".cache" / "vankien"
    first = build(root, {"a": "một", "b": "hai"})
    assert (first.stats.hits, first.stats.misses, first.stats.written) == (0, 2, 2)
    assert first.notices == []  # a first build has nothing to report
    second = PageCache(root, SALT)
    assert second.get(key("a")) == page("một")
    assert second.get(key("b")) == page("hai")
    assert second.get(key("c")) is None
    assert (second.stats.hits, second.stats.misses, second.stats.written) == (2, 1, 0)
    assert second.notices == []


def test_entries_are_json_never_pickle(tmp_path: Path) -> None:
    build(tmp_path, {"a": "một"})
    header, content = entry(tmp_path, "a").read_bytes().split(b"\n", 1)
    content_bytes = "<p>một</p>".encode()
    assert json.loads(header) == {
        "format": FORMAT,
        "key": key("a"),
        "toc": TOC,
        "anchors": [],
        "own_links": [],
        "length": len(content_bytes),
    }
    assert content == content_bytes
    assert json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8")) == {"format": FORMAT, "salt": SALT}


def test_finish_prunes_what_the_build_did_not_use(tmp_path: Path) -> None:
    build(tmp_path, {"a": "một", "b": "hai", "c": "ba"})
    second = build(tmp_path, {"a": "một", "c": "ba", "d": "bốn"})
    assert (second.stats.hits, second.stats.misses, second.stats.written) == (2, 1, 1)
    assert not entry(tmp_path, "b").exists()
    assert {p.name for p in (tmp_path / ENTRIES).rglob("*.json")} == {f"{key(n)}.json" for n in "acd"}
    third = PageCache(tmp_path, SALT)
    assert third.get(key("b")) is None and third.get(key("d")) == page("bốn")


def test_a_new_salt_misses_everything_and_replaces_the_cache(tmp_path: Path) -> None:
    build(tmp_path, {"a": "một", "b": "hai"})
    other = build(tmp_path, {"a": "một mới"}, salt="b" * 64)
    assert (other.stats.hits, other.stats.misses) == (0, 1)
    assert len(other.notices) == 1 and "cấu hình" in other.notices[0]
    assert not entry(tmp_path, "b").exists()
    again = PageCache(tmp_path, "b" * 64)
    assert again.get(key("a")) == page("một mới") and again.notices == []


def _bad_json(path: Path) -> None:
    path.write_text('{"format": ', encoding="utf-8")


def _not_an_object(path: Path) -> None:
    path.write_text("[1, 2]", encoding="utf-8")


def _a_folder(path: Path) -> None:
    path.unlink()
    (path / "inside").mkdir(parents=True)


def _not_utf8(path: Path) -> None:
    path.write_bytes(b"\xff\xfe\x00garbage")


def _entry_field(name: str, value: object) -> Callable[[Path], None]:
    """Set a field of the JSON a cache file starts with (the manifest, or an entry's header)."""

    def damage(path: Path) -> None:
        header, newline, rest = path.read_bytes().partition(b"\n")
        data = json.loads(header)
        data[name] = value
        path.write_bytes(json.dumps(data).encode() + newline + rest)

    return damage


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-3])


def _content_not_utf8(path: Path) -> None:
    header, _, content = path.read_bytes().partition(b"\n")
    path.write_bytes(header + b"\n" + b"\xff" * len(content))


def _no_content(path: Path) -> None:
    path.write_bytes(path.read_bytes().partition(b"\n")[0])


MANIFEST_DAMAGE: dict[str, Callable[[Path], None]] = {
    "bad JSON": _bad_json,
    "not an object": _not_an_object,
    "a folder": _a_folder,
    "not UTF-8": _not_utf8,
    "missing": Path.unlink,
    "another version": _entry_field("format", "vankien-page-cache/0"),
    "another program's": _entry_field("format", None),
}


@pytest.mark.parametrize("damage", MANIFEST_DAMAGE.values(), ids=MANIFEST_DAMAGE.keys())
def test_a_broken_or_foreign_manifest_is_a_notice_and_a_rebuild(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    build(tmp_path, {"a": "một", "b": "hai"})
    damage(tmp_path / MANIFEST)
    broken = build(tmp_path, {"a": "một", "b": "hai"})
    # The entries on disk are intact, yet none is trusted.
    assert (broken.stats.hits, broken.stats.misses, broken.stats.written) == (0, 2, 2)
    assert len(broken.notices) == 1 and "bỏ qua" in broken.notices[0]
    rebuilt = build(tmp_path, {"a": "một", "b": "hai"})
    assert (rebuilt.stats.hits, rebuilt.stats.misses) == (2, 0) and rebuilt.notices == []


ENTRY_DAMAGE: dict[str, Callable[[Path], None]] = {
    "bad JSON": _bad_json,
    "not an object": _not_an_object,
    "a folder": _a_folder,
    "not UTF-8": _not_utf8,
    "another key's": _entry_field("key", key("z")),
    "truncated": _truncated,
    "content not UTF-8": _content_not_utf8,
    "no content line": _no_content,
    "length not a number": _entry_field("length", "5"),
    "another version": _entry_field("format", "vankien-page-cache/0"),
    "toc not a list": _entry_field("toc", {"level": 2}),
    "toc token without id": _entry_field("toc", [{"level": 2, "name": "x", "children": []}]),
    "toc child malformed": _entry_field("toc", [{"level": 2, "id": "x", "name": "x", "children": [3]}]),
}


@pytest.mark.parametrize("damage", ENTRY_DAMAGE.values(), ids=ENTRY_DAMAGE.keys())
def test_a_broken_entry_is_a_notice_a_miss_and_rewritten(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    build(tmp_path, {"a": "một", "b": "hai"})
    damage(entry(tmp_path, "a"))
    broken = build(tmp_path, {"a": "một", "b": "hai"})
    assert (broken.stats.hits, broken.stats.misses, broken.stats.written) == (1, 1, 1)
    assert len(broken.notices) == 1 and "1 mục hỏng" in broken.notices[0]
    rebuilt = PageCache(tmp_path, SALT)
    assert rebuilt.get(key("a")) == page("một") and rebuilt.notices == []


def test_an_unreadable_entry_is_a_notice_and_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(tmp_path, {"a": "một"})
    unreadable, read = entry(tmp_path, "a"), Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == unreadable:  # as chmod 000 would, for a build not run as root
            raise PermissionError(13, "Permission denied")
        return read(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    broken = PageCache(tmp_path, SALT)
    assert broken.get(key("a")) is None and len(broken.notices) == 1


def test_a_file_where_the_cache_folder_should_be(tmp_path: Path) -> None:
    root = tmp_path / ".cache" / "vankien"
    root.parent.mkdir()
    root.write_text("not a cache", encoding="utf-8")
    broken = build(root, {"a": "một"})
    assert broken.stats.misses == 1 and len(broken.notices) == 1
    assert PageCache(root, SALT).get(key("a")) == page("một")


def test_a_file_where_the_entries_folder_should_be(tmp_path: Path) -> None:
    build(tmp_path, {"a": "một"})
    for path in sorted((tmp_path / ENTRIES).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (tmp_path / ENTRIES).rmdir()
    (tmp_path / ENTRIES).write_text("x", encoding="utf-8")
    broken = build(tmp_path, {"a": "một"})
    assert broken.stats.misses == 1 and broken.stats.written == 1
    assert PageCache(tmp_path, SALT).get(key("a")) == page("một")


def test_foreign_files_and_leftovers_are_pruned(tmp_path: Path) -> None:
    build(tmp_path, {"a": "một"})
    (tmp_path / ".tmp-abc").write_text("half", encoding="utf-8")
    (tmp_path / ENTRIES / "stray.txt").write_text("x", encoding="utf-8")
    shard = entry(tmp_path, "a").parent
    (shard / ".tmp-123").write_text("half", encoding="utf-8")
    build(tmp_path, {"a": "một"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MANIFEST, ENTRIES])
    assert [p.name for p in shard.iterdir()] == [f"{key('a')}.json"]


def test_writes_are_atomic_and_a_failed_write_never_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, {"a": "một"})
    before = entry(tmp_path, "a").read_bytes()

    def refuse(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    cache = PageCache(tmp_path, SALT)
    cache.put(key("a"), page("một, sửa"))  # the build goes on
    cache.put(key("b"), page("hai"))
    cache.finish()
    assert cache.stats.written == 0
    assert len(cache.notices) == 1 and "No space left on device" in cache.notices[0]
    # The old entry whole, no half-written file left behind.
    assert entry(tmp_path, "a").read_bytes() == before
    assert not list(tmp_path.rglob(".tmp-*"))
    monkeypatch.undo()
    assert PageCache(tmp_path, SALT).get(key("a")) == page("một")


def test_a_key_that_is_no_key_is_refused(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, SALT)
    with pytest.raises(ValueError):
        cache.get("../../etc/passwd")
    with pytest.raises(ValueError):
        cache.put("A" * 64, page("x"))


def test_the_salt_changes_with_each_input(tmp_path: Path) -> None:
    override = tmp_path / "main.html"
    override.write_text("{% extends 'base.html' %}", encoding="utf-8")
    registry = tmp_path / "co-quan.yml"
    registry.write_text("- name: Tỉnh ủy\n", encoding="utf-8")
    base = build_salt(b"site_name: x\n", [override], "thường", data_files=[registry])
    assert base == build_salt(b"site_name: x\n", [override], "thường", data_files=[registry])
    assert len(base) == 64
    variants = {
        build_salt(b"site_name: y\n", [override], "thường", data_files=[registry]),
        build_salt(b"site_name: x\n", [], "thường", data_files=[registry]),
        build_salt(b"site_name: x\n", [override], "mật", data_files=[registry]),
        build_salt(b"site_name: x\n", [override], "thường"),
    }
    override.write_text("{% extends 'base.html' %}{# sửa #}", encoding="utf-8")
    variants.add(build_salt(b"site_name: x\n", [override], "thường", data_files=[registry]))
    override.unlink()
    variants.add(build_salt(b"site_name: x\n", [override], "thường", data_files=[registry]))
    assert base not in variants and len(variants) == 6


def test_the_salt_follows_the_software_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    base = build_salt(b"", [], "thường")
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "99" if name == "markdown" else real(name)
    )
    assert build_salt(b"", [], "thường") != base


def test_the_cache_is_outside_docs_dir_so_never_published() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    docs_dir = next(
        line.split(":", 1)[1].strip() for line in config.splitlines() if line.startswith("docs_dir:")
    )
    root = default_root(REPO / "mkdocs.yml")
    assert root == REPO / ".cache" / "vankien"
    assert not root.is_relative_to(REPO / docs_dir)
