"""The import corpus end to end: fifty-four real texts imported into an empty archive, built as a
site, and measured against the hand annotations (`tests/corpus/`).

Asserted: no text refused; type, symbol, date, issuer and title right for at least 90 % of the
texts that state them; numbered references of the kept text with precision and recall of at
least 0.95; every in-corpus reference linking from the citing document to the cited one and to
no other (or, where the citing text writes another number or date, the cited document offered
as "có thể là"); every cascade root's lineage section showing each document at its annotated
level. The figures are printed (`pytest -s`) and by `scripts/score_import.py`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import REPO
from tests.support.corpus_scoring import (
    CORPUS,
    TEXTS,
    THRESHOLD,
    CorpusScores,
    annotations,
    cascades,
    report,
    score_corpus,
)
from tests.support.reference_scoring import THRESHOLD as REFERENCE_THRESHOLD
from vankien.cli.importing import import_command
from vankien.core.model import Document
from vankien.core.symbols import number_key, symbol_key
from vankien.graph.analysis import Analysis, analyse_archive
from vankien.graph.lineage import lineage

_WRITTEN = re.compile(r"^(?P<source>\S+\.txt) → (?P<target>\S+\.md)$", re.M)


@pytest.fixture(scope="module")
def scores() -> CorpusScores:
    result, _ = score_corpus()
    print("\n" + report(result, details=False))
    return result


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], str]:
    """The corpus imported with `--add-issuers` into the empty archive of a fresh project."""
    project = tmp_path_factory.mktemp("corpus")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    archive = project / "directives"
    archive.mkdir()
    texts = sorted(TEXTS.glob("*.txt"))
    result = CliRunner().invoke(import_command, [*map(str, texts), "--out", str(archive), "--add-issuers"])
    written = {Path(m["source"]).name: Path(m["target"]) for m in _WRITTEN.finditer(result.stdout)}
    return project, written, result.stderr


@pytest.fixture(scope="module")
def analysis(imported: tuple[Path, dict[str, Path], str]) -> Analysis:
    return analyse_archive(imported[0] / "directives")


def _document(analysis: Analysis, written: dict[str, Path], name: str) -> Document:
    relative = written[name].resolve().relative_to(analysis.archive.root.resolve()).as_posix()
    found = next((d for d in analysis.archive if d.path.endswith(relative)), None)
    target = written[name]
    assert found is not None, f"{name}: {target} not in the archive"
    return found


def test_the_annotations_are_consistent() -> None:
    checked = subprocess.run(
        [sys.executable, str(CORPUS / "check_references.py")], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout[-2000:]


def test_no_text_is_refused_and_the_archive_has_no_error(
    imported: tuple[Path, dict[str, Path], str], analysis: Analysis
) -> None:
    _, written, stderr = imported
    assert sorted(written) == sorted(annotations()), stderr[-3000:]
    assert f"Đã nhập {len(annotations())} tệp, 0 tệp lỗi." in stderr
    assert [p.format() for p in analysis.problems.errors] == []


@pytest.mark.parametrize("field", ["type", "symbol", "date", "issuer", "title"])
def test_fields_are_read_right_in_nine_texts_of_ten(scores: CorpusScores, field: str) -> None:
    score = scores.fields[field]
    assert score.share >= THRESHOLD, "\n".join(score.wrong)


def test_numbered_references_of_the_kept_text(scores: CorpusScores) -> None:
    numbered = scores.numbered
    assert numbered.precision >= REFERENCE_THRESHOLD, numbered.summary()
    assert numbered.recall >= REFERENCE_THRESHOLD, numbered.summary()


def _offered() -> dict[str, str]:
    """Citing file -> cited file the corpus links only as "có thể là" (another number or date)."""
    return {citing: chain["root"] for chain in cascades() for citing in chain.get("offered", {})}


def _same_document(reference: Any, annotated: dict[str, Any]) -> bool:
    if annotated["symbol"] and reference.symbol:
        return bool(symbol_key(annotated["symbol"]) == symbol_key(reference.symbol))
    return bool(
        annotated["number"]
        and reference.number
        and number_key(annotated["number"]) == number_key(reference.number)
        and reference.type == annotated["type"]
    )


def test_every_in_corpus_reference_links_to_the_cited_document_and_no_other(
    imported: tuple[Path, dict[str, Path], str], analysis: Analysis
) -> None:
    _, written, _ = imported
    offered = _offered()
    graph = analysis.graph
    checked = 0
    for name, entry in annotations().items():
        targets = [r for r in entry["refs"] if r.get("target") and r["target"] != name and r["numbered"]]
        if not targets:
            continue
        citing = _document(analysis, written, name)
        links = graph.body_links.get(citing.id, [])
        citations = [graph.citation_link(citing, c.line) for cs in citing.relations.values() for c in cs]
        for annotated in targets:
            cited = _document(analysis, written, annotated["target"])
            matching = [link for link in links if _same_document(link.reference, annotated)]
            if offered.get(name) == annotated["target"]:
                stubs = {link.stub.final().slug: link.stub.final() for link in matching if link.stub}
                stubs.update(
                    {c.stub.final().slug: c.stub.final() for c in citations if c is not None and c.stub}
                )
                assert any(cited in stub.candidates for stub in stubs.values()), (name, annotated["surface"])
                continue
            assert matching or any(c is not None and c.target is cited for c in citations), (
                f"{name}: `{annotated['surface']}` is not linked"
            )
            wrong = [link for link in matching if link.resolution.target is not cited]
            assert wrong == [], f"{name}: `{annotated['surface']}` links elsewhere: {wrong}"
            checked += 1
    assert checked >= 20


def test_each_cascade_root_shows_its_documents_at_their_levels(
    imported: tuple[Path, dict[str, Path], str], analysis: Analysis
) -> None:
    project, written, _ = imported
    from vankien.adapters import staged_build as publish

    publish.build_site(project / "mkdocs.yml", project / "site", strict=False)
    offered = _offered()
    for chain in cascades():
        root = _document(analysis, written, chain["root"])
        shown = {
            node.document.id: depth
            for depth, level in enumerate(lineage(analysis.graph, root).descendant_levels(), start=1)
            for node in level
        }
        expected = {
            _document(analysis, written, name).id: depth
            for name, depth in chain["levels"].items()
            if depth > 0
            and name not in offered
            and not any(
                offered.get(other) == chain["root"] and chain["levels"][other] < depth
                for other in chain["levels"]
            )
        }
        assert {doc_id: shown.get(doc_id) for doc_id in expected} == expected, chain["root"]
        if not expected:
            continue
        page = project / "site" / root.url.strip("/") / "index.html"
        html = page.read_text(encoding="utf-8")
        section = html[html.index('class="vk-lineage') :]
        for doc_id in expected:
            slug = analysis.archive.get(doc_id).url.rstrip("/").rsplit("/", 1)[-1]  # type: ignore[union-attr]
            assert slug in section, f"{chain['root']}: {doc_id} missing from the lineage section"


def test_the_figures_are_printed(scores: CorpusScores) -> None:
    figures = report(scores, details=False)
    print("\n" + figures)
    assert "references, numbered" in figures and json.dumps(len(scores.references))
