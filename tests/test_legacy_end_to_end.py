"""What the UTF-8 path finds (symbol, date, issuer, basis), the TCVN3, VNI and Windows-1258 paths
find too: every real text of the import corpus, written in each encoding with bytes learnt from
real legacy files (`tests/support/real_legacy.py`, never the importer's own tables), read back
through `read_source` and imported.

Found this way (first reproduced, then fixed in `importer/lines.py`): TCVN3 has no code for a capital
with a tone mark, so a header typed in capitals comes back "ủY BAN NHÂN DÂN" or "Bộ" / "CHÍNH TRỊ"
and its issuer was lost (054, 034, 008).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import real_legacy
from vankien.core.text import fold
from vankien.importer import import_text, read_source
from vankien.importer.encodings import decode_tcvn3, decode_vni

CORPUS = Path(__file__).parent / "corpus" / "texts"
ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "tcvn3": real_legacy.encode_tcvn3,
    "vni": real_legacy.encode_vni,
    "cp1258": real_legacy.encode_cp1258,
}
LEFT_OUT = {
    # Scrambled diacritics (combining marks on the wrong letters): no legacy encoding can hold them,
    # and the detector rightly finds no Vietnamese in them.
    "006_kl127-kl-tw-scrambled-diacritics.txt",
    # "Ð" (U+00D0, Icelandic eth) and "✅": characters no Vietnamese code page has.
    "010_ct06-ct-tw-2006-hatinh-dcs-listing.txt",
    "016_hd165-btgtw-2020-wikihoc.txt",
}
TEXTS = sorted(p.name for p in CORPUS.glob("*.txt") if p.name not in LEFT_OUT)


def _facts(path: Path) -> tuple[str, tuple[object, ...]]:
    decoded = read_source(path)
    doc = import_text(decoded.text, encoding=decoded.encoding)
    # TCVN3 cannot hold "Ủ" in "Tỉnh Ủy": the issuer is compared as the registry compares names.
    issuer = fold(doc.issuer) if doc.issuer else None
    # A citation's documents, by type, number and date: TCVN3 writes "của Ủy ban nhân dân" in
    # lower case ("của ủy ban …"), which the grammar does not take for a body's name.
    basis = tuple(c.text.split(" của ")[0] for c in doc.basis)
    return decoded.encoding, (doc.kind, doc.type, doc.symbol, doc.date, issuer, basis)


@pytest.mark.parametrize("encoding", ENCODERS)
@pytest.mark.parametrize("name", TEXTS)
def test_every_encoding_finds_what_utf8_finds(name: str, encoding: str, tmp_path: Path) -> None:
    # Each row: a real text of tests/corpus/texts/ (its file name says where it was seen).
    text = (CORPUS / name).read_text(encoding="utf-8")
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(text.encode("utf-8"))
    legacy = tmp_path / f"{encoding}.txt"
    legacy.write_bytes(ENCODERS[encoding](text))
    found, facts = _facts(legacy)
    assert found == encoding
    assert facts == _facts(utf8)[1]


def test_the_utf8_path_finds_something_in_most_texts() -> None:
    # The table above compares like with like: it proves little if the UTF-8 path found nothing.
    symbols = [_facts_from_text((CORPUS / name).read_text(encoding="utf-8")) for name in TEXTS]
    assert sum(1 for symbol in symbols if symbol) >= 25


def _facts_from_text(text: str) -> str | None:
    return import_text(text).symbol


# --- the encoders agree with the real bytes they were built from ----------------------------------

SAMPLES = json.loads((CORPUS.parent.parent / "fixtures" / "legacy_bytes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "sample",
    [s for s in SAMPLES if s["encoding"] in ("tcvn3", "vni")],
    ids=lambda s: f"{s['encoding']}: {s['text'][:30]}",
)
def test_the_encoders_write_the_real_strings_byte_for_byte(sample: dict[str, str]) -> None:
    encode = real_legacy.encode_tcvn3 if sample["encoding"] == "tcvn3" else real_legacy.encode_vni
    assert encode(sample["text"]) == bytes.fromhex(sample["bytes_hex"])


def test_windows_1258_is_written_as_word_writes_it() -> None:
    # NSIS's Vietnamese strings (typed in Word-era tools) write every tone as a combining mark.
    for sample in (s for s in SAMPLES if s["encoding"] == "cp1258" and "nsis" in s["seen_in"]):
        assert real_legacy.encode_cp1258(sample["text"]) == bytes.fromhex(sample["bytes_hex"])


def test_the_published_code_page_agrees_with_the_decoder() -> None:
    # libiconv's TCVN rows against the importer's TCVN3 table: two independent sources.
    for char, byte in real_legacy.code_page("tcvn3").items():
        assert decode_tcvn3(bytes([byte])) == char


def test_vni_letters_learnt_from_real_strings_agree_with_the_decoder() -> None:
    sources = real_legacy.vni_letter_sources(
        (CORPUS / "002_nq03-nq-cp-chuong-trinh-hanh-dong-nq57.txt").read_text()
    )
    for letter, source in sources.items():
        if source != "table":
            assert decode_vni(real_legacy.encode_vni(letter, strict=True)) == letter
    # Most letters come from real strings or their parts; the rest is said, not hidden.
    assert sum(1 for s in sources.values() if s != "table") >= len(sources) // 2
