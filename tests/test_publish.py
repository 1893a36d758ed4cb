"""`vankien publish`: releases, the atomic switch, rollback, and every way a publish can fail
while the live site stays byte for byte what it was.

Publishes run as the command CI runs, in a child process (the kill test needs one anyway).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, write_files
from tests.support.environment import require
from vankien.publish.links import check_site
from vankien.publish.releases import LOCK, Target, file_hashes
from vankien.publish.run import KILL_VARIABLE, STEPS

pytestmark = pytest.mark.build

SITE_URL = "https://intranet.example/van-kien/"
KEPT = "; trang đang chạy giữ nguyên"
VANKIEN = [sys.executable, "-c", "from vankien.cli import main; main()"]


def publish(
    project: Path, target: Path, *args: str, env: dict[str, str] | None = None, user: str | None = None
) -> subprocess.CompletedProcess[str]:
    command = [*VANKIEN, "publish", "--to", str(target), *args]
    if "--list" not in args and "--rollback" not in args and "--site-url" not in args:
        command += ["--site-url", SITE_URL]
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=600,
        check=False,
    )


def live(target: Path) -> dict[str, str]:
    """Hash of every file the web server serves."""
    return file_hashes((target / "current").resolve())


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def edit_title(project: Path, marker: str) -> None:
    page = project / "directives/2023/39-hd-btgtu.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\ntitle: ", f"\ntitle: {marker} ", 1), encoding="utf-8")


@pytest.fixture
def published(site_project: Path, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The sample site published once to a fresh target."""
    target = tmp_path / "srv"
    ok(publish(site_project, target))
    yield site_project, target


def test_publish_switches_lists_rolls_back_and_keeps_the_last_releases(published: tuple[Path, Path]) -> None:
    project, target = published
    first = Target(target).live()
    assert first is not None
    assert os.readlink(target / "current") == f"releases/{first}/site"
    # The URL manifest travels with the release, inside its site; the release's own data beside it.
    assert (target / "releases" / first / "site/manifest/urls.json").is_file()
    assert (target / "releases" / first / "release.json").is_file()
    assert not (target / "releases" / first / "site/release.json").exists()

    edit_title(project, "Sửa")
    second = ok(publish(project, target))
    assert f"So với bản đang chạy {first}: thêm 0, sửa " in second.stderr
    changed = next(line for line in second.stderr.splitlines() if line.startswith("  sửa: "))
    assert changed.split(", ")[0].endswith(".html")
    now = Target(target).live()
    assert now is not None and now > first

    listing = ok(publish(project, target, "--list")).stdout.splitlines()
    assert listing[0].split() == ["Bản", "Ngày", "tạo", "Commit", "Số", "văn", "bản"]
    assert listing[1].startswith(f"* {now}") and listing[1].endswith("không rõ      21")
    assert listing[2].startswith(f"  {first}")
    assert listing[-1] == "(* bản đang chạy)"

    rolled = ok(publish(project, target, "--rollback"))
    assert f"Đã quay lại bản {first} (bản {now} vẫn được giữ)." in rolled.stderr
    assert Target(target).live() == first
    again = publish(project, target, "--rollback")
    assert again.returncode == 1
    assert again.stderr.strip() == (
        f"lỗi: quay lại thất bại: không có bản nào trước bản đang chạy {first} để quay lại"
    )

    ok(publish(project, target, "--keep", "1"))
    # The newest only; the release rolled back from is gone, the live one is the new one.
    assert Target(target).release_ids() == [Target(target).live()]


def test_the_site_url_is_required(site_project: Path, tmp_path: Path) -> None:
    result = publish(site_project, tmp_path / "srv", "--site-url", "")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "lỗi: cần `site_url` để xuất bản (địa chỉ trang khi chạy, vd. https://intranet/van-kien/): "
        "đặt `site_url:` trong mkdocs.yml hoặc dùng --site-url"
    )
    assert not (tmp_path / "srv").exists()


@pytest.mark.parametrize("step", range(1, len(STEPS) + 1))
def test_a_publish_killed_after_any_step_leaves_a_whole_site(published: tuple[Path, Path], step: int) -> None:
    project, target = published
    before = live(target)
    edit_title(project, f"Bước {step}")
    killed = publish(project, target, env={KILL_VARIABLE: str(step)})
    assert killed.returncode == -9, killed.stderr
    after = live(target)
    if step < 5:
        assert after == before
    else:
        # Switched: the whole new release, never a mix.
        assert after != before
        page = (target / "current/van-ban/2023/39-hd-btgtu/index.html").read_text(encoding="utf-8")
        assert f"Bước {step}" in page
        assert after == file_hashes(target / "releases" / str(Target(target).live()) / "site")
    stale = Target(target).stale()
    assert bool(stale) == (step in (2, 3, 4)), stale

    again = ok(publish(project, target))
    if stale:
        assert "Đã dọn 1 mục còn sót từ lần xuất bản bị ngắt trước: releases/" in again.stderr
    assert Target(target).stale() == []
    assert f"Bước {step}" in (target / "current/van-ban/2023/39-hd-btgtu/index.html").read_text("utf-8")


def test_a_failed_link_check_names_its_step_and_changes_nothing(published: tuple[Path, Path]) -> None:
    project, target = published
    before = live(target)
    write_files(project / "docs", {"thu.html": '<p><img src="/anh.png"><a href="khong-co/">x</a></p>'})
    result = publish(project, target)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "lỗi: bước 3/6 (kiểm tra liên kết) thất bại: 2 liên kết hỏng hoặc trỏ ra ngoài trang:\n"
        "  thu.html: `/anh.png` (src của <img>) là địa chỉ từ gốc máy chủ: hỏng khi trang chạy dưới "
        "đường dẫn /van-kien/; dùng địa chỉ tương đối\n"
        "  thu.html: `khong-co/` (href của <a>) không tìm thấy: khong-co/" + KEPT
    )
    assert live(target) == before
    assert Target(target).stale() == []


def test_a_url_moved_without_redirect_fails_the_publish(published: tuple[Path, Path]) -> None:
    project, target = published
    before = live(target)
    page = project / "directives/2023/tin-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he.md"
    page.write_text(
        page.read_text("utf-8").replace(
            "id: tin-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he", "id: tin-moi"
        ),
        "utf-8",
    )
    result = publish(project, target)
    assert result.returncode == 1
    assert (
        "lỗi: bước 4/6 (so sánh với bản đang chạy) thất bại: 1 văn bản đổi địa chỉ so với bản đang chạy "
        "mà không khai báo `redirect_from`:\n"
    ) in result.stderr
    assert (
        "thêm `redirect_from: [/van-ban/2023/tin-day-manh-tuyen-truyen-ve-cong-tac-xay-dung-dang-va-he/]`"
        in (result.stderr)
    )
    assert live(target) == before


# Bad input: one test per case, each with its exact message.


def test_a_target_that_is_a_file_is_refused(site_project: Path, tmp_path: Path) -> None:
    target = tmp_path / "srv"
    target.write_text("không phải thư mục")
    result = publish(site_project, target)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"lỗi: bước 1/6 (chuẩn bị thư mục đích) thất bại: {target} là một tệp, không phải thư mục" + KEPT
    )
    assert target.read_text() == "không phải thư mục"


def test_an_unwritable_target_is_refused(tmp_path: Path) -> None:
    # CI runs as root, for whom every folder is writable: the publish runs as `nobody`.
    require(os.geteuid() == 0 and shutil.which("runuser") is not None, "chạy với quyền root (có runuser)")
    shared = Path(tempfile.mkdtemp(prefix="vankien-publish-"))
    try:
        shared.chmod(0o755)
        project = shared / "project"
        project.mkdir()
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        target = shared / "srv"
        target.mkdir(mode=0o755)
        if _runs_as_nobody():
            result = publish(project, target, user="nobody")
            code, stderr = result.returncode, result.stderr
        else:
            code, stderr = _publish_as_nobody(project, target, tmp_path / "stderr")
        assert code == 1, stderr
        assert stderr.strip() == (
            f"lỗi: bước 1/6 (chuẩn bị thư mục đích) thất bại: không có quyền ghi vào {target}" + KEPT
        )
        assert list(target.iterdir()) == []
    finally:
        shutil.rmtree(shared)


def _runs_as_nobody() -> bool:
    probe = ["runuser", "-u", "nobody", "--", sys.executable, "-c", "import vankien"]
    return subprocess.run(probe, capture_output=True, check=False, timeout=60).returncode == 0


def _publish_as_nobody(project: Path, target: Path, stderr: Path) -> tuple[int, str]:
    """When `nobody` cannot run this interpreter (a Python under /root), a forked child drops to
    `nobody` with the code already loaded and runs the same command."""
    import pwd

    import vankien.adapters.staged_build  # noqa: F401  (loaded before the child loses /root)
    from vankien.cli import main

    nobody = pwd.getpwnam("nobody")
    with stderr.open("w") as sink:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 2
            try:
                os.chdir(project)
                os.dup2(sink.fileno(), 2)
                # pytest has replaced sys.stderr; the command writes to the real one.
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                os.setgroups([])
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
                main(["publish", "--to", str(target), "--site-url", SITE_URL])
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), stderr.read_text()


def test_a_target_on_another_filesystem_is_switched_atomically(site_project: Path) -> None:
    shm = Path("/dev/shm")
    require(
        shm.is_dir() and os.access(shm, os.W_OK) and os.stat(shm).st_dev != os.stat(site_project).st_dev,
        "/dev/shm là tmpfs khác hệ thống tệp với thư mục tạm",
    )
    target = Path(tempfile.mkdtemp(prefix="vankien-publish-", dir=shm))
    try:
        ok(publish(site_project, target))
        edit_title(site_project, "Khác thiết bị")
        result = ok(publish(site_project, target))
        assert "Invalid cross-device link" not in result.stderr
        release = (target / "current").resolve()
        # Built where it is served: the switch is a rename within one filesystem.
        assert os.stat(release).st_dev == os.stat(target).st_dev
        assert "Khác thiết bị" in (release / "van-ban/2023/39-hd-btgtu/index.html").read_text("utf-8")
    finally:
        shutil.rmtree(target)


def test_a_concurrent_publish_is_refused(published: tuple[Path, Path]) -> None:
    project, target = published
    before = live(target)
    with (target / LOCK).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = publish(project, target)
        rollback = publish(project, target, "--rollback")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"lỗi: bước 1/6 (chuẩn bị thư mục đích) thất bại: đang có một lần xuất bản khác vào {target} "
        f"(khóa {target / LOCK} đang bị giữ); chờ lần đó xong rồi chạy lại" + KEPT
    )
    assert rollback.stderr.strip() == (
        f"lỗi: quay lại thất bại: đang có một lần xuất bản khác vào {target} "
        f"(khóa {target / LOCK} đang bị giữ); chờ lần đó xong rồi chạy lại"
    )
    assert live(target) == before


def test_a_symlink_out_of_the_archive_is_never_published(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    project, target = published
    before = live(target)
    outside = tmp_path / "ngoai.md"
    outside.write_text(
        "---\nsymbol: 7-KL/TW\ntype: Kết luận\nissuer: Bộ Chính trị\ndate: 01/02/2023\ntitle: Mật\n---\nNgoài kho\n"
    )
    (project / "directives/2023/ngoai.md").symlink_to(outside)
    result = publish(project, target)
    assert result.returncode == 1
    assert (
        "directives/2023/ngoai.md:0: lỗi: liên kết (symlink) trỏ ra ngoài thư mục kho; không đọc và không "
        "xuất bản. Chép văn bản vào kho nếu nó thuộc kho"
    ) in result.stderr
    assert result.stderr.strip().endswith(
        "lỗi: bước 2/6 (dựng trang) thất bại: bản dựng dừng vì lỗi (xem các dòng ở trên)" + KEPT
    )
    assert live(target) == before
    assert Target(target).stale() == []


def test_an_id_that_climbs_out_of_the_site_is_refused(published: tuple[Path, Path]) -> None:
    project, target = published
    before = live(target)
    write_files(
        project / "directives",
        {
            "2023/xau.md": "---\nid: ../../etc\ntype: Hướng dẫn\nissuer: Bộ Chính trị\ndate: 01/02/2023\ntitle: x\n---\n"
        },
    )
    result = publish(project, target)
    assert result.returncode == 1
    assert (
        "directives/2023/xau.md:2: lỗi: mã định danh `../../etc` chỉ được gồm chữ thường không dấu, số và "
        "dấu gạch ngang, vd. `etc`"
    ) in result.stderr
    assert (
        "lỗi: bước 2/6 (dựng trang) thất bại: bản dựng dừng vì lỗi (xem các dòng ở trên)" + KEPT
        in result.stderr
    )
    assert live(target) == before
    assert not (target.parent / "etc").exists()


def test_reserved_names_and_slashes_stay_inside_the_site(site_project: Path, tmp_path: Path) -> None:
    """`con` (a Windows device name), `index`, and a symbol with slashes become folders of the site,
    under the document prefix and year: never a path of their own choosing."""
    head = "type: Hướng dẫn\nissuer: Bộ Chính trị\ndate: 01/02/2023\n"
    write_files(
        site_project / "directives",
        {
            "2023/con.md": f"---\nid: con\n{head}title: Tên dành riêng\n---\n",
            "2023/index.md": f"---\nid: index\n{head}title: Trùng tên trang chủ\n---\n",
            "2023/gach.md": f"---\nsymbol: 12-HD/TW\n{head}title: Ký hiệu nhiều gạch\n---\n",
        },
    )
    target = tmp_path / "srv"
    ok(publish(site_project, target))
    site = (target / "current").resolve()
    assert (site / "van-ban/2023/con/index.html").is_file()
    assert (site / "van-ban/2023/index/index.html").is_file()
    assert (site / "van-ban/2023/12-hd-tw/index.html").is_file()
    # The home page is still the home page.
    assert "Trùng tên trang chủ" not in (site / "index.html").read_text("utf-8").split("<main", 1)[0]
    release = site.parent
    assert sorted(p.name for p in release.iterdir()) == ["release.json", "site"]
    assert sorted(p.name for p in target.iterdir()) == [LOCK, "current", "releases"]


# The link checker on its own, one rule a row.


@pytest.mark.parametrize(
    ("page", "html", "problem"),
    [
        ("a/index.html", '<a href="#muc">x</a><h2 id="muc">m</h2>', None),
        ("a/index.html", '<a href="#khong">x</a>', "không có mục #khong trong a/index.html"),
        ("a/index.html", '<a href="../b/#dich">x</a>', None),
        ("a/index.html", '<a href="../b/#sai">x</a>', "không có mục #sai trong b/index.html"),
        ("a/index.html", '<a href="https://vanban.example/x">x</a>', None),
        ("a/index.html", '<a href="mailto:vp@example.vn">x</a>', None),
        ("a/index.html", '<script src="https://cdn.example/x.js"></script>', "trỏ ra ngoài trang"),
        ("a/index.html", '<link rel="stylesheet" href="//cdn.example/x.css">', "trỏ ra ngoài trang"),
        ("a/index.html", f'<link rel="canonical" href="{SITE_URL}a/">', None),
        ("a/index.html", '<img src="data:image/png;base64,AA==">', None),
        ("a/index.html", '<a href="../../ngoai/">x</a>', "ra ngoài thư mục trang"),
        ("a/index.html", '<a href="/b/">x</a>', "là địa chỉ từ gốc máy chủ"),
        ("a/index.html", '<a href="javascript:alert(1)">x</a>', "dùng giao thức `javascript:`"),
        ("a/index.html", '<meta http-equiv="refresh" content="0; url=../c/">', "không tìm thấy: c/"),
        ("404.html", '<a href="/van-kien/b/">x</a>', None),
        ("404.html", '<a href="/b/">x</a>', "không nằm dưới đường dẫn /van-kien/"),
    ],
)
def test_link_rules(tmp_path: Path, page: str, html: str, problem: str | None) -> None:
    write_files(tmp_path, {"b/index.html": '<p id="dich">b</p>', page: html})
    found = check_site(tmp_path, SITE_URL).problems
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0].reason, found
