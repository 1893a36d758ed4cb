"""What the search index carries for the reader's filters and results: each document's hiệu lực as
the site shows it (derived from the graph when the editor wrote none), every status in the order
readers know, and the signer's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_files
from tests.factories import analyse_files, doc
from tests.support.search_oracle import Filters, searcher_for, searcher_in_memory
from vankien.adapters.staged_build import build_site
from vankien.core.validity import EXPIRED, IN_FORCE, STATUSES, UNKNOWN
from vankien.search.index import Entry, build_index

# 902-QĐ/TW replaces 901-QĐ/TW; neither file says its status (as in the sample archive).
OLD = doc("901-QĐ/TW", "Quy định", "Ban Bí thư", "01/03/2010", "Về việc sử dụng con dấu")
NEW = doc(
    "902-QĐ/TW",
    "Quy định",
    "Ban Bí thư",
    "01/03/2015",
    "Về việc sử dụng con dấu (thay thế)",
    "relations:\n  replaces:\n    - Quy định số 901-QĐ/TW ngày 01/3/2010\n",
)


def test_the_index_carries_the_status_derived_from_the_graph(tmp_path: Path) -> None:
    analysis = analyse_files(tmp_path, {"2010/901-qd-tw.md": OLD, "2015/902-qd-tw.md": NEW})
    searcher = searcher_in_memory(build_index([Entry.of(d) for d in analysis.archive]))
    statuses = {h.symbol: h.status for h in searcher.search("")}
    # Replaced by an archived document: hết hiệu lực; the newer one is never "còn hiệu lực" unproven.
    assert statuses == {"901-QĐ/TW": EXPIRED, "902-QĐ/TW": UNKNOWN}
    assert [h.symbol for h in searcher.search("", Filters(statuses=(EXPIRED,)))] == ["901-QĐ/TW"]
    assert [h.symbol for h in searcher.search("con dấu", Filters(statuses=(UNKNOWN,)))] == ["902-QĐ/TW"]
    assert searcher.search("con dấu", Filters(statuses=(IN_FORCE,))) == []


@pytest.mark.build
def test_the_built_site_indexes_the_analysed_archive(site_project: Path) -> None:
    """Through the real plugins: the status in search/catalogue.json is the derived one."""
    write_files(site_project / "directives", {"2010/901-qd-tw.md": OLD, "2015/902-qd-tw.md": NEW})
    site = site_project / "site"
    build_site(site_project / "mkdocs.yml", site)
    searcher = searcher_for(site / "search")
    by_symbol = {h.symbol: h.status for h in searcher.search("") if h.symbol in ("901-QĐ/TW", "902-QĐ/TW")}
    assert by_symbol == {"902-QĐ/TW": UNKNOWN, "901-QĐ/TW": EXPIRED}
    catalogue = json.loads((site / "search" / "catalogue.json").read_text(encoding="utf-8"))
    assert catalogue["statuses"][: len(STATUSES)] == list(STATUSES)


def test_every_status_is_offered_in_reading_order() -> None:
    """The filter lists all five statuses, in the order of the card, even those no document has."""

    def entry(url: str, status: str) -> Entry:
        return Entry(url, "Quy định", "", "2020-01-01", "Ban Bí thư", "x", status, (), "")

    built = build_index([entry("a/", UNKNOWN), entry("b/", EXPIRED)])
    assert built.catalogue["statuses"] == list(STATUSES)


def test_the_signer_is_in_the_catalogue(tmp_path: Path) -> None:
    signed = doc(
        "39-HD/BTGTU",
        "Hướng dẫn",
        "Ban Tuyên giáo Trung ương",
        "26/06/2023",
        "Đẩy mạnh tuyên truyền",
        "signer:\n  name: Cù Ngọc Cường\n  title: BÍ THƯ\n",
    )
    analysis = analyse_files(tmp_path, {"2023/39.md": signed, "2010/901-qd-tw.md": OLD})
    searcher = searcher_in_memory(build_index([Entry.of(d) for d in analysis.archive]))
    assert {h.symbol: h.signer for h in searcher.search("")} == {
        "39-HD/BTGTU": "Cù Ngọc Cường",
        "901-QĐ/TW": "",
    }
