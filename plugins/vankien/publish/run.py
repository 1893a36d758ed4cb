"""`vankien publish` as steps: each either completes or leaves the live site as it was.

1. prepare the target (checks, lock, stale leftovers cleaned)
2. build the site strictly into `releases/<id>.partial/site` — on the target's filesystem, so
   the final renames never cross devices
3. check every link and asset of the output (`vankien.publish.links`)
4. compare with the live release: changed files, and documents whose URL moved with no redirect
5. rename the release into place and switch `current` to it with one rename
6. remove old releases beyond the last `keep`

The live site changes only in step 5, by a rename, so a failure or a kill anywhere leaves it byte
for byte what it was (or, after step 5, the complete new release).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vankien.core.manifest import MANIFEST_PATH, ManifestError, read_manifest
from vankien.publish.links import check_site
from vankien.publish.releases import (
    METADATA,
    SITE,
    Busy,
    Changes,
    Release,
    Target,
    compare_trees,
    file_hashes,
    new_id,
)

STEPS = (
    "chuẩn bị thư mục đích",
    "dựng trang",
    "kiểm tra liên kết",
    "so sánh với bản đang chạy",
    "chuyển sang bản mới",
    "dọn bản cũ",
)
KILL_VARIABLE = "VANKIEN_PUBLISH_KILL_AFTER_STEP"
"""For tests only: the process kills itself (SIGKILL) right after this step."""
SHOWN = 10
"""How many paths or problems a message lists before "…"."""


class StepFailed(Exception):
    """A step failed; the live site is as it was. The message says which step, in Vietnamese."""

    def __init__(self, number: int, reason: str) -> None:
        self.number = number
        self.reason = reason
        super().__init__(f"bước {number}/{len(STEPS)} ({STEPS[number - 1]}) thất bại: {reason}")


class BuildError(Exception):
    """What the build function raises when the strict build fails (message: why)."""


class RollbackFailed(Exception):
    """Nothing was switched; message in Vietnamese."""


@dataclass(frozen=True)
class Request:
    target: Path
    site_url: str
    commit: str
    keep: int
    build: Callable[[Path], None]
    """Builds the site strictly into the folder given; raises BuildError."""
    moved_urls: Callable[[Path], list[str]]
    """Given the live release's URL manifest, the documents whose URL moved with no redirect."""
    say: Callable[[str], None]


@dataclass(frozen=True)
class Published:
    release: Release
    previous: str | None
    changes: Changes
    outside_links: int
    removed: list[str]


def check_target(root: Path) -> None:
    """Why `root` cannot receive releases, as a StepFailed of step 1."""
    if root.exists() and not root.is_dir():
        raise StepFailed(1, f"{root} là một tệp, không phải thư mục")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StepFailed(1, f"không tạo được thư mục {root}: {exc.strerror}") from exc
    if not os.access(root, os.W_OK | os.X_OK):
        raise StepFailed(1, f"không có quyền ghi vào {root}")
    current = Target(root).current
    if (current.exists() or current.is_symlink()) and not current.is_symlink():
        raise StepFailed(
            1, f"{current} không phải liên kết do `vankien publish` tạo; chuyển nó đi chỗ khác rồi chạy lại"
        )


def publish(request: Request) -> Published:
    target = Target(request.target)
    check_target(target.root)
    try:
        with target.lock():
            return _publish(request, target)
    except Busy as exc:
        raise StepFailed(1, _busy(target, str(exc))) from exc
    except PermissionError as exc:
        raise StepFailed(1, f"không có quyền ghi vào {target.root} ({exc.strerror})") from exc


def _busy(target: Target, lock: str) -> str:
    return (
        f"đang có một lần xuất bản khác vào {target.root} (khóa {lock} đang bị giữ); "
        "chờ lần đó xong rồi chạy lại"
    )


def _publish(request: Request, target: Target) -> Published:
    say = request.say
    try:
        target.releases.mkdir(exist_ok=True)
        _report_stale(target, say)
    except OSError as exc:
        raise StepFailed(1, f"không ghi được vào {target.root}: {exc.strerror or exc}") from exc
    previous = target.live()
    _after(1)

    release_id = new_id()
    partial = target.partial_dir(release_id)
    step = 2
    try:
        partial.mkdir()
        site = partial / SITE
        try:
            request.build(site)
        except BuildError as exc:
            raise StepFailed(2, str(exc)) from exc
        documents = _documents(site)
        release = Release(
            release_id,
            dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
            request.commit,
            documents,
            request.site_url,
        )
        # Beside the site, not in it: the site's files stay what the build made of the archive.
        (partial / METADATA).write_text(release.to_json(), encoding="utf-8")
        _after(2)

        step = 3
        report = check_site(site, request.site_url)
        if report.problems:
            lines = [problem.format() for problem in report.problems[:SHOWN]]
            more = len(report.problems) - len(lines)
            raise StepFailed(
                3,
                f"{len(report.problems)} liên kết hỏng hoặc trỏ ra ngoài trang:\n  "
                + "\n  ".join(lines)
                + (f"\n  … và {more} liên kết khác" if more else ""),
            )
        say(
            f"Đã kiểm tra {report.links} liên kết trên {report.pages} trang: không có liên kết hỏng"
            + (
                f" ({report.outside_links} liên kết đến trang ngoài trong nội dung văn bản)"
                if report.outside_links
                else ""
            )
            + "."
        )
        _after(3)

        step = 4
        live_site = target.live_site()
        changes = compare_trees(file_hashes(live_site) if live_site else {}, file_hashes(site))
        _say_changes(say, previous, changes)
        if live_site is not None and (live_site / MANIFEST_PATH).is_file():
            moved = request.moved_urls(live_site / MANIFEST_PATH)
            if moved:
                raise StepFailed(
                    4,
                    f"{len(moved)} văn bản đổi địa chỉ so với bản đang chạy mà không khai báo `redirect_from`:\n  "
                    + "\n  ".join(moved[:SHOWN]),
                )
        _after(4)

        step = 5
        final = target.release_dir(release_id)
        os.rename(partial, final)
        target.switch_to(release_id)
        _after(5)
    except StepFailed:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise StepFailed(step, f"{exc.strerror or exc} ({exc.filename})") from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise

    try:
        removed = target.prune(request.keep)
    except OSError as exc:
        raise StepFailed(6, f"{exc.strerror or exc} ({exc.filename}); bản mới đã chạy") from exc
    _after(6)
    return Published(release, previous, changes, report.outside_links, removed)


def rollback(root: Path, say: Callable[[str], None]) -> tuple[str, str]:
    """Switch back to the release before the live one; (was live, now live)."""
    target = Target(root)
    if not root.is_dir():
        raise RollbackFailed(f"{root} không phải thư mục xuất bản (chưa có bản nào)")
    try:
        with target.lock():
            _report_stale(target, say)
            live = target.live()
            if live is None:
                raise RollbackFailed(f"chưa có bản nào đang chạy ở {root}")
            older = [release_id for release_id in target.release_ids() if release_id < live]
            if not older:
                raise RollbackFailed(f"không có bản nào trước bản đang chạy {live} để quay lại")
            target.switch_to(older[-1])
            return live, older[-1]
    except Busy as exc:
        raise RollbackFailed(_busy(target, str(exc))) from exc
    except OSError as exc:
        raise RollbackFailed(f"{exc.strerror or exc} ({exc.filename}); bản đang chạy giữ nguyên") from exc


def _report_stale(target: Target, say: Callable[[str], None]) -> None:
    cleaned = target.clean_stale()
    if cleaned:
        names = ", ".join(path.relative_to(target.root).as_posix() for path in cleaned)
        say(f"Đã dọn {len(cleaned)} mục còn sót từ lần xuất bản bị ngắt trước: {names}")


def _documents(site: Path) -> int:
    try:
        return len(read_manifest(site / MANIFEST_PATH).documents)
    except ManifestError as exc:
        raise StepFailed(2, f"bản dựng thiếu tệp địa chỉ {MANIFEST_PATH}: {exc}") from exc


def _say_changes(say: Callable[[str], None], previous: str | None, changes: Changes) -> None:
    if previous is None:
        say(f"Bản đầu tiên ở thư mục này: {len(changes.added)} tệp.")
        return
    if changes.empty:
        say(f"Không tệp nào khác bản đang chạy {previous}.")
        return
    pages = sum(path.endswith(".html") for path in [*changes.added, *changes.changed, *changes.removed])
    say(
        f"So với bản đang chạy {previous}: thêm {len(changes.added)}, sửa {len(changes.changed)}, "
        f"xóa {len(changes.removed)} tệp ({pages} trang)."
    )
    for label, paths in (("thêm", changes.added), ("sửa", changes.changed), ("xóa", changes.removed)):
        if paths:
            # Pages first: what readers see changed; data files after them.
            ordered = sorted(paths, key=lambda path: (not path.endswith(".html"), path))
            shown = ", ".join(ordered[:5]) + (", …" if len(ordered) > 5 else "")
            say(f"  {label}: {shown}")


def _after(step: int) -> None:
    wanted = os.environ.get(KILL_VARIABLE)
    if wanted is not None and wanted.strip() == str(step):
        os.kill(os.getpid(), signal.SIGKILL)
