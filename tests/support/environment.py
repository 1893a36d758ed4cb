"""What some tests need from outside the repository, and one policy when it is missing.

Locally, a test whose requirement is missing is skipped and says what to install or where to
put it; under CI (`CI=true`, set by `.ci/run`) it fails instead, so CI never passes by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ON_CI = os.environ.get("CI") == "true"


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (CI) the calling test when `available` is false; `what` says the fix."""
    if available:
        return
    if ON_CI:
        pytest.fail(f"CI cần {what}")
    pytest.skip(f"cần {what}")


def shared_texts_dir() -> Path:
    """../shared/texts beside the checkout, or VANKIEN_SHARED_TEXTS (it may be missing)."""
    override = os.environ.get("VANKIEN_SHARED_TEXTS")
    return Path(override) if override else REPO.parent / "shared" / "texts"


def shared_texts() -> Path:
    """The five hand-annotated texts of ../shared/texts, required (see `require`)."""
    texts = shared_texts_dir()
    require(
        (texts / "references.json").is_file(),
        f"thư mục shared/texts cạnh kho mã ({texts}); hoặc đặt VANKIEN_SHARED_TEXTS",
    )
    return texts
