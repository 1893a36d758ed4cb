"""The bundled sample archive: valid under --strict, and true to the texts it was written from."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.support.environment import shared_texts
from vankien.core.loader import load_archive

SAMPLES = {
    # shared text -> id of the document written from it by hand
    "002_4e67371777f5c9db.txt": "hd-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang",
    "003_c29fc024aaed275f.txt": "kh-ban-to-chuc-tinh-uy-tuyen-truyen-xay-dung-dang-2024",
}


def test_sample_archive_has_no_problem_at_all() -> None:
    result = load_archive(REPO / "directives")
    assert [p.format() for p in result.problems] == []
    assert len(result) >= 3


@pytest.mark.parametrize(("text_name", "document_id"), SAMPLES.items())
def test_sample_document_states_what_its_text_states(text_name: str, document_id: str) -> None:
    texts = shared_texts()
    expected = json.loads((texts / "references.json").read_text(encoding="utf-8"))[text_name]["self"]
    document = load_archive(REPO / "directives").get(document_id)
    assert document is not None
    assert document.type.name == expected["type"]
    assert document.symbol is None and expected["symbol"] is None  # neither text gives a number
    assert document.date is None and expected["date"] is None
    assert document.issuer == expected["issuer"] or document.issuer.startswith(expected["issuer"])
    assert document.title.lower() == expected["title"].lower()
    signer = document.signer
    assert (signer.name if signer else None) == expected["signer"]
    assert (signer.title if signer else None) == expected["signer_title"]
    assert (signer.authority if signer else None) == expected["signer_authority"]
    assert list(document.recipients) == (expected["recipients"] or [])
    # The body is the text itself: its opening formula is there word for word.
    source = (texts / text_name).read_text(encoding="utf-8")
    opening = document.body.strip().splitlines()[0]
    assert opening in source
