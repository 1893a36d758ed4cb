"""The CI examples in deploy/ work: the commands of `deploy/gitlab-ci.yml` (`script:`) and of
`deploy/github-actions.yml` (`run:`), read from the YAML as CI reads it, run through a shell in
a copy of the project against a temporary target, in the order CI runs them: a merge request's
build, two publishes from the main branch, then the manual rollback.

Only `VANKIEN_TARGET` is changed (the publishing folder); every other variable is the file's own.
The copy has the project's files and a `.venv` linking the repository's, already installed, so
`make` installs nothing (CI installs it the same way, with `make`, on a fresh checkout).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO
from tests.support.environment import require

pytestmark = [pytest.mark.build]

GITLAB = REPO / "deploy" / "gitlab-ci.yml"
GITHUB = REPO / "deploy" / "github-actions.yml"
INSTALLED = REPO / ".venv" / ".installed"
DAY = 86_400


@dataclass(frozen=True)
class Pipeline:
    """The commands of each job, and the variables the file sets for all of them."""

    variables: dict[str, str]
    jobs: dict[str, list[str]]


def gitlab_pipeline(path: Path = GITLAB) -> Pipeline:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    jobs = {
        name: [str(line) for line in job["script"]]
        for name, job in data.items()
        if isinstance(job, dict) and "script" in job
    }
    return Pipeline({k: str(v) for k, v in data.get("variables", {}).items()}, jobs)


def github_pipeline(path: Path = GITHUB) -> Pipeline:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    jobs = {
        name: [str(step["run"]) for step in job["steps"] if "run" in step]
        for name, job in data["jobs"].items()
    }
    return Pipeline({k: str(v) for k, v in data.get("env", {}).items()}, jobs)


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.invalid", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout as CI has it: the project's files in a git repository, `.venv` ready."""
    require(INSTALLED.exists(), "thư mục .venv đã cài (chạy `make test` hoặc `make check` một lần)")
    project = tmp_path / "checkout"
    project.mkdir()
    for name in ("mkdocs.yml", "Makefile"):
        shutil.copy(REPO / name, project / name)
    for name in ("docs", "directives"):
        shutil.copytree(REPO / name, project / name)
    # make reinstalls .venv when pyproject.toml is newer than .venv/.installed: keep it older.
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    older = INSTALLED.stat().st_mtime - DAY
    os.utime(project / "pyproject.toml", (older, older))
    (project / ".venv").symlink_to(REPO / ".venv")
    _git(project, "init", "-q")
    _git(project, "add", "mkdocs.yml", "docs", "directives")
    _git(project, "commit", "-qm", "archive")
    return project


def _run(job: str, lines: list[str], project: Path, env: dict[str, str]) -> list[str]:
    """Run a job's commands as CI does (a shell each, stopping at the first failure)."""
    outputs = []
    for line in lines:
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", line],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"{job}: `{line}` exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        outputs.append(done.stdout + done.stderr)
    return outputs


def _live(target: Path) -> str:
    current = target / "current"
    assert current.is_symlink() and (current / "index.html").is_file()
    return os.readlink(current)


@pytest.mark.parametrize("pipeline", [gitlab_pipeline(), github_pipeline()], ids=["gitlab", "github"])
def test_the_documented_commands_build_publish_and_roll_back(
    pipeline: Pipeline, project: Path, tmp_path: Path
) -> None:
    assert set(pipeline.jobs) == {"build", "publish", "rollback"}
    target = tmp_path / "srv" / "van-kien"
    assert pipeline.variables["VANKIEN_TARGET"] == "/srv/van-kien"
    env = {**os.environ, **pipeline.variables, "VANKIEN_TARGET": str(target)}

    # A merge request: the strict check, then the strict build.
    _run("build", pipeline.jobs["build"], project, env)
    assert (project / "site" / "index.html").is_file()
    assert not target.exists(), "a merge request publishes nothing"

    # Main: a publish; then another one after a change to the archive.
    listing = _run("publish", pipeline.jobs["publish"], project, env)[-1]
    first = _live(target)
    assert first.split("/")[1] in listing
    document = project / "directives" / "2023" / "39-hd-btgtu.md"
    document.write_text(document.read_text(encoding="utf-8") + "\nĐoạn bổ sung.\n", encoding="utf-8")
    _git(project, "commit", "-qam", "one more paragraph")
    _run("publish", pipeline.jobs["publish"], project, env)
    second = _live(target)
    assert second != first
    assert "Đoạn bổ sung." in (target / "current" / "van-ban/2023/39-hd-btgtu/index.html").read_text(
        encoding="utf-8"
    )

    # The manual rollback: the live site is the first release again.
    _run("rollback", pipeline.jobs["rollback"], project, env)
    assert _live(target) == first
    assert "Đoạn bổ sung." not in (target / "current" / "van-ban/2023/39-hd-btgtu/index.html").read_text(
        encoding="utf-8"
    )


def test_gitlab_jobs_run_when_the_readme_says() -> None:
    data: dict[str, Any] = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    build_rules = [rule["if"] for rule in data["build"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in build_rules
    assert [rule["if"] for rule in data["publish"]["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert data["publish"].get("when") is None and data["publish"]["stage"] == "publish"
    assert [rule.get("when") for rule in data["rollback"]["rules"]] == ["manual"]
    assert data["publish"]["resource_group"] == data["rollback"]["resource_group"]


def test_github_jobs_run_when_the_readme_says() -> None:
    data: dict[Any, Any] = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    triggers = data[True]
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    jobs = data["jobs"]
    assert jobs["publish"]["needs"] == "build"
    assert "refs/heads/main" in jobs["publish"]["if"] and "push" in jobs["publish"]["if"]
    assert "workflow_dispatch" in jobs["rollback"]["if"]
    assert jobs["publish"]["concurrency"] == jobs["rollback"]["concurrency"]
